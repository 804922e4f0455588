"""Resolve raw mentions against their article's context.

- A body written without its region (``省总工会``, ``市委``, ``自治区党委``,
  ``省总党组``) takes the region of the article's author body when the level
  fits (a 省 body needs a province, a 市 body a municipality or city; a
  city's article resolves 省总工会 to its province). The written form stays
  as an alias. A body whose region the text never gives keeps its form,
  qualified by the document so that it is not merged with another page's.
- An article's region is that of the first body in its author's posts that
  names a region (``北京市人大常委会副主任、市总工会主席 刘伟`` → 北京市).
- Posts from an author's note go to the article's author; an unsigned
  piece's note gives no post.

>>> from extract.normalise import normalise
>>> from extract.recognisers import find_mentions
>>> from extract.articles import split
>>> n = normalise("天津市人大常委会副主任、市总工会主席 梁宝明\\n\\n市总工会要及时组织各级工会认真学习，大力推动落实。")
>>> found = find_mentions(n)
>>> r = resolve(n, found, split(n, "d.txt", found))
>>> sorted({m.label for m in r.mentions if m.type == "Organization"})
['天津市人大常委会', '天津市总工会']
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extract import lexicon
from extract.context import DocumentContext, fits
from extract.records import Article, Mention
from extract.spans import SentenceIndex, last_before
from extract.recognisers.organizations import GOVERNMENT, GOVERNMENT_FORMAL
from extract.recognisers.posts import Post


@dataclass
class Resolved:
    mentions: list[Mention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)


def _article_index(arts: list[Article]):
    starts = [a.start for a in arts]

    def of(pos: int) -> Article | None:
        if not arts:
            return None
        return arts[max(0, bisect.bisect_right(starts, pos) - 1)]
    return of


_context_region = fits


def _resolve_org(m: Mention, art: Article | None, doc: str, chain_code: str = "",
                 sentence_code: str = "", context: DocumentContext | None = None) -> Mention | None:
    lw = m.org.level_word if m.org is not None else ""
    if not lw:
        return m
    region = _context_region(lw, chain_code) if chain_code else None
    if region is None and art is not None and art.region:
        region = _context_region(lw, art.region)
    if region is None and sentence_code:
        region = _context_region(lw, sentence_code)
    if region is None and context is not None:
        region = context.region_for(lw, m.start)
    if region is None:
        # a body whose region the text never gives keeps its form (qualified by
        # its document); one named by its function alone is no named body
        return None if lw == "*" else replace(m, qualifier=doc)
    label = m.org.lead + region.name + m.org.body
    aliases = m.aliases + (m.surface,)
    if m.org.body == GOVERNMENT:
        aliases += (region.name + GOVERNMENT_FORMAL,)  # 市政府 on a 天津 page: 天津市人民政府
    org = replace(m.org, level_word="", regions=(region.code,))
    if org.kind == "union" and org.level and org.level != "industry":  # 省直机关工会 stays an industry union
        org = replace(org, level="provincial" if region.level == "province" else (
            "city" if region.name.endswith("市") else "county"))
    return replace(m, label=label, org=org, aliases=aliases)


def _posts_by_article(posts: list[Post], article_of) -> dict[str, list[Post]]:
    out: dict[str, list[Post]] = {}
    for p in posts:
        art = article_of(p.start)
        if art is not None and p.person is not None:
            out.setdefault(art.id, []).append(p)
    return out


def _author_posts(by_article: dict[str, list[Post]], a: Article) -> list[Post]:
    authors = set(a.authors)
    return [p for p in by_article.get(a.id, []) if p.person.key in authors]


def _set_article_regions(posts: list[Post], arts: list[Article], article_of) -> None:
    by_id = {a.id: a for a in arts}
    by_article = _posts_by_article(posts, article_of)
    for a in arts:
        src = by_id.get(a.continues, a)
        for p in _author_posts(by_article, src):
            codes = p.org.org.regions if p.org.org is not None else ()
            if codes:
                a.region = codes[-1]
                break


def _sentence_region(sents: SentenceIndex, regions: list[Mention], starts: list[int], m: Mention) -> str:
    """The nearest region written before ``m`` in its sentence
    (浙江省委和省政府 → 浙江省): the last fallback for a bare body."""
    if m.org is None or not m.org.level_word:
        return ""
    i = last_before(starts, sents.start_of(m.start), m.start)  # the sentence m starts in
    return regions[i].attr("code") if i >= 0 else ""


def _chain_regions(posts: list[Post]) -> dict[tuple[int, int], str]:
    """In a chain ``辽宁省人大常委会副主任、省总工会主席`` the bare body takes the
    region of the body written before it in the same chain."""
    out: dict[tuple[int, int], str] = {}
    by_chain: dict[tuple[int, int], list[Post]] = {}
    for p in posts:
        by_chain.setdefault((p.start, p.end), []).append(p)
    for chain in by_chain.values():
        code = ""
        for p in sorted(chain, key=lambda p: p.org.start):
            codes = p.org.org.regions if p.org.org is not None else ()
            if codes:
                code = codes[-1]
            elif code and p.org.org is not None and p.org.org.level_word:
                out[(p.org.start, p.org.end)] = code
    return out


def _set_speakers(text: str, arts: list[Article], mentions: list[Mention]) -> None:
    """An unsigned piece whose subtitle begins ``——〈body〉…``
    (——全国总工会党组理论学习中心组集中学习……体会) speaks for that body, and so
    does a continuation (上接…) that follows it straight away."""
    orgs: dict[int, Mention] = {}
    for m in mentions:  # the longest body at each place: 全国总工会党组理论学习中心组
        if m.type == "Organization" and (m.start not in orgs or m.end > orgs[m.start].end):
            orgs[m.start] = m
    prev: Article | None = None
    for a in arts:
        if not a.authors and not a.author_orgs:
            head = text[a.start:min(a.end, a.start + 300)]
            k = head.find("\n——")
            if k >= 0:
                org = orgs.get(a.start + k + 3)
                if org is not None:
                    a.author_orgs = [org.key]
            elif a.kind == "continued" and prev is not None and not prev.authors and prev.author_orgs:
                a.author_orgs = list(prev.author_orgs)
        prev = a


def _province_of(org: Mention) -> str:
    codes = org.org.regions if org.org is not None else ()
    r = lexicon.regions_by_code().get(codes[-1].split(":")[0]) if codes else None
    if r is None:
        return ""
    chain = [r] + lexicon.region_ancestors(r)
    return chain[-1].name


def _qualify_people(mentions: list[Mention], posts: list[Post], arts: list[Article]):
    """A person holding posts in a province's bodies is qualified by that
    province (刘伟@北京市), so that two people of one name in two provinces
    stay two; the builder drops the qualifier where only one such person
    exists. Returns the mentions and posts with the qualified keys."""
    province: dict[str, str] = {}
    for p in posts:
        prov = _province_of(p.org)
        if prov:
            province.setdefault(p.person.label, prov)
    if not province:
        return mentions, posts

    def q(m: Mention) -> Mention:
        prov = province.get(m.label) if m.type == "Person" else None
        return replace(m, qualifier=prov) if prov else m

    for a in arts:
        a.authors = [(t, label, province.get(label, qual)) for t, label, qual in a.authors]
    return [q(m) for m in mentions], [replace(p, person=q(p.person)) for p in posts]


_SHORTEST_SHORT_FORM = 3


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """The body words as written and as labelled (总工会, 人民代表大会常务委员会, 人大常委会)."""
    return frozenset(w for b in lexicon.org_bodies() for w in (b.body, b.canonical))


@lru_cache(maxsize=1)
def _national_labels() -> frozenset[str]:
    """The labels of the national bodies (data/org_national.tsv: 中华全国总工会)."""
    return frozenset(b.canonical for b in lexicon.org_national())


def _fuller_names(mentions: list[Mention]) -> dict[int, Mention]:
    """A body written in a document by the end of a name the document also
    gives (成都分院 for 中国科学院成都分院) is that body: the mention takes the
    full label and keeps its own as an alias. A body with a region to take
    from context (省总工会) or a name that ends several full names is left
    alone. Keyed by ``id`` of the mention replaced.

    >>> from extract.records import OrgAttrs
    >>> a = Mention("Organization", "中国科学院成都分院", "中国科学院成都分院", 0, 9, org=OrgAttrs("other"))
    >>> b = Mention("Organization", "成都分院", "成都分院", 20, 24, org=OrgAttrs("other"))
    >>> [m.label for m in _fuller_names([a, b]).values()]
    ['中国科学院成都分院']
    """
    orgs = [m for m in mentions if m.type == "Organization" and m.org is not None and not m.qualifier]
    labels = sorted({m.label for m in orgs})
    body_words = _body_words()
    national = _national_labels()
    out: dict[int, Mention] = {}
    for m in orgs:
        # a national body's short form labelled with the head it lacks (全国总工会
        # as 中华全国总工会) names the page's own body it ends (中华民国全国总工会
        # on a Taiwan page)
        short = m.surface if m.label in national and m.label.endswith(m.surface) else m.label
        if len(short) < _SHORTEST_SHORT_FORM or short in body_words or m.org.level_word:
            continue
        longer = [lab for lab in labels if lab not in (short, m.label) and lab.endswith(short)
                  and len(lab) - len(short) >= 2]
        if len(longer) != 1:
            continue
        out[id(m)] = replace(m, label=longer[0], aliases=m.aliases + (short,))
    return out


def resolve(norm, found, arts: list[Article]) -> Resolved:
    article_of = _article_index(arts)
    doc = arts[0].doc if arts else ""
    # an author's note gives its posts to the article's author
    posts: list[Post] = []
    for p in found.posts:
        if p.rule in ("author-note", "author-self"):
            art = article_of(p.start)
            if art is None or not art.authors:
                continue
            author = art.authors[0]
            person = Mention("Person", author[1], author[1], p.start, p.end, rule="author-note")
            p = replace(p, person=person)
        if p.person is not None:
            posts.append(p)
    _set_article_regions(posts, arts, article_of)
    chain_code = _chain_regions(found.posts)
    sents = SentenceIndex(norm.text)
    regions = sorted((m for m in found.mentions if m.type == "Region"), key=lambda m: m.start)
    region_starts = [m.start for m in regions]
    context = DocumentContext(norm.text, [(m.start, m.attr("code")) for m in regions])
    out: list[Mention] = []
    resolved_at: dict[tuple[int, int], Mention | None] = {}
    for m in found.mentions:
        if m.type == "Organization":
            r = resolved_at[(m.start, m.end)] = _resolve_org(
                m, article_of(m.start), doc, chain_code.get((m.start, m.end), ""),
                _sentence_region(sents, regions, region_starts, m), context)
            if r is None:
                continue
            m = r
        out.append(m)
    fuller = _fuller_names(out)
    if fuller:
        out = [fuller.get(id(m), m) for m in out]
        resolved_at = {k: (fuller.get(id(m), m) if m is not None else None) for k, m in resolved_at.items()}
    posts = [replace(p, org=resolved_at.get((p.org.start, p.org.end)) or p.org) for p in posts
             if resolved_at.get((p.org.start, p.org.end), p.org) is not None]
    by_id = {a.id: a for a in arts}
    by_article = _posts_by_article(posts, article_of)
    for a in arts:
        keys = [p.org.key for p in _author_posts(by_article, by_id.get(a.continues, a))]
        a.author_orgs = list(dict.fromkeys(keys))
    _set_speakers(norm.text, arts, out)
    out, posts = _qualify_people(out, posts, arts)
    # one mention per span and type
    seen: set[tuple] = set()
    uniq = []
    for m in sorted(out, key=lambda m: (m.start, -m.end, m.type, m.label)):
        k = (m.type, m.start, m.end)
        if k not in seen:
            seen.add(k)
            uniq.append(m)
    return Resolved(uniq, posts)
