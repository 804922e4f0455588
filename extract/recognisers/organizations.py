"""Organizations: national bodies, bodies named after a region, named bodies
known by their last word, and bodies inside bodies.

Besides a region and a body word (辽宁省总工会) and a name and its last word
(迪尚集团), a body is read where it is named: with its level word alone and
a trade, field or department (省电力工会, 市烹饪协会, 省工信厅, 省直机关工会);
after its trade, as Hong Kong and Macau unions are (鸡鸭业职工会); as a
union's committee of one term (全总十四届执委会); as the institution a union
is named through (文昌人民医院 of its 儿科工会小组); as a unit its body's name
runs on into (〈bureau〉〈place〉税务所); a place word naming a quarter heads
a name as a place does (东郊职工群众惠民服务中心).

What each mention carries for the resolver is an
:class:`~extract.records.OrgAttrs` (``Mention.org``): ``kind`` and ``level``
per the contract, ``regions`` (codes of the regions written in the name,
outermost first), ``level_word`` (省, 市, 自治区 … when the region is not
written: ``省总工会`` is resolved from the article's context), ``body`` (the
canonical body word: 总工会, 人大常委会, 委 …) and ``parent`` (the span of the
body a sub-body belongs to: 全总文工团).

>>> from extract.normalise import normalise
>>> [m.label for m in find(normalise("辽宁省人大常委会副主任、省总工会主席。全总文工团"), [])]
['辽宁省人大常委会', '省总工会', '中华全国总工会文工团', '中华全国总工会']

The rules live in one module per family; this one runs them in order
(:func:`find`) and is the recogniser:

- :mod:`~extract.recognisers.org_regional`: bodies named after a region or
  a level word (辽宁省总工会, 省总工会, 省电力工会, 中共江苏省委);
- :mod:`~extract.recognisers.org_national`: the national table's bodies,
  short forms and local aliases (全总, 工联会);
- :mod:`~extract.recognisers.org_named`: names read back from their last
  word (迪尚集团, 福州新锐电气有限公司) or from a union word after a trade
  (鸡鸭业职工会);
- :mod:`~extract.recognisers.org_subbodies`: bodies written onto other
  bodies (全总文工团, 北京大学工会, 全总十四届执委会, 〈company〉江苏分公司);
- :mod:`~extract.recognisers.org_lists`: bodies listed under one head
  (石家庄、沧州总工会, 合江、叙永等县总工会);
- :mod:`~extract.recognisers.org_common`: what they share (the mention a
  rule makes, the level words, the regions a name starts with).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extract import lexicon
from extract.lexicon import CJK
from extract.recognisers.base import Found, Scan, register
from extract.recognisers.org_common import _OWN_NAME_KINDS, LEVEL_WORDS, _org, leading_regions_end
from extract.recognisers.org_lists import _listed_heads, _shared_heads
from extract.recognisers.org_named import _named_from_region, _suffixed, _trade_named
from extract.recognisers.org_national import _local, _national, _national_at, _Near
from extract.recognisers.org_regional import (GOVERNMENT, GOVERNMENT_FORMAL, _league_committee, _party_committee,
                                              _regional)
from extract.recognisers.org_subbodies import (_committee_of_union, _industry_committee, _subbody, _term_committees,
                                               _union_committees, branches_of_bodies, stationed_bodies,
                                               unions_of_bodies, units_of_bodies)
from extract.recognisers.regions import match_region_at
from extract.records import Mention
from extract.spans import SpanSet

# the public names, wherever their family lives (extract.resolve and
# statistical_orgs import some of them from here)
__all__ = ["GOVERNMENT", "GOVERNMENT_FORMAL", "LEVEL_WORDS", "OrganizationsRecogniser", "branches_of_bodies",
           "find", "leading_regions_end", "regions_in_names", "unions_of_bodies", "units_of_bodies"]


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern]]:
    out = []
    for line in lexicon._lines("org_patterns.txt"):
        kind, level, pat = line.split("\t")
        out.append((kind, level, re.compile(pat.replace("{CJK}", CJK))))
    return out


@lru_cache(maxsize=1)
def _candidate_re() -> re.Pattern:
    """Where a body's name can start, besides a region: a level word before a
    body word (省总工会), a body that may stand alone, a national short form."""
    bodies = "|".join(re.escape(b.body) for b in lexicon.org_bodies())
    bare = "|".join(re.escape(b.body) for b in lexicon.org_bodies() if b.bare)
    national = "|".join(re.escape(a) for a in sorted(set(_national()) | set(_local()), key=len, reverse=True))
    # (?:levels)(?=bodies) spelled out level by level, so that every
    # alternative starts with a character: sre then skips to those characters
    levels = "|".join(f"{lw}(?={bodies}|[{CJK}]{{2,8}}?(?:工会|会|局|厅|署|办公室))" for lw in LEVEL_WORDS)
    return re.compile(f"{levels}|{bare}|{national}")


def find(norm, regions: list[Mention], hits: list | None = None) -> list[Mention]:
    """Organization mentions, longest first at each position, no overlaps;
    ``hits`` are the text's region names if already scanned."""
    from extract.recognisers.regions import scan

    text = norm.text
    hits = scan(text) if hits is None else hits
    out: list[Mention] = []
    taken = SpanSet()
    near = _Near(regions)
    starts = {h[0] for h in hits} | {m.start() for m in _candidate_re().finditer(text)}
    pos = 0
    for i in sorted(starts):
        if i < pos:
            continue
        m = _national_at(text, i, near)
        r = _regional(text, i)
        if r is not None and _committee_of_union(text, r):
            r = None
        if r is not None and (m is None or r.end > m.end):
            m = r
        if m is None:
            continue
        joined = _league_committee(text, m) or _party_committee(text, m)
        if joined is not None:  # 共青团广州市委, 中共江苏省委: one body
            out.append(joined)
            taken.add(joined.start, joined.end)
            pos = joined.end
            continue
        out.append(m)
        sub = _subbody(text, m)
        if sub is not None:
            out.append(sub)
            m = sub
        taken.add(m.start, m.end)
        pos = m.end
    out.extend(_shared_heads(text, out))
    out.extend(_listed_heads(text, taken))
    out.extend(_term_committees(text, out))
    for kind, level, pat in _patterns():
        for mm in pat.finditer(text):
            s, e = mm.span()
            if taken.overlaps(s, e):
                continue
            label, codes, aliases = _industry_committee(text, s, e) or _named_from_region(text, s, e, kind)
            out.append(_org(label, mm.group(0), s, "pattern", kind, level, codes, aliases=aliases))
            taken.add(s, e)
    for m in _trade_named(text, taken):
        code = near.province(m.start) if not m.org.regions else ""
        # 鸡鸭业职工会 on a Hong Kong page: a trade's union of the territory it is named in
        out.append(replace(m, org=replace(m.org, regions=(code,))) if code else m)
    out.extend(_suffixed(text, taken))
    out = branches_of_bodies(text, out)
    out.extend(unions_of_bodies(text, out))
    out = units_of_bodies(text, out)
    out = _union_committees(text, out)
    out = stationed_bodies(text, out)
    out.sort(key=lambda m: (m.start, -m.end))
    return out


