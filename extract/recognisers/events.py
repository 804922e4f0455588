"""Events: named congresses, sessions, meetings, forums, ceremonies and
launches. Four shapes, each general:

- the national forms of ``event_patterns.tsv`` (中国工会十七大, 党的十九大,
  十四届全国人大二次会议);
- a union's congress, 〈region〉工会第N次代表大会, 〈region〉工会N大 or
  〈region〉第N次工代会, the region read from the context where only its level
  is written (省工会十五大 on a 江苏 page is 江苏省工会第十五次代表大会); an
  industry union's (〈body〉第N次全国代表大会) and a region's party congress
  (中共〈region〉第N次代表大会, 〈region〉第N次党代会);
- a body's numbered sitting, 〈body〉第N届委员会第N次会议, 〈body〉N届N次全委会,
  N届N次主席团会议, 第N届第N次会员代表大会, 二届三次职代会, 〈region〉N届人大N次会议,
  and A暨B (……全委会暨2023年全省工会工作会议) as one: the body as written, a short form
  (省总, 全总: ``event_bodies.tsv``) filled from the context, or, written bare,
  the body that the sentence says holds it (全总召开十七届五次主席团会议) or
  the body of the congress named before it;
- a named meeting, ceremony or forum: a topic before a head word
  (``event_heads.txt``) with a body, region or year in front of it or a
  holder, a verb or a place that makes it one (召开2023年……推进会, 在全省工会
  工作调度会议上, ……发放仪式在……举行); generic topics (``event_topics.tsv``)
  make no name.

All forms of one event in a document get one label (the fullest written
form, its body filled in) and keep the others as aliases: 省总七届一次全委会 is
海南省工会第七届委员会第一次会议 on that page. Each mention carries the body
that holds the event (``holder``: its label, ``holder_at``: the span naming
it, when the text names it) for :mod:`extract.participation`.

>>> from extract.normalise import normalise
>>> [(m.label, m.aliases) for m in find(normalise("中国工会十七大开幕。"))]
[('中国工会第十七次全国代表大会', ('中国工会十七大', '工会十七大'))]
>>> sorted({m.label for m in find(normalise("全总召开十七届五次主席团会议。全总十七届五次主席团会议精神。"))})
['中华全国总工会十七届五次主席团会议']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extract import lexicon
from extract.lexicon import CJK
from extract.records import Mention
from extract.spans import SpanSet
from extract.recognisers.base import Found, Scan, register

_NUM = "[一二三四五六七八九十百零〇两0-9]{1,4}"
_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def number(s: str) -> int:
    """The value of a numeral as written in an ordinal.

    >>> number("十七"), number("二十"), number("15"), number("一百零二")
    (17, 20, 15, 102)
    """
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in _CN:
            cur = _CN[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
    return total + cur


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, str, tuple[str, ...]], ...]:
    out = []
    for row in lexicon.patterns("event_patterns.tsv"):
        aliases = tuple(a for a in (row[2].split("|") if len(row) > 2 else ()) if a)
        out.append((re.compile(row[0]), row[1], aliases))
    return tuple(out)


def _fill(template: str, m: re.Match) -> str:
    return re.sub(r"\{(\d)\}", lambda g: m.group(int(g.group(1))) or "", template)


@lru_cache(maxsize=1)
def _short_bodies() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in lexicon.patterns("event_bodies.tsv")}


@lru_cache(maxsize=1)
def _short_body_rx() -> re.Pattern:
    return re.compile("(?:" + "|".join(sorted(map(re.escape, _short_bodies()), key=len, reverse=True)) + ")$")


@lru_cache(maxsize=1)
def _heads_rx() -> re.Pattern:
    heads = lexicon.words("event_heads.txt")
    # a head that goes on into another noun (会议室, 大会堂, 联席会议制度) is none
    return re.compile("(?:" + "|".join(map(re.escape, heads)) + r")(?![室堂厅场馆制机纪厦楼所])")


@lru_cache(maxsize=1)
def _boundary_rx() -> re.Pattern:
    words = lexicon.words("event_boundaries.txt")
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")")


@lru_cache(maxsize=1)
def _topics() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.patterns("event_topics.tsv")}


_CONGRESS = re.compile(rf"(总)?工会(?:第({_NUM})次((?:会员|全国)?)代表大会|([一二三四五六七八九十]{{1,3}})大(?![会学力局批众量型楼厦]))")
_KINDS = ("(?:全体委员|全体|全委|执委|委员|常委|主席团)?[(（]?扩大[)）]?会议|全体委员会议|全体委员会|全体会议|全委会|执委会议|"
          "委员会议|会员代表大会|职工代表大会|代表大会|职代会|工代会|主席团会议|常委会议|常委会|全会|会议")
_SESSION = re.compile(rf"第?({_NUM})届(执行委员会|委员会|执委会|职工代表大会|会员代表大会|代表大会|人大常委会|人大|政协)?"
                      rf"第?({_NUM})次({_KINDS})")
_ASSEMBLIES = {"人大": "人民代表大会", "人大常委会": "人民代表大会常务委员会", "政协": "政治协商会议委员会"}
_WORKERS = re.compile(rf"第({_NUM})次工代会")
_JOINED = "暨"
# what may open a clause before a name that is its subject: times and the
# like (近日，…… / 19日下午 / 日前……在……召开), or a caption's 图为
_OPENING = re.compile(r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:近日|日前|昨天|昨日|今天|今日|当天|上午|下午|晚上|"
                      r"当晚|不久前|近期|图为|图|据悉)*")
_PLAIN_HEADS = ("会议", "大会", "会")  # heads that name nothing without a topic
_GATHER = ("贯彻落实", "学习贯彻", "贯彻", "落实", "学习", "传达")
_HOLD = ("组织召开", "隆重召开", "召开了", "召开", "举行了", "隆重举行", "举行", "举办了", "举办", "主办")
_LEVELS = {"省": ("province",), "自治区": ("province",), "市": ("prefecture", "province"),
           "县": ("county",), "区": ("county",), "全省": ("province",), "全区": ("province", "county"),
           "全市": ("prefecture", "province"), "全县": ("county",)}
_TIME_HEAD = re.compile(rf"(?:(?:19|20)\d{{2}}年(?=\d{{1,2}}月))?(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?(?:上午|下午|晚上|晚|当天|当晚)?")
_CHUNK_END = "，。！？；：、,;:!?\n|【】 \u3000\t"


@dataclass
class _Cand:
    start: int
    end: int
    label: str
    key: tuple
    forms: list[str] = field(default_factory=list)
    full: int = 0  # how fully the label is written (body and region filled)
    holder: str = ""
    holder_at: tuple[int, int] | None = None


class _Context:
    """Regions and bodies of one text, for filling a bare name."""

    def __init__(self, scan: Scan) -> None:
        self.text = scan.norm.text
        self.orgs = sorted(scan.found.of("Organization"), key=lambda m: (m.start, -m.end))
        self.places: list[tuple[int, lexicon.Region]] = []
        by_code = lexicon.regions_by_code()
        for m in scan.found.mentions:
            code = m.attr("code") if m.type == "Region" else None
            if m.type == "Organization" and m.attr("regions"):
                code = m.attr("regions")[-1]
            r = by_code.get(code) if code else None
            if r is not None:
                self.places.append((m.start, r))
        self.places.sort(key=lambda p: p[0])
        self.by_end: dict[int, list[Mention]] = {}
        self.by_start: dict[int, list[Mention]] = {}
        for o in self.orgs:
            self.by_end.setdefault(o.end, []).append(o)
            self.by_start.setdefault(o.start, []).append(o)
        self.org_starts = [o.start for o in self.orgs]
        # the people named so far and those the tagger proposes: a name inside
        # a clause before a head word says it is no event's name
        self.people = SpanSet.of([(m.start, m.end) for m in scan.found.of("Person")]
                                 + [(t.start, t.end) for t in scan.tags if t.tag == "PER"])
        self._fitting: dict[str, tuple[list[int], list[lexicon.Region]]] = {}
        self._cuts: list[int] | None = None

    def region(self, level_word: str, pos: int) -> lexicon.Region | None:
        """The region of that level the text names nearest before ``pos``
        (else first after it)."""
        levels = _LEVELS.get(level_word)
        if levels is None:
            return None
        if level_word not in self._fitting:
            want_city = level_word.endswith("市")
            at, regs = [], []
            for p, r in self.places:
                fit = next((c for c in [r] + lexicon.region_ancestors(r)
                            if c.level in levels and (not want_city or c.name.endswith("市"))), None)
                if fit is not None:
                    at.append(p)
                    regs.append(fit)
            self._fitting[level_word] = (at, regs)
        at, regs = self._fitting[level_word]
        if not regs:
            return None
        i = bisect.bisect_left(at, pos)
        return regs[i - 1] if i > 0 else regs[0]

    def org_ending(self, end: int, lo: int) -> Mention | None:
        """The longest body whose name ends at ``end`` (and starts at or after ``lo``)."""
        cands = [o for o in self.by_end.get(end, ()) if o.start >= lo]
        return min(cands, key=lambda o: o.start) if cands else None

    def org_at(self, start: int) -> Mention | None:
        """The longest body whose name starts at ``start``."""
        cands = self.by_start.get(start, ())
        return max(cands, key=lambda o: o.end) if cands else None

    def orgs_within(self, lo: int, hi: int) -> list[Mention]:
        i = bisect.bisect_left(self.org_starts, lo)
        out = []
        while i < len(self.orgs) and self.orgs[i].start < hi:
            if self.orgs[i].end <= hi:
                out.append(self.orgs[i])
            i += 1
        return out

    def body_label(self, o: Mention) -> str:
        lw = o.attr("level_word")
        if lw:
            r = self.region(lw, o.start)
            return r.name + o.attr("body", "") if r is not None else o.label
        return o.label

    def chunk_start(self, pos: int) -> int:
        if self._cuts is None:
            self._cuts = [m.start() for m in re.finditer("[" + re.escape(_CHUNK_END) + "]", self.text)]
        i = bisect.bisect_left(self._cuts, pos)
        return self._cuts[i - 1] + 1 if i > 0 else 0


def _region_before(ctx: _Context, pos: int, hits) -> tuple[lexicon.Region, int] | None:
    """A region name written right before ``pos``."""
    return hits.by_end.get(pos)


class _Hits:
    """The region names of a text, by where they start and end."""

    def __init__(self, hits) -> None:
        self.by_end = {start + len(surface): (r, start) for start, surface, r, _full in hits}
        self.by_start = {start: (start, surface, r, full) for start, surface, r, full in hits}


class _Taken:
    """Spans already given to an event."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.set = SpanSet.of(self.spans)

    def overlaps(self, s: int, e: int) -> bool:
        return self.set.overlaps(s, e)

    def within(self, lo: int, hi: int) -> list[tuple[int, int]]:
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.spans) and self.spans[i][0] < hi:
            out.append(self.spans[i])
            i += 1
        return out


