"""Events: named congresses, meetings and sessions, by the patterns in
``event_patterns.tsv``. Numbered forms are normalised by rule so that every
way of writing one congress has one label and keeps the others as aliases.

>>> from extract.normalise import normalise
>>> [(m.label, m.aliases) for m in find(normalise("中国工会十七大开幕。"))]
[('中国工会第十七次全国代表大会', ('中国工会十七大', '工会十七大'))]
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import lexicon
from extract.records import Mention
from extract.recognisers.base import Found, Scan, register


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, str, tuple[str, ...]], ...]:
    out = []
    for row in lexicon.patterns("event_patterns.tsv"):
        aliases = tuple(a for a in (row[2].split("|") if len(row) > 2 else ()) if a)
        out.append((re.compile(row[0]), row[1], aliases))
    return tuple(out)


def _fill(template: str, m: re.Match) -> str:
    return re.sub(r"\{(\d)\}", lambda g: m.group(int(g.group(1))) or "", template)


def find(norm, *args) -> list[Mention]:
    text = norm.text
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for rx, label_t, alias_ts in _patterns():
        for m in rx.finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            label = _fill(label_t, m)
            aliases = tuple(dict.fromkeys(a for a in (_fill(t, m) for t in alias_ts) if a and a != label))
            taken.append((s, e))
            out.append(Mention("Event", label, m.group(0), s, e, rule="event-pattern", aliases=aliases))
    return sorted(out, key=lambda m: (m.start, -m.end, m.label))


@register
class EventsRecogniser:
    """Event mentions (:func:`find`)."""

    name = "events"
    order = 50

    def find(self, scan: Scan) -> Found:
        return Found(find(scan.norm))
