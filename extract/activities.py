"""What bodies and people do: RUNS, PART_OF, ADVOCATES, ISSUED,
PARTICIPATED_IN. The verbs are data (``activity_verbs.tsv``).

- RUNS: the explicit subject, a body written before a running verb that
  governs the programme in the same sentence (各地工会… no; 陕西省总工会设立……);
  a partner written 与/和/联合 〈body〉 共同举办 runs it too. Failing that, in a
  piece written by a body's chair (主席 in the byline), the chair's body runs
  what the piece says is launched or carried out, with the verb in the same
  clause: “we” and unstated subjects are that body. A programme merely
  named, with no running verb, is not run by the writer; nor one joined
  (参加, 助力, 围绕 …: ``JOINS``), nor a national programme (``programmes.tsv``)
  without an explicit subject.
- PART_OF: a member of a numbered set (the recogniser's ``part_of``) to the
  set; a programme named in the sentence that carries out a set's member
  (大力实施“普惠服务行动”……推出“吉工·贴心”项目) to that member.
- ADVOCATES: a person for what they 强调/指出/提出 (``SAYS``) in the same
  sentence (习近平总书记强调，……), and for each principle heading a dash item
  (——坚持……。) of a list whose introduction names them last
  (……习近平总书记关于……的重要论述。主要有：);
  a body opening a clause of the sentence with a committing verb
  (省总党组坚持以身作则，认真落实……); a body whose decisions on the concept the
  sentence names (党中央关于……的决策部署: ``POLICY``); otherwise the writer —
  a chair's body, or the signing person when the piece is signed by someone
  who is not a body's chair — for a concept that a committing verb (坚持, 弘扬, 增强, 践行 …) governs in its
  clause, unless the concept only sits in a frame (在践行……中, 是践行……的,
  坚持……是) or serves an aim set by others (围绕加快建设……: ``JOINS``).
  A sentence whose subject is 〈place〉工会 (天津工会要……) speaks
  for that place's 总工会; 全国各级工会, or 自治区各级工会 in a province's
  piece, is not the writer.
- ISSUED: a body named at the start of a document's own title
  (《辽宁省总工会关于……的实施意见》, 《四川省总工会、重庆市总工会……协议》), or the
  body written before an issuing verb (出台, 印发, 制定 …) in the same sentence.
- PARTICIPATED_IN: see :mod:`extract.participation`.

Every fact's span runs from the first of its two mentions (or the verb) to
the last, inside one sentence.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from extract import lexicon, participation
from extract.recognisers import programmes
from extract.records import Article, Fact, Mention

_SENT_END = "。！？；\n"
_CLAUSE_END = "，。！？；：\n"
_JOIN = re.compile(r"^[、和与及同]$")


@lru_cache(maxsize=1)
def verbs() -> dict[str, tuple[str, ...]]:
    return lexicon.keyed_words("activity_verbs.tsv")


@lru_cache(maxsize=4)
def _marks(text: str, chars: str) -> list[int]:
    """Where any of ``chars`` stands in ``text``, once per document: searching
    back with ``rfind`` for a mark the text lacks (a page on one line has no
    line end) reads the whole text on every call."""
    return [m.start() for m in re.finditer("[" + re.escape(chars) + "]", text)]


def _sentence(text: str, pos: int) -> tuple[int, int]:
    marks = _marks(text, _SENT_END)
    i = bisect.bisect_left(marks, pos)
    s = marks[i - 1] + 1 if i > 0 else 0
    e = marks[i] + 1 if i < len(marks) else len(text)
    return s, e


def _clause_start(text: str, pos: int) -> int:
    marks = _marks(text, _CLAUSE_END)
    i = bisect.bisect_left(marks, pos)
    return marks[i - 1] + 1 if i > 0 else 0


def _has_verb(span: str, kind: str) -> bool:
    return any(v in span for v in verbs()[kind])


def _verb_between(text: str, start: int, end: int, kind: str) -> bool:
    """``_has_verb(text[start:end], kind)`` without copying the span: a long
    clause is searched once from its start, not again for every mention in it.

    >>> _verb_between("总工会开展竞赛、比武", 0, 8, "RUNS"), _verb_between("竞赛、开展", 0, 3, "RUNS")
    (True, False)
    """
    return _first_verb_end(text, start, kind) <= end


@lru_cache(maxsize=4096)
def _first_verb_end(text: str, start: int, kind: str) -> int:
    """Where the first ``kind`` verb after ``start`` (in its clause) ends."""
    stop = _clause_end(text, start)
    return min((i + len(v) for v in verbs()[kind] if (i := text.find(v, start, stop)) >= 0),
               default=len(text) + 1)


@lru_cache(maxsize=256)
def _verb_starts(text: str, verb: str) -> list[int]:
    """Every place ``verb`` starts in ``text``, overlapping ones included."""
    out, i = [], text.find(verb)
    while i >= 0:
        out.append(i)
        i = text.find(verb, i + 1)
    return out


def _last_verb(text: str, verb: str, start: int, end: int) -> int:
    """``text.rfind(verb, start, end)`` from a list made once per document.

    >>> _last_verb("印发甲，印发乙", "印发", 0, 7), _last_verb("印发甲", "印发", 1, 3)
    (4, -1)
    """
    starts = _verb_starts(text, verb)
    k = bisect.bisect_right(starts, end - len(verb)) - 1
    return starts[k] if k >= 0 and starts[k] >= start else -1


def _clause_end(text: str, pos: int) -> int:
    marks = _marks(text, _CLAUSE_END)
    i = bisect.bisect_left(marks, pos)
    return marks[i] if i < len(marks) else len(text)


class _Context:
    def __init__(self, text: str, res, arts: list[Article]) -> None:
        self.text = text
        self.arts = arts
        self.starts = [a.start for a in arts]
        self.mentions = sorted(res.mentions, key=lambda m: (m.start, m.end))
        self.mstarts = [m.start for m in self.mentions]
        self.kind = {m.key: m.attr("kind") for m in res.mentions if m.type == "Organization"}
        self.posts = res.posts
        self._typed: dict[str, tuple[list[int], list[Mention], int]] = {}

    def article(self, pos: int) -> Article | None:
        if not self.arts:
            return None
        return self.arts[max(0, bisect.bisect_right(self.starts, pos) - 1)]

    def typed(self, type_: str) -> tuple[list[int], list[Mention], int]:
        """The mentions of one type in order, their starts and the longest's
        length (built once per type): a long sentence's other mentions are
        not walked for each question about this type."""
        if type_ not in self._typed:
            ms = [m for m in self.mentions if m.type == type_]
            self._typed[type_] = ([m.start for m in ms], ms, max((m.end - m.start for m in ms), default=0))
        return self._typed[type_]

    def between(self, s: int, e: int, type_: str) -> list[Mention]:
        starts, ms, _ = self.typed(type_)
        i, j = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        return [m for m in ms[i:j] if m.end <= e]

    def concepts_by_end(self, concepts_at: dict[int, Mention]) -> dict[int, list[Mention]]:
        """Concepts keyed by where they end (built once per document)."""
        if getattr(self, "_by_end_src", None) is not concepts_at:
            by_end: dict[int, list[Mention]] = {}
            for c in concepts_at.values():
                by_end.setdefault(c.end, []).append(c)
            self._by_end, self._by_end_src = by_end, concepts_at
        return self._by_end

    def chair_body(self, art: Article | None):
        """The body whose leader (``leader_titles.txt``) wrote the piece, if any."""
        if art is None or not art.authors:
            return None
        leaders = lexicon.words("leader_titles.txt")
        for org in art.author_orgs:
            if self.kind.get(org) != "union":
                continue
            if any(p.person.key in art.authors and p.org.key == org and p.title in leaders
                   for p in self.posts):
                return org
        return None

    def writer(self, art: Article | None):
        """Who a piece speaks for: its chair's body, else its signing person."""
        body = self.chair_body(art)
        if body is not None:
            return body
        if art is not None and art.authors and art.kind in ("byline", "name-line", "continued", "after-note"):
            return art.authors[0]
        if art is not None and not art.authors and art.author_orgs:
            return art.author_orgs[0]  # an unsigned piece that names its speaker (——〈body〉…)
        return None


