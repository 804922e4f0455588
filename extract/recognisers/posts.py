"""Posts: chains of titles at bodies, and the person who holds them.

A chain starts at a body and runs through titles separated by 、 (or 兼),
switching body where a new one is written::

    辽宁省人大常委会 副主任 、 省总工会 主席
    河北省人大常委会 党组副书记 、 副主任 、 省总工会 主席
    中国华电集团有限公司 原 党组副书记 、 总经理      (原 carries to the end)

The holder is the name written straight after the chain (…主席刘伟表示),
before it on the same line (byline: ``杨忠林 辽宁省人大常委会副主任…``), or
named by an election (``选举王东明为…``, ``刘伟当选…``). A chain in an
author's note (``（作者系…）``) has no holder here: the article gives it.

>>> from extract.normalise import normalise
>>> from extract.recognisers import organizations
>>> n = normalise("河北省人大常委会党组副书记、副主任、省总工会主席 王晓东")
>>> [(p.person.label if p.person else None, p.org.label, p.title) for p in find(n, organizations.find(n, []))]
[('王晓东', '河北省人大常委会', '党组副书记'), ('王晓东', '河北省人大常委会', '副主任'), ('王晓东', '省总工会', '主席')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon
from extract.recognisers.names import (is_boundary, is_cjk, name_at, name_ending_at, stopwords, surname_len,
                                      tagged_person_ends, transliterated, valid_name)
from extract.records import Mention, OrgAttrs
from extract.spans import SpanSet, last_before
from extract.recognisers.base import Found, Scan, register

_SEP = ("、", "兼", "，兼", "、兼")
_ELECTION_BEFORE = re.compile(r"(?:选举|增补|推选|任命|补选)$")
_ELECTION_AFTER = ("当选为", "当选", "担任", "出任", "任", "为")
_CREDIT_LEAD = re.compile(r"\s*(?:作者|文|撰文|口述|讲述)\s*[：:]\s*")
# a name, then its posts: 张三（省总工会副主席）, 张三，省总工会副主席。, 张三是……
_APPOSITION = ("（", "(", "，", "是", "系")
_APPOSITION_END = "）)，。；、"
# how one was elected, between the name and the verb: 以满票当选, 再次当选
_ELECTION_MANNER = re.compile(r"(?:以(?:全|满|高)票|全票|满票|高票|再次|继续|均|分别|正式|光荣|同志|现|曾|历|先后|后)$")
# a biography's subject opens its sentence: 张三，男，1965年生，……现任……
_BIO_SUBJECT_END = "，,（("
_NOTE = re.compile(r"[（(]\s*作者(?:系|是|为|现任|现为|：|:)\s*$")
_FORMER_BEFORE_CHAIN = ("回顾担任", "曾担任", "曾任", "原任", "时任", "原")
# the writer speaking of a post of their own: 回顾担任省总工会主席的十年
_SELF_BEFORE_CHAIN = ("回顾担任", "我担任", "我曾担任", "我曾任", "本人担任", "本人曾任")


@dataclass(frozen=True)
class Post:
    person: Mention | None
    org: Mention
    title: str
    former: bool
    start: int
    end: int
    rule: str


def person_mention(name: tuple[str, int, int], rule: str) -> Mention:
    label, s, e = name
    return Mention("Person", label, label, s, e, rule=rule)


def _former_at(text: str, i: int) -> int:
    for w in lexicon.former_markers():
        if text.startswith(w, i):
            return len(w)
    return 0


# a title qualified in brackets after it, written with the qualifier first
# (GRAPH.md "Title forms": 副主席(兼) is 兼职副主席; 副主席（挂职） is 挂职副主席)
_QUALIFIERS = {"(兼)": "兼职", "（兼）": "兼职", "(兼职)": "兼职", "（兼职）": "兼职",
               "(挂职)": "挂职", "（挂职）": "挂职", "(专职)": "专职", "（专职）": "专职"}
_CANDIDATE = "候选人"


@lru_cache(maxsize=1)
def _government_titles() -> dict[str, str]:
    """Title -> the suffix of the region whose government holds it (市长 -> 市)."""
    return {r["title"]: r["level"] for r in lexicon._tsv("government_titles.tsv")}


def _is_government(o: Mention) -> bool:
    return o.org is not None and o.org.kind == "state" and o.org.body == "政府"


def government(codes: tuple[str, ...], level_word: str, level: str, start: int, end: int,
               surface: str) -> Mention | None:
    """The government (人民政府) of the region of ``level`` in ``codes`` (or,
    with no region written, of ``level_word``), implied by what is written
    at ``[start, end)``: a title (市长) or a region before one (天津市副市长).

    >>> tj = lexicon.regions_by_name()["天津市"].code
    >>> g = government((tj,), "", "市", 0, 2, "市长")
    >>> g.label, g.aliases, g.implied
    ('天津市政府', ('天津市人民政府',), True)
    >>> government((), "市", "市", 0, 2, "市长").org.level_word
    '市'
    """
    by_code = lexicon.regions_by_code()
    for code in reversed(codes):
        r = by_code.get(code)
        if r is None:
            continue
        for cand in [r] + lexicon.region_ancestors(r):
            if cand.name.endswith(level):
                return Mention("Organization", cand.name + "政府", surface, start, end, rule="government-title",
                               aliases=(cand.name + "人民政府",), implied=True,
                               org=OrgAttrs("state", "", (cand.code,), "", "政府"))
        return None
    if level_word and level_word == level:
        return Mention("Organization", level_word + "政府", surface, start, end, rule="government-title",
                       implied=True, org=OrgAttrs("state", "", (), level_word, "政府"))
    return None


def union_of(body: Mention, at: int) -> Mention:
    """The union of ``body`` (an enterprise, institute, party body) named
    through it (…公司…、工会主席), written as 工会 at ``at``.

    >>> from extract.records import OrgAttrs
    >>> co = Mention("Organization", "兰州石化公司", "兰州石化公司", 0, 6, org=OrgAttrs("enterprise"))
    >>> u = union_of(co, 14)
    >>> u.label, u.org.kind, u.org.level, u.org.parent
    ('兰州石化公司工会', 'union', 'grassroots', (0, 6))
    """
    o = body.org
    label = body.label + "工会"
    return Mention("Organization", label, label, at, at + 2, rule="union-of-body",
                   org=OrgAttrs("union", "grassroots", o.regions, o.level_word,
                                (o.body or "") + "工会" if o.level_word else "", (body.start, body.end)))


# the committee of a body's term, between the body and the title:
# 省总工会第十五届委员会委员 is 委员 at 省总工会
_SESSION = re.compile(r"第?[一二三四五六七八九十百零〇\d]{1,4}届(?:执行委员会|经费审查委员会|委员会|理事会|执委会|经审会|常委会)?")


def _after_session(text: str, p: int) -> int:
    """Where the title starts after a term's committee written at ``p``."""
    m = _SESSION.match(text, p)
    return m.end() if m and lexicon.title_regex().match(text, m.end()) else p