def _congresses(ctx: _Context, hits, taken) -> list[_Cand]:
    text, out = ctx.text, []
    for m in _CONGRESS.finditer(text):
        a = m.start()
        n = m.group(2) or m.group(4)
        member = m.group(3) or ""
        reg = _region_before(ctx, a, hits)
        start = reg[1] if reg else a
        region = reg[0] if reg else None
        body = ctx.org_ending(a + (3 if m.group(1) else 2), max(0, a - 30))
        if region is None and body is not None and body.start < a and m.group(2) \
                and not taken.overlaps(body.start, m.end()):
            # an industry union's congress: 中国海员建设工会第五次全国代表大会
            written = text[body.start:m.end()]
            out.append(_Cand(body.start, m.end(), written, ("congress", ctx.body_label(body), number(n), member),
                             [written], full=2, holder=ctx.body_label(body), holder_at=(body.start, body.end)))
            continue
        if region is None:
            lw = next((w for w in ("自治区", "省", "市", "县", "区") if text.endswith(w, 0, a)), None)
            if lw is None and m.group(4) and not m.group(1) and not any(
                    o.start < a < o.end + 1 for o in ctx.orgs_within(max(0, a - 30), a + 2)) and not taken.overlaps(a, m.end()):
                # 总结工会十三大以来: the national congress
                label = f"中国工会第{n}次全国代表大会"
                out.append(_Cand(a, m.end(), label, ("pattern", label), [m.group(0), f"中国工会{n}大"],
                                 full=2, holder="中华全国总工会"))
                continue
            if lw is None or (a > len(lw) and text[a - len(lw) - 1] in "全本我各"):
                continue
            start = a - len(lw)
            region = ctx.region(lw, a)
            if region is None:
                continue
        if taken.overlaps(start, m.end()):
            continue
        label = f"{region.name}工会第{n}次{member}代表大会"
        forms = [text[start:m.end()], f"{region.name}总工会第{n}次{member}代表大会"]
        if region.short:
            forms.append(f"{region.short}工会{n}大")
        forms.append(f"{region.name}工会{n}大")
        holder_at = None
        o = ctx.org_ending(a + (3 if m.group(1) else 2), start)
        if o is not None:
            holder_at = (o.start, o.end)
        out.append(_Cand(start, m.end(), label, ("congress", region.code, number(n), member), forms,
                         full=2 if m.group(2) else 1, holder=region.name + "总工会", holder_at=holder_at))
    for m in _WORKERS.finditer(text):  # 市第十次工代会: the union congress of that place
        a = m.start()
        reg = _region_before(ctx, a, hits)
        lw = next((w for w in ("自治区", "省", "市", "县", "区") if text.endswith(w, 0, a)), None)
        region, start = reg if reg else ((ctx.region(lw, a), a - len(lw)) if lw else (None, a))
        if region is None or taken.overlaps(start, m.end()):
            continue
        n = m.group(1)
        label = f"{region.name}工会第{n}次代表大会"
        out.append(_Cand(start, m.end(), label, ("congress", region.code, number(n), ""),
                         [text[start:m.end()], f"{region.name}第{n}次工代会"], full=1,
                         holder=region.name + "总工会"))
    return out


