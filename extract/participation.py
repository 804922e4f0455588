"""PARTICIPATED_IN: the people and bodies that attended, spoke at, presided
over, held, or were elected at a named event (those only honoured at it
take no part, as GRAPH.md says).

The event of a sentence is the one it names (explicitly, or by a bare word
that refers back, ``REFER`` in ``participation.tsv``: 大会审议通过, 会上,
出席了发放仪式), else the event of the piece: the one its title or lead names,
or the last one the piece reports on before the sentence. An event named
only as a reference (党的十八大精神, 工会十二大以来, 出席大会的代表:
``PASSIVE``) is no sentence's event and has no participants there.

Who takes part, in the sentence's comma-separated chunks:

- the people and bodies before a verb of the kinds of ``participation.tsv``
  (ATTEND, SPEAK, HOLD with the event written after it, ELECT, GUEST) in its
  chunk, with the list chunks just before it (市总工会副主席梁斌，……，金湾区
  ……吴耀东，……共30人出席); ``由〈person〉主持``; SAYS verbs (强调, 要求) only
  in a sentence or piece about an event;
- 〈people〉在〈event〉上 (沈晓明省长、尹德明副主席在大会开幕式……);
- those elected (选举〈person〉为……, 〈person〉当选, ……当选……，他们分别是……) at it;
- the writer of a speech whose title is 在〈event〉上的讲话;
- the body that holds the event its name gives (海南省工会第七次代表大会 →
  海南省总工会, 全总十七届五次主席团会议 → 中华全国总工会), where the event
  is reported on rather than only referred to.

A body named in a title chain (市总工会 in 市总工会副主席梁斌) stands for the
person's post, not for the body taking part. Every fact's span covers the
participant and the event's mention (or the verb, where the event is the
piece's) inside one sentence.

>>> from extract.pipeline import extract
>>> from extract.corpus import SourceText
>>> r = extract(SourceText("d.txt", None, "3月1日，南京市总工会召开2023年女职工工作推进会。", "utf-8"))
>>> sorted({(f.source[1], f.target[1]) for f in r.facts if f.type == "PARTICIPATED_IN"})
[('南京市总工会', '2023年女职工工作推进会')]
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from extract import lexicon
from extract.records import Article, Fact, Mention

_SENT = re.compile(r"[^。！？；\n]+[。！？；]?")
_CHUNK_MARKS = "，,：:"
_CHUNK_OR_QUOTE = re.compile("[" + _CHUNK_MARKS + "《“》”]")  # the characters _chunks reads
_LEAD = 300  # the title and lead of a piece name the event it reports on
_GATHER = ("贯彻", "落实", "学习", "传达", "宣传", "按照", "领会", "围绕")


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    return lexicon.keyed_words("participation.tsv")


@lru_cache(maxsize=1)
def _verb_kinds() -> dict[str, str]:
    """Each verb of the participation kinds and its kind (a word has one kind)."""
    kinds = ("ATTEND", "SPEAK", "SAYS", "HOLD", "ELECT", "GUEST")
    out: dict[str, str] = {}
    for k in kinds:
        for w in _words()[k]:
            if out.setdefault(w, k) != k:
                raise ValueError(f"participation.tsv lists {w} as {out[w]} and as {k}: "
                                 "give each verb one kind")
    return out


@lru_cache(maxsize=1)
def _verb_rx() -> re.Pattern:
    # the words alone, longest first: with no group around each, sre skips
    # straight to their first characters instead of trying every word at
    # every position; the kind is looked up from the word matched
    words = sorted(_verb_kinds(), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words)))


def _kind_of(m: re.Match) -> str:
    return _verb_kinds()[m.group(0)]


@lru_cache(maxsize=1)
def _refer_rx() -> re.Pattern:
    return re.compile("|".join(map(re.escape, _words()["REFER"])))


def _chunks(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Comma-separated chunks of a sentence; marks inside 《》 or “” do not cut."""
    out, start, depth = [], s, 0
    for mark in _CHUNK_OR_QUOTE.finditer(text, s, e):
        i, ch = mark.start(), mark.group()
        if ch in "《“":
            depth += 1
        elif ch in "》”" and depth:
            depth -= 1
        elif ch in _CHUNK_MARKS and not depth:
            out.append((start, i))
            start = i + 1
    out.append((start, e))
    return [c for c in out if c[1] > c[0]]


