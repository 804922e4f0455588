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
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterator

from extract import lexicon
from extract.lexicon import CJK
from extract.recognisers.regions import match_region_at
from extract.records import Mention, OrgAttrs
from extract.spans import SpanSet
from extract.tokenise import crossing_word, posseg, tokenizer
from extract.recognisers.base import Found, Scan, register

# a region's government is labelled 〈region〉政府 and also named 〈region〉人民政府
GOVERNMENT, GOVERNMENT_FORMAL = "政府", "人民政府"
LEVEL_WORDS = ("自治区", "自治州", "省", "市", "县", "区", "镇", "乡", "旗")
_LEVEL_OF_SUFFIX = {"省": "province", "自治区": "province", "市": "city", "自治州": "city",
                    "县": "county", "区": "county", "旗": "county", "镇": "town", "乡": "town"}
# a bare level word is a body only when it is not part of a plural or a word
# 团市委 is the Youth League's, not the 市委; 10个区总工会, 合江、叙永等县总工会, 三县总工会 are many
_BARE_BEFORE_BLOCK = "全各外跨该团个些等两二三四五六七八九十"
# 省总 (省总工会 abbreviated) only when no other word goes on: not 全省总体
_ABBREV_AFTER = re.compile(rf"(?:[^{CJK}]|$|党组|机关|领导|的|和|与|及|、|在|要|将|把|坚持|主动|"
                           rf"主席|副主席|常务副|专职副|兼职副|挂职副|负责人|女职工|经审会|办公室)")
_TOWN = re.compile(rf"[{CJK}]{{2,3}}?(?:镇|乡|街道)")
_BARE_AFTER = "与和及同向由在对、"


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


@lru_cache(maxsize=1)
def _national() -> dict[str, lexicon.NationalBody]:
    out = {}
    for nb in lexicon.org_national():
        for a in nb.aliases:
            out[a] = nb
    return out


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern]]:
    out = []
    for line in lexicon._lines("org_patterns.txt"):
        kind, level, pat = line.split("\t")
        out.append((kind, level, re.compile(pat.replace("{CJK}", CJK))))
    return out


def _body_at(text: str, i: int) -> lexicon.BodyForm | None:
    for b in lexicon.org_bodies_by_first().get(text[i:i + 1], ()):  # longest first
        if text.startswith(b.body, i):
            if b.body == "总" and not _ABBREV_AFTER.match(text, i + 1):
                continue
            return b
    return None


_DEPARTMENT = re.compile(rf"(?:(?![的和与及是在为等、，])[{CJK}]){{2,8}}?(?:局|厅|署|办公室)")
_NOUNISH = ("n", "vn", "j", "b", "nz", "an")
_ENTERPRISE_WORDS = ("公司", "集团", "支局", "银行", "企业")


def _department_at(text: str, i: int) -> lexicon.BodyForm | None:
    """A government department the body table lacks, written after its full
    region name (南京市城市管理局, 江苏省退役军人事务厅): nouns and a 局, 厅, 署.

    >>> _department_at("城市管理局召开会议", 0).body
    '城市管理局'
    >>> _department_at("召开会议的局", 0) is None
    True
    """
    m = _DEPARTMENT.match(text, i)
    if m is None or any(w in m.group(0) for w in _ENTERPRISE_WORDS) \
            or not all(flag.startswith(_NOUNISH) for _, flag in posseg(m.group(0))):
        return None  # 常州市分公司花园支局: a company's branch, not the city's bureau
    return lexicon.BodyForm(m.group(0), m.group(0), "state", False)


def _starts_title(text: str, i: int) -> bool:
    m = lexicon.title_regex().match(text, i)
    return m is not None and not m.group(0).startswith(("委员会",))


def _org(label: str, surface: str, start: int, rule: str, kind: str, level: str = "",
         regions: tuple[str, ...] = (), level_word: str = "", body: str = "",
         parent: tuple[int, int] | None = None, aliases: tuple[str, ...] = (), lead: str = "") -> Mention:
    return Mention("Organization", label, surface, start, start + len(surface), rule=rule,
                   aliases=aliases, org=OrgAttrs(kind, level, tuple(regions), level_word, body, parent, lead))


_WORD_FREQ = 100  # a dictionary word this frequent ending at a level word takes it (社区, 园区, 特区)
_DEICTIC = "我本该此"  # 我市总工会, 本省: the page's own region, a body


def _ends_word(text: str, end: int) -> bool:
    """Whether a dictionary word of two or three characters ends at ``end``
    (the level word of a bare body): 社区党委 and 园区总工会 are no 区's
    bodies, 我市总工会 is.

    >>> _ends_word("在社区党委", 3), _ends_word("我市总工会", 2), _ends_word("和区总工会", 2)
    (True, False, False)
    """
    if text.endswith(lexicon.word_list("level_compounds.txt"), 0, end):
        return True  # 经开区总工会
    freq = tokenizer().FREQ
    for n in (3, 2):
        w = text[max(0, end - n):end]
        if len(w) == n and w[0] not in _DEICTIC and (freq.get(w) or 0) >= _WORD_FREQ:
            return True
    return False


def _union_level(region_level: str, region_name: str) -> str:
    return {"province": "provincial", "prefecture": "city", "town": "grassroots"}.get(
        region_level, "city" if region_name.endswith("市") else "county")