_QUALIFIED = ("相关", "有关")  # 市总工会相关负责人: the title after them


def parse_chain(text: str, org: Mention, orgs_at: dict[int, tuple[Mention, int]],
                org_end: int | None = None) -> tuple[list[tuple[Mention, str, bool]], int]:
    """Titles from the body ``org`` (written up to ``org_end``, its own end
    by default) on: ``([(body, title, former)], end)``. ``orgs_at`` maps where
    a body is written to the body and the end of what is written."""
    items: list[tuple[Mention, str, bool]] = []
    cur, p, former = org, org.end if org_end is None else org_end, False
    cur_end = p
    title_re = lexicon.title_regex()
    while True:
        k = _former_at(text, p)
        if k:
            former, p = True, p + k
        if p == cur_end:
            while text.startswith((" ", "\u3000"), p) and title_re.match(text, p + 1) is None \
                    and text.startswith((" ", "\u3000"), p + 1):
                p += 1  # 江苏省总工会  副主席  张三: a roster's columns
            if text.startswith((" ", "\u3000"), p) and title_re.match(text, p + 1):
                p += 1
            p = _after_session(text, p)
            if text.startswith(_QUALIFIED, p) and title_re.match(text, p + 2):
                p += 2
        m = title_re.match(text, p)
        if m is None:
            break
        title = m.group(0)
        body = cur
        if title.startswith("工会") and len(title) > 2 and cur.org is not None and cur.org.kind != "union":
            # 兰州石化公司党委常务副书记、工会主席: 主席 at the company's union
            body, title = union_of(cur, m.start()), title[2:]
        level = _government_titles().get(title)
        if level is not None and not _is_government(cur) and cur.org is not None:
            # 北京市委副书记、市长殷勇: 市长 at 北京市人民政府, not at the 市委
            body = government(cur.org.regions, cur.org.level_word, level, m.start(), m.end(), title)
            if body is None:
                p = m.end()
                break
        p = m.end()
        q = next((w for w in _QUALIFIERS if text.startswith(w, p)), None)
        if q:  # 副主席(兼): written 兼职副主席
            title, p = _QUALIFIERS[q] + title, p + len(q)
        items.append((body, title, former))
        sep = next((s for s in _SEP if text.startswith(s, p)), None)
        if sep is None and text.startswith("，", p) and orgs_at.get(p + 1) is not None:
            sep = "，"  # 市总工会党组书记、常务副主席，市人大常委会副主任林十
        if sep is None:
            break
        q = p + len(sep)
        k = _former_at(text, q)
        nxt = orgs_at.get(q + k)
        if nxt is not None and title_re.match(text, _after_session(text, nxt[1])):
            (cur, cur_end), p = nxt, nxt[1]
            former = former or bool(k)
            continue
        if sep == "，":
            break
        if title_re.match(text, q + k):
            p = q
            continue
        break
    return items, p


@lru_cache(maxsize=1)
def _anaphor_table() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    rows = {r["word"]: tuple(r["endings"].split("|")) for r in lexicon._tsv("org_anaphors.tsv")}
    words = lexicon.longest_word_pattern(rows)
    return re.compile(rf"(?:(?<=[，。、；：\s（(])|^)(?:该|本|其)?({words})"), rows


_ANAPHOR_REACH = 300  # the body referred to is named this close before


def _anaphors(text: str, orgs: list[Mention]) -> list[tuple[int, int, Mention]]:
    """Bare body words with a title after them that refer back to a body
    named before (``org_anaphors.tsv``): ``(start, end, body)``.

    >>> from extract.records import OrgAttrs
    >>> ju = Mention("Organization", "淮安市交通运输局", "市交通运输局", 0, 6, org=OrgAttrs("state"))
    >>> [(s, e, b.label) for s, e, b in _anaphors("市交通运输局局长张三，局党委委员李四", [ju])]
    [(11, 12, '淮安市交通运输局')]
    """
    rx, rows = _anaphor_table()
    title_re = lexicon.title_regex()
    by_end = sorted((o for o in orgs if o.org is not None), key=lambda o: o.end)
    ends = [o.end for o in by_end]
    out = []
    for m in rx.finditer(text):
        s, e = m.span()
        if not title_re.match(text, e):
            continue
        i = bisect.bisect_right(ends, s) - 1
        while i >= 0 and by_end[i].end >= s - _ANAPHOR_REACH:
            o = by_end[i]
            if o.label.endswith(rows[m.group(1)]) and o.end <= s:
                out.append((s, e, o))
                break
            i -= 1
    return out