def _governed(ctx: _Context, o: Mention) -> bool:
    """A body that is the object of what stands before it in its clause
    (紧紧围绕县委、县政府的……, 在市总工会指导下: ``OBJECT_OF`` words), or a
    possessor (县委、县政府的发展战略): not the subject of a verb after it."""
    text = ctx.text
    cs = _clause_start(text, o.start)
    before = text[max(cs, o.start - 12):o.start]
    j = o.end
    while text[j:j + 1] and _JOIN.match(text[j:j + 1]):  # 县委、县政府的: the possessive after the group
        nxt = ctx.between(j + 1, j + 40, "Organization")
        if not nxt or nxt[0].start != j + 1:
            break
        j = nxt[0].end
    return text[j:j + 1] == "的" or any(w in before for w in verbs()["OBJECT_OF"])


def _subjects(ctx: _Context, sent_start: int, pos: int, kind: str) -> list[Mention]:
    """Bodies written before a ``kind`` verb that precedes ``pos`` in its sentence."""
    text = ctx.text
    starts, typed, longest = ctx.typed("Organization")
    lo, hi = bisect.bisect_left(starts, sent_start), bisect.bisect_left(starts, pos)

    def before(k: int):
        """The bodies before index ``k`` that end by ``pos``, nearest first."""
        for j in range(k - 1, lo - 1, -1):
            if typed[j].end <= pos:
                yield typed[j]

    for k in range(hi - 1, lo - 1, -1):
        o = typed[k]
        if o.start < pos - 40 - longest:
            break  # this body and every one before it ends more than 40 before pos
        if o.end > pos or pos - o.end > 40 or not _has_verb(text[o.end:pos], kind) or _governed(ctx, o):
            continue
        gap = text[o.end:pos]
        group = [o]
        for prev in before(k):
            if not _JOIN.match(text[prev.end:group[0].start] or "x"):
                break
            group.insert(0, prev)
        # 与〈body〉共同举办: the partner and the subject before it, in the
        # partner's own clause only (……共同举办A，开展B: B is the subject's alone)
        partner = text[max(0, o.start - 1):o.start] in ("与", "和", "同") or text[max(0, o.start - 2):o.start] == "联合"
        if partner and re.search(r"[，；：]", gap):
            continue
        if partner:
            continue_subject = next((x for x in before(k) if x.end <= o.start), None)
            return group + [continue_subject]
        return group
    return []