# a body's name nests at most province, prefecture, county, town (and a
# district): a longer run of region names (北京市北京市…) is no name, and
# reading it to its end from each of its positions is quadratic
_MAX_REGIONS = 6


def _regional(text: str, i: int) -> Mention | None:
    """〈region〉…〈level〉〈body〉 starting at ``i``, or a bare 〈level〉〈body〉."""
    regions: list[lexicon.Region] = []
    j = i
    written_full = False  # the last region was written with its level word (辽宁省, 延边州)
    while len(regions) < _MAX_REGIONS:
        hit = match_region_at(text, j, allow_city_short=bool(regions) is False)
        if hit is None:
            if regions and regions[-1].level in ("county", "prefecture"):
                m = _TOWN.match(text, j)
                if m and _body_at(text, m.end()):
                    town = lexicon.Region(f"{regions[-1].code}:{m.group(0)}", m.group(0), "", "town",
                                          regions[-1].code)
                    regions.append(town)
                    j = m.end()
                    written_full = True
                    continue
            break
        r, s = hit
        regions.append(r)
        j += len(s)
        written_full = s in lexicon.regions_by_name()
        if not written_full:  # a short form ends the run of regions
            break
    level_word = ""
    for lw in LEVEL_WORDS:
        if text.startswith(lw, j) and _body_at(text, j + len(lw)):
            level_word = lw
            break
    if not regions and not level_word:
        bare_trade = _bare_trade_union(text, i)
        if bare_trade is not None:
            return bare_trade
        body = _body_at(text, i)
        if body is None or not body.bare or (i > 0 and _is_cjk(text[i - 1]) and text[i - 1] not in _BARE_AFTER):
            return None
        # 市场监督管理局 alone: the article's region decides (see extract.resolve)
        return _org(body.canonical, body.body, i, "bare-body", body.kind, body=body.canonical,
                    level_word="*")
    k = j + len(level_word)
    body = _body_at(text, k)
    if body is None and regions and written_full:
        body = _department_at(text, k)
    if body is None and regions and written_full and not level_word:
        return _trade_union(text, i, k, regions)
    if body is None:
        return None
    if body.needs_level and not level_word and not (regions and written_full and regions[-1].suffix):
        # 省委 needs its 省: written with the region (辽宁省委 = 辽宁省 + 委) or alone
        return None
    if body.body == "工会" and not regions and (
            not level_word or (i > 0 and _is_cjk(text[i - 1]) and text[i - 1] not in _BARE_AFTER + "为任选是")):
        return None  # 县工会 alone, not 社区工会, 园区工会
    if body.body == "工会" and text.startswith("联合", k + 2):
        return None  # 澳门工会联合总会: a named federation, read by its own name
    if body.body == "工会" and text.startswith(_MEMBERS_OF, k + 2):
        return None  # 浙江省工会会员: the region's union members, not a body
    end = k + len(body.body)
    surface = text[i:end]
    if not regions and i > 0 and text[i - 1] == _LEAGUE[-1] and body.body == "委" and level_word:
        # 团市委, 团省委: the Youth League's committee of the region the page is about
        lead = _LEAGUE if text.startswith(_LEAGUE, i - len(_LEAGUE)) else _LEAGUE[-1]
        return _org(_LEAGUE + level_word + "委", lead + surface, i - len(lead), "regional", "other",
                    level_word=level_word, body="委", lead=_LEAGUE)
    if not regions and i > 0 and (text[i - 1] in _BARE_BEFORE_BLOCK or _ends_word(text, i + len(level_word))):
        return None
    canonical = body.canonical
    # 辽宁工会 / 北京工会 / 县工会: a region's union movement, read as its federation of unions
    if body.body == "工会" and (regions or level_word):
        canonical = "总工会"
    kind = body.kind
    level = ""
    region_level = regions[-1].level if regions else _LEVEL_OF_SUFFIX.get(level_word, "")
    region_name = regions[-1].name if regions else level_word
    if kind == "union":
        level = body.level or _union_level(region_level, region_name)
    full_prefix = "".join(r.name for r in regions)
    label = _innermost(regions) + canonical if regions else level_word + canonical
    aliases = (full_prefix + canonical,) if regions and full_prefix + canonical != label else ()
    if canonical == GOVERNMENT and regions:
        aliases += (label[:-len(GOVERNMENT)] + GOVERNMENT_FORMAL,)  # 天津市政府 is 天津市人民政府
    return _org(label, surface, i, "regional", kind, level,
                tuple(r.code for r in regions), "" if regions else level_word, canonical,
                aliases=aliases)


_TRADE = re.compile(rf"[{CJK}]{{2,8}}?工会(?!联合会|联合总会|委员|小组|会员|干部|工作|组织)")
_TRADE_WORDS = ("n", "vn", "nz", "j", "b", "an", "l")


@lru_cache(maxsize=1)
def _trade_generic() -> tuple[str, ...]:
    return lexicon.word_list("generic_modifiers.txt") + lexicon.word_list("trade_union_generic.txt")