class _Ref:
    """An event written in a sentence: its mention, or a bare word resolved to one."""

    __slots__ = ("start", "end", "event", "passive")

    def __init__(self, start: int, end: int, event: Mention, passive: bool) -> None:
        self.start, self.end, self.event, self.passive = start, end, event, passive


def _passive(text: str, chunk_start: int, s: int, e: int) -> bool:
    after = text[e:e + 6]
    if any(after.startswith(w) for w in _words()["PASSIVE"]) or re.match(r"的[\u4e00-\u9fff]{0,4}代表", after):
        return True
    return text[max(chunk_start, s - 4):s].endswith(_GATHER)


def _fits(word: str, label: str) -> bool:
    """Whether a bare word can refer to an event of that label (大会 → a 大会,
    会议 or 会上 → any, 仪式 → a 仪式)."""
    if word in ("会议", "会上"):
        return True
    if word in ("开幕式", "闭幕式", "开幕大会", "闭幕大会"):
        return label.endswith(("会", "会议"))
    if word in ("全会", "全委会"):
        return "全会" in label or "全委" in label or "委员会" in label
    return label.endswith(word)


class _Piece:
    """The events of one article in order, and which is being reported on."""

    def __init__(self, text: str, art_start: int, events: list[Mention]) -> None:
        self.text = text
        self.events = events  # explicit mentions in the article, by start
        self.starts = [m.start for m in events]
        self.lead = next((m for m in events if m.start < art_start + _LEAD
                          and not _passive(text, _chunk_start(text, m.start), m.start, m.end)), None)
        # the event a piece with no lead reports on: the first it names not
        # only as a reference, wherever that is (a caption may come first)
        self.main = self.lead or next(
            (m for m in events if not _passive(text, _chunk_start(text, m.start), m.start, m.end)), None)

    def current(self, pos: int, word: str = "会议") -> Mention | None:
        i = bisect.bisect_left(self.starts, pos)
        for m in reversed(self.events[max(0, i - 20):i]):  # the last few named before
            if _fits(word, m.label) and not _passive(self.text, _chunk_start(self.text, m.start), m.start, m.end):
                return m
        if self.lead is not None and _fits(word, self.lead.label) and self.lead.start <= pos:
            return self.lead
        return None


_CHUNK_CUT = re.compile(r"[，,：:。！？；\n]")


@lru_cache(maxsize=4)
def _cuts(text: str) -> list[int]:
    """Where the chunks of a text end, found once per document."""
    return [m.start() for m in _CHUNK_CUT.finditer(text)]


def _chunk_start(text: str, pos: int) -> int:
    cuts = _cuts(text)
    i = bisect.bisect_left(cuts, pos)
    return cuts[i - 1] + 1 if i > 0 else 0


def _chunk_end(text: str, pos: int) -> int:
    cuts = _cuts(text)
    i = bisect.bisect_left(cuts, pos)
    return cuts[i] if i < len(cuts) else len(text)


def _refs(text: str, s: int, e: int, explicit: list[Mention], piece: _Piece) -> list[_Ref]:
    out = []
    for m in explicit:
        out.append(_Ref(m.start, m.end, m, _passive(text, _chunk_start(text, m.start), m.start, m.end)))
    for w in _refer_rx().finditer(text, s, e):
        ws, we = w.span()
        if any(r.start <= ws < r.end for r in out):
            continue
        cur = piece.current(ws, w.group(0))
        if cur is None:
            continue
        # a bare word, or the end of the event's own name (发放仪式)
        j = ws
        while j > s and cur.label.endswith(text[j - 1:we]) and we - j < len(cur.label):
            j -= 1
        if j == ws and ws > s and re.match(r"[\u4e00-\u9fff]", text[ws - 1]) and not re.search(
                r"(?:在|向|对|了|出席|参加|主持|莅临|今天|这次|本次|此次|到|于|和|与|即将)$", text[s:ws]):
            continue
        out.append(_Ref(j, we, cur, _passive(text, _chunk_start(text, j), j, we)))
    return sorted(out, key=lambda r: r.start)