_TITLE_CHAR = r"(?:(?![的和与及是在为等、，。；：])[\u4e00-\u9fff])"
_TITLE_HEADS = r"(?:长|主任|员|师|工|干事|专员|总监|经理|主管|代表|委员|书记|主席|顾问|负责人)"
_OPEN_TITLE = re.compile(rf"{_TITLE_CHAR}{{0,6}}?{_TITLE_HEADS}")
_OPEN_TITLE_SHORT = 8
_OPEN_TITLE_MAX = 20  # 核电石化容器制造厂电焊工: a unit's name, then the title


@lru_cache(maxsize=1)
def _open_title_re() -> re.Pattern:
    """A title head word (…长, …员) after at most six characters, or after a
    unit of the body kept in the title (``data/org_title_units.txt``: 车间,
    厂, 事业部) and at most six more."""
    units = "|".join(re.escape(u) for u in lexicon.word_list("org_title_units.txt"))
    return re.compile(rf"(?:{_TITLE_CHAR}{{1,10}}?(?:{units}))?{_TITLE_CHAR}{{0,6}}?{_TITLE_HEADS}")
_NOT_IN_TITLE = ("p", "d", "c", "u", "r", "y", "e")  # jieba's verbs, prepositions, adverbs …


def _open_title(norm, p: int, per_at: dict[int, int], units: bool = False) -> tuple[str, int] | None:
    """A title outside the lexicon written at ``p`` and followed straight by a
    person's name: the shortest run ending in a title's head word (…长, …员,
    …师, …经理) after which a name starts; with ``units`` (the title written
    straight after its body), it may run through the body's unit first
    (核电石化容器制造厂电焊工). ``(title, end)`` or None.

    >>> from extract.normalise import normalise
    >>> _open_title(normalise("首席运营官张卫东出席"), 0, {}), _open_title(normalise("调解员李红说"), 0, {})
    (None, ('调解员', 3))
    """
    from extract.tokenise import posseg

    text = norm.text
    pattern = _open_title_re() if units else _OPEN_TITLE
    for e in range(p + 2, min(len(text), p + (_OPEN_TITLE_MAX if units else _OPEN_TITLE_SHORT)) + 1):
        if pattern.fullmatch(text, p, e) is None:
            continue
        nm = name_at(norm, e) or _tagged_name_at(text, per_at, e)
        if nm is None or _is_word(nm[0]):
            continue
        if any(flag.startswith(_NOT_IN_TITLE) and flag != "vn" for _, flag in posseg(text[p:e])):
            return None  # 动员全省, 必定能以主席习近平: a clause, not a title
        return text[p:e], e
    return None


def _name_then_title(norm, p: int, per_at: dict[int, int]) -> tuple[tuple[str, int, int], str, int] | None:
    """A name written at ``p`` with a title straight after it (张三主席):
    ``(name, title, end)`` or None."""
    text, title_re = norm.text, lexicon.title_regex()
    cands = []
    tagged = _tagged_name_at(text, per_at, p)
    if tagged is not None:
        cands.append(tagged)
    k = surname_len(text, p) if p < len(text) else 0
    if k:
        cands += [(text[p:p + n], p, p + n) for n in (k + 1, k + 2) if valid_name(text[p:p + n])]
    for nm in cands:
        m = title_re.match(text, nm[2])
        if m is not None and not _is_word(nm[0]) and (m.end() >= len(text) or not is_cjk(text[m.end()])
                                                     or is_boundary(text, m.end())):
            return nm, m.group(0), m.end()
    return None


def _orgs_at(orgs: list[Mention]) -> dict[int, tuple[Mention, int]]:
    """The longest body written at each place, and the end of what is written;
    a body's committee of one term (全总十五届执委会) is its body written with
    the term, as :data:`_SESSION` reads it: its titles are posts at the body."""
    out: dict[int, tuple[Mention, int]] = {}
    for o in orgs:
        if o.start not in out or o.end > out[o.start][1]:
            out[o.start] = (o, o.end)
    spans = {(o.start, o.end): o for o in orgs}
    for s, (o, e) in out.items():
        parent = spans.get(o.org.parent) if o.org is not None and o.org.parent else None
        if parent is not None and parent.start == s and _SESSION.fullmatch(o.surface, parent.end - s):
            out[s] = (parent, e)
    return out


def _tagged_name_at(text: str, per_at: dict[int, int], i: int) -> tuple[str, int, int] | None:
    """The tagger's person name starting at ``i`` (after at most one space)
    where the name rules found none: a surname the list lacks (散襄军), a
    name the text runs on from."""
    if i < len(text) and text[i] == " ":
        i += 1
    e = per_at.get(i)
    if e is None:
        return None
    word = text[i:e]
    if transliterated(word):
        return word, i, e
    if not 2 <= e - i <= 4 or not all(is_cjk(c) for c in word) or word in stopwords():
        return None
    return word, i, e


_NAME_END = "，、。；：）)"
_WORD_FREQ = 20  # a dictionary word this frequent is not a name (致辞, 一行)


def _bare_name_at(text: str, i: int) -> tuple[str, int, int] | None:
    """Two or three characters standing alone between a title chain and a
    stop (主席散襄军，): a name whose surname the list lacks, unless a
    dictionary word fills the slot (主席致辞，, 主席一行。).

    >>> _bare_name_at("散襄军，", 0), _bare_name_at("致辞，", 0), _bare_name_at("指出，", 0)
    (('散襄军', 0, 3), None, None)
    """
    for n in (3, 2):
        e = i + n
        if e > len(text) or (e < len(text) and text[e] not in _NAME_END):
            continue
        word = text[i:e]
        if not all(is_cjk(c) for c in word) or word in stopwords():
            return None
        if any(_is_word(word[a:b]) for a, b in ((0, n), (0, 2), (1, n)) if b - a >= 2):
            return None
        return word, i, e
    return None