def _trade_union(text: str, i: int, k: int, regions: list[lexicon.Region]) -> Mention | None:
    """A region's union of a trade or sector, written after its full region
    name (成都市教育工会, 四川省教科文卫体工会, 成都市机关工会): the trade in
    nouns only, not a generic word (基层, 企业)."""
    m = _TRADE.match(text, k)
    if m is None or not _is_trade(m.group(0)[:-2]):
        return None
    trade = m.group(0)[:-2]
    label = _innermost(regions) + trade + "工会"
    full = "".join(r.name for r in regions) + trade + "工会"
    return _org(label, text[i:m.end()], i, "regional", "union", "industry", tuple(r.code for r in regions),
                body=trade + "工会", aliases=(full,) if full != label else ())


def _is_trade(trade: str, field: bool = False) -> bool:
    """Whether ``trade`` names one trade or sector before 工会: nouns only
    (建设建材, not 开展), not a generic word (基层, 企业, 市属企业); a
    ``field`` an association is of may end in a verb (烹饪协会, 摄影家协会).

    >>> _is_trade("教科文卫体"), _is_trade("属企业"), _is_trade("开展")
    (True, False, False)
    """
    generic = _trade_generic()
    if trade.startswith(generic) or trade.endswith(generic) or "总" in trade:
        return False
    words = posseg(trade)
    return all(flag in _TRADE_WORDS or flag == "v" for _, flag in words) and (field or words[-1][1] != "v")


# after a level word, what makes it no trade union's: 省级, 市属, 市直 (a kind of
# unit), 县辖, 区内
_LEVEL_NOT_TRADE = "级属直辖内外"
_LEVEL_WORD_FREQ = 500  # 市场, 市民, 县城, 区域: a word this frequent the level word begins


def _bare_trade_union(text: str, i: int) -> Mention | None:
    """A region's union of a trade written with its level word alone
    (省电力工会, 市教育工会), which takes its region from the page as
    省总工会 does, an industry union; so does a region's federation or
    association of a trade (市餐饮行业工会联合会, 市烹饪协会), and a
    government department the body table lacks (省工信厅, 市城管局).

    >>> m = _bare_trade_union("省总工会、省电力工会主席", 5)
    >>> m.label, m.org.level_word, m.org.body, m.org.level
    ('省电力工会', '省', '电力工会', 'industry')
    >>> _bare_trade_union("全省电力工会", 1) is None, _bare_trade_union("市属企业工会", 0) is None
    (True, True)
    >>> [(m.label, m.org.kind) for m in [_bare_trade_union("市餐饮行业工会联合会", 0), _bare_trade_union("市烹饪协会", 0)]]
    [('市餐饮行业工会联合会', 'union'), ('市烹饪协会', 'other')]
    """
    lw = next((w for w in LEVEL_WORDS if text.startswith(w, i)), None)
    if lw is None or (i > 0 and _is_cjk(text[i - 1]) and text[i - 1] not in _BARE_AFTER + "为任选是"):
        return None
    k = i + len(lw)
    if text[k:k + 1] in _LEVEL_NOT_TRADE or (tokenizer().FREQ.get(text[i:k + 1]) or 0) >= _LEVEL_WORD_FREQ:
        return None  # 市场监管工作, 县城: the level word begins another word
    m = _TRADE.match(text, k)
    if m is not None and _is_trade(m.group(0)[:-2]):
        body = m.group(0)
        return _org(lw + body, text[i:m.end()], i, "regional", "union", "industry", level_word=lw, body=body)
    m = _bare_suffix_re().match(text, k)
    if m is None:
        d = _department_at(text, k)
        if d is None:
            return None  # 省工信厅, 市城管局: a department the body table lacks
        return _org(lw + d.body, text[i:k + len(d.body)], i, "regional", "state", level_word=lw, body=d.body)
    kind, level = _suffix_kinds().get(m.group(2), ("other", ""))
    if not _is_trade(m.group(1), field=kind != "union"):
        return None
    body = m.group(0)
    return _org(lw + body, text[i:m.end()], i, "regional", kind, level, level_word=lw, body=body)


@lru_cache(maxsize=1)
def _bare_suffix_re() -> re.Pattern:
    """A trade or field and a body's last word of ``data/org_bare_suffixes.txt``."""
    words = "|".join(re.escape(w) for w in lexicon.word_list("org_bare_suffixes.txt"))
    return re.compile(rf"([{CJK}]{{2,8}}?)({words})(?!委员|会员|干部|工作|组织)")


@lru_cache(maxsize=1)
def _suffix_kinds() -> dict[str, tuple[str, str]]:
    return {sfx: (kind, level) for sfx, kind, level in lexicon.org_suffixes()}


def _innermost(regions: list[lexicon.Region]) -> str:
    """The part of a run of regions a body's label keeps: the innermost
    division (浙江省绍兴市越城区 → 越城区, so that 越城区总工会 written with or
    without its city is one body), a town with its county (诸暨市赵家镇)."""
    if regions[-1].level == "town" and len(regions) > 1:
        return regions[-2].name + regions[-1].name
    return regions[-1].name


def _leading_regions(text: str, start: int, end: int) -> tuple[list[lexicon.Region], int, int]:
    """The regions a name starts with (江苏省淮安市…, 香港…): full names, and
    a province's short form first; with where the innermost is written and
    where the run ends."""
    regions: list[lexicon.Region] = []
    j = inner = start
    while j < end:
        hit = match_region_at(text, j, allow_city_short=False)
        if hit is None or j + len(hit[1]) >= end:
            break
        if hit[1] != hit[0].name and (regions or hit[0].level != "province"):
            break
        regions.append(hit[0])
        inner, j = j, j + len(hit[1])
    return regions, inner, j


