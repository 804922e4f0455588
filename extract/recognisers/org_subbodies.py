"""Bodies written onto other bodies: a sub-body straight after its body
(全总文工团: :func:`_subbody`, ``data/org_subbodies.tsv``), a union's
committee of one term (全总十四届执委会), a national industry union's
committee (中国教育工会湖北省委员会), a unit, branch or affiliated
institution a body's name runs on into (〈bureau〉〈place〉税务所,
〈company〉江苏分公司, 〈school〉附属瑞金医院), the union written after a
body (北京大学工会) and a union written with its committee word
(〈firm〉工会委员会).

>>> p = _org("中华全国总工会", "全总", 0, "national", "union", "national")
>>> s = _subbody("全总文工团", p)
>>> s.label, s.surface, s.org.parent
('中华全国总工会文工团', '全总文工团', (0, 2))
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extract import lexicon
from extract.lexicon import CJK
from extract.recognisers.org_common import _UNION_WORD, _is_cjk, _leading_regions, _org, _starts_title
from extract.records import Mention

# a sub-body's branch named after its place: 〈two or three characters〉分所
_BRANCH = re.compile(rf"(?:(?![的和与及是在为等、])[{CJK}]){{2,3}}(?:分所|分部|总部|分站|分中心)")


def _subbody(text: str, parent: Mention) -> Mention | None:
    """The body inside ``parent`` written straight after it (全总文工团, 省总党组;
    ``data/org_subbodies.tsv``), with the branch of it named after its place
    where one is written (工联会工人医疗所荃湾分所).

    >>> p = _org("香港工会联合会", "工联会", 0, "national", "union", "provincial")
    >>> _subbody("工联会工人医疗所荃湾分所 |", p).label
    '香港工会联合会工人医疗所荃湾分所'
    """
    for suffix, kind in lexicon.org_subbodies():
        if text.startswith(suffix, parent.end):
            if kind == "party" and _starts_title(text, parent.end) \
                    and len(lexicon.title_regex().match(text, parent.end).group(0)) > len(suffix):
                return None  # 党组书记 is a title at the body; 职工帮扶中心主任 a post at its centre
            b = _BRANCH.match(text, parent.end + len(suffix))
            if b is not None:  # 工联会工人医疗所荃湾分所: the sub-body's branch
                suffix += b.group(0)
            surface = parent.surface + suffix
            return _org(parent.label + suffix, surface, parent.start, "subbody", kind,
                        regions=parent.org.regions, level_word=parent.org.level_word,
                        body=parent.org.body + suffix,
                        parent=(parent.start, parent.end))
    return None


_COMMITTEE = "委员会"
_NATIONAL_COMMITTEE = "全国委员会"


def _committee_of_union(text: str, m: Mention) -> bool:
    """Whether a party committee read at ``m`` (湖北省委) is the start of an
    industry union's regional committee (中国教育工会湖北省委员会).

    >>> _committee_of_union("中国教育工会湖北省委员会", _org("湖北省委", "湖北省委", 6, "regional", "party"))
    True
    """
    return (m.org is not None and m.org.kind == "party" and m.surface.endswith("委")
            and text.startswith("员会", m.end) and text.endswith(_UNION_WORD, 0, m.start))


def _industry_committee(text: str, start: int, end: int) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """Label, region codes and aliases of a national industry union's
    committee: the national one is the union (中国海员建设工会全国委员会 is
    中国海员建设工会); a regional one lies in its region and is also called
    by it (中国教育工会湖北省委员会, 湖北省教育工会).

    >>> _industry_committee("中国海员建设工会全国委员会", 0, 13)
    ('中国海员建设工会', (), ('中国海员建设工会全国委员会',))
    >>> _industry_committee("中国教育工会湖北省委员会", 0, 12)
    ('中国教育工会湖北省委员会', ('420000000000',), ('湖北省教育工会',))
    """
    surface = text[start:end]
    if not surface.endswith(_COMMITTEE):
        return None
    u = surface.find(_UNION_WORD)
    union = surface[:u + len(_UNION_WORD)]
    if surface.endswith(_NATIONAL_COMMITTEE):
        return union, (), (surface,)
    regions, _, j = _leading_regions(text, start + len(union), end)
    if not regions or j != end - len(_COMMITTEE):
        return surface, (), ()
    trade = union[2:]  # 中国教育工会 -> 教育工会
    return surface, tuple(r.code for r in regions), (text[start + len(union):j] + trade,)


_UNIT_NAME = re.compile(rf"(?:(?![的和与及是在为等、])[{CJK}]){{2,6}}?")
_UNIT_KINDS = ("state", "enterprise")  # bodies with units and branches of their own


@lru_cache(maxsize=1)
def _unit_re() -> re.Pattern:
    words = "|".join(re.escape(w) for w in lexicon.word_list("org_units.txt"))  # longest first
    return re.compile(rf"{_UNIT_NAME.pattern}({words})")


_UNIT_ON = "的和与及等、车班队组部科室"  # what may follow a one-character unit word (矿): its workshop, a join


def units_of_bodies(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with each state body or enterprise whose name runs on into a
    unit of its own (米易县地方税务局得石税务所, 〈company〉〈place〉铁矿:
    ``data/org_units.txt``) replaced by that unit, named with the body's
    full name; a body something else is named through is kept.

    >>> b = _org("米易县地方税务局", "米易县地方税务局", 0, "regional", "state")
    >>> [m.label for m in units_of_bodies("米易县地方税务局得石税务所、", [b])]
    ['米易县地方税务局得石税务所']
    >>> [m.label for m in units_of_bodies("米易县地方税务局所属税务所", [b])]
    ['米易县地方税务局']
    """
    starts = {m.start for m in found}
    parents = {m.org.parent for m in found if m.org is not None and m.org.parent}
    blocks = lexicon.word_list("org_unit_blocks.txt")
    out = []
    for m in found:
        u = _unit_re().match(text, m.end) if m.org is not None and m.org.kind in _UNIT_KINDS else None
        if u is None or m.end in starts or (m.start, m.end) in parents or u.group(0).startswith(blocks) \
                or not (u.end() - u.start(1) > 1 or u.end() == len(text)
                                                      or not _is_cjk(text[u.end()]) or text[u.end()] in _UNIT_ON
                                                      or _starts_title(text, u.end())):
            out.append(m)
            continue
        unit = u.group(0)
        out.append(replace(m, label=m.label + unit, surface=m.surface + unit, end=u.end(),
                           aliases=tuple(a + unit for a in m.aliases)))
    return out


