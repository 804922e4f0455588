"""Programmes: named initiatives, campaigns, actions, brands, funds, hotlines,
competitions and platforms that some body runs.

Found three ways, every word list being data (``extract/data/``):

- a quoted name with a programme head noun after the quotes
  (``programme_heads.tsv``): “安康杯”竞赛 → 安康杯竞赛 (alias 安康杯),
  “12351”职工服务热线, “当好主人翁、建功新时代”劳动和技能竞赛, “吉工·贴心”项目;
  a quoted name that ends in a head itself (“六项行动”, “建功立业行动”), or a
  numbered name ending in a set head (``programme_set_heads.txt``: “六大品牌”,
  “五型工会”); a quoted name met with a head once is a programme wherever the
  same page quotes it;
- an unquoted name ending in a strong head after a verb that runs things
  (``programme_verbs.txt``): 设立就业服务专项基金, 深化劳模和工匠人才创新工作室;
  names made only of generic words (``programme_generic.txt``) are not names;
- numbered sets and their members: “凝心聚力、建功立业……”五大工程 gives 五大工程
  and 凝心聚力工程 …; “六项行动” followed by “建功立业行动” … gives the members.
  A member carries the attribute ``part_of`` (the set's label).

>>> from extract.normalise import normalise
>>> sorted({m.label for m in find(normalise("深入开展“安康杯”竞赛活动，开通“12351”职工服务热线。"))})
['12351职工服务热线', '安康杯竞赛']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from extract import lexicon
from extract.lexicon import CJK
from extract.records import Mention
from extract.spans import SpanSet
from extract.recognisers.base import Found, Scan, register

QUOTE = re.compile(r"[“\"]([^“”\"\n]{1,60})[”\"]")
NUMERAL = "一二三四五六七八九十两双百千万0-9"
_NUMBERED = re.compile(rf"^[{NUMERAL}]+[个项大支件种条型类季]?")
_NAME_CHARS = rf"{CJK}A-Za-z0-9·+＋\-"
_WEAK_END = re.compile(rf"(?:[^{CJK}A-Za-z0-9]|的|等|和|与|及|$)")
_SET = re.compile(rf"^([{NUMERAL}]+)[项大支个件]([{CJK}]{{1,4}})$")
_NUM = {c: i for i, c in enumerate("零一二三四五六七八九十", 0)} | {"两": 2, "双": 2}


# a count opening a name (30家省级规范化职工书屋, 十个重点项目): a number of things, not a name
# (万名工匠培养计划 is a name: a round number of people is its aim)
_QUANTITY = re.compile(r"[0-9]+[个家所处座批名人余多]|[一二三四五六七八九十两百千]+[个家所处座]")
_NOT_IN_NAME = re.compile(r"[\s“”\"‘’《》]")


def clean(s: str) -> str:
    """A name without quotes, book-title marks and typesetting spaces.

    >>> clean("“安康杯” 竞赛")
    '安康杯竞赛'
    """
    return _NOT_IN_NAME.sub("", s)


def numeral_value(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if len(s) == 2 and s[0] == "十":
        return 10 + _NUM.get(s[1], 0)
    if len(s) == 2 and s[1] == "十":
        return _NUM.get(s[0], 0) * 10
    return _NUM.get(s, 0)


@lru_cache(maxsize=1)
def _head_after() -> re.Pattern:
    """A head noun straight after a closing quote, with up to 8 name
    characters before it (“互联网+”工会普惠性服务, “12351”职工服务热线)."""
    alts = []
    for head, strong in lexicon.programme_heads():
        alts.append(re.escape(head) + ("" if strong else f"(?={_WEAK_END.pattern})"))
    # a year opens an edition's longer name: “情暖劳动者 穗岁平安年”2026年广州市新春团年饭慰问活动
    return re.compile(rf"(?:[0-9]{{4}}年[{CJK}]{{0,12}}?|[{_NAME_CHARS}]{{0,8}}?)(?:{'|'.join(alts)})")


@lru_cache(maxsize=1)
def _unquoted() -> re.Pattern:
    verbs = "|".join(re.escape(v) for v in lexicon.words("programme_verbs.txt"))
    heads = "|".join(re.escape(h) for h, strong in lexicon.programme_heads() if strong)
    return re.compile(rf"(?:{verbs})了?([{_NAME_CHARS}]{{2,16}}?(?:{heads}))")


@lru_cache(maxsize=None)
def _heads_shorter_than(n: int) -> tuple[str, ...]:
    return tuple(h for h, _ in lexicon.programme_heads() if len(h) < n)


def ends_with_head(name: str) -> bool:
    """Whether ``name`` is a head noun with something before it.

    >>> ends_with_head("建功立业行动"), ends_with_head("行动")
    (True, False)
    """
    return name.endswith(_heads_shorter_than(len(name)))


def _head_len(name: str) -> int:
    return next((len(h) for h, _ in lexicon.programme_heads() if name.endswith(h)), 0)


def is_numbered_programme(name: str) -> bool:
    return bool(_NUMBERED.match(name)) and name.endswith(lexicon.words("programme_set_heads.txt"))


def _generic(name: str) -> bool:
    """Made only of generic words (主题宣传活动), or opened by a quantifier
    (各类帮扶活动, 一系列主题活动)."""
    if name.startswith(lexicon.words("programme_quantifiers.txt")):
        return True
    gen = lexicon.words("programme_generic.txt")
    rest = name
    for h, _ in lexicon.programme_heads():
        if rest.endswith(h):
            rest = rest[: -len(h)]
            break
    while rest:
        for w in gen:
            if rest.startswith(w):
                rest = rest[len(w):]
                break
        else:
            break
    return not rest


def _mention(label: str, surface: str, start: int, rule: str, aliases=(), attrs=()) -> Mention:
    label = clean(label)
    als = tuple(dict.fromkeys(a for a in (clean(x) for x in aliases) if a and a != label))
    return Mention("Programme", label, surface, start, start + len(surface), rule=rule,
                   aliases=als, attrs=tuple(attrs))


def find(norm, *args) -> list[Mention]:
    text = norm.text
    out: list[Mention] = []
    quoted = list(QUOTE.finditer(text))
    # quoted names with a head after the quotes: the label per quoted text
    afters = [_after_quote(text, quoted, qi) for qi in range(len(quoted))]
    headed: dict[str, str] = {}
    for q, m in zip(quoted, afters):
        content = clean(q.group(1))
        if m and content:
            headed.setdefault(content, _headed_label(content, m.group(0)))
    for qi, q in enumerate(quoted):
        content = clean(q.group(1))
        if not content or len(content) < 2:
            continue
        after = afters[qi]
        items = [clean(x) for x in re.split(r"[、，,]", q.group(1)) if clean(x)]
        if after and len(items) >= 2 and (s := re.match(rf"^([{NUMERAL}]+)[项大支个件]", after.group(0))) \
                and numeral_value(s.group(1)) == len(items):
            # “凝心聚力、建功立业……”五大工程: the set and each member
            head = after.group(0)[len(s.group(0)):]
            set_label = after.group(0)
            out.append(_mention(set_label, text[q.start():after.end()], q.start(), "programme-set",
                                aliases=(content + set_label,)))
            pos = q.start(1)
            for raw in re.split(r"([、，,])", q.group(1)):
                if raw in "、，," or not clean(raw):
                    pos += len(raw)
                    continue
                out.append(_mention(clean(raw) + head, raw, pos, "programme-set-member",
                                    aliases=(clean(raw),), attrs=(("part_of", clean(set_label)),)))
                pos += len(raw)
            continue
        if after:
            label = _headed_label(content, after.group(0))
            honours = lexicon.words("programme_honours.txt")
            if not (label.endswith(honours) and headed.get(content, "").endswith(honours)):
                # one label per quoted name (“金秋助学”活动, “金秋助学”品牌); each
                # honour its own (“五一”劳动奖章, “五一”劳动奖状)
                label = headed.get(content, label)
            place = _honour_place(text, q.start(), label)
            surface_start = q.start() - len(place)
            out.append(_mention(place + label, text[surface_start:after.end()], surface_start, "quoted-head",
                                aliases=(content, _headed_label(content, after.group(0)), label)))
        elif content in headed:
            out.append(_mention(headed[content], q.group(0), q.start(), "quoted-seen-head",
                                aliases=(content,)))
        elif ends_with_head(content) or is_numbered_programme(content):
            place = _honour_place(text, q.start(), content)
            out.append(_mention(place + content, text[q.start() - len(place):q.end()], q.start() - len(place),
                                "quoted-own-head", aliases=(content,)))
        elif _run_quote(text, q, content):
            out.append(_mention(content, q.group(0), q.start(), "quoted-after-verb"))
    quoted_spans = SpanSet.of((q.start(), q.end()) for q in quoted)

    def in_quote(s: int, e: int) -> bool:
        return quoted_spans.overlaps(s, e)

    verbs = lexicon.words("programme_breaks.txt")
    walked: set[int] = set()  # where a list of further items was followed from
    for m in _unquoted().finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        # the name starts after the last verb or break word inside it
        cut = max((name.rfind(v) + len(v) for v in verbs if v in name[:-1]), default=0)
        name, s = name[cut:], s + cut
        if in_quote(s, e):
            continue
        counted = _uncounted(name)
        name, s = name[len(name) - len(counted):], s + len(name) - len(counted)
        if not (len(name) < 4 or cut and len(name) - _head_len(name) < 3 or _generic(name) or _conjoined(name, m)
                or _QUANTITY.match(name) or _placeless_honour(name)):
            out.append(_mention(name, name, s, "verb-head"))
        # 开展劳动和技能竞赛、职工创业创新大赛: further items with their own head
        pos = e
        # each list is followed once: a verb inside it (开展…、开展…) would
        # follow the rest again, quadratic in a long clause
        while pos not in walked and (more := _more_item().match(text, pos)) \
                and not in_quote(*more.span(1)):
            walked.add(pos)
            item = _uncounted(more.group(1))
            if not _generic(item) and len(item) >= 4 and not _placeless_honour(item):
                out.append(_mention(item, item, more.end(1) - len(item), "verb-head-list"))
            pos = more.end(1)
    out = _cups(text, out)
    out = _launched(text, out)
    out = _sites(text, out)
    out = _numbered_headings(text, out)
    out = _listed(text, out)
    out = _national(text, out)
    out = _set_members(text, out)
    out = _graded(out)
    out = [m for m in out if _a_home_for_people(m.label)]
    # unquoted recurrences of a quoted or named programme on the same page
    labels = {}
    for m in out:
        for form in (m.label, *m.aliases):
            if len(form) >= 4:
                labels.setdefault(form, m)
    taken = SpanSet.of((m.start, m.end) for m in out)
    if labels:
        rx = re.compile("|".join(re.escape(f) for f in sorted(labels, key=lambda f: (-len(f), f))))
        for m in rx.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            src = labels[m.group(0)]
            out.append(replace(src, surface=m.group(0), start=m.start(), end=m.end(), rule="recurrence",
                               attrs=tuple((k, v) for k, v in src.attrs if k != "part_of")))
    return sorted(out, key=lambda m: (m.start, -m.end, m.label))


_HOMES = ("之家", "微家")


def _a_home_for_people(label: str) -> bool:
    """False for a “home” that is no programme: 〈a quality〉之家 (“温暖之家”),
    or one the concept lexicon holds (职工之家); true for every other name.

    >>> _a_home_for_people("司机之家"), _a_home_for_people("温暖之家"), _a_home_for_people("安康杯竞赛")
    (True, False, True)
    """
    if not label.endswith(_HOMES):
        return True
    if label in lexicon.concept_forms():
        return False
    return label[:-2].endswith(lexicon.words("programme_home_for.txt"))


@lru_cache(maxsize=1)
def _launched_rx() -> re.Pattern:
    heads = "|".join(re.escape(h) for h, strong in lexicon.programme_heads() if strong)
    return re.compile(rf"(?:^|(?<=[，。；：\n])|(?<=宣布))([{_NAME_CHARS}]{{4,20}}?(?:{heads}))"
                      rf"(?=(?:正式|全面|同步)?(?:启动|上线|开通|揭牌|启幕))", re.M)


def _launched(text: str, out: list[Mention]) -> list[Mention]:
    """An unquoted name that opens its clause (or follows 宣布) and is then
    launched: 宣布南京市总工会女职工志愿服务计划正式启动, ，职工服务平台上线.

    >>> [m.label for m in _launched("会上，副主席宣布杭州市总工会职工互助保障计划正式启动。", [])]
    ['杭州市总工会职工互助保障计划']
    """
    taken = SpanSet.of((m.start, m.end) for m in out)
    breaks = lexicon.words("programme_breaks.txt") + lexicon.words("programme_verbs.txt")
    res = list(out)
    for m in _launched_rx().finditer(text):
        name, s = m.group(1), m.start(1)
        cut = max((name.rfind(v) + len(v) for v in breaks if v in name[:-1]), default=0)
        name, s = name[cut:], s + cut
        if len(name) < 4 or _generic(name) or _QUANTITY.match(name) or taken.overlaps(s, m.end(1)):
            continue
        res.append(_mention(name, name, s, "launched"))
    return res


_SITE = re.compile(rf"([{CJK}]{{2,4}}?)(工会网|职工网|工会APP|工会App|职工之家APP|职工之家App)(?!站|络|点)")


def _sites(text: str, out: list[Mention]) -> list[Mention]:
    """A union's website or app named by its place, unquoted (烟台工会网,
    湖北职工之家APP): a programme the union runs for its members (GRAPH.md).

    >>> [m.label for m in _sites("登录烟台工会网即可申请，各地工会网站……", [])]
    ['烟台工会网']
    """
    taken = SpanSet.of((m.start, m.end) for m in out)
    short, names = lexicon.regions_by_short(), lexicon.regions_by_name()
    res = list(out)
    for m in _SITE.finditer(text):
        place = m.group(1)
        # the place is the longest region form ending the characters before
        place = next((place[k:] for k in range(len(place) - 1) if place[k:] in short or place[k:] in names), "")
        s = m.end(1) - len(place)
        if place and not taken.overlaps(s, m.end()):
            res.append(_mention(place + m.group(2), place + m.group(2), s, "site"))
    return res


def _cups(text: str, out: list[Mention]) -> list[Mention]:
    """Competitions named for a cup, unquoted: 开展安康杯竞赛 → 安康杯竞赛 (alias
    安康杯); a verb or break word before the cup's name is not part of it.

    >>> [m.label for m in _cups("深入开展安康杯知识竞赛。", [])]
    ['安康杯知识竞赛']
    """
    lead = lexicon.words("programme_verbs.txt") + lexicon.words("programme_breaks.txt")
    taken = SpanSet.of((m.start, m.end) for m in out)
    res = list(out)
    for c in _CUP.finditer(text):
        cup, s = c.group(1), c.start(1)
        cut = max((cup.rfind(v) + len(v) for v in lead if v in cup[:-1]), default=0)
        cup, s = cup[cut:], s + cut
        if len(cup) < 3 or taken.overlaps(s, c.end()):
            continue
        res.append(_mention(text[s:c.end()], text[s:c.end()], s, "cup", aliases=(cup,)))
    return res


_CUP = re.compile(rf"([{CJK}]{{2,8}}杯)[{CJK}]{{0,6}}?(?:知识竞赛|技能竞赛|竞赛|大赛|比赛)")


def _conjoined(name: str, m: re.Match) -> bool:
    """A name the verb does not govern: the "verb" is a noun ending a list
    item (创新成果评选和劳模创新工作室: 评选 is also a head) and a conjunction
    follows it. 深化和谐劳动关系创建活动 is governed (和谐 is a word)."""
    verb = m.group(0)[:m.start(1) - m.start(0)].removesuffix("了")
    return name[:1] in ("和", "与", "及") and any(verb.endswith(h) for h, _ in lexicon.programme_heads())


@lru_cache(maxsize=4096)
def _placeless_honour(name: str) -> bool:
    """An unquoted honour without its place or 全国 opening it: 工会先进集体
    (which honour is not said), unlike 全国模范职工之家, 四川省五一劳动奖状.

    >>> _placeless_honour("工会先进集体"), _placeless_honour("全国模范职工之家"), _placeless_honour("职工书屋")
    (True, False, False)
    """
    if not name.endswith(lexicon.words("programme_honours.txt")):
        return False
    if name.startswith("全国"):
        return False
    names = lexicon.regions_by_name()
    return not any(name[:n] in names for n in range(2, min(8, len(name))))


@lru_cache(maxsize=4096)
def _uncounted(name: str) -> str:
    """``name`` without a count of recipients opening it (授予10个单位全国模范职工之家,
    命名30家省级规范化职工书屋): the count and its unit noun
    (``programme_recipients.txt``) are not part of the honour's name.

    >>> _uncounted("10个单位全国模范职工之家"), _uncounted("4个行业评选活动"), _uncounted("万名工匠计划")
    ('全国模范职工之家', '4个行业评选活动', '万名工匠计划')
    """
    q = _QUANTITY.match(name)
    if not q:
        return name
    rest = name[q.end():]
    unit = next((w for w in lexicon.words("programme_recipients.txt") if rest.startswith(w)), "")
    return rest[len(unit):] if unit else name


def _graded(out: list[Mention]) -> list[Mention]:
    """A name that is another name on the page with a place and grade words
    before it (``programme_grades.txt``: 河南省示范性劳模和工匠人才创新工作室 and
    劳模和工匠人才创新工作室) is that programme; honours keep their place.

    >>> [m.label for m in _graded([_mention("河南省示范性职工书屋", "x", 0, "verb-head"),
    ...                            _mention("职工书屋", "x", 9, "verb-head")])]
    ['职工书屋', '职工书屋']
    """
    labels = {m.label for m in out}
    honours = lexicon.words("programme_honours.txt")
    grades = lexicon.words("programme_grades.txt")
    names = lexicon.regions_by_name()
    res = []
    for m in out:
        lab = m.label
        shorter = None if lab.endswith(honours) else next(
            (lab[k:] for k in range(1, len(lab) - 1) if lab[k:] in labels), None)
        if shorter is not None:
            rest = lab[:-len(shorter)]
            place = next((rest[:n] for n in range(min(7, len(rest)), 1, -1) if rest[:n] in names), "")
            rest = rest[len(place):]
            while rest and (g := next((g for g in grades if rest.startswith(g)), None)):
                rest = rest[len(g):]
            if not rest:
                m = replace(m, label=shorter, aliases=tuple(dict.fromkeys(m.aliases + (lab,))))
        res.append(m)
    return res


def _after_quote(text: str, quoted: list[re.Match], qi: int) -> re.Match | None:
    """The head written after quote ``qi``, or after the quote that follows
    it in a row (“工会+法院”、“工会+人社”调处劳动争议模式: a shared head)."""
    q = quoted[qi]
    after = _head_after().match(text, q.end())
    if not after and qi + 1 < len(quoted) and re.fullmatch(r"[、和与及]?", text[q.end():quoted[qi + 1].start()]):
        after = _head_after().match(text, quoted[qi + 1].end())
    return after


def _headed_label(content: str, after: str) -> str:
    """The label of a quoted name and the head written after it; a head
    opened by 等 closes a list of names (“四服务”、“四季送”等主题活动), so each
    quoted name is the programme on its own.

    >>> _headed_label("四季送", "等主题活动"), _headed_label("安康杯", "竞赛")
    ('四季送', '安康杯竞赛')
    """
    return content if after.startswith("等") else content + after


def _honour_place(text: str, start: int, label: str) -> str:
    """The place (a region's full name, or 全国) written straight before an
    honour's name (``programme_honours.txt``): 全国“五一”劳动奖章 → 全国,
    四川省“工人先锋号” → 四川省; '' for anything else, or a label that
    already opens with a place.

    >>> _honour_place("荣获四川省“工人先锋号”", 5, "工人先锋号"), _honour_place("开展“安康杯”竞赛", 2, "安康杯竞赛")
    ('四川省', '')
    """
    if not label.endswith(lexicon.words("programme_honours.txt")):
        return ""
    before = text[max(0, start - 8):start]
    if before.endswith("全国"):
        return "全国"
    names = lexicon.regions_by_name()
    for n in range(min(7, len(before)), 1, -1):
        if before[-n:] in names and not label.startswith(before[-n:]):
            return before[-n:]
    return ""


_HEADING = re.compile(rf"^[ \t\u3000]*(?:[0-9]{{1,2}}|[一二三四五六七八九十]{{1,2}})[、.．:：)）]?[ \t\u3000]*"
                      rf"([{_NAME_CHARS}“”\"]{{4,24}})[ \t\u3000]*$", re.M)


def _numbered_headings(text: str, out: list[Mention]) -> list[Mention]:
    r"""Numbered heading lines under a numbered set (重点实施的“五大行动” … a line
    ``1 深化产业工人队伍建设改革行动``): a heading that is only a name ending in
    the set's head is one of its actions (:func:`_set_members` then links
    them). One pass over the lines; only sets already found open it.

    >>> [m.label for m in _numbered_headings("“两大行动”\n1 职工入会行动\n2 建功立业行动\n", [
    ...     _mention("两大行动", "“两大行动”", 0, "quoted-own-head")])][1:]
    ['职工入会行动', '建功立业行动']
    """
    sets = sorted((m.end, s.group(2), m.label) for m in out if (s := _SET.match(m.label)))
    if not sets:
        return out
    taken = SpanSet.of((m.start, m.end) for m in out)
    res = list(out)
    first = sets[0][0]
    ends = [end for end, _, _ in sets]
    headings: list[Mention] = []
    for h in _HEADING.finditer(text, first):
        raw = h.group(1)
        name = clean(raw)
        s, e = h.span(1)
        owner = None
        k = bisect.bisect_right(ends, s) - 1
        while k >= 0 and s - sets[k][0] <= 3000:  # the sets just above, nearest first
            if name.endswith(sets[k][1]):
                owner = sets[k][2]
                break
            k -= 1
        if owner is None or _SET.match(name) or len(name) - _head_len(name) < 2:
            continue
        attrs = (("part_of", owner),)
        if taken.overlaps(s, e):
            # a quoted part inside it (3 集体协商“集中要约”行动): the heading is the name
            inner = [m for m in res if s <= m.start and m.end <= e and m.type == "Programme"]
            res = [m for m in res if not (s <= m.start and m.end <= e and m.type == "Programme")]
            headings.append(_mention(name, raw, s, "numbered-heading",
                                     aliases=tuple(m.label for m in inner), attrs=attrs))
        else:
            headings.append(_mention(name, raw, s, "numbered-heading", attrs=attrs))
    if not headings:
        return res
    # what each heading's section names (up to the next heading or set) is part of its action
    bounds = sorted([h.start for h in headings] + [end for end, _, _ in sets] + [len(text)])
    sections = [(h.end, min(bounds[bisect.bisect_right(bounds, h.start)], h.end + 1500), h.label)
                for h in sorted(headings, key=lambda h: h.start)]
    starts = [a for a, _, _ in sections]
    for i, m in enumerate(res):
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < sections[k][1] and not m.attr("part_of") and not _SET.match(m.label):
            res[i] = replace(m, attrs=m.attrs + (("part_of", sections[k][2]),))
    return res + headings


@lru_cache(maxsize=1)
def _more_item() -> re.Pattern:
    heads = "|".join(re.escape(h) for h, strong in lexicon.programme_heads() if strong)
    return re.compile(rf"[、和]([{_NAME_CHARS}]{{2,16}}?(?:{heads}))(?=[、，。；等和\s]|称号|$)")


_COUNT_AFTER = re.compile(r"[0-9]+(?:[名家个项人所处支]|余[名家个项人])")


def _run_quote(text: str, q: re.Match, content: str) -> bool:
    """A quoted short name that a running verb governs and nothing follows
    (深化“送教到基层”, 实施“中国制造2025”), or that names a theme (围绕
    “中国梦·劳动美——永远跟党走”主题，), unless it reads as a concept."""
    from extract.recognisers.concepts import classify_quoted

    before = text[max(0, q.start() - 8):q.start()].removesuffix("了")
    after = text[q.end():q.end() + 3].removeprefix("主题")
    # 选树“中原大工匠”30名: a count of those selected ends the name too
    counted = _COUNT_AFTER.match(text, q.end()) is not None
    return (len(content) <= 16 and (after[:1] in "，。；、\n" or counted)
            and (before.endswith(lexicon.words("programme_verbs.txt")) or after != text[q.end():q.end() + 3])
            and not re.search(r"[是了吗呢吧！？。，]", content)
            and not classify_quoted(content, text[q.end():q.end() + 8]))


_ITEM = rf"(?:[“\"][^“”\"\n、，。]{{1,20}}[”\"]|[{_NAME_CHARS}]){{1,30}}"


_LIST_END = rf"等[{CJK}]{{0,4}}?(?:{{heads}})(?=[^{CJK}]|[常的]|$)"
# no list item holds one of these (a quoted item holds no ，。 or line break)
_CLAUSE_STOPS = "\n，。"
_CLAUSE_STOP = re.compile(f"[{_CLAUSE_STOPS}]")


@lru_cache(maxsize=1)
def _list_heads() -> str:
    return "|".join(re.escape(h) for h in lexicon.words("programme_list_heads.txt"))


@lru_cache(maxsize=1)
def _list_rx() -> re.Pattern:
    return re.compile(rf"({_ITEM}(?:、{_ITEM})+)" + _LIST_END.replace("{heads}", _list_heads()))


@lru_cache(maxsize=1)
def _list_end_rx() -> re.Pattern:
    return re.compile(_LIST_END.replace("{heads}", _list_heads()))


def _list_matches(text: str) -> list[re.Match]:
    """The matches of :func:`_list_rx` in ``text``, looked for only in the
    clauses (between ，。 and line breaks, which no list crosses) that hold
    its closing 等 + noun: the list pattern tried at every position of a long
    text costs more than the rest of this recogniser.

    >>> [m.group(1) for m in _list_matches("开展了甲工程、乙行动等项目。其他等工作，丙品牌、丁等品牌")]
    ['开展了甲工程、乙行动', '丙品牌、丁']
    """
    out: list[re.Match] = []
    done = -1  # the end of the last clause searched
    for hit in _list_end_rx().finditer(text):
        if hit.start() < done:
            continue
        start = max(text.rfind(c, 0, hit.start()) for c in _CLAUSE_STOPS) + 1
        stop = _CLAUSE_STOP.search(text, hit.start())
        done = stop.start() if stop else len(text)
        # with endpos at the clause's end the closing lookahead meets the end
        # of the window instead of the stop: it passes both
        # one match per list, tried from where the list ending at this 等
        # begins: finditer from the clause's start would try every position
        # of a long clause and read the rest of the clause from each
        pos = start
        for end in _list_end_rx().finditer(text, hit.start(), done):
            if end.start() < pos:
                continue
            first = _list_start(text, pos, end.start())
            if first is not None and (m := _list_rx().match(text, first, done)):
                out.append(m)
                pos = m.end()
    return out


_QUOTE_OPEN, _QUOTE_CLOSE, _NOT_QUOTED = "“\"", "”\"", "“”\"\n、，。"
_NAME_CHAR = re.compile(rf"[{_NAME_CHARS}]")


def _list_start(text: str, start: int, end: int) -> int | None:
    """The first position of the list of two or more ``、``-separated items
    (:data:`_ITEM`: up to 30 quoted names or name characters each) that ends
    at ``end``, read backwards no further than ``start``; None when fewer
    than two items end there.

    >>> _list_start("开展了甲工程、“乙”行动等项目", 0, 12)
    0
    """
    items, first, pos = 0, None, end
    while True:
        j, units = pos, 0
        while j > start and units < 30:
            if text[j - 1] in _QUOTE_CLOSE:
                k = j - 2
                while k >= max(start, j - 22) and text[k] not in _NOT_QUOTED:
                    k -= 1
                if k >= start and text[k] in _QUOTE_OPEN and 1 <= j - 2 - k <= 20:
                    j, units = k, units + 1
                    continue
                break
            if not _NAME_CHAR.match(text[j - 1]):
                break
            j, units = j - 1, units + 1
        if j == pos:
            break
        items, first = items + 1, j
        if j > start and text[j - 1] == "、" and units < 30:
            pos = j - 1
            continue
        break
    return first if items >= 2 else None


def _listed(text: str, out: list[Mention]) -> list[Mention]:
    """A list closed by 等 and a programme noun (……、“玫瑰书香”、“会聚良缘”等品牌;
    双15工程、“司机之家”等有效措施): each item is a programme. A verb or
    break word opening the first item is not part of it (让, 叫响做实)."""
    lead = sorted(lexicon.words("programme_verbs.txt") + lexicon.words("programme_breaks.txt"),
                  key=lambda w: (-len(w), w))
    taken = SpanSet.of((m.start, m.end) for m in out)
    res = list(out)
    for m in _list_matches(text):
        pos = m.start(1)
        for k, raw in enumerate(m.group(1).split("、")):
            s, item = pos, raw
            pos += len(raw) + 1
            while k == 0 and (w := next((w for w in lead if item.startswith(w) and len(item) > len(w)), None)):
                item, s = item[len(w):], s + len(w)
            name = clean(item)
            if len(name) < 2 or name in lexicon.concept_forms() or _generic(name) \
                    or taken.overlaps(s, s + len(item)):
                continue
            res.append(_mention(name, item, s, "listed", aliases=(name,)))
    return res


@lru_cache(maxsize=1)
def _national_forms() -> dict[str, str]:
    forms = {}
    for row in lexicon.patterns("programmes.tsv"):
        for f in (row[0], *(row[1].split("|") if len(row) > 1 and row[1] else ())):
            forms[f] = row[0]
    return forms


def _national(text: str, out: list[Mention]) -> list[Mention]:
    """Standard national programmes (``programmes.tsv``) wherever they stand."""
    forms = _national_forms()
    if not forms:
        return out
    rx = re.compile("|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))))
    taken = [(m.start, m.end) for m in out]
    res = list(out)
    for m in rx.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            res.append(_mention(forms[m.group(0)], m.group(0), m.start(), "national", aliases=(m.group(0),)))
    return res


def _set_members(text: str, out: list[Mention]) -> list[Mention]:
    """“六项行动” then, in the lines that follow, quoted names with the same
    head: the first N are its members."""
    result = list(out)
    by_start = sorted(out, key=lambda m: m.start)
    claimed = {m.attr("part_of") for m in out}  # sets whose members are known already
    for k, m in enumerate(by_start):
        s = _SET.match(m.label)
        if not s or m.rule == "programme-set" or m.label in claimed:
            continue
        n, head = numeral_value(s.group(1)), s.group(2)
        members = []
        for o in by_start[k + 1:]:
            if o.start - m.end > 3000 or len(members) >= n:
                break
            if o.label.endswith(head) and o.label != m.label and not _SET.match(o.label) \
                    and o.label not in members:
                members.append(o.label)
        if len(members) == n:
            for i, o in enumerate(result):
                if o.label in members and not o.attr("part_of"):
                    result[i] = replace(o, attrs=o.attrs + (("part_of", m.label),))
    return result


@register
class ProgrammesRecogniser:
    """Programme mentions (:func:`find`)."""

    name = "programmes"
    order = 70

    def find(self, scan: Scan) -> Found:
        return Found(find(scan.norm))