_PARTY = re.compile(rf"第({_NUM})次(党代会|代表大会)")


def _party_congresses(ctx: _Context, hits, taken) -> list[_Cand]:
    """A region's party congress: 中共浙江省第十五次代表大会, 省第十五次党代会."""
    text, out = ctx.text, []
    for m in _PARTY.finditer(text):
        a = m.start()
        reg = _region_before(ctx, a, hits)
        if reg is not None:
            region, start = reg
        else:
            lw = next((w for w in ("自治区", "省", "市", "县", "区") if text.endswith(w, 0, a)), None)
            region = ctx.region(lw, a) if lw else None
            start = a - len(lw) if lw else a
        if region is None:
            continue
        party = next((p for p in ("中国共产党", "中共") if text.endswith(p, 0, start)), "")
        if m.group(2) == "代表大会" and not party:
            continue  # 〈region〉第N次代表大会 alone may be any body's
        start -= len(party)
        if taken.overlaps(start, m.end()):
            continue
        n = m.group(1)
        label = f"中国共产党{region.name}第{n}次代表大会"
        forms = [text[start:m.end()], f"{region.name}第{n}次党代会", f"中共{region.name}第{n}次代表大会"]
        out.append(_Cand(start, m.end(), label, ("party", region.code, number(n)), forms, full=2,
                         holder=f"中共{region.name}委员会"))
    return out