def find(ctx, events: list[Mention]) -> list[Fact]:
    """PARTICIPATED_IN facts of one document; ``ctx`` is the relation finder's
    context (:class:`extract.activities._Context`)."""
    text = ctx.text
    if not events:
        return []
    post_orgs = {(p.org.start, p.org.end) for p in ctx.posts if p.org is not None}
    by_art: dict[str, list[Mention]] = {}
    for m in sorted(events, key=lambda m: m.start):
        art = ctx.article(m.start)
        by_art.setdefault(art.id if art else "", []).append(m)
    out: list[Fact] = []
    for art in (ctx.arts or [None]):
        evs = by_art.get(art.id if art else "", [])
        if not evs:
            continue
        a_start, a_end = (art.start, art.end) if art else (0, len(text))
        piece = _Piece(text, a_start, evs)
        out += _holders(ctx, evs, piece, art)
        out += _speech_title(ctx, art, evs)
        for s, e in _windows(text, a_start, a_end):
            if not (ctx.between(s, e, "Person") or ctx.between(s, e, "Organization")):
                continue  # most sentences: nobody who could take part
            explicit = evs[bisect.bisect_left(piece.starts, s):bisect.bisect_left(piece.starts, e)]
            refs = _refs(text, s, e, explicit, piece)
            out += _sentence(ctx, s, e, refs, piece, post_orgs, art)
    return out


_WINDOW = 600  # a "sentence" longer than this (a page without stops) is read in parts


def _windows(text: str, lo: int, hi: int):
    """The sentences of ``text[lo:hi]``, a very long one cut at its chunk ends."""
    for sm in _SENT.finditer(text, lo, hi):
        s, e = sm.span()
        while e - s > _WINDOW:
            cut = _chunk_start(text, s + _WINDOW)
            cut = cut if cut > s + 1 else s + _WINDOW
            yield s, cut
            s = cut
        if e > s:
            yield s, e


def _actor_ok(text: str, m: Mention, post_orgs, refs: list[_Ref], quoted: list[tuple[int, int]]) -> bool:
    """A person or body that can take part: not the body of someone's post
    (市总工会副主席梁斌), nor one inside an event's name or a title in 《》, nor a
    body that only describes a person (四川大学华西口腔医学院的夏钟毅), nor a
    medium credited for the report (南海网讯)."""
    if any(a <= m.start and m.end <= b for a, b in quoted):
        return False
    if any(r.start <= m.start and m.end <= r.end for r in refs):
        return False
    if m.type == "Organization":
        if (m.start, m.end) in post_orgs or lexicon.title_regex().match(text, m.end):
            return False
        if m.org is not None and m.org.kind == "media" and text.startswith(_CREDITED, m.end):
            return False  # 南海网讯, 新华社记者: the medium reports, it takes no part
    return True


_CREDITED = ("讯", "电", "消息", "记者", "报道", "通讯员", "客户端")


_TITLE_QUOTE = re.compile(r"《[^》]*》")


def _quoted(text: str, s: int, e: int) -> list[tuple[int, int]]:
    return [m.span() for m in _TITLE_QUOTE.finditer(text, s, e)]


_POST_WORD = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:委员长|委员|主席|主任|书记|理事长|秘书长|会长|院长|局长|厅长|部长|"
                        r"省长|市长|县长|区长|社长|组长|经理|董事长|负责人)(?=、)")
_DESCRIBES = re.compile(r"[\u4e00-\u9fff]{0,10}?的")


