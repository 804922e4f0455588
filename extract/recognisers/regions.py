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

from extract import lexicon
from extract.lexicon import CJK, Region
from extract.records import Mention

_TOWN = re.compile(rf"[{CJK}]{{2,3}}?(?:镇|乡|街道)")
_MAXLEN = 12


def region_mention(r: Region, surface: str, start: int, rule: str) -> Mention:
    return Mention("Region", r.name, surface, start, start + len(surface), rule=rule,
                   attrs=(("code", r.code), ("division", r.level)))


def match_region_at(text: str, i: int, allow_city_short: bool) -> tuple[Region, str] | None:
    """The longest region name starting at ``i``: (region, surface)."""
    full, short = lexicon.regions_by_name(), lexicon.regions_by_short()
    for n in range(min(_MAXLEN, len(text) - i), 1, -1):
        s = text[i:i + n]
        r = full.get(s)
        if r is not None:
            return r, s
        r = short.get(s)
        if r is not None and (r.level == "province" or allow_city_short):
            # a short form must not swallow the suffix of a longer word: 吉林省 is matched as full
            return r, s
    return None


def find(norm) -> list[Mention]:
    text = norm.text
    full = lexicon.regions_by_name()
    present = {r.code for name, r in full.items() if name in text} if len(text) < 2_000_000 else set()
    out: list[Mention] = []
    towns: dict[str, Region] = {}
    i, n = 0, len(text)
    while i < n:
        if not ("\u4e00" <= text[i] <= "\u9fff"):
            i += 1
            continue
        hit = match_region_at(text, i, allow_city_short=False)
        if hit is None:
            r = lexicon.regions_by_short().get(text[i:i + 2]) or lexicon.regions_by_short().get(text[i:i + 3])
            if r is not None and r.code in present:
                s = r.short
                if text.startswith(s, i):
                    hit = (r, s)
        if hit is None:
            town = next((t for name, t in towns.items() if text.startswith(name, i)), None)
            if town is not None:
                out.append(region_mention(town, town.name, i, "town"))
                i += len(town.name)
                continue
            i += 1
            continue
        r, s = hit
        out.append(region_mention(r, s, i, "region-full" if s == r.name else "region-short"))
        i += len(s)
        if r.level == "county" or (r.level == "prefecture" and s == r.name):
            m = _TOWN.match(text, i)
            if m and lexicon.regions_by_name().get(m.group(0)) is None and not _is_body(text, i):
                town = Region(f"{r.code}:{m.group(0)}", m.group(0), "", "town", r.code)
                towns[town.name] = town
                out.append(region_mention(town, m.group(0), i, "town"))
                i = m.end()
    return out


def _is_body(text: str, i: int) -> bool:
    """``市委``, ``县政府``: what follows a city is a body, not a town."""
    return any(text.startswith(b.body, i) for b in lexicon.org_bodies())


def town_region(mention: Mention) -> Region:
    code = mention.attr("code")
    return lexicon.regions_by_code().get(code) or Region(code, mention.label, "", "town", code.split(":")[0])