def _naming_body(ctx: _Context, m: Mention) -> Mention | None:
    """The body whose name opens the programme's or stands right before it,
    a year at most between (成都市工会2014年“金秋助学”活动,
    南京市总工会女职工志愿服务计划): the programme is that body's own."""
    text = ctx.text
    inside = [o for o in ctx.between(m.start, m.end, "Organization") if o.start == m.start]
    if inside:
        return inside[0]
    before = ctx.between(max(0, m.start - 40), m.start, "Organization")
    if before and _OWN_GAP.fullmatch(text[before[-1].end:m.start]):
        o = before[-1]
        cs = _clause_start(text, o.start)
        if not any(w in text[max(cs, o.start - 12):o.start] for w in verbs()["OBJECT_OF"]):
            return o
    return None


# between a body and its own programme: a year, an edition, or 的 (市总工会的“金秋助学”品牌)
_OWN_GAP = re.compile(r"(?:[0-9０-９]{4}年度?|第[一二三四五六七八九十0-9]+[届期])?的?")


def _sentence_subject(ctx: _Context, s: int, pos: int, after: bool = False) -> Mention | None:
    """The body that opens a clause of the sentence before ``pos`` and is not
    governed by anything (市总工会将指导……，建好“司机之家”; 广东省总将持续深化……，
    统筹开展……“平安返乡”), with a running verb between it and ``pos``: the
    sentence's subject, whom the later clauses keep."""
    text = ctx.text
    # a window, not the whole sentence: a page without sentence ends is one sentence
    for o in reversed(ctx.between(max(s, pos - _WINDOW), pos, "Organization")):
        if text[_clause_start(text, o.start):o.start].strip(" \t\u3000“\""):
            continue
        if _governed(ctx, o) or not (after or _has_verb(text[o.end:pos], "RUNS")):
            return None
        return o
    return None