def _describes(text: str, end: int, person_starts: set[int]) -> bool:
    """四川大学华西口腔医学院的夏钟毅: the body says where the person is from."""
    m = _DESCRIBES.match(text, end)
    return m is not None and any(m.end() <= p <= m.end() + 4 for p in person_starts)


def _post_like(text: str, end: int, person_starts: set[int]) -> bool:
    """A body followed by a post and then the next body or the person of a
    chain: 中共中央政治局委员、全国人大常委会副委员长、……王兆国."""
    m = _POST_WORD.match(text, end)
    if m and (lexicon.title_regex().fullmatch(m.group(0)) or not re.search(r"[的和与及在]", m.group(0))):
        return True
    return any(end < p <= end + 10 and _title_at_end().search(text, end, p) for p in person_starts)


@lru_cache(maxsize=1)
def _title_at_end() -> re.Pattern:
    return re.compile("(?:" + lexicon.title_regex().pattern + ")$")


_OBJECT = re.compile(r"(?:向|对|为|给|把|被|从|关心|支持|感谢|欢迎)[^，、]*$")


def _fact(a: Mention, ev: Mention, s: int, e: int, rule: str, art: Article | None) -> Fact:
    return Fact("PARTICIPATED_IN", a.key, ev.key, s, e, rule=rule, article=art.id if art else "")


def _sentence(ctx, s: int, e: int, refs: list[_Ref], piece: _Piece, post_orgs, art) -> list[Fact]:
    text = ctx.text
    quoted = _quoted(text, s, e)
    persons = ctx.between(s, e, "Person")
    actors = [m for m in persons + ctx.between(s, e, "Organization")
              if _actor_ok(text, m, post_orgs, refs, quoted)]
    # a body written before 的 and one of the people (……学院的夏钟毅) only
    # describes them; one before a title and then a name or another body
    # (中共中央政治局委员、全国人大常委会副委员长、……王兆国) is a post
    starts = {p.start for p in persons}
    actors = [m for m in actors if not (m.type == "Organization" and (
        _describes(text, m.end, starts) or _post_like(text, m.end, starts)))]
    if not actors:
        return []
    chunks = _chunks(text, s, e)
    actors.sort(key=lambda m: m.start)
    active = [r for r in refs if not r.passive]
    out: list[Fact] = []
    done: set[int] = set()

    def add(a: Mention, ev: Mention, anchor_s: int, anchor_e: int, rule: str) -> None:
        out.append(_fact(a, ev, min(a.start, anchor_s), max(a.end, anchor_e), rule, art))
        done.add(id(a))

    actor_starts = [a.start for a in actors]

    def in_chunk(c, lo=None, hi=None):
        lo = c[0] if lo is None else lo
        hi = c[1] if hi is None else hi
        i = bisect.bisect_left(actor_starts, lo)
        out_ = []
        while i < len(actors) and actors[i].start < hi:
            if actors[i].end <= hi:
                out_.append(actors[i])
            i += 1
        return out_

    # 〈people〉在〈event〉上
    for c in chunks:
        group_start = c[0]
        for r in active:
            if not (c[0] <= r.start < c[1]):
                continue
            before = text[group_start:r.start]
            k = before.rfind("在")
            if k < 0 or r.start - (group_start + k) > 5:
                continue
            if not (text[r.start:r.end].endswith("上")
                    or re.match(r"(?:上|开幕式|闭幕式|中|期间|和|、)", text[r.end:r.end + 3])):
                continue
            for a in in_chunk(c, group_start, group_start + k):
                add(a, r.event, a.start, r.end, "participated-at")
            group_start = r.end

    for ci, c in enumerate(chunks):
        prev_verb_end = c[0]
        for v in _verb_rx().finditer(text, c[0], c[1]):
            kind, vs, ve = _kind_of(v), v.start(), v.end()
            if any(a <= vs < b for a, b in quoted):
                continue
            # 工作报告 is a speech only where someone 作/做 it
            if text[vs:ve].endswith("报告") and not re.search(r"[作做]", text[max(c[0], vs - 8):vs]):
                continue
            ev, anchor = _event_for(text, c, vs, ve, kind, active, refs, piece)
            if ev is None:
                continue
            subjects = _subjects(text, chunks, ci, prev_verb_end, vs, kind, in_chunk)
            # people after 向, 对, 为 … are spoken to, not speaking
            subjects = [a for a in subjects if a.start >= vs or not _OBJECT.search(
                text, max(_chunk_start(text, a.start), prev_verb_end if a.start >= c[0] else 0), a.start)]
            if kind in ("ATTEND", "HOLD") and not subjects:
                subjects = _listed_after(text, chunks, ci, ve, ev, actors)
            if kind == "SAYS":  # 王东明强调: a person, the verb right after the name
                subjects = [a for a in subjects if a.type == "Person" and 0 <= vs - a.end <= 4][-1:]
            if kind == "ELECT":
                subjects = [a for a in subjects if a.type == "Person"]
                subjects += _elected(text, chunks, ci, vs, ve, subjects, in_chunk)
            for a in subjects:
                if id(a) not in done:
                    add(a, ev, *(anchor or (vs, ve)), kind.lower())
            if subjects:
                prev_verb_end = ve
    return out


