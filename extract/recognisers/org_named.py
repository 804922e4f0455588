"""Bodies known by their last word (``data/org_suffixes.tsv``), their name
read back from it (:func:`_suffixed`): the run of noun-like words before it
(浙东运河博物馆), a firm's place, trade name, trade and form
(福州新锐电气有限公司), a union's trades joined after its region
(香港证券及期货业职工会); the body a union is named through (琼海人民医院 of
its 急诊科工会小组); and unions named after their trade before their union
word (:func:`_trade_named`, ``data/org_trade_unions.tsv``: 鸡鸭业职工会).

>>> [m.label for m in _suffixed("参观浙东运河博物馆", SpanSet())]
['浙东运河博物馆']
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterator

from extract import lexicon
from extract.lexicon import CJK
from extract.recognisers.org_common import _OWN_NAME_KINDS, _UNION_WORD, _is_cjk, _leading_regions, _org, _trade_generic
from extract.recognisers.regions import match_region_at
from extract.records import Mention
from extract.spans import SpanSet
from extract.tokenise import posseg

_NAME_LEADS = ("中国", "全国", "中华", "国家")
_COMPANY_WORD = "公司"
_PLACE_WORDS = ("村", "镇", "乡", "屯")  # 南社 村 党支部: jieba tags a lone 村 zg, and it ends a place's name
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


def _left_name(text: str, suffix_start: int, max_len: int = 12, proper: bool = True) -> int | None:
    """Where a body's name starts, reading back from its last word: the run
    of noun-like words before it (浙东运河 博物馆, 中国服装设计师 协会), from its
    first proper noun; with ``proper`` false, the whole run (第一建设工程 of a
    subsidiary named after its group)."""
    lo = _after_last_stop(text, max(0, suffix_start - max_len - 4), suffix_start, _STOPS + "、")
    window = text[lo:suffix_start]
    if not window:
        return None
    words = posseg(window)
    start = suffix_start
    for w, flag in reversed(words):
        if flag.startswith(("n", "j", "eng", "v")) or flag in ("an", "b", "s", "f", "l", "ag", "g") \
                or w in _PLACE_WORDS \
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
    for w, flag in words[len(words) - _count_words(words, consumed):] if proper else ():
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
        if any(w in run for w in _UNION_ENDS):
            return None  # 苏州工业园区总工会、无锡高新区总工会: two bodies listed, not one name
        for w, flag in posseg(run):
            if w in _JOINS:
                continue
            if not (flag.startswith(("n", "j")) or flag in ("b", "vn", "an", "l")) or flag.startswith("nr"):
                return None  # 兰州石化公司工会主席王建军、…: a person ends the name
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
    company_units = lexicon.word_list("org_company_units.txt")
    unnamed: list[tuple[int, int, str, str]] = []  # a firm's form with no name of its own before it
    blocks = lexicon.word_list("org_unit_blocks.txt")
    for suffix, kind, level in lexicon.org_suffixes():
        for s in _occurrences(text, suffix):
            e = s + len(suffix)
            if taken.overlaps(s, e) or any(len(u) > len(suffix) and text.endswith(u, 0, e) for u in title_units):
                continue
            firmish = kind == "enterprise" or suffix.endswith(_FIRM_UNION_ENDS)
            form_at = s if kind == "enterprise" else e - len(_UNION_WORD) - 2  # where 公司 starts
            bracket = _FIRM_BRACKET.search(text, max(0, form_at - 6), form_at) if firmish else None
            name_end = bracket.start() if bracket else s  # 齐齐哈尔二机床（集团）有限责任公司
            start = _left_name(text, name_end)
            if firmish:
                firm = _firm_name(text, bracket.start() if bracket else form_at)
                if firm is not None and (start is None or firm < start):
                    start = firm
            if kind == "union":
                joined = _joined_name(text, s)
                if joined is not None and (start is None or joined < start):
                    start = joined
            if start is None and kind == "enterprise" and suffix.endswith(_COMPANY_WORD):
                unnamed.append((s, e, kind, level))  # not 〈company〉轧钢厂: a unit, in the title
            elif start is not None and suffix.endswith(_COMPANY_WORD):
                inside = [k for k in range(start + 1, s - 1) if k in ends and ends[k].start <= start]
                if inside and not any(b in text[max(inside):s] for b in blocks):
                    # 国网山东省电力公司济南供电公司: the name read back into a firm found starts after it
                    # (not 〈company〉所属分公司, a kind of unit)
                    start = max(inside)
            if start is None or taken.overlaps(start, e):
                continue
            if suffix in company_units and _after_company(text, start, ends):
                continue  # 〈company〉核电石化容器制造厂电焊工: the company's unit, in the title
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
    out += _subsidiaries(text, unnamed, ends, out, taken, blocks)
    return _bodies_of_unions(text, out)


_SUBSIDIARY_NAME = (2, 8)  # characters of a subsidiary's own name between its group and its form


def _subsidiaries(text: str, unnamed: list[tuple[int, int, str, str]], ends: dict[int, Mention],
                  out: list[Mention], taken: SpanSet, blocks: tuple[str, ...]) -> list[Mention]:
    """Firms named after their group, their own name no proper noun
    (中建三局集团有限公司第一建设工程有限责任公司): one body from the group on, the
    group's mention in ``out`` given way to it (as a branch is named with its
    company). ``unnamed`` are the forms :func:`_left_name` found no name for.

    >>> [m.label for m in _suffixed("中建三局集团有限公司第一建设工程有限责任公司举行大会", SpanSet())]
    ['中建三局集团有限公司第一建设工程有限责任公司']
    """
    found: list[Mention] = []
    for s, e, kind, level in sorted(unnamed):
        if taken.overlaps(s, e):
            continue
        run = _left_name(text, s, proper=False)
        if run is None:
            continue
        heads = [k for k in range(max(run, s - _SUBSIDIARY_NAME[1]), s - _SUBSIDIARY_NAME[0] + 1) if k in ends]
        if not heads:
            continue
        head = ends[max(heads)]
        own = text[head.end:s]
        if head not in out or any(not _is_cjk(ch) for ch in own) or any(b in own for b in blocks):
            continue  # 〈company〉所属分公司: a kind of unit, no subsidiary's name
        out.remove(head)
        taken.add(head.start, e)
        label, codes, aliases = _named_from_region(text, head.start, e, kind)
        found.append(_org(label, text[head.start:e], head.start, "suffix", kind, level, codes, aliases=aliases))
    return found


_COMPANY_UNIT_GAP = 4  # at most this many characters between a company and its unit's name as read


def _after_company(text: str, start: int, ends: dict[int, Mention]) -> bool:
    """Whether the name read from ``start`` follows a company found, with at
    most a few characters between that the name did not take (核电 before
    石化容器制造厂), all of them name characters.

    >>> c = _org("中国一重集团有限公司", "中国一重集团有限公司", 0, "suffix", "enterprise")
    >>> _after_company("中国一重集团有限公司核电石化容器制造厂", 12, {10: c})
    True
    >>> _after_company("中国一重集团有限公司与石化容器制造厂", 11, {10: c})
    False
    """
    for p in range(start, max(-1, start - _COMPANY_UNIT_GAP - 1), -1):
        if p in ends:
            return all(_is_cjk(ch) and ch not in _NOT_IN_NAME for ch in text[p:start])
    return False


_NOT_IN_NAME = "的和与及是在为等"
# a firm's group or country written in brackets before its form: 齐齐哈尔二机床（集团）有限责任公司
_FIRM_BRACKET = re.compile(r"[（(](?:集团|中国|控股)[)）]$")
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