def _kind(committee: str, kind: str) -> str:
    if kind in ("会员代表大会", "代表大会", "工代会"):
        return "代表"
    if kind in ("职工代表大会", "职代会"):
        return "职代"
    if kind.startswith("主席团"):
        return "主席团"
    if kind.startswith("常委"):
        return "常委"
    if kind == "全会":
        return "全会"
    return "全委"


def _sessions(ctx: _Context, taken, found: list[_Cand], hits) -> list[_Cand]:
    text, out = ctx.text, []
    held = sorted(((c.end, c.start), c) for c in found if c.holder)
    for m in _SESSION.finditer(text):
        s, e = m.span()
        if taken.overlaps(s, e):
            continue
        if s > 0 and text[s - 1] in "0123456789":
            continue
        kind = _kind(m.group(2) or "", m.group(4))
        rest = text[s:e]
        if m.group(2) in _ASSEMBLIES:
            # a region's people's congress or CPPCC: 甘肃省十三届人大四次会议
            reg = _region_before(ctx, s, hits)
            if reg is None:
                continue
            r, rs = reg
            full = f"{r.name}第{m.group(1)}届{_ASSEMBLIES[m.group(2)]}第{m.group(3)}次{m.group(4)}"
            out.append(_Cand(rs, e, text[rs:e], ("session", r.name + m.group(2), number(m.group(1)),
                                                  number(m.group(3)), kind), [text[rs:e], full], full=1))
            continue
        prefix, body, start, holder_at = "", "", s, None
        o = ctx.org_ending(s, max(0, s - 40))
        short = _short_body_rx().search(text, max(0, s - 4), s)
        if o is not None:
            written = text[o.start:s]
            body = ctx.body_label(o)
            prefix = written if not o.attr("level_word") else body
            start, holder_at = o.start, (o.start, o.end)
        elif short is not None and short.end() == s:
            lw, tail = _short_bodies()[short.group(0)]
            if lw == "-":
                body = tail
            else:
                r = ctx.region(lw, s)
                body = r.name + tail if r is not None else ""
            prefix = body or short.group(0)
            start = short.start()
        else:
            body, holder_at = _context_body(ctx, s, held)
            prefix = body
        label = prefix + rest
        forms = [text[start:e], rest] + ([body + rest] if body else [])
        key = ("session", body or label, number(m.group(1)), number(m.group(3)), kind)
        c = _Cand(start, e, label, key, forms, full=2 if body else 0, holder=body, holder_at=holder_at)
        out.append(c)
        if body:
            bisect.insort(held, ((c.end, c.start), c), key=lambda t: t[0])
    return out