# what refers back to the programme just named: 本次活动由……主办
_BACK = re.compile(r"\s*(?:本次|此次|这次|本届|该|此项|这项)?(?:活动|大赛|竞赛|比赛|行动|项目|计划|工程)")


def _hosts(ctx: _Context, m: Mention, s: int, e: int) -> list[Mention]:
    """The bodies that host the programme, written 由〈bodies〉主办/承办 (``HOSTS``)
    after it in its sentence (“……”活动由市总工会主办), or opening the next
    sentence with a word for it (本次活动由……主办，……承办) when it is the last
    programme named before. Each clause after 由 ending in a hosting verb
    gives its bodies; 指导, 协办 host nothing."""
    text = ctx.text
    spans = [(m.end, min(e, m.end + _WINDOW))]
    if e < len(text) and e - m.end <= _WINDOW and _BACK.match(text, e) and not ctx.between(m.end, e, "Programme"):
        a, b = _sentence(text, e + 1 if text[e:e + 1] in _SENT_END else e)
        spans.append((a, min(b, a + _WINDOW)))
    hosts = verbs()["HOSTS"]
    out: list[Mention] = []
    for a, b in spans:
        by = text.find("由", a, b)
        while by >= 0 and text[by + 1:by + 2] in "于此衷来":  # 由于, 由此: no host
            by = text.find("由", by + 1, b)
        if by < 0:
            continue
        pos = by + 1
        for clause in re.finditer(r"[^，；。！？\n]+", text[pos:b]):
            c_end = pos + clause.end()
            words = clause.group(0).rstrip()
            if words.endswith(hosts):
                out += [o for o in ctx.between(pos + clause.start(), c_end, "Organization") if o not in out]
            elif out or not any(w in words for w in ("指导", "协办", "支持")):
                break
        if out:
            break
    return out


def _unnamed_unions(ctx: _Context, s: int, pos: int) -> bool:
    """Whether 工会 stands in ``s``..``pos`` outside the bodies found there
    (各级工会, 两地工会, 基层工会): unions the sentence does not name."""
    s = max(s, pos - _WINDOW)
    text, at = ctx.text, s
    for o in ctx.between(s, pos, "Organization"):
        if "工会" in text[at:o.start]:
            return True
        at = max(at, o.end)
    return "工会" in text[at:pos]


def _piece_body(ctx: _Context, art: Article | None):
    """The union a news piece is about: the first union named in its title
    or opening lines (``LEAD`` characters), as in 南京市总工会召开……大会."""
    start = art.start if art is not None else 0
    end = art.end if art is not None else len(ctx.text)
    cache = ctx.__dict__.setdefault("_piece", {})
    if start not in cache:
        unions = (o.key for o in ctx.between(start, min(end, start + _LEAD), "Organization")
                  if ctx.kind.get(o.key) == "union")
        cache[start] = next(unions, None)
    return cache[start]


_LEAD = 200
# how far from a programme its hosts or its sentence's subject are looked for
_WINDOW = 300


