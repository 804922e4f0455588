"""Regions: provinces, cities, counties and the towns written after them.

Full names (辽宁省, 义乌市, 越城区) are read anywhere; short forms of
provinces (辽宁, 内蒙古) anywhere; short forms of cities (义乌, 绍兴) only in
a document that also gives the full name, since many are ordinary words
(合作, 安宁, 长治). A town or township (枫桥镇, 赵家镇) counts where it is
written straight after its county, and after that wherever it recurs.

>>> from extract.normalise import normalise
>>> [(m.label, m.surface) for m in find(normalise("诸暨市枫桥镇在浙江。浙江诸暨"))]
[('诸暨市', '诸暨市'), ('枫桥镇', '枫桥镇'), ('浙江省', '浙江'), ('浙江省', '浙江'), ('诸暨市', '诸暨')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import lexicon
from extract.lexicon import CJK, Region
from extract.records import Mention
from extract.spans import SpanSet
from extract.recognisers.base import Found, Scan, register

_TOWN = re.compile(rf"[{CJK}]{{2,3}}?(?:镇|乡|街道)")


def region_mention(r: Region, surface: str, start: int, rule: str) -> Mention:
    return Mention("Region", r.name, surface, start, start + len(surface), rule=rule,
                   attrs=(("code", r.code), ("division", r.level)))


def scan(text: str) -> list[tuple[int, str, Region, bool]]:
    """Leftmost-longest region names: ``(start, surface, region, is_full)``.
    A scan of the recognisers computes it once per text
    (:attr:`extract.recognisers.base.Scan.region_hits`)."""
    out = []
    for end, (surface, region, full) in lexicon.region_automaton().iter_long(lexicon.region_text(text)):
        out.append((end - len(surface) + 1, surface, region, full))
    return out


@lru_cache(maxsize=1)
def _name_lengths() -> dict[str, tuple[int, ...]]:
    return lexicon.key_lengths([*lexicon.regions_by_name(), *lexicon.regions_by_short()])


def match_region_at(text: str, i: int, allow_city_short: bool) -> tuple[Region, str] | None:
    """The longest region name starting at ``i``: (region, surface).

    >>> match_region_at("在辽宁省沈阳市", 1, False)[1], match_region_at("在辽宁省", 0, False)
    ('辽宁省', None)
    """
    lengths = _name_lengths().get(text[i:i + 2], ())
    full, short = lexicon.regions_by_name(), lexicon.regions_by_short()
    longest = min(12, len(text) - i)
    for n in lengths:
        if n > longest or n < 2:
            continue
        s = text[i:i + n]
        r = full.get(s)
        if r is not None:
            return r, s
        r = short.get(s)
        if r is not None and (r.level == "province" or allow_city_short):
            return r, s
    return None


def find(norm, hits: list | None = None) -> list[Mention]:
    text = norm.text
    hits = scan(text) if hits is None else hits
    present = {r.code for _, _, r, full in hits if full}
    out: list[Mention] = []
    towns: dict[str, Region] = {}
    for start, surface, r, full in hits:
        if not full and r.level != "province" and r.code not in present:
            continue
        out.append(region_mention(r, surface, start, "region-full" if full else "region-short"))
        end = start + len(surface)
        if r.level == "county" or (r.level == "prefecture" and full):
            m = _TOWN.match(text, end)
            if m and lexicon.regions_by_name().get(m.group(0)) is None and not _is_body(text, end):
                town = Region(f"{r.code}:{m.group(0)}", m.group(0), "", "town", r.code)
                towns[town.name] = town
    if towns:
        pat = re.compile("|".join(re.escape(t) for t in sorted(towns, key=len, reverse=True)))
        taken = SpanSet()
        for m in out:
            taken.add(m.start, m.end)
        for m in pat.finditer(text):
            if not taken.overlaps(m.start(), m.end()):
                out.append(region_mention(towns[m.group(0)], m.group(0), m.start(), "town"))
        out.sort(key=lambda m: m.start)
    return out


def _is_body(text: str, i: int) -> bool:
    """``市委``, ``县政府``: what follows a city is a body, not a town."""
    return any(text.startswith(b.body, i) for b in lexicon.org_bodies_by_first().get(text[i:i + 1], ()))


@register
class RegionsRecogniser:
    """Region mentions (:func:`find`)."""

    name = "regions"
    order = 10

    def find(self, scan: Scan) -> Found:
        return Found(find(scan.norm, scan.region_hits))