def _context_body(ctx: _Context, s: int, held: list) -> tuple[str, tuple[int, int] | None]:
    """The body of a sitting written bare: the subject of the holding verb
    just before it (全总召开十七届五次主席团会议), else the body of the
    congress or sitting named last before it."""
    text = ctx.text
    cs = ctx.chunk_start(s)
    before = text[cs:s]
    for v in _HOLD:
        if before.endswith(v) or before.endswith(v + "了"):
            vs = s - len(v) - (1 if before.endswith(v + "了") else 0)
            o = ctx.org_ending(vs, cs)
            if o is not None:
                return ctx.body_label(o), (o.start, o.end)
    i = bisect.bisect_right(held, (s, len(text)), key=lambda t: t[0])
    if i > 0:  # ``held``: ((end, start), candidate) of the events with a body, by end
        c = held[i - 1][1]
        return c.holder, c.holder_at
    return "", None


def _strip_front(ctx: _Context, name: str, start: int, hits) -> tuple[str, int, bool]:
    """The topic of a name without the year, body or region in front of it:
    (topic, chars taken off, whether there was any)."""
    text = ctx.text
    i = start
    had = False
    while True:
        y = re.match(r"(?:19|20)\d{2}年(?:度)?", text[i:start + len(name)])
        if y:
            i += y.end()
            had = True
            continue
        o = next((o for o in ctx.by_start.get(i, ()) if o.end <= start + len(name)), None)
        if o is not None:
            i = o.end
            had = True
            continue
        r = hits.by_start.get(i)
        r = r if r is not None and r[0] + len(r[1]) <= start + len(name) else None
        if r is not None:
            i += len(r[1])
            had = True
            continue
        w = re.match(r"全(?:国|省|市|区|县)", text[i:start + len(name)])
        if w:
            i += w.end()
            had = True
            continue
        sb = next((k for k in _short_bodies() if text.startswith(k, i)), None)
        if sb is not None and i + len(sb) < start + len(name):
            i += len(sb)
            had = True
            continue
        break
    return text[i:start + len(name)], i - start, had


@lru_cache(maxsize=1)
def _weak_words() -> tuple[str, ...]:
    return tuple(sorted((w for w, k in _topics().items() if k == "weak"), key=len, reverse=True))