def _event_for(text, c, vs, ve, kind, active, refs, piece) -> tuple[Mention | None, tuple[int, int] | None]:
    """The event a verb is about and the span naming it in the sentence."""
    # the object written after the verb in its chunk
    obj = [r for r in refs if c[0] <= r.start and r.start >= ve and r.start < c[1]]
    if obj:
        r = obj[0]
        if r.passive or (kind in ("ATTEND", "HOLD") and text[ve:r.start].strip("了隆重正式在于") and r.start - ve > 8):
            return None, None
        return r.event, (r.start, r.end)
    rest = text[ve:c[1]]
    if kind in ("ATTEND", "HOLD") and re.search(r"(?:会|会议|仪式|典礼|活动|晚会|论坛|宴)", rest[:12]):
        return None, None  # 出席送行仪式: some other gathering
    if kind == "HOLD" and text.rfind("由", c[0], vs) >= 0:
        before = [r for r in active if r.end <= vs]
        if before:  # 〈event〉由〈body〉主办
            return before[-1].event, (before[-1].start, before[-1].end)
    if kind == "HOLD":
        return None, None
    before = [r for r in active if r.end <= vs]
    if before:
        return before[-1].event, (before[-1].start, before[-1].end)
    after = [r for r in active if r.start >= ve]
    if after:
        return after[0].event, (after[0].start, after[0].end)
    if any(not r.passive for r in refs) or kind == "HOLD":
        return None, None
    # a sentence naming no event speaks of the one the piece reports on; a
    # statement (强调, 指出) only where the piece leads with it
    if kind == "SAYS":
        cur = piece.lead if piece.lead is not None and piece.lead.start <= vs else None
    else:
        cur = piece.main
    return (cur, None) if cur is not None else (None, None)


def _subjects(text, chunks, ci, lo, vs, kind, in_chunk) -> list[Mention]:
    c = chunks[ci]
    k = text.rfind("由", lo, vs)
    if kind == "SPEAK" and k >= 0:
        return [a for a in in_chunk(c, k + 1, vs) if a.type == "Person"]
    if kind == "HOLD" and k >= 0:
        return in_chunk(c, k + 1, vs)
    subj = in_chunk(c, lo, vs)
    # list chunks just before: each names people or bodies and holds no verb
    j = ci - 1
    own = in_chunk(c, c[0], vs)
    if not own:
        while j >= 0:
            pc = chunks[j]
            names = in_chunk(pc)
            if not names or _verb_rx().search(text, pc[0], pc[1]):
                break
            subj = names + subj
            j -= 1
    elif own[0].type == "Person" and not _verb_rx().search(text, c[0], own[0].start):
        # a roster: 省委书记张三，省委副书记、省长李四，省人大常委会主任王五在主席台就座;
        # each chunk before is titles and one person, ending with the name
        while j >= 0:
            pc = chunks[j]
            names = in_chunk(pc)
            if len(names) != 1 or names[0].type != "Person" or text[names[0].end:pc[1]].strip() \
                    or _verb_rx().search(text, pc[0], pc[1]):
                break
            subj = names + subj
            j -= 1
    return subj