def _is_word(w: str) -> bool:
    """Whether ``w`` is a frequent dictionary word that is not a name
    (代表, 满票, 致辞; not 王伟)."""
    from extract.tokenise import tokenizer, word_tag

    return (tokenizer().FREQ.get(w) or 0) >= _WORD_FREQ and not word_tag(w).startswith("nr")


_SAR_WORDS = ("特别行政区", "特区")  # 香港特区行政长官: the region written short, then 特区


def _governments_by_region(text: str, regions: list[Mention]) -> list[Mention]:
    """Governments named by their region and a title of theirs: 天津市副市长,
    香港特区行政长官 (the region's span, the government implied)."""
    gov = _government_titles()
    title_re = lexicon.title_regex()
    out = []
    for r in regions:
        end = r.end + next((len(w) for w in _SAR_WORDS if text.startswith(w, r.end)), 0)
        m = title_re.match(text, end)
        code = r.attr("code")
        if m is None or m.group(0) not in gov or not code:
            continue
        g = government((code,), "", gov[m.group(0)], r.start, end, text[r.start:end])
        if g is not None:
            out.append(g)
    return out


def find(norm, orgs: list[Mention], tags=(), regions: list[Mention] = ()) -> list[Post]:
    """The posts of the title chains starting at ``orgs`` (and at ``regions``
    a government title follows); ``tags`` are the statistical tagger's words,
    whose PER names a holder the name rules miss."""
    text = norm.text
    per_at = tagged_person_ends(tags, text)
    orgs_at = _orgs_at(orgs)
    for s, e, body in _anaphors(text, orgs):
        orgs_at.setdefault(s, (body, e))
    for g in _governments_by_region(text, regions):
        orgs_at.setdefault(g.start, (g, g.end))
    posts: list[Post] = []
    consumed_until = -1
    for start in sorted(orgs_at):
        if start < consumed_until:
            continue
        org, org_end = orgs_at[start]
        items, end = parse_chain(text, org, orgs_at, org_end)
        if not items or not (name_at(norm, end) or _tagged_name_at(text, per_at, end)):
            # a title the lexicon lacks, between the body (or the chain) and a
            # name: 公司高级项目经理张三, 法律援助中心调解员李红
            got = _open_title(norm, end, per_at) if items else _open_title(norm, org_end, per_at, units=True)
            if got is not None:
                body = items[-1][0] if items else org
                items, end = items + [(body, got[0], False)], got[1]
        if not items:
            named = _name_then_title(norm, org_end, per_at)
            if named is not None:  # 江苏省总工会张三主席指出: the name between body and title
                nm, title, e = named
                posts.append(Post(person_mention(nm, "name-before-title"), org, title, False, start, e,
                                  "name-before-title"))
                consumed_until = e
            continue
        consumed_until = end
        # a former post written before the chain: 原中国华电集团…, 曾任省总工会主席
        before = text[max(0, start - 4):start]
        former_all = any(before.endswith(w) for w in _FORMER_BEFORE_CHAIN)
        holder, rule, elected = None, "", False
        line_start = text.rfind("\n", max(0, start - 200), start) + 1 or max(0, start - 200)
        lead = text[line_start:start]
        if _NOTE.search(lead):
            rule = "author-note"
        elif lead.endswith(_SELF_BEFORE_CHAIN):
            rule = "author-self"
        else:
            after = name_at(norm, end) or _tagged_name_at(text, per_at, end) or _bare_name_at(text, end)
            if after is not None:
                holder, rule = person_mention(after, "title-before-name"), "title-before-name"
            elif lead.strip() and lead.endswith((" ", "\t")) and "。" not in lead:
                # byline: the name, a space, then the chain
                nm = name_ending_at(norm, len(lead.rstrip()) + line_start)
                credit = _CREDIT_LEAD.match(lead)  # 作者：张三 江苏省总工会副主席
                first = line_start + (credit.end() if credit else len(lead) - len(lead.lstrip()))
                if nm is not None and nm[1] == first:
                    holder, rule = person_mention(nm, "byline-name-first"), "byline-name-first"
            if holder is None and lead.endswith(_APPOSITION) and text[end:end + 1] in _APPOSITION_END:
                # 张三（江苏省总工会副主席）, 张三，江苏省总工会副主席。, 张三是……副主席
                k = next(len(w) for w in _APPOSITION if lead.endswith(w))
                nm = name_ending_at(norm, start - k) or _name_just_before(norm, start - k)
                if nm is None and lead.endswith("，") and text[end:end + 1] in _SENTENCE_END:
                    nm = _profile_subject(norm, start - k)
                if nm is not None:
                    holder, rule = person_mention(nm, "apposition"), "apposition"
            if holder is None:
                for verb in _ELECTION_AFTER:
                    if lead.endswith(verb):
                        elected = verb.startswith("当选")
                        pre = start - len(verb)
                        am = _ELECTION_MANNER.search(text, max(0, pre - 6), pre)
                        if am is not None:  # 赵永涛以满票当选: the name is before 以满票
                            pre = am.start()
                        m = _ELECTION_BEFORE.search(text[max(0, pre - 8):pre])
                        if verb == "为" and m is None:
                            # 选举王东明为…: the name sits between the verb and 为
                            vm = re.search(r"(?:选举|增补|推选|任命|补选)([^\s，。、]{2,4})$", text[max(0, pre - 10):pre])
                            if vm:
                                nm = name_at(norm, pre - len(vm.group(1)), require_boundary=False)
                                if nm and nm[2] == pre:
                                    holder, rule = person_mention(nm, "election"), "election"
                        else:
                            nm = name_ending_at(norm, pre) or _name_just_before(norm, pre)
                            if nm is None and verb in ("任", "担任") and am is not None:
                                nm = _bio_subject(norm, pre)
                            if nm is not None:
                                holder, rule = person_mention(nm, "election"), "election"
                        break
        if text.startswith(_CANDIDATE, end) or lead.endswith(_CANDIDATE):
            consumed_until = end
            continue  # 主席候选人: a candidate holds nothing yet
        if rule == "" and elected:
            # 8人当选省总工会第十五届委员会委员……，他们分别是A、B和C
            named = _named_later(norm, end, per_at)
            if named:
                for nm in named:
                    for o, t, former in items:
                        posts.append(Post(person_mention(nm, "election-list"), o, t, former or former_all,
                                          start, nm[2], "election-list"))
                continue
        if rule == "":
            rule = "chain-without-holder"
        if former_all:
            items = [(o, t, True) for o, t, _ in items]
        span_end = holder.end if holder is not None and holder.end > end else end
        span_start = holder.start if holder is not None and holder.start < start else start
        for o, t, former in items:
            title = ("原" + t) if former and not t.startswith("原") else t
            posts.append(Post(holder, o, title, former, span_start, span_end, rule))
        if rule == "election" and items:
            more, end = _election_list(norm, max(end, span_end), items[-1][0])
            posts.extend(more)
            consumed_until = max(consumed_until, end)
        elif rule == "title-before-name" and items:
            more, end = _same_body_after(norm, span_end, items, per_at, orgs_at)
            posts.extend(more)
            consumed_until = max(consumed_until, end)
    return posts