def _weak(topic: str, least: int) -> bool:
    """Whether the topic says less than ``least`` characters once its generic
    words (``event_topics.tsv``) are taken off.

    >>> _weak("新春", 2), _weak("两个重要", 2), _weak("助学金发放", 2)
    (True, True, False)
    """
    words = _weak_words()
    t = re.sub(r"[“”\"‘’《》·]", "", topic)
    t = re.sub(r"^[一二两三四五六七八九十几多0-9]+(?:个|次|场|项|大|批)", "", t)  # 两个重要会议
    changed = True
    while changed and t:
        changed = False
        for w in words:
            if t.startswith(w):
                t, changed = t[len(w):], True
            elif t.endswith(w):
                t, changed = t[:-len(w)], True
    return len(re.findall(f"[{CJK}0-9]", t)) < least


def _session_topic(topic: str) -> bool:
    t = re.sub(r"[“”\"]", "", topic)
    return t in _topics() and _topics()[t] == "session"


def _holder_before(ctx: _Context, s: int) -> tuple[str, str, tuple[int, int] | None, int]:
    """The verb of holding right before ``s`` and what holds: (verb, holder
    label, holder span, holder phrase start) or ("", …)."""
    text = ctx.text
    cs = ctx.chunk_start(s)
    before = text[cs:s]
    for v in _HOLD:
        if before.endswith(v):
            vs = s - len(v)
            o = ctx.org_ending(vs, cs) or _org_before_verb(ctx, cs, vs)
            if o is not None:
                return v, ctx.body_label(o), (o.start, o.end), o.start
            # a short subject phrase (〈驿站〉举办揭牌仪式) after any time words
            subj_start = _TIME_HEAD.match(text, cs, vs).end()
            subj = text[subj_start:vs]
            if 2 <= len(subj) <= 20 and re.fullmatch(f"[{CJK}0-9“”]+", subj) and not _boundary_rx().search(subj) \
                    and subj.endswith(lexicon.words("event_holders.txt")):
                return v, subj, None, subj_start
            return v, "", None, vs
    return "", "", None, s


_VERB_GAP = re.compile(rf"(?:在[{CJK}]{{1,8}}?|于[^，。；]{{1,12}}?)?(?:隆重|正式|胜利|联合|共同)?")


def _org_before_verb(ctx: _Context, cs: int, vs: int) -> Mention | None:
    """The body that a holding verb's clause opens with: 全国总工会在京召开……."""
    for o in reversed(ctx.orgs_within(cs, vs)):
        if _VERB_GAP.fullmatch(ctx.text, o.end, vs):
            return o
    return None


_EVENT_NAME_MAX = 40  # characters of an event's name before its head word
_BOUNDARY_REACH = 8  # a boundary word that ends inside that reach may start this far before it


