"""Facts between resolved entities, each with the span that states it.

- HOLDS_POST: every post read from a title chain, with its title, ``former``
  where the text marks it (原, 曾任), and the article's date;
- LOCATED_IN: a body in the most specific region its name gives; a region in
  the nearest larger region the same document names (越城区 → 绍兴市);
- SUBORGANIZATION_OF: a body written inside another (全总文工团, 省总党组);
- RUNS, PART_OF, ADVOCATES, ISSUED, PARTICIPATED_IN: see
  :mod:`extract.activities`.

>>> from extract.normalise import normalise
>>> from extract.pipeline import extract
>>> from extract.corpus import SourceText
>>> r = extract(SourceText("d.txt", None, "天津市人大常委会副主任、市总工会主席 梁宝明\\n\\n正文。", "utf-8"))
>>> sorted((f.type, f.source[1], f.target[1]) for f in r.facts if f.type == "HOLDS_POST")
[('HOLDS_POST', '梁宝明', '天津市人大常委会'), ('HOLDS_POST', '梁宝明', '天津市总工会')]
"""

from __future__ import annotations

import bisect

from extract import activities, lexicon
from extract.recognisers.org_common import _UNION_WORD
from extract.records import Article, Fact, Mention
from extract.resolve import Resolved
from extract.spans import SentenceIndex, last_before

CENTRAL_COMMITTEE = "中国共产党中央委员会"


def _article_at(arts: list[Article]):
    starts = [a.start for a in arts]

    def of(pos: int) -> Article | None:
        return arts[max(0, bisect.bisect_right(starts, pos) - 1)] if arts else None
    return of


def holds_post(res: Resolved, arts: list[Article]) -> list[Fact]:
    article_of = _article_at(arts)
    out = []
    for p in res.posts:
        art = article_of(p.start)
        attrs = [("title", p.title)]
        if p.former:
            attrs.append(("former", True))
        if art is not None and art.date:
            attrs.append(("date", art.date))
        out.append(Fact("HOLDS_POST", p.person.key, p.org.key, min(p.start, p.person.start),
                        max(p.end, p.person.end), rule=p.rule, attrs=tuple(attrs),
                        article=art.id if art else ""))
    return out


def located_in(res: Resolved) -> list[Fact]:
    out = []
    first_region: dict[str, Mention] = {}
    for m in res.mentions:
        if m.type == "Region":
            first_region.setdefault(m.attr("code"), m)
    by_code = lexicon.regions_by_code()
    for m in res.mentions:
        if m.org is not None:
            codes = m.org.regions
            if not codes:
                continue
            code = codes[-1]
            region = first_region.get(code)
            if region is None:
                continue
            out.append(Fact("LOCATED_IN", m.key, region.key, m.start, m.end, rule="body-region"))
    for code, m in first_region.items():
        r = by_code.get(code)
        parent_code = r.parent if r is not None else code.split(":")[0]
        chain = []
        while parent_code:
            chain.append(parent_code)
            pr = by_code.get(parent_code)
            parent_code = pr.parent if pr is not None else ""
        if r is not None and r.level == "county" and r.name.endswith("市"):
            # a county-level city is written under its province (浙江省义乌市)
            chain = [c for c in chain if by_code.get(c) and by_code[c].level == "province"] + chain
        for pc in chain:
            if pc in first_region:
                parent = first_region[pc]
                out.append(Fact("LOCATED_IN", m.key, parent.key, min(m.start, parent.start),
                                max(m.end, parent.end) if abs(m.start - parent.start) < 200 else m.end,
                                rule="region-parent"))
                break
    return out


def located_by_sentence(norm, res: Resolved) -> list[Fact]:
    """A named institution (museum, hall, college: kind ``other`` found by its
    last word) lies in the region written just before it in its sentence
    (诸暨市枫桥镇，参观枫桥经验陈列馆)."""
    sents = SentenceIndex(norm.text)
    regions = sorted((m for m in res.mentions if m.type == "Region"), key=lambda m: m.start)
    starts = [r.start for r in regions]
    out = []
    for m in res.mentions:
        if m.org is None or m.rule != "suffix" or m.org.kind != "other":
            continue
        i = last_before(starts, sents.start_of(m.start), m.start)  # the sentence m starts in
        if i >= 0:
            r = regions[i]
            out.append(Fact("LOCATED_IN", m.key, r.key, r.start, m.end, rule="sentence-region"))
    return out


def general_secretary(res: Resolved, arts: list[Article]) -> list[Fact]:
    """``X总书记``: the General Secretary of the CPC Central Committee, where the
    document names that body (党中央)."""
    cc = next((m for m in res.mentions if m.type == "Organization" and m.label == CENTRAL_COMMITTEE), None)
    if cc is None:
        return []
    article_of = _article_at(arts)
    out, seen = [], set()
    for m in res.mentions:
        if m.type == "Person" and m.rule == "honorific" and norm_title(m) == "总书记" and m.key not in seen:
            seen.add(m.key)
            art = article_of(m.start)
            attrs = [("title", "总书记")] + ([("date", art.date)] if art is not None and art.date else [])
            out.append(Fact("HOLDS_POST", m.key, cc.key, m.start, m.end + 3, rule="general-secretary",
                            attrs=tuple(attrs), article=art.id if art else ""))
    return out


def norm_title(m: Mention) -> str:
    return m.attr("honorific", "")


def suborganization_of(res: Resolved) -> list[Fact]:
    """A body inside another: one written inside it (its ``parent`` span),
    and a union named through a body the document names too (兰州石化公司工会
    where 兰州石化公司 stands elsewhere: GRAPH.md "A union named through its
    body"), once per pair."""
    at = {(m.start, m.end): m for m in res.mentions if m.type == "Organization"}
    by_label: dict[str, Mention] = {}
    for m in res.mentions:
        if m.type == "Organization" and m.org is not None and m.org.kind != "union":
            by_label.setdefault(m.label, m)
    out, pairs = [], set()
    for m in res.mentions:
        span = m.org.parent if m.org is not None else None
        if span and tuple(span) in at:
            out.append(Fact("SUBORGANIZATION_OF", m.key, at[tuple(span)].key, m.start, m.end,
                            rule="subbody"))
            pairs.add((m.key, at[tuple(span)].key))
    for m in res.mentions:
        if m.org is None or m.org.kind != "union" or not m.label.endswith(_UNION_WORD):
            continue
        body = by_label.get(m.label[:-len(_UNION_WORD)])
        if body is not None and (m.key, body.key) not in pairs:
            pairs.add((m.key, body.key))
            out.append(Fact("SUBORGANIZATION_OF", m.key, body.key, m.start, m.end, rule="union-of-named-body"))
    return out


def find_facts(norm, res: Resolved, arts: list[Article]) -> list[Fact]:
    facts = holds_post(res, arts) + located_in(res) + located_by_sentence(norm, res)
    facts += suborganization_of(res) + general_secretary(res, arts)
    facts += activities.find(norm, res, arts)
    return facts