@register
class OrganizationsRecogniser:
    """Organization mentions (:func:`find`)."""

    name = "organizations"
    order = 20

    def find(self, scan: Scan) -> Found:
        orgs = find(scan.norm, scan.found.of("Region"), scan.region_hits)
        return Found(orgs + regions_in_names(scan.norm.text, orgs, scan.found.of("Region")))


def regions_in_names(text: str, orgs: list[Mention], regions: list[Mention]) -> list[Mention]:
    """The place heading a union's, party's or state body's name is a Region
    even where written short and named nowhere else (石家庄、沧州总工会 →
    石家庄市, 沧州市); one in an enterprise's or a paper's name is not.

    >>> from extract.normalise import normalise
    >>> n = normalise("石家庄、沧州总工会")
    >>> [(m.label, m.surface) for m in regions_in_names(n.text, find(n, []), [])]
    [('石家庄市', '石家庄'), ('沧州市', '沧州')]
    """
    from extract.recognisers.regions import region_mention

    have = SpanSet.of((m.start, m.end) for m in regions)
    out = []
    for m in orgs:
        if m.org is None or not m.org.regions or m.org.kind in _OWN_NAME_KINDS:
            continue
        hit = match_region_at(text, m.start, allow_city_short=True)
        r = lexicon.regions_by_code().get(m.org.regions[0])
        if hit is None and r is not None and r.short and m.surface == r.short:
            hit = (r, r.short)  # 合江、古蔺县总工会: the county's stem written for its body
        if hit is None or hit[0].code != m.org.regions[0] or have.overlaps(m.start, m.start + len(hit[1])):
            continue
        out.append(region_mention(hit[0], hit[1], m.start, "in-body-name"))
        have.add(m.start, m.start + len(hit[1]))
    return out
