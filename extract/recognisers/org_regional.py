"""Bodies named after a region (:func:`_regional`): a run of region names, or
a level word alone, and a body word of ``data/org_bodies.tsv`` (辽宁省总工会,
省总工会, 市场监督管理局 alone); a region's union of a trade or sector
(成都市教育工会, 省电力工会), its association of a field (市烹饪协会) and a
department the body table lacks (南京市城市管理局, 省工信厅); and the Youth
League's and the party's committee of a region written with their name
(共青团广州市委, 中共江苏省委).

>>> [(m.label, m.org.level) for m in (_regional("辽宁省总工会主席", 0), _regional("省电力工会", 0))]
[('辽宁省总工会', 'provincial'), ('省电力工会', 'industry')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extract import lexicon
from extract.lexicon import CJK
from extract.recognisers.org_common import LEVEL_WORDS, _is_cjk, _org, _trade_generic
from extract.recognisers.regions import match_region_at
from extract.records import Mention
from extract.tokenise import posseg, tokenizer

# a region's government is labelled 〈region〉政府 and also named 〈region〉人民政府
GOVERNMENT, GOVERNMENT_FORMAL = "政府", "人民政府"
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
_LEAGUE = "共青团"
_MEMBERS_OF = ("会员", "干部", "积极分子")


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


def _trade_union(text: str, i: int, k: int, regions: list[lexicon.Region]) -> Mention | None:
    """A region's union of a trade or sector, written after its full region
    name (成都市教育工会, 四川省教科文卫体工会, 成都市机关工会): the trade in
    nouns only, not a generic word (基层, 企业)."""
    m = _TRADE.match(text, k)
    if m is None or not _is_trade(m.group(0)[:-2]) or m.group(0)[:-2].endswith(_body_words()):
        return None  # 甘肃省电力公司工会: a firm's union (org_named reads it), not a trade's
    trade = m.group(0)[:-2]
    label = _innermost(regions) + trade + "工会"
    full = "".join(r.name for r in regions) + trade + "工会"
    return _org(label, text[i:m.end()], i, "regional", "union", "industry", tuple(r.code for r in regions),
                body=trade + "工会", aliases=(full,) if full != label else ())


@lru_cache(maxsize=1)
def _body_words() -> tuple[str, ...]:
    """The last words of bodies other than unions (公司, 医院, 大学:
    ``data/org_suffixes.tsv``): a union after one is that body's."""
    return tuple(sfx for sfx, kind, _ in lexicon.org_suffixes() if kind != "union")


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