def _topical(ctx: _Context, hits, taken) -> list[_Cand]:
    text, out = ctx.text, []
    for h in _heads_rx().finditer(text):
        hs, he = h.span()
        if taken.overlaps(hs, he):
            continue
        cs = ctx.chunk_start(hs)
        # the name runs from after the last boundary word (or a time) to the head
        start = _TIME_HEAD.match(text, cs, hs).end()
        # (only near the head: a name is at most _EVENT_NAME_MAX characters, and
        # scanning from a chunk's start for each head is quadratic in a text
        # without stops)
        for b in _boundary_rx().finditer(text, max(start, hs - _EVENT_NAME_MAX - _BOUNDARY_REACH), hs):
            # 学习贯彻党的二十大精神专题培训班: the verb is inside the name
            if b.group(0) in _GATHER and any(e < hs for a, e in taken.within(b.end(), b.end() + 3)):
                continue
            if b.end() <= hs:
                start = max(start, b.end())
        # another event named before it and joined to it (A和B): B starts after A
        for a, b in taken.within(start, hs):
            if b < hs and text[b] in "和与及、暨":
                start = b
        while start < hs and text[start] in "的了和与及、暨":
            start += 1
        if hs - start > _EVENT_NAME_MAX or ctx.people.overlaps(start, hs):
            continue  # a clause, not a name (市委常委吴十宣布运动会开幕)
        name = text[start:he]
        topic, cut, had_front = _strip_front(ctx, name, start, hits)
        topic_only = topic[:len(topic) - (he - hs)]
        if h.group(0) in _PLAIN_HEADS and _session_topic(topic_only):
            continue  # 全体会议, 职工代表大会: a body's sitting, named only with its numbers
        verb, holder, holder_at, holder_start = _holder_before(ctx, start)
        after = text[he:he + 30]
        before = text[max(cs, start - 3):start]
        opens = start == _TIME_HEAD.match(text, cs, hs).end() or _OPENING.fullmatch(text, cs, start) is not None
        subject = opens and re.match(
            rf"(?:[在于][^，。；]{{0,24}}?)?(?:隆重|正式|胜利)?(?:举行|召开|举办|开幕|闭幕|落幕|揭牌|启动|开班)", after)
        # 在〈name〉上, 〈name〉上，……讲话, a caption's 〈name〉现场
        in_on = (after[:1] in "上中" and (before.endswith("在") or (opens and after[1:2] in "，,"))) \
            or (opens and after.startswith("现场"))
        weak = _weak(topic_only, 2)
        # 〈驿站〉举办揭牌仪式 names a ceremony; 区总工会召开会议 names no meeting
        plain = h.group(0) in _PLAIN_HEADS
        if weak and not (had_front and not plain or (verb and holder and not plain)):
            continue
        # a short topic with nothing in front and no holder (出席送行仪式) names nothing
        if not had_front and not (verb and holder) and not subject and _weak(topic_only, 4):
            continue
        if not (had_front or verb or subject or in_on or before.endswith(("出席", "出席了", "参加", "参加了"))):
            continue
        quoted = re.sub(r"[“”\"]", "", name)
        label, forms, full = quoted, [name, quoted], 1 if had_front else 0
        front = [o for o in ctx.by_start.get(start, ()) if o.attr("level_word")]
        if cut and front:
            o = front[0]
            label = ctx.body_label(o) + re.sub(r"[“”\"]", "", text[o.end:he])
        m = re.match(r"全(省|市|区|县)", name)
        if m:
            r = ctx.region(m.group(0), start)
            if r is not None:
                label = r.name + re.sub(r"[“”\"]", "", name[2:])
                full = 1
        sb = next((k for k in _short_bodies() if name.startswith(k)), None)
        if sb is not None and not m:
            lw, tail = _short_bodies()[sb]
            r = ctx.region(lw, start) if lw != "-" else None
            body = tail if lw == "-" else (r.name + tail if r is not None else "")
            if body:
                label = body + re.sub(r"[“”\"]", "", name[len(sb):])
                full = 1
        hold_label = holder
        if verb and holder:
            forms.append(text[holder_start:start - len(verb)] + name if holder_at is None else
                         text[holder_at[0]:holder_at[1]] + name)
            forms.append(holder + quoted)
        if verb and holder and not had_front:
            label = holder + quoted
            full = 1
        elif holder_at is None and had_front:
            o = ctx.org_at(start)
            if o is not None:
                hold_label, holder_at = ctx.body_label(o), (o.start, o.end)
        key = ("topic", re.sub(r"[“”\"]", "", topic) if len(topic) > he - hs else label)
        out.append(_Cand(start, he, label, key, forms, full=full, holder=hold_label if verb or had_front else "",
                         holder_at=holder_at))
    # of two names one inside the other (……联欢, ……联欢晚宴) the longer
    kept, reach = [], -1
    for c in sorted(out, key=lambda c: (c.start, -c.end)):
        if c.end <= reach:
            continue
        kept.append(c)
        reach = c.end
    return kept


def _patterned(ctx: _Context) -> list[_Cand]:
    out = []
    for rx, label_t, alias_ts in _patterns():
        for m in rx.finditer(ctx.text):
            s, e = m.span()
            if any(c.start < e and s < c.end for c in out):
                continue
            label = _fill(label_t, m)
            forms = [m.group(0)] + [a for a in (_fill(t, m) for t in alias_ts) if a]
            holder = "中华全国总工会" if label.startswith("中国工会") else ""
            out.append(_Cand(s, e, label, ("pattern", label), forms, full=2, holder=holder))
    return out