def _run_after(text: str, m: Mention) -> bool:
    """A running verb written after the programme in its clause
    (“五一巾帼标兵”的选拔, ……志愿服务计划正式启动: ``RUNS_AFTER``)."""
    rest = text[m.end:m.end + 8].lstrip("”\"")
    rest = rest.removeprefix("的")
    for w in ("正式", "全面", "同步", "顺利"):
        rest = rest.removeprefix(w)
    return rest.startswith(verbs()["RUNS_AFTER"])


def runs(ctx: _Context, progs: list[Mention]) -> list[Fact]:
    text, out = ctx.text, []
    national = set(programmes._national_forms().values())
    for m in progs:
        s, e = _sentence(text, m.start)
        art = ctx.article(m.start)
        # 参加“安康杯”竞赛, 助力脱贫攻坚, 围绕实施“中国制造2025”: joined, not run
        if _has_verb(text[max(_clause_start(text, m.start), m.start - 12):m.start], "JOINS"):
            continue
        own = _naming_body(ctx, m)
        if own is not None:
            out += _facts("RUNS", [(own.key, own.start)], m, art)
            continue
        hosts = _hosts(ctx, m, s, e)
        if hosts:
            out += [Fact("RUNS", o.key, m.key, min(m.start, o.start), max(m.end, o.end), rule="runs-hosted",
                         article=art.id if art else "") for o in hosts]
            continue
        subj = _subjects(ctx, s, m.start, "RUNS")
        keys = []
        for o in subj:
            if o is None:
                w = ctx.chair_body(art)
                if w is not None:
                    keys.append((w, m.start))
            else:
                keys.append((o.key, o.start))
        if not keys and (o := _sentence_subject(ctx, s, m.start, _run_after(text, m))) is not None:
            keys.append((o.key, o.start))
        if not keys and m.label not in national:  # the writer runs no national programme
            cs = _clause_start(text, m.start)
            if _verb_between(text, cs, m.start, "RUNS") or _run_after(text, m):
                # “we” and unstated subjects: the chair's body, else the union the
                # piece is about, unless unions the text does not name are the
                # subject (两地工会……联合开展, 各级工会要……)
                w = ctx.chair_body(art)
                if w is None and not _unnamed_unions(ctx, s, m.start):
                    w = _piece_body(ctx, art)
                if w is not None:
                    keys.append((w, cs))
        out += _facts("RUNS", keys, m, art)
    return out


def inherited_runs(run: list[Fact], parts: list[Fact]) -> list[Fact]:
    """Who runs a set runs each of its actions (河南省总工会 runs its “五大行动”,
    so each numbered action under it), down the PART_OF chain, where nothing
    says who runs the action itself; the evidence is the member's.

    >>> r = [Fact("RUNS", "u", "set", 0, 5, rule="runs")]
    >>> p = [Fact("PART_OF", "a", "set", 9, 12), Fact("PART_OF", "b", "a", 20, 24)]
    >>> [(f.source, f.target) for f in inherited_runs(r, p)]
    [('u', 'a'), ('u', 'b')]
    """
    runners: dict = {}
    for f in run:
        runners.setdefault(f.target, []).append(f)
    parent = {}
    for f in parts:
        parent.setdefault(f.source, f)
    out = []
    for member, f in parent.items():
        if member in runners:
            continue
        up, seen = f.target, {member}
        while up not in runners and up in parent and up not in seen:  # the nearest set that is run
            seen.add(up)
            up = parent[up].target
        for source in dict.fromkeys(r.source for r in runners.get(up, ())):
            out.append(Fact("RUNS", source, member, f.start, f.end, rule="runs-set", article=f.article))
    return out


def _facts(type_: str, keys: list, m: Mention, art: Article | None) -> list[Fact]:
    """One fact per (source key, start of the text naming it) toward ``m``."""
    return [Fact(type_, key, m.key, min(start, m.start), m.end, rule=type_.lower(),
                 article=art.id if art else "") for key, start in keys]