def leading_regions_end(text: str, start: int, end: int) -> int:
    """Where the run of region names that ``text[start:end]`` starts with
    ends (``start`` when it starts with none; the run may reach ``end``).

    >>> leading_regions_end("湖北黄石市总工会", 0, 2)
    2
    >>> leading_regions_end("东郊职工群众惠民服务中心", 0, 6)
    0
    """
    return _leading_regions(text, start, end + 1)[2]


@lru_cache(maxsize=1)
def _national_lengths() -> dict[str, tuple[int, ...]]:
    return lexicon.key_lengths(_national())


@lru_cache(maxsize=1)
def _local() -> dict[str, tuple[lexicon.NationalBody, ...]]:
    """Local alias -> the bodies it may mean, each read in its own region."""
    out: dict[str, list] = {}
    for nb in lexicon.org_national():
        for a in nb.local_aliases:
            out.setdefault(a, []).append(nb)
    return {a: tuple(v) for a, v in out.items()}


def _national_at(text: str, i: int, near: "_Near | None" = None) -> Mention | None:
    lengths = _national_lengths().get(text[i:i + 2], ())
    nat = _national()
    longest = min(14, len(text) - i)
    for n in lengths:
        if n > longest or n < 2:
            continue
        nb = nat.get(text[i:i + n])
        if nb is not None:
            if text.startswith(_MEMBER, i + n):
                return None  # 共青团员, 中共党员: a member, not the body
            if n == 2 and crossing_word(text[i:i + n], text[i + n:i + n + 2])[1] >= _CROSSING_FREQ:
                continue  # 代表中共有8人: 共有 runs across the short form's end
            if text[i + n - 1] == "部" and n <= 5 and i > 0 and text[i - 1] in _UNIT_ENDS:
                continue  # 集团科技部: a company's department, not the ministry
            if n == 3 and crossing_word(text[i + 2], text[i + n:i + n + 2])[1] >= _CROSSING_FREQ \
                    and not _starts_title(text, i + 2):
                continue  # 财政部门, 公安部分: a word runs on from the last character (not 科技部长)
            return _org(nb.canonical, text[i:i + n], i, "national", nb.kind, nb.level, _home(nb))
    if near is None:
        return None
    local = [n for n in (4, 3, 2) if text[i:i + n] in _local()]
    # 工联会长: 工联 and 会长, not 工联会 and 长
    titled = [n for n in local if _starts_title(text, i + n)]
    for n in (titled or local)[:1]:
        nb = near.pick(_local()[text[i:i + n]], i)
        return _org(nb.canonical, text[i:i + n], i, "national", nb.kind, nb.level, _home(nb))
    return None


def _home(nb: lexicon.NationalBody) -> tuple[str, ...]:
    """The region a body of the national table lies in (香港工会联合会 in
    香港特别行政区), as region codes; none for a national body.

    >>> _home(_national()["香港立法会"])
    ('810000000000',)
    """
    r = lexicon.regions_by_name().get(nb.region) if nb.region else None
    return (r.code,) if r is not None else ()


class _Near:
    """The regions a text names, for reading a local alias (工联会) as the
    body of the region named nearest before it, else first after it."""

    def __init__(self, regions: list[Mention]) -> None:
        by_code = lexicon.regions_by_code()
        named = []
        provinces = []
        for m in regions:
            r = by_code.get(m.attr("code") or "")
            if r is not None:
                chain = [r] + lexicon.region_ancestors(r)
                named.append((m.start, {a.name for a in chain}))
                provinces.append((m.start, chain[-1].code))
        self.named = sorted(named, key=lambda t: t[0])
        self.provinces = sorted(provinces)

    def province(self, i: int) -> str:
        """The code of the province of the region named nearest before ``i``,
        else first after it; empty where the text names none."""
        before = [c for p, c in self.provinces if p < i]
        after = [c for p, c in self.provinces if p >= i]
        return (before[-1:] or after[:1] or [""])[0]

    def pick(self, cands: tuple[lexicon.NationalBody, ...], i: int) -> lexicon.NationalBody:
        """The body of the region named nearest; the first listed where the
        text names none of theirs."""
        before = [names for p, names in self.named if p < i]
        after = [names for p, names in self.named if p >= i]
        for names in list(reversed(before)) + after:
            for nb in cands:
                if nb.region in names:
                    return nb
        return cands[0]


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


_NAME_LEADS = ("中国", "全国", "中华", "国家")
_COMPASS = "东西南北"  # a place word of a quarter (东郊, 西郊) heads a name as a place does


def _count_words(words: list[tuple[str, str]], tail: str) -> int:
    n, total = 0, 0
    for w, _ in reversed(words):
        if total >= len(tail):
            break
        total += len(w)
        n += 1
    return n


_STOPS = "，。；：！？（）“”《》\n ()"  # no body's name runs across these


def _after_last_stop(text: str, lo: int, hi: int, stops: str) -> int:
    """Where ``text[lo:hi]`` starts again after the last of ``stops`` in it
    (``lo`` when there is none).

    >>> _after_last_stop("在会上，省总工会", 0, 8, "，")
    4
    """
    cut = max(text.rfind(c, lo, hi) for c in stops)
    return cut + 1 if cut >= 0 else lo