def _later_forms(ctx: _Context, cands: list[_Cand]) -> list[_Cand]:
    """A name found once is that event wherever else it is written."""
    text, out = ctx.text, []
    names: dict[str, _Cand] = {}
    for c in cands:
        if c.key[0] == "topic":
            names.setdefault(text[c.start:c.end], c)
    if not names:
        return out
    taken = SpanSet.of((c.start, c.end) for c in cands)
    rx = re.compile("|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))))
    for m in rx.finditer(text):
        s, e = m.span()
        if not taken.overlaps(s, e):
            taken.add(s, e)
            out.append(replace(names[m.group(0)], start=s, end=e, forms=[m.group(0)], holder_at=None))
    return out


def find(norm, scan: Scan | None = None) -> list[Mention]:
    """Event mentions of a normalised text; ``scan`` gives the bodies and
    regions found before (a scan of the text alone when omitted)."""
    if scan is None:
        from extract.recognisers import find_mentions

        scan = Scan(norm, statistical=False)
        scan.found.mentions = [m for m in find_mentions(norm, statistical=False).mentions if m.type != "Event"]
    ctx = _Context(scan)
    hits = _Hits(scan.region_hits)
    cands = _patterned(ctx)
    cands += _congresses(ctx, hits, _Taken((c.start, c.end) for c in cands))
    cands += _party_congresses(ctx, hits, _Taken((c.start, c.end) for c in cands))
    cands += _sessions(ctx, _Taken((c.start, c.end) for c in cands), cands, hits)
    cands += _topical(ctx, hits, _Taken((c.start, c.end) for c in cands))
    cands += _later_forms(ctx, cands)
    return _merge(ctx, _joined(ctx, cands))


def _joined(ctx: _Context, cands: list[_Cand]) -> list[_Cand]:
    """A暨B is one event (十四届三次全委会暨2023年全省工会工作会议), known by A's forms too."""
    text = ctx.text
    by_start = {c.start: c for c in cands}
    out, used = [], set()
    for c in sorted(cands, key=lambda c: c.start):
        if id(c) in used:
            continue
        nxt = by_start.get(c.end + 1) if text[c.end:c.end + 1] == _JOINED else None
        if nxt is not None and id(nxt) not in used:
            used.add(id(nxt))
            tail = re.sub(r"[“”\"]", "", text[nxt.start:nxt.end])
            c = replace(c, end=nxt.end, label=c.label + _JOINED + tail,
                        forms=c.forms + [text[c.start:nxt.end]] + [f + _JOINED + tail for f in c.forms],
                        holder=c.holder or nxt.holder, holder_at=c.holder_at or nxt.holder_at)
        out.append(c)
    return out


def _merge(ctx: _Context, cands: list[_Cand]) -> list[Mention]:
    """One label per event of the document: the fullest written form."""
    groups: dict[tuple, list[_Cand]] = {}
    for c in sorted(cands, key=lambda c: (c.start, c.end)):
        groups.setdefault(c.key, []).append(c)
    out: list[Mention] = []
    for group in groups.values():
        best = max(group, key=lambda c: (c.full, len(c.label), -c.start))
        label = best.label
        holder = next((c.holder for c in group if c.holder), "")
        forms = dict.fromkeys(f for c in group for f in [c.label] + c.forms)
        aliases = tuple(f for f in forms if f and f != label)
        for c in group:
            attrs = (("holder", holder),) + ((("holder_at", c.holder_at),) if c.holder_at else ())
            out.append(Mention("Event", label, ctx.text[c.start:c.end], c.start, c.end, rule="event",
                               attrs=attrs, aliases=aliases))
    return sorted(out, key=lambda m: (m.start, -m.end, m.label))


@register
class EventsRecogniser:
    """Event mentions (:func:`find`)."""

    name = "events"
    order = 50

    def find(self, scan: Scan) -> Found:
        return Found(find(scan.norm, scan))