def part_of(ctx: _Context, progs: list[Mention]) -> list[Fact]:
    text, out = ctx.text, []
    labels = {m.label: m for m in progs}
    for m in progs:
        parent = m.attr("part_of")
        if parent and parent in labels and parent != m.label:
            p = labels[parent]
            out.append(Fact("PART_OF", m.key, p.key, m.start, m.end, rule="set-member"))
            # what the sentence carrying out this member names is part of it
            s, e = _sentence(text, m.start)
            cs = _clause_start(text, m.start)
            if _verb_between(text, cs, m.start, "RUNS"):
                for o in ctx.between(m.end, e, "Programme"):
                    if o.label != m.label and not o.attr("part_of") and o.label != parent:
                        out.append(Fact("PART_OF", o.key, m.key, m.start, o.end, rule="member-sentence"))
    return out


def _committed(ctx: _Context, m: Mention, concepts_at: dict[int, Mention]) -> bool:
    """A committing verb right before the concept (大力弘扬劳模精神, 坚持走……道路,
    以……思想为指导), or before the list the concept ends (劳模精神、劳动精神、工匠精神)."""
    text = ctx.text
    start = m.start
    ends = ctx.concepts_by_end(concepts_at)
    while True:
        prev = [c for e in (start, start - 1) for c in ends.get(e, ())
                if re.fullmatch(r"[、和与及]?", text[c.end:start])]
        if not prev or prev[0].start >= start:
            break
        start = prev[0].start
    before = text[max(_clause_start(text, start), start - 8):start].rstrip("“\"")
    if before.endswith("以") and re.match(r"[”\"]?为(?:指导|指引|引领|统领|根本遵循|遵循|主线)", text[m.end:m.end + 6]):
        return True
    return _commit_verb_at_end().search(before) is not None


@lru_cache(maxsize=1)
def _commit_verb_at_end() -> re.Pattern:
    """A committing verb (坚持, 弘扬 …, optionally with 走/好) ending the text."""
    words = sorted((v for v in verbs()["ADVOCATES"] if v != "以"), key=lambda v: (-len(v), v))
    return re.compile("(?:" + "|".join(re.escape(v) for v in words) + ")[走好]?$")


_PLACE_UNIONS = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:各级)?工会(?:组织)?(?:要|将|一定|必须|坚持|始终|以|深入|认真|把|持续|进一步|积极|大力|都要|工作|事业)")
# the writer's own unions, if the writer's body is of that kind of place
_OWN_PLACE = {"全省": "省", "本省": "省", "我省": "省", "全市": "市", "本市": "市", "我市": "市",
              "全区": "区", "我区": "区", "自治区": "自治区", "全行业": "", "全系统": ""}
_OTHER = object()


def _place_speaker(ctx: _Context, s: int, e: int, writer):
    """The body that speaks for 〈place〉工会 written as the subject before
    in its sentence (``s``..``e``): 天津工会要…… or 开创河北工会工作新局面 → 天津市总工会,
    河北省总工会; 全省各级工会 in a provincial union's piece → None (the writer's
    own); 全国各级工会, 各地工会, 自治区各级工会 in a province's piece, or a place
    whose union the page does not name → ``_OTHER`` (not the writer)."""
    found = None
    for m in _PLACE_UNIONS.finditer(ctx.text, s, e):
        place = m.group(1)
        own = next((suffix for w, suffix in _OWN_PLACE.items() if place.endswith(w)), None)
        if own is not None:
            found = None if writer is None or writer[0] != "Organization" \
                or own in writer[1].removesuffix("总工会")[-3:] else _OTHER
            continue
        if place.endswith(("全国", "各地", "各级", "基层")):
            found = _OTHER
            continue
        r = lexicon.regions_by_short().get(place[-3:]) or lexicon.regions_by_short().get(place[-2:]) \
            or lexicon.regions_by_name().get(place)
        if r is None:
            continue
        key = ("Organization", r.name + "总工会", "")
        found = key if key in ctx.kind else _OTHER
    return found