def _left_name(text: str, suffix_start: int, max_len: int = 12) -> int | None:
    """Where a body's name starts, reading back from its last word: the run
    of noun-like words before it (浙东运河 博物馆, 中国服装设计师 协会)."""
    lo = _after_last_stop(text, max(0, suffix_start - max_len - 4), suffix_start, _STOPS + "、")
    window = text[lo:suffix_start]
    if not window:
        return None
    words = posseg(window)
    start = suffix_start
    for w, flag in reversed(words):
        if flag.startswith(("n", "j", "eng", "v")) or flag in ("an", "b", "s", "f", "l", "ag", "g") \
                or (flag == "m" and not w.isdigit()) \
                or match_region_at(text, start - len(w), allow_city_short=True) is not None:
            if suffix_start - (start - len(w)) > max_len:
                break
            start -= len(w)
        else:
            break
    # a name starts at a proper noun (浙东, 迪尚, 中国): 参观浙东运河博物馆 starts at 浙东
    consumed = text[start:suffix_start]
    k = 0
    for w, flag in words[len(words) - _count_words(words, consumed):]:
        if match_region_at(text, start + k, allow_city_short=True) is not None:
            break  # 攀枝花德铭化工有限公司: the place heads the name
        if flag in ("ns", "nz", "nt", "j", "eng") or w in _NAME_LEADS \
                or (flag in ("nr", "nrt") and len(w) <= 3) or (flag == "s" and w[0] in _COMPASS):
            break  # …, 东郊职工群众惠民服务中心: a place named by its quarter
        k += len(w)
    start += k
    if suffix_start - start < 2:
        return None
    # drop generic lead words: 各类协会, 基层工会
    generic = lexicon.word_list("generic_modifiers.txt")
    name = text[start:suffix_start]
    for g in generic:
        if name.startswith(g):
            if len(name) - len(g) < 2:
                return None
            start += len(g)
            break
    return start


_FIRM_NAME = (2, 8)  # characters of trade name and trade between a firm's place and its form
_FIRM_NOT_IN = ("工会", "党委", "政府", "委员会")
_FIRM_FLAGS_NOT = ("v", "p", "c", "u", "r", "d", "y", "e", "o", "uj", "ul", "ud", "ug", "uz", "uv")


def _firm_name(text: str, suffix_start: int) -> int | None:
    """Where a firm's name starts that is built as the law builds it, place,
    trade name, trade, form (福州 新锐 电气 有限公司): at the first place before
    the form whose run to it holds no verb, preposition, conjunction, pronoun
    or body word, whatever the trade name's part of speech (新锐 is an
    adjective to jieba, and ends the noun run :func:`_left_name` reads).

    >>> t = "福州新锐电气有限公司成立"
    >>> t[_firm_name(t, 6):6]
    '福州新锐电气'
    >>> _firm_name("福州市总工会走访新锐电气有限公司", 12) is None
    True
    """
    lo = _after_last_stop(text, max(0, suffix_start - _FIRM_NAME[1] - 6), suffix_start, _STOPS + "、")
    for p in range(lo, suffix_start - _FIRM_NAME[0]):
        hit = match_region_at(text, p, allow_city_short=True)
        if hit is None:
            continue
        run = text[p + len(hit[1]):suffix_start]
        if not _FIRM_NAME[0] <= len(run) <= _FIRM_NAME[1] or any(w in run for w in _FIRM_NOT_IN):
            continue
        if all(flag not in _FIRM_FLAGS_NOT for _, flag in posseg(run)):
            return p
    return None


_JOINS = ("及", "与", "和", "、")
_JOINED_MAX = 20


def _joined_name(text: str, suffix_start: int) -> int | None:
    """Where a union's name starts that joins trades with 及 or 、 after its
    region (香港证券及期货业职工会, 澳门饮食及酒店业职工会): the nearest region
    name before it, if its run to the suffix holds a join and else only nouns.

    >>> _joined_name("出席的有香港证券及期货业职工会", 13)
    4
    """
    lo = _after_last_stop(text, max(0, suffix_start - _JOINED_MAX), suffix_start, _STOPS)
    for p in range(suffix_start - 4, lo - 1, -1):
        if match_region_at(text, p, allow_city_short=True) is None:
            continue
        run = text[p:suffix_start]
        if not any(j in run for j in _JOINS):
            return None  # the plain reading (_left_name) holds
        for w, flag in posseg(run):
            if w in _JOINS:
                continue
            if not (flag.startswith(("n", "j")) or flag in ("b", "vn", "an", "l")):
                return None
        return p
    return None


def _named_from_region(text: str, start: int, end: int, kind: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Label, region codes and aliases of a body named ``text[start:end]``:
    a body named after its regions (江苏省淮安市道路运输行业工会联合会,
    香港邮务职工会) lies in them and is labelled from the innermost as written
    (淮安市道路运输行业工会联合会), the full form an alias."""
    surface = text[start:end]
    regions, inner, _ = _leading_regions(text, start, end)
    if not regions or kind in _OWN_NAME_KINDS:
        return surface, (), ()
    if regions[-1].level == "town" and len(regions) > 1:
        inner = start
    label = text[inner:end]
    return label, tuple(r.code for r in regions), ((surface,) if label != surface else ())


# bodies whose name is their own: a place in an enterprise's or a paper's
# name is part of a brand, not where the body lies (重啤攀枝花有限责任公司)
_OWN_NAME_KINDS = ("enterprise", "media")


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` starts in ``text``, left to right, not overlapping (as
    ``re.finditer(re.escape(word), text)`` finds it, without a pattern per
    word and text: a body the tagger proposes is read again alone).

    >>> list(_occurrences("分公司分公司司", "公司"))
    [1, 4]
    """
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + len(word))


