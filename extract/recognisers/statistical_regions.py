"""Places the statistical tagger proposes, validated by the divisions table.

The region rules read a city's or county's short form (海口, 邯郸) only in a
document that also writes its full name, since many short forms are
ordinary words (合作, 安宁, 长治). Where the tagger reads the word as a place
(``LOC``) in its sentence, the short form is that division: 海口 in
``南海网海口7月19日消息`` is 海口市. A proposal that is no name in the
divisions table is dropped (人民大会堂, 海心沙 are places, not divisions);
one inside a body, programme, document or event name found by the rules is
part of that name.

>>> from extract.normalise import normalise
>>> from extract.recognisers import find_mentions
>>> found = find_mentions(normalise("石家庄、邯郸两地职工参加比赛。"))
>>> sorted(m.label for m in found.of("Region"))
['石家庄市', '邯郸市']
"""

from __future__ import annotations

from extract import lexicon
from extract.recognisers.base import Found, Scan, register
from extract.recognisers.regions import region_mention
from extract.spans import SpanSet


@register
class StatisticalRegionRecogniser:
    """Short forms of divisions that the tagger reads as places."""

    name = "statistical-regions"
    order = 12

    def find(self, scan: Scan) -> Found:
        tags = scan.tags
        if not tags:
            return Found()
        short = lexicon.regions_by_short()
        have = SpanSet.of((m.start, m.end) for m in scan.found.mentions)
        out = []
        for t in tags:
            if t.tag != "LOC":
                continue
            region = short.get(t.text)
            if region is None or have.overlaps(t.start, t.end):
                continue
            out.append(region_mention(region, t.text, t.start, "statistical"))
        return Found(out)