def _in_frame(text: str, cs: int, m: Mention) -> bool:
    """The concept sits in an adverbial or a predicate noun, not as what the
    clause commits to: 必须在践行“两个统一”中坚守根本原则, 是践行社会主义核心价值观的生动体现,
    坚持以职工为中心是……的价值取向 (a definition, not a commitment)."""
    before = text[cs:m.start]
    after = text[m.end:m.end + 4]
    if after.lstrip("”\"").startswith("是"):  # 坚持以职工为中心是……的价值取向
        return True
    if re.search(r"在[\u4e00-\u9fff]{1,6}$", before) and re.match(r"[”\"]?(?:中|上|过程中)", after):
        return True
    # 是践行……的 frames it; 一是坚持、二是践行 only count the writer's commitments
    head = before.rstrip("“\"")
    return any(head.endswith("是" + v) and not re.search(r"[一二三四五六七八九十]是$", head[:-len(v)])
               for v in verbs()["ADVOCATES"])


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n")


def _list_speaker(ctx: _Context, m: Mention) -> Mention | None:
    """The person for a principle that heads a dash item (——坚持党对工会工作的领导。强调……)
    of a list whose introduction names them last (形成了习近平总书记关于……的重要论述。主要有：):
    the items are what they set out."""
    text = ctx.text
    if text[max(0, m.start - 2):m.start] != "——" or (m.start > 2 and text[m.start - 3] != "\n"):
        return None
    pos = m.start - 2
    for _ in range(40):  # a list of at most this many items
        breaks = [b for b in _PARAGRAPH_BREAK.finditer(text, max(0, pos - 3000), pos)]
        if not breaks:
            return None
        prev_start = breaks[-2].end() if len(breaks) > 1 else max(0, pos - 3000)
        para = text[prev_start:breaks[-1].start()]
        if para.startswith("——"):
            pos = prev_start
            continue
        if not para.rstrip().endswith(("：", ":")):
            return None
        leaders = ctx.between(prev_start, breaks[-1].start(), "Person")
        return leaders[-1] if leaders else None
    return None


def _policy_maker(ctx: _Context, s: int, m: Mention) -> Mention | None:
    """The body whose decisions on the concept the sentence names:
    党中央关于产业工人队伍建设改革的决策部署 (``POLICY`` words)."""
    text = ctx.text
    if text[max(s, m.start - 2):m.start] != "关于" or not text[m.end:m.end + 1] == "的":
        return None
    if not any(text.startswith(w, m.end + 1) for w in verbs()["POLICY"]):
        return None
    bodies = [o for o in ctx.between(s, m.start - 2, "Organization") if o.end == m.start - 2]
    return bodies[-1] if bodies else None


_MODAL = re.compile(r"(?:要|将|始终|一定|必须|都|也|还|坚决|认真|深入|积极|大力|进一步|不断|持续|切实|全面|带头)*")


@lru_cache(maxsize=1)
def _commit_verb_at_start() -> re.Pattern:
    words = sorted(verbs()["ADVOCATES"], key=lambda v: (-len(v), v))
    return re.compile("(?:" + "|".join(re.escape(v) for v in words) + ")")


def _clause_subject(ctx: _Context, s: int, pos: int) -> Mention | None:
    """The body that opens a clause of the sentence before ``pos`` with a
    committing verb (省总党组坚持以身作则，认真落实新时代党的建设总要求): it, not
    the writer, commits to what the sentence goes on to name."""
    text = ctx.text
    for o in reversed(ctx.between(s, pos, "Organization")):
        if text[_clause_start(text, o.start):o.start].strip():
            continue  # not the clause's subject
        rest = text[o.end:o.end + 12]
        rest = rest[_MODAL.match(rest).end():]
        return o if _commit_verb_at_start().match(rest) else None
    return None