_RANK = re.compile(r"^(?:工会|常务|专职|兼职|挂职|执行)?副?")


def _family(title: str) -> str:
    """A title without its rank: 常务副主席, 副主席 and 工会主席 are 主席's.

    >>> _family("常务副主席"), _family("副市长"), _family("书记")
    ('主席', '市长', '书记')
    """
    return _RANK.sub("", title)


def _same_body_after(norm, p: int, items: list[tuple[Mention, str, bool]], per_at: dict[int, int],
                     orgs_at: dict[int, tuple[Mention, int]]) -> tuple[list[Post], int]:
    """Holders listed after the first at the same body: ``副主席张三、李四``
    (李四 holds the same titles), ``主席张三、副主席李四`` (副主席 at the
    chain's last body) and ``主席张三，副主席李四`` (after a comma, only a title
    of the same family: not ``市委书记张三，副市长李四``). Returns the posts
    and where the list ends."""
    text, title_re = norm.text, lexicon.title_regex()
    out: list[Post] = []
    families = {_family(t) for _, t, _ in items}
    while text.startswith(("、", "，", "和", "及"), p) and p + 1 not in orgs_at:
        q = p + 1
        m = title_re.match(text, q)
        if text[p] == "，" and (m is None or _family(m.group(0)) not in families):
            break  # 市委书记张三，副市长李四: another body's title
        if m is not None:
            nm = name_at(norm, m.end()) or _tagged_name_at(text, per_at, m.end())
            if nm is None:
                break
            body = items[-1][0]
            out.append(Post(person_mention(nm, "title-before-name"), body, m.group(0), False, q, nm[2],
                            "title-before-name"))
            items = [(body, m.group(0), False)]  # 副主席李四、王五: the names after it hold this title
        else:
            nm = name_at(norm, q)
            if nm is None or title_re.match(text, nm[2]):
                break  # 、李四主任…: a person of another list
            for o, t, former in items:
                out.append(Post(person_mention(nm, "title-before-name"), o, ("原" + t) if former and not
                                t.startswith("原") else t, former, q, nm[2], "title-before-name"))
        p = nm[2]
    return out, p


_LIST_SEP = ("，", ",", "、", "；", ";")
_ELECTED = ("当选为", "当选", "为")


def _election_list(norm, p: int, org: Mention) -> tuple[list[Post], int]:
    """The rest of an election at ``org``: ``，王全为常务副主席，A、B为专职副主席``
    or ``、B当选为副主席``; each name gets the title after its 为."""
    text, title_re = norm.text, lexicon.title_regex()
    out: list[Post] = []
    while True:
        sep = next((x for x in _LIST_SEP if text.startswith(x, p)), None)
        if sep is None:
            break
        q, names = p + len(sep), []
        while True:
            nm = name_at(norm, q, require_boundary=False)
            if nm is None:
                break
            names.append(nm)
            q = nm[2]
            if text.startswith("、", q):
                q += 1
                continue
            break
        verb = next((v for v in _ELECTED if text.startswith(v, q)), None) if names else None
        m = title_re.match(text, q + len(verb)) if verb else None
        if m is None or text.startswith(_CANDIDATE, m.end()):
            break
        title, e = m.group(0), m.end()
        q = next((w for w in _QUALIFIERS if text.startswith(w, e)), None)
        if q:
            title, e = _QUALIFIERS[q] + title, e + len(q)
        for nm in names:
            out.append(Post(person_mention(nm, "election"), org, title, False, p + len(sep), e, "election"))
        p = e
    return out, p


# where a sentence's elected go on to be named: 他们分别是A、B和C
_NAMED_LATER = re.compile(r"[，,；;]\s*(?:他们|她们|其中)?(?:分别是|分别为|依次是|依次为|名单如下|是)[：:]?\s*")


def _named_later(norm, end: int, per_at: dict[int, int]) -> list[tuple[str, int, int]]:
    """The names an election states later in its sentence (…委员，他们分别是
    方国强、邓建军和蒋厉英。), or none."""
    text = norm.text
    stop = min((i for i in (text.find("。", end), text.find("\n", end)) if i >= 0), default=len(text))
    m = None
    for m in _NAMED_LATER.finditer(text, end, stop):
        pass  # the last marker before the stop: the list closes the sentence
    if m is None:
        return []
    out, _ = _name_list(norm, m.end(), per_at, _LATER_JOIN)
    return out if out and out[-1][2] in (stop, stop - 1) or len(out) >= 2 else []


# where a title stands on its own, with no body written before it
_BARE_BEFORE = tuple("，。、；：！？\n（( ") + ("由", "以及", "和", "及", "与")
_BARE_REACH = 300  # the body a bare title is at is named this close before