def _suffixed(text: str, taken: SpanSet) -> list[Mention]:
    out: list[Mention] = []
    ends: dict[int, Mention] = {}
    title_units = lexicon.word_list("org_title_units.txt")
    for suffix, kind, level in lexicon.org_suffixes():
        for s in _occurrences(text, suffix):
            e = s + len(suffix)
            if taken.overlaps(s, e) or any(len(u) > len(suffix) and text.endswith(u, 0, e) for u in title_units):
                continue
            start = _left_name(text, s)
            if kind == "enterprise" or suffix.endswith(_FIRM_UNION_ENDS):
                firm = _firm_name(text, s if kind == "enterprise" else e - len(_UNION_WORD) - 2)
                if firm is not None and (start is None or firm < start):
                    start = firm
            if kind == "union":
                joined = _joined_name(text, s)
                if joined is not None and (start is None or joined < start):
                    start = joined
            if start is None or taken.overlaps(start, e):
                continue
            head = ends.get(start)
            if head is not None and (suffix.startswith("分") or kind == "enterprise"):
                # 中国邮政集团有限公司常州市分公司, 〈group〉〈city〉供电公司: a branch is named with its company
                start = head.start
                out.remove(head)
            surface = text[start:e]
            label, codes, aliases = _named_from_region(text, start, e, kind)
            out.append(_org(label, surface, start, "suffix", kind, level, codes, aliases=aliases))
            if kind == "enterprise":
                ends[e] = out[-1]
            taken.add(start, e)
    return _bodies_of_unions(text, out)


_UNION_WORD = "工会"
_FIRM_UNION_ENDS = ("公司工会",)  # 有限公司工会: a firm's union, the firm named as :func:`_firm_name` reads it
_DEPARTMENT_ENDS = ("科", "部", "处", "室", "所", "站", "车间", "班组", "班", "队")
_DEPARTMENT_MAX = 8