def advocates(ctx: _Context, concepts: list[Mention]) -> list[Fact]:
    text, out = ctx.text, []
    concepts_at = {m.start: m for m in concepts}
    for m in concepts:
        s, e = _sentence(text, m.start)
        art = ctx.article(m.start)
        listed = _list_speaker(ctx, m)
        if listed is not None:
            out.append(Fact("ADVOCATES", listed.key, m.key, m.start, m.end, rule="leader-list",
                            article=art.id if art else ""))
            continue
        leader = []
        for p in ctx.between(s, m.start, "Person"):
            gap = text[p.end:m.start]
            said = [gap.find(v) for v in verbs()["SAYS"] if 0 <= gap.find(v) <= 8]
            if said and len(gap) - min(said) <= 60:
                leader.append(p)
        if leader:
            p = leader[-1]
            out.append(Fact("ADVOCATES", p.key, m.key, p.start, m.end, rule="leader-says",
                            article=art.id if art else ""))
            continue
        policy = _policy_maker(ctx, s, m)
        if policy is not None:
            out.append(Fact("ADVOCATES", policy.key, m.key, policy.start, m.end, rule="policy-on",
                            article=art.id if art else ""))
            continue
        if "总书记" in text[s:m.start] or not _committed(ctx, m, concepts_at):
            continue
        cs = _clause_start(text, m.start)
        if _in_frame(text, cs, m):
            continue
        # 围绕加快建设现代化经济体系: serving someone else's aim, not committing to it
        if _has_verb(text[max(cs, m.start - 12):m.start], "JOINS"):
            continue
        subject = _clause_subject(ctx, s, m.start)
        if subject is not None:
            out.append(Fact("ADVOCATES", subject.key, m.key, subject.start, m.end, rule="subject-commits",
                            article=art.id if art else ""))
            continue
        w = ctx.writer(art)
        w = _place_speaker(ctx, s, e, w) or w
        if w is not None and w is not _OTHER:
            out.append(Fact("ADVOCATES", w, m.key, cs, m.end, rule="writer-commits",
                            article=art.id if art else ""))
    return out


def issued(ctx: _Context, docs: list[Mention]) -> list[Fact]:
    text, out = ctx.text, []
    for m in docs:
        art = ctx.article(m.start)
        inner = ctx.between(m.start, m.end, "Organization")
        # the issuers written at the head of the title
        heads = []
        pos = m.start + 1
        for o in inner:
            if re.fullmatch(r"[、和与及]?", text[pos:o.start]):
                heads.append(o)
                pos = o.end
            else:
                break
        keys = [(o.key, o.start) for o in heads]
        if not keys:
            s, e = _sentence(text, m.start)
            keys = [(o.key, o.start) for o in _subjects(ctx, s, m.start, "ISSUED") if o is not None]
            cs = _clause_start(text, m.start)
            # 推动出台, 促进制定: the body pressed for it, someone else issued it
            # (read in the few characters before the clause's last issuing verb:
            # a long clause is not copied and searched for each title in it)
            last = max((_last_verb(text, v, cs, m.start) for v in verbs()["ISSUED"]), default=-1)
            last = cs if last < 0 else last
            pressed = re.search(r"(?:推动|推进|促进|配合|协调|争取|呼吁)[^，。]{0,3}$", text[max(cs, last - 5):last])
            chair = ctx.chair_body(art)
            if not keys and _verb_between(text, cs, m.start, "ISSUED") and not pressed and chair is not None:
                keys = [(chair, cs)]
        out += _facts("ISSUED", keys, m, art)
    return out


def find(norm, res, arts) -> list[Fact]:
    ctx = _Context(norm.text, res, arts)
    of = lambda t: [m for m in ctx.mentions if m.type == t]  # noqa: E731
    progs = of("Programme")
    run, parts = runs(ctx, progs), part_of(ctx, progs)
    facts = run + inherited_runs(run, parts) + parts + advocates(ctx, of("Concept")) \
        + issued(ctx, of("Document")) + participation.find(ctx, of("Event"))
    # one fact per (type, source, target) and span
    seen, uniq = set(), []
    for f in facts:
        k = (f.type, f.source, f.target, f.start, f.end)
        if k not in seen:
            seen.add(k)
            uniq.append(f)
    return uniq
