"""Organizations: national bodies, bodies named after a region, named bodies
known by their last word, and bodies inside bodies.

What each mention carries for the resolver (``attrs``): ``kind`` and
``level`` per the contract, ``regions`` (codes of the regions written in the
name, outermost first), ``level_word`` (省, 市, 自治区 … when the region is
not written: ``省总工会`` is resolved from the article's context), ``body``
(the canonical body word: 总工会, 人大常委会, 委 …) and ``parent`` (the span
of the body a sub-body belongs to: 全总文工团).

>>> from extract.normalise import normalise
>>> [m.label for m in find(normalise("辽宁省人大常委会副主任、省总工会主席。全总文工团"), [])]
['辽宁省人大常委会', '省总工会', '中华全国总工会文工团', '中华全国总工会']
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import lexicon
from extract.lexicon import CJK
from extract.recognisers.regions import match_region_at
from extract.records import Mention
from extract.spans import SpanSet
from extract.tokenise import posseg

LEVEL_WORDS = ("自治区", "自治州", "省", "市", "县", "区", "镇", "乡", "旗")
_LEVEL_OF_SUFFIX = {"省": "province", "自治区": "province", "市": "city", "自治州": "city",
                    "县": "county", "区": "county", "旗": "county", "镇": "town", "乡": "town"}
# a bare level word is a body only when it is not part of a plural or a word
_BARE_BEFORE_BLOCK = "全各外跨该"
# 省总 (省总工会 abbreviated) only when no other word goes on: not 全省总体
_ABBREV_AFTER = re.compile(rf"(?:[^{CJK}]|$|党组|机关|领导|的|和|与|及|、|在|要|将|把|坚持|主动)")
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


def _starts_title(text: str, i: int) -> bool:
    m = lexicon.title_regex().match(text, i)
    return m is not None and not m.group(0).startswith(("委员会",))


def _org(label: str, surface: str, start: int, rule: str, kind: str, level: str = "",
         regions: tuple[str, ...] = (), level_word: str = "", body: str = "",
         parent: tuple[int, int] | None = None, aliases: tuple[str, ...] = ()) -> Mention:
    attrs = [("kind", kind)]
    if level:
        attrs.append(("level", level))
    if regions:
        attrs.append(("regions", regions))
    if level_word:
        attrs.append(("level_word", level_word))
    if body:
        attrs.append(("body", body))
    if parent:
        attrs.append(("parent", parent))
    return Mention("Organization", label, surface, start, start + len(surface), rule=rule,
                   attrs=tuple(attrs), aliases=aliases)


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
                    continue
            break
        r, s = hit
        regions.append(r)
        j += len(s)
        if s != r.name:  # a short form ends the run of regions
            break
    level_word = ""
    for lw in LEVEL_WORDS:
        if text.startswith(lw, j) and _body_at(text, j + len(lw)):
            level_word = lw
            break
    if not regions and not level_word:
        body = _body_at(text, i)
        if body is None or not body.bare or (i > 0 and _is_cjk(text[i - 1]) and text[i - 1] not in _BARE_AFTER):
            return None
        # 市场监督管理局 alone: the article's region decides (see extract.resolve)
        return _org(body.canonical, body.body, i, "bare-body", body.kind, body=body.canonical,
                    level_word="*")
    k = j + len(level_word)
    body = _body_at(text, k)
    if body is None:
        return None
    if body.needs_level and not level_word and not (regions and text[i:j].endswith(regions[-1].name)
                                                    and regions[-1].suffix):
        # 省委 needs its 省: written with the region (辽宁省委 = 辽宁省 + 委) or alone
        return None
    if body.body == "工会" and not regions:
        return None
    end = k + len(body.body)
    surface = text[i:end]
    if not regions and i > 0 and text[i - 1] in _BARE_BEFORE_BLOCK:
        return None
    canonical = body.canonical
    # 辽宁工会 / 北京工会: a region's union movement, read as its federation of unions
    if body.body == "工会" and regions and not level_word:
        canonical = "总工会"
    kind = body.kind
    level = ""
    region_level = regions[-1].level if regions else _LEVEL_OF_SUFFIX.get(level_word, "")
    region_name = regions[-1].name if regions else level_word
    if kind == "union":
        level = _union_level(region_level, region_name)
    full_prefix = "".join(r.name for r in regions)
    label = full_prefix + canonical if regions else level_word + canonical
    return _org(label, surface, i, "regional", kind, level,
                tuple(r.code for r in regions), "" if regions else level_word, canonical)


@lru_cache(maxsize=1)
def _national_lengths() -> dict[str, tuple[int, ...]]:
    return lexicon.key_lengths(_national())


def _national_at(text: str, i: int) -> Mention | None:
    lengths = _national_lengths().get(text[i:i + 2], ())
    nat = _national()
    longest = min(14, len(text) - i)
    for n in lengths:
        if n > longest or n < 2:
            continue
        nb = nat.get(text[i:i + n])
        if nb is not None:
            return _org(nb.canonical, text[i:i + n], i, "national", nb.kind, nb.level)
    return None


def _subbody(text: str, parent: Mention) -> Mention | None:
    for suffix, kind in lexicon.org_subbodies():
        if text.startswith(suffix, parent.end):
            if _starts_title(text, parent.end) and len(lexicon.title_regex().match(text, parent.end).group(0)) > len(suffix):
                return None
            surface = parent.surface + suffix
            return _org(parent.label + suffix, surface, parent.start, "subbody", kind,
                        regions=parent.attr("regions", ()), level_word=parent.attr("level_word", ""),
                        body=(parent.attr("body", "") or "") + suffix,
                        parent=(parent.start, parent.end))
    return None


_NAME_LEADS = ("中国", "全国", "中华", "国家")


def _count_words(words: list[tuple[str, str]], tail: str) -> int:
    n, total = 0, 0
    for w, _ in reversed(words):
        if total >= len(tail):
            break
        total += len(w)
        n += 1
    return n


def _left_name(text: str, suffix_start: int, max_len: int = 12) -> int | None:
    """Where a body's name starts, reading back from its last word: the run
    of noun-like words before it (浙东运河 博物馆, 中国服装设计师 协会)."""
    lo = max(0, suffix_start - max_len - 4)
    window = text[lo:suffix_start]
    cut = max(window.rfind(c) for c in "，。、；：！？（）“”《》\n ()")
    if cut >= 0:
        lo, window = lo + cut + 1, window[cut + 1:]
    if not window:
        return None
    words = posseg(window)
    start = suffix_start
    for w, flag in reversed(words):
        if flag.startswith(("n", "j", "eng", "v")) or flag in ("an", "b", "s", "f", "l", "ag", "g") \
                or (flag == "m" and not w.isdigit()):
            if suffix_start - (start - len(w)) > max_len:
                break
            start -= len(w)
        else:
            break
    # a name starts at a proper noun (浙东, 迪尚, 中国): 参观浙东运河博物馆 starts at 浙东
    consumed = text[start:suffix_start]
    k = 0
    for w, flag in words[len(words) - _count_words(words, consumed):]:
        if flag in ("ns", "nz", "nt", "j", "eng") or w in _NAME_LEADS \
                or (flag in ("nr", "nrt") and len(w) <= 3):
            break
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


def _suffixed(text: str, taken: SpanSet) -> list[Mention]:
    out = []
    for suffix, kind, level in lexicon.org_suffixes():
        for m in re.finditer(re.escape(suffix), text):
            s, e = m.span()
            if taken.overlaps(s, e):
                continue
            start = _left_name(text, s)
            if start is None or taken.overlaps(start, e):
                continue
            surface = text[start:e]
            out.append(_org(surface, surface, start, "suffix", kind, level))
            taken.add(start, e)
    return out


@lru_cache(maxsize=1)
def _candidate_re() -> re.Pattern:
    """Where a body's name can start, besides a region: a level word before a
    body word (省总工会), a body that may stand alone, a national short form."""
    bodies = "|".join(re.escape(b.body) for b in lexicon.org_bodies())
    bare = "|".join(re.escape(b.body) for b in lexicon.org_bodies() if b.bare)
    national = "|".join(re.escape(a) for a in sorted(_national(), key=len, reverse=True))
    # (?:levels)(?=bodies) spelled out level by level, so that every
    # alternative starts with a character: sre then skips to those characters
    levels = "|".join(f"{lw}(?={bodies})" for lw in LEVEL_WORDS)
    return re.compile(f"{levels}|{bare}|{national}")


def find(norm, regions: list[Mention]) -> list[Mention]:
    """Organization mentions, longest first at each position, no overlaps."""
    from extract.recognisers.regions import scan

    text = norm.text
    out: list[Mention] = []
    taken = SpanSet()
    starts = {h[0] for h in scan(text)} | {m.start() for m in _candidate_re().finditer(text)}
    pos = 0
    for i in sorted(starts):
        if i < pos:
            continue
        m = _national_at(text, i)
        r = _regional(text, i)
        if r is not None and (m is None or r.end > m.end):
            m = r
        if m is None:
            continue
        out.append(m)
        sub = _subbody(text, m)
        if sub is not None:
            out.append(sub)
            m = sub
        taken.add(m.start, m.end)
        pos = m.end
    for kind, level, pat in _patterns():
        for mm in pat.finditer(text):
            s, e = mm.span()
            if taken.overlaps(s, e):
                continue
            out.append(_org(mm.group(0), mm.group(0), s, "pattern", kind, level))
            taken.add(s, e)
    out.extend(_suffixed(text, taken))
    out.sort(key=lambda m: (m.start, -m.end))
    return out