def _bodies_of_unions(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with the body a union is named through (GRAPH.md "A union
    named through its body"): in 琼海人民医院急诊科工会小组 the hospital, whose
    name ends in a body word of its own (医院), a department (急诊科) or
    nothing between it and the union word; the union is its sub-body.

    >>> u = _org("琼海人民医院急诊科工会小组", "琼海人民医院急诊科工会小组", 0, "suffix", "union", "grassroots")
    >>> [(m.label, m.org.parent) for m in _bodies_of_unions(u.surface, [u])]
    [('琼海人民医院急诊科工会小组', (0, 6)), ('琼海人民医院', None)]
    """
    bodies = [(sfx, kind) for sfx, kind, _ in lexicon.org_suffixes() if kind != "union"]
    out: list[Mention] = []
    for m in found:
        u = m.surface.rfind(_UNION_WORD)
        if m.org is None or m.org.kind != "union" or m.org.parent or u <= 0:
            out.append(m)
            continue
        best: tuple[int, str, str] | None = None  # (end in the name, suffix, kind)
        for sfx, kind in bodies:  # longest first
            k = m.surface.rfind(sfx, 0, u)
            if k >= 2 and (best is None or k + len(sfx) > best[0]):
                best = (k + len(sfx), sfx, kind)
        gap = m.surface[best[0]:u] if best else ""
        if best is None or not (gap and len(gap) <= _DEPARTMENT_MAX and gap.endswith(_DEPARTMENT_ENDS)):
            out.append(m)
            continue
        end = m.start + best[0]
        label, codes, aliases = _named_from_region(text, m.start, end, best[2])
        body = _org(label, text[m.start:end], m.start, "suffix", best[2], "", codes, aliases=aliases)
        out += [replace(m, org=replace(m.org, parent=(m.start, end))), body]
    return out


@lru_cache(maxsize=1)
def _trade_parts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The union words and trade endings of ``data/org_trade_unions.tsv``, longest first."""
    rows = lexicon._tsv("org_trade_unions.tsv")

    def part(p: str) -> tuple[str, ...]:
        return tuple(sorted((r["word"] for r in rows if r["part"] == p), key=lambda w: (-len(w), w)))
    return part("union"), part("trade")


_BRACKETED = re.compile(rf"[（(][{CJK}]{{2,6}}[)）]$")  # 服务业（新界西）总工会: the district it covers
_TRADE_MAX = 20
_TRADE_FLAGS = ("n", "vn", "nz", "nt", "ns", "j", "b", "an", "l", "g")
_TRADE_JOIN, _TRADE_LIST = "及", "、"
_UNION_ENDS = ("工会", "总会", "协会")
_UNION_WORD_ON = "员计"  # 职工会员 (a member), 总会计师 (a title): not the union word


def _trade_start(text: str, s: int) -> int | None:
    """Where a union's name starts that names its trade before its union word
    at ``s`` (module data ``org_trade_unions.tsv``): nouns joined by 及 (and 、
    with it) ending in a trade, a region before them kept, a district in
    brackets after them allowed; None where the words before are no trade.

    >>> t = "奖项：鸡鸭业职工会"
    >>> t[_trade_start(t, 6):]
    '鸡鸭业职工会'
    >>> _trade_start("推动行业职工会", 4) is None
    True
    """
    _, ends = _trade_parts()
    p = s
    b = _BRACKETED.search(text, max(0, p - 8), p)
    if b is not None:
        p = b.start()
    if not text.endswith(ends, 0, p):
        return None
    lo = _after_last_stop(text, max(0, p - _TRADE_MAX), p, _STOPS)
    for w in _UNION_ENDS:  # 香港邮务职工会、鸡鸭业职工会: a name before this one ends the run
        k = text.rfind(w, lo, p)
        lo = max(lo, k + len(w) if k >= 0 else lo)
    words = posseg(text[lo:p])
    run: list[tuple[str, str]] = []
    for w, flag in reversed(words):
        if w in (_TRADE_JOIN, _TRADE_LIST) and run:
            run.append((w, flag))
            continue
        if not (flag.startswith(_TRADE_FLAGS) or flag == "v"):
            break
        run.append((w, flag))
    run.reverse()
    while run and (run[0][1] == "v" or run[0][0] in (_TRADE_JOIN, _TRADE_LIST)):
        run.pop(0)  # 推进快递业…: a verb or a join opens no name
    name = "".join(w for w, _ in run)
    if _TRADE_LIST in name and _TRADE_JOIN not in name:
        name = name[name.rfind(_TRADE_LIST) + 1:]  # 教育、建筑业职工会: a list, the last is this one
    start = p - len(name)
    k = start
    for w, _ in run[len(run) - _count_words(run, name):]:
        if match_region_at(text, k, allow_city_short=True) is not None:
            start = k  # 团体奖香港民用航空事业职工总会: the name starts at its region
            break
        k += len(w)
    regions, _, j = _leading_regions(text, start, p)
    trade = text[j:p]
    generic = lexicon.word_list("generic_modifiers.txt") if _TRADE_JOIN in trade else _trade_generic()
    if len(trade) < 3 or trade.startswith(generic) or trade.endswith("企业"):
        return None  # 行业职工会, 基层职工会, 外资企业职工会: kinds of union, not one
    return start


def _trade_named(text: str, taken: SpanSet) -> list[Mention]:
    """Unions named after their trade (:func:`_trade_start`): 鸡鸭业职工会,
    香港推拿理疗专业人员总会; an industry union, in the region written before it.

    >>> [m.label for m in _trade_named("香港证券及期货业职工会、鸡鸭业职工会", SpanSet())]
    ['香港证券及期货业职工会', '鸡鸭业职工会']
    """
    words, _ = _trade_parts()
    out: list[Mention] = []
    for word in words:
        for s in _occurrences(text, word):
            e = s + len(word)
            if taken.overlaps(s, e) or text[e:e + 1] in _UNION_WORD_ON and e < len(text):
                continue
            start = _trade_start(text, s)
            if start is None or taken.overlaps(start, e):
                continue
            label, codes, aliases = _named_from_region(text, start, e, "union")
            out.append(_org(label, text[start:e], start, "trade-union", "union", "industry", codes,
                            aliases=aliases))
            taken.add(start, e)
    return sorted(out, key=lambda m: m.start)


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
    out.sort(key=lambda m: (m.start, -m.end))
    return out


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
_UNIT_KINDS = ("state", "enterprise")


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
_BRANCH_KINDS = ("state", "enterprise")


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
        if b is None and m.org.kind in _BRANCH_KINDS:
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


_UNION_COMMITTEE = "委员会"
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
                and not m.surface.endswith("总" + _UNION_WORD) and text.startswith(_UNION_COMMITTEE, m.end)
                and not text.startswith(_NOT_COMMITTEE, m.end)):
            m = replace(m, label=m.label + _UNION_COMMITTEE, surface=m.surface + _UNION_COMMITTEE,
                        end=m.end + len(_UNION_COMMITTEE), aliases=(m.label,) + m.aliases)
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
_LEAGUE = "共青团"
_MEMBERS_OF = ("会员", "干部", "积极分子")
_MEMBER = ("员", "党员")
_CROSSING_FREQ = 500  # a dictionary word this frequent across a short form's end unmakes it
_UNIT_ENDS = "司团院校厂所局行会社"  # the last character of a body a department may belong to


def _league_committee(text: str, m: Mention) -> Mention | None:
    """共青团〈region〉委: the Communist Youth League's committee of a region,
    one body (not the League and the region's party committee)."""
    if m.label != "中国共产主义青年团" or m.surface != _LEAGUE:
        return None
    r = _regional(text, m.end)
    if r is not None and r.org is not None and r.org.lead == _LEAGUE:
        return r  # 共青团市委: read whole by _regional
    if r is None or r.org is None or r.org.body != "委" or not r.org.regions:
        return None
    label = _LEAGUE + r.label
    return _org(label, text[m.start:r.end], m.start, "regional", "other", regions=r.org.regions,
                body="团委", aliases=(_LEAGUE + r.surface,) if r.surface != r.label else ())


_PARTY = "中国共产党"


def _party_committee(text: str, m: Mention) -> Mention | None:
    """中共〈region〉委 (中共江苏省委, 中共南京市委组织部): the region's party body,
    written with the party's name before it, one body (not the party and it).

    >>> _party_committee("中共江苏省委召开会议", _org(_PARTY, "中共", 0, "national", "party")).label
    '江苏省委'
    """
    if m.label != _PARTY:
        return None
    r = _regional(text, m.end)
    if r is None or r.org is None or r.org.kind != "party":
        return None
    full = text[m.start:r.end]
    return replace(r, start=m.start, surface=full, aliases=r.aliases + (full,))


def _region_ending_at(text: str, end: int) -> tuple[lexicon.Region, int] | None:
    """The longest region name ending at ``end``, and where it starts."""
    for n in range(6, 1, -1):
        if end - n >= 0:
            hit = match_region_at(text, end - n, allow_city_short=True)
            if hit is not None and len(hit[1]) == n:
                return hit[0], end - n
    return None


_COUNTY_WORDS = ("县", "区", "市", "旗")  # the level word of a division with a one-character stem (高县)


def _sibling_ending_at(text: str, end: int, head: lexicon.Region | None) -> tuple[lexicon.Region, int] | None:
    """The division beside ``head`` (same parent, same level word) whose stem
    ends at ``end``, and where the stem starts: 叙永 before 古蔺县.

    >>> r = lexicon.regions_by_name()["古蔺县"]
    >>> _sibling_ending_at("叙永、古蔺县", 2, r)[0].name
    '叙永县'
    """
    suffix = head and (head.suffix or next((w for w in _COUNTY_WORDS if head.name.endswith(w)), ""))
    if not suffix:
        return None
    names = lexicon.regions_by_name()
    for n in (4, 3, 2):
        stem = text[max(0, end - n):end]
        if len(stem) == n and all(_is_cjk(c) for c in stem):
            r = names.get(stem + suffix)
            if r is not None and r.parent == head.parent and r.code != head.code:
                return r, end - n
    return None


_STEM_MAX = 4
# what closes a list of stems before their level word: 等, or their number (三县)
_LISTED_END = re.compile(r"等|([两二三四五六七八九])(?=[县市区旗])")
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _listed_heads(text: str, taken: SpanSet) -> list[Mention]:
    """The bodies of divisions listed by their stems before 等, or before
    their number, and a level word with a body (合江、叙永、古蔺等县总工会 and
    合江、叙永、古蔺三县总工会: 合江县总工会, 叙永县总工会, 古蔺县总工会), where two
    or more stems name divisions of that level under one parent (as many as
    the number says).

    >>> [(m.label, m.surface) for m in _listed_heads("合江、叙永、古蔺等县总工会参加", SpanSet())]
    [('合江县总工会', '合江'), ('叙永县总工会', '叙永'), ('古蔺县总工会', '古蔺')]
    >>> [m.label for m in _listed_heads("合江、叙永两县总工会", SpanSet())]
    ['合江县总工会', '叙永县总工会']
    >>> _listed_heads("合江、叙永三县总工会", SpanSet())
    []
    """
    names = lexicon.regions_by_name()
    out: list[Mention] = []
    for closing in _LISTED_END.finditer(text):
        k = closing.start()
        count = _COUNTS.get(closing.group(1) or "")
        lw = next((w for w in LEVEL_WORDS if text.startswith(w, k + 1)), None)
        body = _body_at(text, k + 1 + len(lw)) if lw else None
        if body is None or body.bare:
            continue
        found: list[tuple[lexicon.Region, int, int]] = []
        end = k
        while True:
            hit = next(((names[text[end - n:end] + lw], end - n) for n in range(_STEM_MAX, 1, -1)
                        if end - n >= 0 and text[end - n:end] + lw in names), None)
            if hit is None or taken.overlaps(hit[1], end):
                break
            found.append((hit[0], hit[1], end))
            if hit[1] == 0 or text[hit[1] - 1] != "、":
                break
            end = hit[1] - 1
        if len(found) < 2 or len({r.parent for r, _, _ in found}) != 1 or (count and count != len(found)):
            continue
        for r, s, e in reversed(found):
            level = _union_level(r.level, r.name) if body.kind == "union" else ""
            out.append(_org(r.name + body.canonical, text[s:e], s, "shared-head", body.kind, level, (r.code,),
                            body=body.canonical))
            taken.add(s, e)
    return out


def _shared_heads(text: str, found: list[Mention]) -> list[Mention]:
    """Bodies sharing the head of the last one: in 石家庄、沧州、辛集总工会
    each place before a 、 is a body of its own (石家庄市总工会; the written
    fragment is its surface); a county's stem counts there (合江、叙永、古蔺县
    总工会: 合江县, 叙永县) when it names a county beside the head's."""
    out = []
    by_code = lexicon.regions_by_code()
    for m in found:
        o = m.org
        if m.rule != "regional" or o is None or len(o.regions) != 1 or o.level_word:
            continue
        p = m.start
        head = by_code.get(o.regions[0])
        while p > 0 and text[p - 1] == "、":
            hit = _region_ending_at(text, p - 1) or _sibling_ending_at(text, p - 1, head)
            if hit is None:
                break
            r, start = hit
            level = _union_level(r.level, r.name) if o.kind == "union" else ""
            out.append(_org(r.name + o.body, text[start:p - 1], start, "shared-head", o.kind,
                            level, (r.code,), body=o.body))
            p = start
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