_BRANCH_CHAR = rf"(?:(?![的和与及是在为由对向从等])[{CJK}])"


@lru_cache(maxsize=1)
def _branch_re() -> re.Pattern:
    words = "|".join(re.escape(w) for w in lexicon.word_list("org_branch_words.txt"))  # longest first
    # 〈name〉分行, then more branches under it (北京市分行营业部)
    return re.compile(rf"{_BRANCH_CHAR}{{1,8}}?(?:{words})(?:{_BRANCH_CHAR}{{0,8}}?(?:{words}))*")


_AFFILIATED = "附属"


@lru_cache(maxsize=1)
def _affiliate_re() -> re.Pattern:
    words = "|".join(re.escape(w) for w in lexicon.word_list("org_affiliate_words.txt"))  # longest first
    return re.compile(rf"{_AFFILIATED}{_BRANCH_CHAR}{{0,10}}?(?:{words})")


def branches_of_bodies(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with each company or bank whose name runs on into a branch
    (中国电信股份有限公司江苏分公司, 中国人民银行南京分行:
    ``data/org_branch_words.txt``), and each school whose name runs on into
    an institution affiliated to it (上海交通大学医学院附属瑞金医院:
    ``data/org_affiliate_words.txt``), replaced by the branch or institution, named with the
    body's full name; what was read inside it on its own (江苏分公司工会, 瑞金医院)
    is dropped, so that the union written after it is the branch's.

    >>> a = _org("中国电信股份有限公司", "中国电信股份有限公司", 0, "suffix", "enterprise")
    >>> b = _org("江苏分公司工会", "江苏分公司工会", 10, "suffix", "union", "grassroots")
    >>> [m.label for m in branches_of_bodies("中国电信股份有限公司江苏分公司工会", [a, b])]
    ['中国电信股份有限公司江苏分公司']
    >>> [m.label for m in branches_of_bodies("中国电信股份有限公司所属分公司", [a])]
    ['中国电信股份有限公司']
    >>> c = _org("上海交通大学医学院", "上海交通大学医学院", 0, "suffix", "other")
    >>> [m.label for m in branches_of_bodies("上海交通大学医学院附属瑞金医院", [c])]
    ['上海交通大学医学院附属瑞金医院']
    """
    blocks = lexicon.word_list("org_unit_blocks.txt")
    spans: list[tuple[int, int]] = []
    grown: dict[int, Mention] = {}
    for k, m in enumerate(found):
        if m.org is None or m.org.kind == "union" or m.org.parent:
            continue
        b = _affiliate_re().match(text, m.end)
        if b is None and m.org.kind in _UNIT_KINDS:
            b = _branch_re().match(text, m.end)
        if b is None or b.group(0).startswith(blocks):
            continue
        branch = b.group(0)
        grown[k] = replace(m, label=m.label + branch, surface=m.surface + branch, end=b.end(),
                           aliases=tuple(a + branch for a in m.aliases))
        spans.append((m.end, b.end()))
    if not grown:
        return found
    return [grown.get(k, m) for k, m in enumerate(found)
            if k in grown or not any(s <= m.start < e for s, e in spans)]


def unions_of_bodies(text: str, found: list[Mention]) -> list[Mention]:
    """The union written straight after a body found (北京大学工会,
    米易县地方税务局工会), SUBORGANIZATION_OF it; a state or party body's
    office union (成都市教育局机关工会) is an industry union (GRAPH.md "Levels").

    >>> [m.label for m in unions_of_bodies("北京大学工会", [_org("北京大学", "北京大学", 0, "suffix", "school")])]
    ['北京大学工会']
    >>> [(m.label, m.org.level) for m in unions_of_bodies("市教育局机关工会", [_org("市教育局", "市教育局", 0, "regional", "state")])]
    [('市教育局机关工会', 'industry')]
    """
    longest: dict[int, int] = {}
    for m in found:
        longest[m.start] = max(longest.get(m.start, 0), m.end)
    out: list[Mention] = []
    for m in found:
        if m.org is None or longest[m.start] > m.end:
            continue  # a longer body starts here: 北京大学工会 over 北京大学
        o = m.org
        if o.kind == "union":
            continue
        if text.startswith(_OFFICE_UNION, m.end) and o.kind in ("state", "party"):
            word, level = _OFFICE_UNION, "industry"
        elif text.startswith("工会", m.end) and not text.startswith("联合", m.end + 2):
            word, level = "工会", "grassroots"
        else:
            continue
        out.append(_org(m.label + word, m.surface + word, m.start, "union-of-body", "union", level,
                        o.regions, o.level_word, (o.body + word) if o.level_word else "",
                        parent=(m.start, m.end)))
    return out


_STATIONED_AT = "驻"


def stationed_bodies(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with each body one body stations in another
    (中央纪委国家监委驻中华全国总工会纪检监察组: ``data/org_stationed.txt``) in
    place of the stationing body: one body named as written, with its
    host's label, of the stationing body's kind; the host stays a body.

    >>> a = _org("中央纪委国家监委", "中央纪委国家监委", 0, "national", "party")
    >>> b = _org("中华全国总工会", "全总", 9, "national", "union", "national")
    >>> [m.label for m in stationed_bodies("中央纪委国家监委驻全总纪检监察组组长", [a, b])]
    ['中央纪委国家监委驻中华全国总工会纪检监察组', '中华全国总工会']
    """
    at = {m.start: m for m in found if m.org is not None}
    words = lexicon.word_list("org_stationed.txt")
    out = []
    for m in found:
        host = at.get(m.end + len(_STATIONED_AT)) if text.startswith(_STATIONED_AT, m.end) else None
        word = next((w for w in words if text.startswith(w, host.end)), None) if host is not None else None
        if word is None or m.org is None or m.org.kind == "union":
            out.append(m)
            continue
        label = f"{m.label}{_STATIONED_AT}{host.label}{word}"
        surface = text[m.start:host.end + len(word)]
        out.append(_org(label, surface, m.start, "stationed", m.org.kind,
                        aliases=(surface,) if surface != label else ()))
    return out


_NOT_COMMITTEE = "委员会议"  # 工会委员会议: a meeting of the union's committee members


def _union_committees(text: str, found: list[Mention]) -> list[Mention]:
    """A union written with its committee word (〈firm〉工会委员会, the name
    its registration gives it): the body named as written, its name without
    the word an alias.

    >>> u = _org("中国农业银行工会", "中国农业银行工会", 0, "union-of-body", "union", "grassroots")
    >>> [(m.label, m.aliases) for m in _union_committees("中国农业银行工会委员会组织学习", [u])]
    [('中国农业银行工会委员会', ('中国农业银行工会',))]
    """
    out = []
    for m in found:
        if (m.org is not None and m.org.kind == "union" and m.surface.endswith(_UNION_WORD)
                and not m.surface.endswith("总" + _UNION_WORD) and text.startswith(_COMMITTEE, m.end)
                and not text.startswith(_NOT_COMMITTEE, m.end)):
            m = replace(m, label=m.label + _COMMITTEE, surface=m.surface + _COMMITTEE,
                        end=m.end + len(_COMMITTEE), aliases=(m.label,) + m.aliases)
        out.append(m)
    return out


_OFFICE_UNION = "机关工会"
# a union's committees elected for a term, as written and as labelled
_TERM_COMMITTEES = {"执行委员会": "执行委员会", "执委会": "执行委员会",
                    "经费审查委员会": "经费审查委员会", "经审会": "经费审查委员会"}
_TERM = re.compile(r"(第?)([一二三四五六七八九十百零〇]{1,4}|\d{1,3})届(" + "|".join(
    sorted(_TERM_COMMITTEES, key=len, reverse=True)) + ")")


def _in_book_title(text: str, i: int) -> bool:
    """Whether ``i`` lies inside a 《…》 title of its line.

    >>> _in_book_title("通过《关于全总工作的决议》", 5), _in_book_title("《决议》通过全总", 6)
    (True, False)
    """
    line = text.rfind("\n", 0, i) + 1
    return text.rfind("《", line, i) > text.rfind("》", line, i) and text.find("》", i) >= 0


def _term_committees(text: str, found: list[Mention]) -> list[Mention]:
    """A union's executive or funds-audit committee of one term, written after
    the union (中华全国总工会第十五届执行委员会, 全总十四届经审会): a body of its
    own, labelled with the union's label and the committee's full name, a
    sub-body of the union. One written in a document's title
    (《关于省总工会第六届经费审查委员会工作报告的决议》) names the document.

    >>> n = _org("中华全国总工会", "全总", 0, "national", "union", "national")
    >>> [(m.label, m.surface) for m in _term_committees("全总十四届经审会工作报告", [n])]
    [('中华全国总工会第十四届经费审查委员会', '全总十四届经审会')]
    """
    out = []
    for m in found:
        if m.org is None or m.org.kind != "union":
            continue
        t = _TERM.match(text, m.end)
        if t is None or _in_book_title(text, m.start):
            continue
        label = f"{m.label}第{t.group(2)}届{_TERM_COMMITTEES[t.group(3)]}"
        surface = text[m.start:t.end()]
        o = m.org
        out.append(_org(label, surface, m.start, "term-committee", "union", o.level, o.regions, o.level_word,
                        f"{o.body}第{t.group(2)}届{_TERM_COMMITTEES[t.group(3)]}" if o.level_word else "",
                        parent=(m.start, m.end), aliases=(surface,) if surface != label else ()))
    return out