_LISTED = re.compile(r"的(?:[\u4e00-\u9fff]{0,4}?)(?:还)?(?:有|是|包括)[：:]?")


def _listed_after(text, chunks, ci, ve, ev, actors) -> list[Mention]:
    """出席会议的领导还有〈people〉: the people listed after the verb and its event."""
    c = chunks[ci]
    m = _LISTED.search(text, ve, min(c[1] + 2, ve + 30))
    if m is None:
        return []
    return [a for a in actors if a.start >= m.end()]


def _elected(text, chunks, ci, vs, ve, subjects, in_chunk) -> list[Mention]:
    """选举〈person〉为……, 新当选的……〈person〉, ……当选……，他们分别是〈people〉."""
    word = text[vs:ve]
    out = []
    if word == "选举":
        for c in chunks[ci:]:
            if "为" in text[c[0]:c[1]]:
                out += [a for a in in_chunk(c) if a.start >= ve and a.type == "Person"]
    elif not subjects:
        c = chunks[ci]
        if text.startswith("的", ve) or text.startswith("为", ve):
            out += [a for a in in_chunk(c, ve, c[1]) if a.type == "Person"][:1]
        for c2 in chunks[ci + 1:]:
            if re.match(r"(?:他们|她们)?(?:分别)?(?:是|为)", text[c2[0]:c2[1]]):
                out += [a for c3 in chunks[chunks.index(c2):] for a in in_chunk(c3) if a.type == "Person"]
                break
    return out


def _speech_title(ctx, art: Article | None, evs: list[Mention]) -> list[Fact]:
    """The writer of 在〈event〉上的讲话 spoke at it."""
    if art is None or not art.authors:
        return []
    out = []
    for m in evs:
        if m.start < art.start + _LEAD and ctx.text[m.start - 1:m.start] == "在" \
                and re.match(r"上的?(?:讲话|发言|致辞|报告)", ctx.text[m.end:m.end + 6]):
            for key in art.authors[:1]:
                out.append(Fact("PARTICIPATED_IN", key, m.key, m.start, m.end + 4, rule="speech-title",
                                article=art.id))
    return out


def _holders(ctx, evs: list[Mention], piece: _Piece, art: Article | None) -> list[Fact]:
    """The body an event's name gives holds it, where the piece reports on it."""
    text, out = ctx.text, []
    orgs = {(m.start, m.end): m for m in ctx.mentions if m.type == "Organization"}
    # the body must be written in the event's name (or hold it by a verb)
    # somewhere in the piece: 中国工会第十七次全国代表大会 alone names no holder
    written = {m.key for m in evs if m.attr("holder_at")}
    for m in evs:
        if m.key not in written:
            continue
        if _passive(text, _chunk_start(text, m.start), m.start, m.end):
            continue
        if m is not piece.lead and not _reported(text, m):
            continue
        at = m.attr("holder_at")
        o = orgs.get(tuple(at)) if at else None
        key = o.key if o is not None else None
        if key is None and m.attr("holder"):
            k = ("Organization", m.attr("holder"), "")
            key = k if k in ctx.kind else None
        if key is not None:
            out.append(Fact("PARTICIPATED_IN", key, m.key, m.start, m.end, rule="holder",
                            article=art.id if art else ""))
    return out


def _reported(text: str, m: Mention) -> bool:
    """The sentence reports the event taking place (召开, 举行, 闭幕 … around it)."""
    around = text[_chunk_start(text, m.start):_chunk_end(text, m.end)]
    return bool(re.search(r"召开|举行|举办|开幕|闭幕|选举|通过|上的|期间", around))