@lru_cache(maxsize=1)
def _bare_titles() -> tuple[frozenset[str], re.Pattern]:
    """The titles of ``bare_titles.txt``, and a pattern finding them."""
    words = lexicon.word_list("bare_titles.txt")
    return frozenset(words), re.compile(lexicon.longest_word_pattern(words))


def _is_association(o: Mention) -> bool:
    return o.org is not None and (o.org.kind == "union" or o.label.endswith(("会", "协会", "联合会", "总会")))


def bare_title_posts(norm, orgs: list[Mention], taken: list[tuple[int, int]], per_at: dict[int, int]) -> list[Post]:
    """Posts written as a union title and a name with no body before them
    (``会长何雪卿致辞``, ``会议由副主席王五主持``): at the nearest union or
    association named before, in the same paragraph. ``taken`` are the spans
    of the chains and bodies already read.

    >>> from extract.normalise import normalise
    >>> from extract.records import OrgAttrs
    >>> n = normalise("澳门工会联合总会举行晚宴。会长何雪卿致辞。")
    >>> u = Mention("Organization", "澳门工会联合总会", "澳门工会联合总会", 0, 8, org=OrgAttrs("union"))
    >>> [(p.person.label, p.org.label, p.title) for p in bare_title_posts(n, [u], [(0, 8)], {})]
    [('何雪卿', '澳门工会联合总会', '会长')]
    """
    text, title_re = norm.text, lexicon.title_regex()
    bare, bare_re = _bare_titles()
    held = SpanSet.of(taken)
    bodies = sorted((o for o in orgs if _is_association(o)), key=lambda o: o.end)
    ends = [o.end for o in bodies]
    out: list[Post] = []
    for m in bare_re.finditer(text):
        i = m.start()
        if i > 0 and not text[:i].endswith(_BARE_BEFORE):
            continue
        if held.overlaps(i, i + 1):
            continue  # inside a chain or a body's name
        t = title_re.match(text, i)
        if t is None or t.group(0) not in bare:
            continue
        nm = name_at(norm, t.end()) or _tagged_name_at(text, per_at, t.end())
        if nm is None:
            continue
        j = last_before(ends, i - _BARE_REACH, i + 1)  # the union named last, close before
        if j < 0 or "\n" in text[bodies[j].end:i]:
            continue
        out.append(Post(person_mention(nm, "bare-title"), bodies[j], t.group(0), False, i, nm[2], "bare-title"))
    return out


def _titles_at(text: str, i: int) -> tuple[list[str], int]:
    """The titles of a chain with no body, from ``i``: 党组书记、常务副主席."""
    title_re, out = lexicon.title_regex(), []
    while True:
        m = title_re.match(text, i)
        if m is None:
            return out, i
        out.append(m.group(0))
        i = m.end()
        if not text.startswith("、", i) or title_re.match(text, i + 1) is None:
            return out, i
        i += 1


def _names_from(norm, i: int, end: int, per_at: dict[int, int]) -> list[tuple[str, int, int]]:
    """Names listed from ``i`` to ``end``, joined by 、，, or spaces; [] unless
    the list fills the span."""
    text, out = norm.text, []
    while i < end:
        while i < end and text[i] in "、，, \t\u3000":
            i += 1
        if i >= end:
            break
        nm = name_at(norm, i, require_boundary=False) or _tagged_name_at(text, per_at, i)
        if nm is None or nm[2] > end:
            return []
        out.append(nm)
        i = nm[2]
    return out


_ROSTER_LINE = re.compile(r"(?m)^[ \t\u3000]*(\S[^\n]*?)[ \t\u3000]*$")


def _bodies_before(orgs: list[Mention]):
    """A function giving the body named nearest before a position, at most
    :data:`_BARE_REACH` characters back (a roster's heading), or None."""
    bodies = sorted((o for o in orgs if o.org is not None), key=lambda o: o.end)
    ends = [o.end for o in bodies]

    def body_before(i: int) -> Mention | None:
        j = last_before(ends, i - _BARE_REACH, i + 1)
        return bodies[j] if j >= 0 else None
    return body_before


def roster_posts(norm, orgs: list[Mention], taken: list[tuple[int, int]], per_at: dict[int, int]) -> list[Post]:
    """Posts of a roster: lines ``副主席：李四、王五`` and ``张三 党组书记、主席``,
    and ``张三（党组书记、主席）`` anywhere, with no body in them, at the body
    named nearest before (the roster's heading).

    >>> from extract.normalise import normalise
    >>> from extract.records import OrgAttrs
    >>> n = normalise("江苏省总工会领导\\n主席：张三\\n副主席：李四、王五\\n钱七 党组书记、常务副主席")
    >>> u = Mention("Organization", "江苏省总工会", "江苏省总工会", 0, 6, org=OrgAttrs("union"))
    >>> [(p.person.label, p.title) for p in roster_posts(n, [u], [(0, 6)], {})]
    [('张三', '主席'), ('李四', '副主席'), ('王五', '副主席'), ('钱七', '党组书记'), ('钱七', '常务副主席')]
    """
    text = norm.text
    held = SpanSet.of(taken)
    body_before = _bodies_before(orgs)
    found: list[tuple[int, list[str], list[tuple[str, int, int]], int]] = []
    for line in _ROSTER_LINE.finditer(text):
        ls, le = line.span(1)
        titles, te = _titles_at(text, ls)
        if titles and text.startswith(("：", ":", " ", "\t", "\u3000"), te):  # 副主席：李四、王五; 主席 张三
            names = _names_from(norm, te + 1, le, per_at)
            if names:
                found.append((ls, titles, names, le))
            continue
        nm = name_at(norm, ls, require_boundary=False) or _tagged_name_at(text, per_at, ls)
        if nm is not None and nm[2] < le and text[nm[2]] in " \t\u3000":  # 张三 党组书记、主席
            p = nm[2]
            while p < le and text[p] in " \t\u3000":
                p += 1
            titles, te = _titles_at(text, p)
            if titles and te == le:
                found.append((ls, titles, [nm], le))
    for m in re.finditer(r"[（(]", text):  # 张三（党组书记、主席）
        nm = name_ending_at(norm, m.start())
        titles, te = _titles_at(text, m.end())
        if nm is not None and titles and text.startswith(("）", ")"), te):
            found.append((nm[1], titles, [nm], te + 1))
    out: list[Post] = []
    for s, titles, names, e in found:
        body = body_before(s)
        if body is None or held.overlaps(s, e):
            continue
        for nm in names:
            for t in titles:
                out.append(Post(person_mention(nm, "roster"), body, t, t.startswith("原"), s, e, "roster"))
    return out


def name_line_posts(norm, orgs: list[Mention], taken: list[tuple[int, int]],
                    per_at: dict[int, int]) -> list[Post]:
    """Posts of a roster that writes each leader's name on a line of its own
    and the posts on the next (a leadership page: ``张三`` then
    ``中华全国总工会党组书记、副主席``, or only ``副主席`` at the body named
    nearest before): the chain or the titles must fill that line.

    >>> from extract.normalise import normalise
    >>> from extract.records import OrgAttrs
    >>> n = normalise("全总领导\\n\\n张三\\n中华全国总工会党组书记、副主席\\n\\n李四\\n书记处书记\\n")
    >>> u = Mention("Organization", "中华全国总工会", "全总", 0, 2, org=OrgAttrs("union"))
    >>> v = Mention("Organization", "中华全国总工会", "中华全国总工会", 9, 16, org=OrgAttrs("union"))
    >>> [(p.person.label, p.org.start, p.title) for p in name_line_posts(n, [u, v], [], {})]
    [('张三', 9, '党组书记'), ('张三', 9, '副主席'), ('李四', 9, '书记处书记')]
    """
    text = norm.text
    held = SpanSet.of(taken)
    orgs_at = _orgs_at(orgs)
    body_before = _bodies_before(orgs)
    lines = [m.span(1) for m in _ROSTER_LINE.finditer(text)]
    out: list[Post] = []
    for (ls, le), (ns, ne) in zip(lines, lines[1:]):
        nm = name_at(norm, ls, require_boundary=False) or _tagged_name_at(text, per_at, ls)
        if nm is None or nm[2] != le or "\n" not in text[le:ns] or held.overlaps(ns, ne):
            continue
        at = orgs_at.get(ns)
        if at is not None:
            items, end = parse_chain(text, at[0], orgs_at, at[1])
        else:
            titles, end = _titles_at(text, ns)
            body = body_before(ns)
            items = [(body, t, t.startswith("原")) for t in titles] if titles and body is not None else []
        if not items or end != ne:
            continue
        for body, title, former in items:
            out.append(Post(person_mention(nm, "roster"), body, title, former, ls, ne, "roster"))
    return out


_ELECT_VERB = re.compile(r"(?:选举|补选|推选|增补|任命|选出)")
_ELECTED_AS = ("当选为", "当选", "为", "担任")
_NAME_JOIN = ("、", "和", "及", "与")
_LATER_JOIN = ("、", "和", "及", "，", ",")  # 他们分别是A、B，C和D


def _name_list(norm, i: int, per_at: dict[int, int],
               joins: tuple[str, ...] = _NAME_JOIN) -> tuple[list[tuple[str, int, int]], int]:
    """Names joined by ``joins`` (、和及与) from ``i``, and where the list ends."""
    text, out = norm.text, []
    while True:
        nm = name_at(norm, i, require_boundary=False) or _tagged_name_at(text, per_at, i)
        if nm is None:
            return out, i
        out.append(nm)
        i = nm[2]
        j = next((len(w) for w in joins if text.startswith(w, i)), 0)
        if not j:
            return out, i
        i += j


def _name_list_before(norm, end: int, per_at: dict[int, int]) -> list[tuple[str, int, int]]:
    """Names joined by 、和及 ending at ``end`` (李四、王五当选), nearest last."""
    text, out = norm.text, []
    while True:
        nm = _name_just_before(norm, end)
        if nm is None:
            s = next((b for b, e in per_at.items() if e == end and 2 <= e - b <= 4), None)
            nm = (text[s:end], s, end) if s is not None else None
        if nm is None:
            break
        out.insert(0, nm)
        k = next((len(w) for w in _NAME_JOIN if text.endswith(w, 0, nm[1])), 0)
        if not k:
            break
        end = nm[1] - k
    return out


def _elected_titles(text: str, q: int, orgs_at: dict[int, tuple[Mention, int]],
                    default: Mention | None) -> tuple[list[tuple[Mention, str, bool]], int]:
    """The posts an election gives from ``q``: a chain at a body written there
    (省总工会主席), or bare titles at ``default`` (主席、副主席)."""
    at = orgs_at.get(q)
    if at is not None:
        return parse_chain(text, at[0], orgs_at, at[1])
    titles, e = _titles_at(text, q)
    if not titles or default is None:
        return [], q
    return [(default, t, False) for t in titles], e


def election_posts(norm, orgs: list[Mention], per_at: dict[int, int]) -> list[Post]:
    """Posts given by elections, with one name or several, the body written
    or not (then the body named before in the sentence: 大会选举产生了江苏省
    总工会第十五届委员会，张三当选为主席，李四、王五当选为副主席; 全委会选举
    张三为主席，李四为常务副主席).

    >>> from extract.normalise import normalise
    >>> from extract.records import OrgAttrs
    >>> n = normalise("江苏省总工会全委会选举张三为主席，李四、王五为副主席。")
    >>> u = Mention("Organization", "江苏省总工会", "江苏省总工会", 0, 6, org=OrgAttrs("union"))
    >>> [(p.person.label, p.title) for p in election_posts(n, [u], {})]
    [('张三', '主席'), ('李四', '副主席'), ('王五', '副主席')]
    """
    text = norm.text
    orgs_at = _orgs_at(orgs)
    bodies = sorted((o for o in orgs if o.org is not None), key=lambda o: o.end)
    ends = [o.end for o in bodies]

    def body_before(i: int) -> Mention | None:
        s = max(text.rfind(c, 0, i) for c in "。！？\n") + 1
        j = last_before(ends, s, i + 1)  # the body named last before, in the sentence
        return bodies[j] if j >= 0 and bodies[j].start >= s else None

    def add(names, items, start, end, out):
        for nm in names:
            for o, t, former in items:
                out.append(Post(person_mention(nm, "election"), o, t, former, start, max(end, nm[2]), "election"))

    out: list[Post] = []
    clauses: list[tuple[list, int]] = []  # (names, where what they are elected as starts)
    for m in _ELECT_VERB.finditer(text):
        names, q = _name_list(norm, m.end(), per_at)
        verb = next((v for v in _ELECTED_AS if text.startswith(v, q)), None)
        if names and verb:
            clauses.append((names, q + len(verb)))
    for m in re.finditer("当选", text):
        k = _ELECTION_MANNER.search(text, max(0, m.start() - 6), m.start())
        names = _name_list_before(norm, k.start() if k else m.start(), per_at)
        if names:
            clauses.append((names, m.end() + (1 if text.startswith("为", m.end()) else 0)))
    for names, q in sorted(clauses, key=lambda c: c[1]):
        default = body_before(names[0][1])
        items, e = _elected_titles(text, q, orgs_at, default)
        if not items:
            continue
        add(names, items, names[0][1], e, out)
        body = items[-1][0]
        # ，李四为常务副主席，王五、赵六为副主席
        while text.startswith(("，", "；", ","), e):
            more, q2 = _name_list(norm, e + 1, per_at)
            verb = next((v for v in _ELECTED_AS if text.startswith(v, q2)), None)
            if not more or verb is None:
                break
            items, e2 = _elected_titles(text, q2 + len(verb), orgs_at, body)
            if not items:
                break
            add(more, items, e + 1, e2, out)
            e = e2
    return out


def _bio_subject(norm, pos: int) -> tuple[str, int, int] | None:
    """The name opening the sentence of ``pos`` when a comma or bracket
    follows it (张三，男，1965年生，现任……): a biography's subject."""
    text = norm.text
    s = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
    while s < pos and text[s] in " \t\u3000":
        s += 1
    nm = name_at(norm, s, require_boundary=False)
    if nm is None or not text.startswith(tuple(_BIO_SUBJECT_END), nm[2]):
        return None
    return nm


_SENTENCE_END = "。；;"
_PROFILE_FIELD_MAX = 8  # characters of one field of a profile line (女, 汉族, 1978年生, 中共党员)


def _profile_subject(norm, pos: int) -> tuple[str, int, int] | None:
    """The name opening a profile line whose short fields run to ``pos``, the
    comma before a post that closes the sentence (李志刚，男，汉族，〈company〉
    班长。: an award winner's line).

    >>> from extract.normalise import normalise
    >>> t = "李志刚，男，汉族，某某公司班长。"
    >>> _profile_subject(normalise(t), t.index("某") - 1)[0]
    '李志刚'
    """
    nm = _bio_subject(norm, pos)
    if nm is None or norm.text[nm[2]:nm[2] + 1] not in ("，", ","):
        return None
    fields = re.split("[，,]", norm.text[nm[2] + 1:pos])
    if not all(0 < len(f) <= _PROFILE_FIELD_MAX for f in fields):
        return None
    return nm


def _name_just_before(norm, end: int) -> tuple[str, int, int] | None:
    """A name right before an election verb, whatever precedes it (…，刘伟当选)."""
    for n in (3, 2):
        s = end - n
        if s >= 0:
            nm = name_at(norm, s, require_boundary=False)
            if nm and nm[2] == end and not _is_word(nm[0]):
                return nm
    return None


def _once(posts: list[Post]) -> list[Post]:
    """Each (holder, body, title) once, as first read."""
    seen, out = set(), []
    for p in posts:
        k = ((p.person.start, p.person.end) if p.person else None, p.org.start, p.org.end, p.title)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


@register
class PostRecogniser:
    """Posts from title chains at the bodies found so far, and their holders."""

    name = "posts"
    order = 30

    def find(self, scan: Scan) -> Found:
        orgs = scan.found.of("Organization")
        chain_posts = find(scan.norm, orgs, scan.tags, scan.found.of("Region"))
        taken = [(o.start, o.end) for o in orgs] + [(p.start, p.end) for p in chain_posts]
        per_at = tagged_person_ends(scan.tags, scan.norm.text)
        chain_posts += bare_title_posts(scan.norm, orgs, taken, per_at)
        chain_posts += roster_posts(scan.norm, orgs, taken, per_at)
        lines = name_line_posts(scan.norm, orgs, [(p.start, p.end) for p in chain_posts if p.person], per_at)
        if lines:  # a chain on a leader's line is held by the name above it
            named = SpanSet.of((p.start, p.end) for p in lines)
            chain_posts = [p for p in chain_posts if p.person or not named.covers(p.start, p.end)] + lines
        chain_posts = _once(chain_posts + election_posts(scan.norm, orgs, per_at))
        found = [p.person for p in chain_posts if p.person is not None]
        # bodies the chains name through others (…、工会主席; 市委副书记、市长) are
        # bodies of their own
        known = {id(o) for o in orgs}
        unions = {(p.org.start, p.org.end): p.org for p in chain_posts if id(p.org) not in known}
        return Found(found + [unions[k] for k in sorted(unions)], chain_posts)
