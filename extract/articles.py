"""Split a page into articles and learn who wrote each, for which body.

An article starts at:

- a byline, with the headings just above it: a line holding a name and a
  chain of posts in either order (``杨忠林 辽宁省人大常委会副主任、省总工会主席``,
  ``北京市人大常委会副主任、市总工会主席 刘 伟``), or a line holding only a
  name (``马璐``);
- a news credit, ``本报讯（记者 朱欣）``, with its headings;
- a continuation from another page, ``（上接第1版）``;
- the text after an author's note ``（作者系……）``, which closes a piece.

Pieces interleaved on a page are put back together where a paragraph stops
mid-word and another completes the word (``_stitch``): a later paragraph
goes on the cut piece; a signed piece whose opening completes a paragraph
printed further up takes that paragraph and the ones running into it
(a column continued above its heading); a piece whose last paragraph runs
on into the opening under the next byline keeps that text.

A note gives its posts to the author of its article. A note in a piece that
nobody signed on this page gives no person, unless the piece is the cut-off
remainder of a signed piece above it (a column continued elsewhere).

The page's date comes from its masthead (``2018年10月29日``) or from the
corpus's ``metadata.csv``.

>>> from extract.normalise import normalise
>>> from extract.recognisers import find_mentions
>>> body = "工会要团结引导广大职工听党话、跟党走，为实现中国梦而奋斗。"
>>> n = normalise(f"标题一\\n\\n刘伟 北京市总工会主席\\n\\n{body}\\n\\n标题二\\n\\n马璐\\n\\n{body}再次强调。")
>>> [(a.title, [k[1] for k in a.authors]) for a in split(n, "d.txt", find_mentions(n))]
[('标题一', ['刘伟']), ('标题二', ['马璐'])]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from extract.records import Article, Mention

_MASTHEAD_DATE = re.compile(r"(20\d{2}|19\d{2})年(\d{1,2})月(\d{1,2})日")
_NEWS_CREDIT = re.compile(r"本报(?:讯|[^\n]{0,6}电)\s*[（(]")
_CONTINUED = re.compile(r"[（(]\s*上接(?:第?[\d一二三四五六七八九十]+版|[一二三四五六七八九十\d]+版)\s*[）)]")
_NOTE = re.compile(r"[（(]\s*作者(?:系|是|为|现任|现为)[^（）()\n]{2,120}[）)]")
_TERMINAL = "。！？”…；"
# a crossing word rarer than this (jieba's counts) is chance, not a cut word
STITCH_MIN_FREQ = 50
# how many later paragraphs may hold the rest of a cut piece (a page, not a book)
STITCH_WINDOW = 300


@dataclass
class _Start:
    pos: int
    authors: list[Mention]
    byline: tuple[int, int] | None
    kind: str  # byline | name-line | credit | continued | after-note | page | stitched
    source: int | None = None  # for a stitched piece: the start of the piece it continues


def page_date(text: str) -> str:
    """The masthead date in the first lines of a page, ISO formatted."""
    m = _MASTHEAD_DATE.search(text[:600])
    if not m:
        return ""
    y, mo, d = (int(x) for x in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if line.strip():
            out.append((s, e))
    return out


def _heading_start(text: str, lines: list[tuple[int, int]], idx: int, taken: set[int]) -> int:
    """Walk up over at most three heading-like lines above line ``idx``."""
    start = lines[idx][0]
    for k in range(idx - 1, max(-1, idx - 4), -1):
        s, e = lines[k]
        line = text[s:e].strip()
        if s in taken or len(line) > 40 or "。" in line or "，" in line or line.endswith(("：", ":")):
            break
        if _NOTE.search(line) or _CONTINUED.search(line):
            break
        start = s
    return start


def split(norm, doc: str, found, date: str = "") -> list[Article]:
    text = norm.text
    lines = _lines(text)
    people = [m for m in found.mentions if m.type == "Person"]
    starts: list[_Start] = []
    taken: set[int] = set()

    line_starts = [s for s, _ in lines]

    def line_index(pos: int) -> int:
        """The line holding ``pos`` (or the last one before it)."""
        return max(0, bisect.bisect_right(line_starts, pos) - 1)

    # bylines from title chains
    seen_lines: set[int] = set()
    for p in found.posts:
        if p.person is None or p.rule not in ("byline-name-first", "title-before-name"):
            continue
        i = line_index(p.person.start)
        s, e = lines[i]
        line = text[s:e].strip()
        if i in seen_lines or len(line) > 80 or "。" in line or "，" in line:
            continue
        if p.rule == "title-before-name" and text[p.person.end:e].strip():
            continue  # the name must close the line
        seen_lines.add(i)
        taken.add(s)
        starts.append(_Start(_heading_start(text, lines, i, taken), [p.person], (s, e), "byline"))
    for m in people:
        if m.rule == "name-line":
            i = line_index(m.start)
            if i in seen_lines:
                continue
            seen_lines.add(i)
            s, e = lines[i]
            taken.add(s)
            starts.append(_Start(_heading_start(text, lines, i, taken), [m], (s, e), "name-line"))
    for m in _NEWS_CREDIT.finditer(text):
        i = line_index(m.start())
        s, e = lines[i]
        credited = [p for p in people if p.rule == "credit" and s <= p.start < min(e, m.end() + 40)]
        taken.add(s)
        starts.append(_Start(_heading_start(text, lines, i, taken), credited, (m.start(), min(e, m.end() + 30)), "credit"))
    for m in _CONTINUED.finditer(text):
        starts.append(_Start(m.start(), [], None, "continued"))
    notes = list(_NOTE.finditer(text))
    for m in notes:
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if nxt < len(text):
            starts.append(_Start(nxt, [], None, "after-note"))
    # one start per position; a signed start wins over a structural one
    rank = {"byline": 0, "name-line": 1, "credit": 2, "continued": 3, "after-note": 4}
    by_pos: dict[int, _Start] = {}
    for st in sorted(starts, key=lambda st: (st.pos, rank[st.kind])):
        by_pos.setdefault(st.pos, st)
    # an after-note start swallowed by a nearby heading start goes
    ordered = sorted(by_pos.values(), key=lambda st: st.pos)
    merged: list[_Start] = []
    for st in ordered:
        if merged and st.kind != "after-note" and merged[-1].kind == "after-note" \
                and not text[merged[-1].pos:st.pos].strip("\n "):
            merged[-1] = st
            continue
        merged.append(st)
    if not merged or merged[0].pos > 0 and text[:merged[0].pos].strip():
        merged.insert(0, _Start(0, [], None, "page"))
    merged = _stitch(text, lines, merged)
    date = date or page_date(text)
    arts: list[Article] = []
    for k, st in enumerate(merged):
        end = merged[k + 1].pos if k + 1 < len(merged) else len(text)
        title = ""
        first = text[st.pos:end].lstrip().split("\n", 1)[0].strip()
        if st.kind in ("byline", "name-line", "credit") and st.byline and st.pos < st.byline[0]:
            title = " ".join(x.strip() for x in text[st.pos:st.byline[0]].split("\n") if x.strip())[:120]
        elif st.kind in ("page", "continued", "after-note"):
            title = first[:60]
        arts.append(Article(f"{doc}#{k + 1}", doc, st.pos, end, title=title, date=date,
                            authors=[(a.type, a.label, a.qualifier) for a in st.authors],
                            byline=st.byline, kind=st.kind))
    id_at = {a.start: a.id for a in arts}
    for st, a in zip(merged, arts):
        if st.source is not None:
            a.continues = id_at.get(st.source, "")
    _attach_fragments(text, arts, notes)
    return arts


# a numbered heading (四、全心全意依靠工人阶级，重在……) is no paragraph cut off
_HEADING = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|#")


class _Pair(NamedTuple):
    """A candidate stitch, sorted most common crossing word first: the
    paragraph cut mid-word (``cut``, its start) and where it goes on
    (``goes_on``); for a column continued above its heading (``back``: the
    cut line's and the opening line's indexes), the signed ``piece`` takes
    the cut paragraph instead."""

    neg_freq: int
    cut: int
    goes_on: int
    piece: int
    back: tuple[int, int] | None = None


def _stitch(text: str, lines: list[tuple[int, int]], starts: list[_Start]) -> list[_Start]:
    """Pieces interleaved on a page: a paragraph of a signed piece that stops
    mid-word (…在全国总工会和北) goes on at a later paragraph that completes
    the word (京市委的正确领导下…). That paragraph and what follows it, up to
    the next piece, are the same piece. Candidate pairs are taken one to one,
    the most common crossing word first (取|得 before 了|得)."""
    from extract.tokenise import crossing_word, tokenize

    positions = [st.pos for st in starts]
    start_set = set(positions)
    # the opening paragraph of a signed piece is its own, whatever it starts with
    openings = set()
    for st in starts:
        if st.authors and st.byline:
            i = bisect.bisect_right([s for s, _ in lines], st.byline[0])
            if i < len(lines):
                openings.add(lines[i][0])
    opens, heads = [], []
    for s, e in lines:
        line = text[s:e].strip()
        k = max(0, bisect.bisect_right(positions, s) - 1)
        if (len(line) >= 15 and "\u4e00" <= line[-1] <= "\u9fff" and starts[k].authors
                and ("，" in line or len(line) >= 30) and not _HEADING.match(line)):
            opens.append((s, line, k))
        if (s not in start_set and s not in openings and len(line) >= 4 and "\u4e00" <= line[0] <= "\u9fff"
                and line[0] not in "一二三四五六七八九十" and ("。" in line or len(line) >= 20)
                and len(next(iter(tokenize(line[:8])))[0]) == 1):
            heads.append((s, line))
    pairs = []
    head_starts = [qs for qs, _ in heads]
    for ps, pline, k in opens:
        # a piece goes on within the page: look at most STITCH_WINDOW paragraphs ahead
        i = bisect.bisect_right(head_starts, ps)
        for qs, qline in heads[i:i + STITCH_WINDOW]:
            if qs > ps:
                word, freq = crossing_word(pline, qline)
                if freq >= STITCH_MIN_FREQ:
                    pairs.append(_Pair(-freq, ps, qs, k))
    back = _back_pairs(text, lines, starts, openings)
    used_p: set[int] = set()
    used_q: set[int] = set()
    used_k: set[int] = set()
    added: list[_Start] = []
    accepted_back: list[tuple[int, int, int, int]] = []
    for pair in sorted(pairs + back):
        ps, k = pair.cut, pair.piece
        if ps in used_p or (k in used_k if pair.back else pair.goes_on in used_q):
            continue
        used_p.add(ps)
        if pair.back:
            used_k.add(k)
            accepted_back.append((ps, k, *pair.back))
        else:
            used_q.add(pair.goes_on)
            added.append(_Start(pair.goes_on, list(starts[k].authors), None, "stitched",
                                source=starts[k].pos))
    out = sorted(starts + added, key=lambda st: st.pos)
    return _stitch_back(text, lines, out, starts, accepted_back, openings)


def _back_pairs(text: str, lines: list[tuple[int, int]], starts: list[_Start],
                openings: set[int]) -> list[_Pair]:
    """Candidates for a column continued *above* its heading: a signed
    piece's opening paragraph that starts mid-word (治方向。二是……) and an
    earlier prose paragraph that stops mid-word (……始终保持工会工作正确政):
    one :class:`_Pair` each, with ``back`` = (cut line index, opening line
    index)."""
    from extract.tokenise import crossing_word, tokenize

    line_starts = [s for s, _ in lines]
    out = []
    for k, st in enumerate(starts):
        if not (st.authors and st.byline and st.kind in ("byline", "name-line")):
            continue
        i = bisect.bisect_right(line_starts, st.byline[0])
        if i >= len(lines):
            continue
        opening = text[lines[i][0]:lines[i][1]].strip()
        if not opening or not "\u4e00" <= opening[0] <= "\u9fff" or len(next(iter(tokenize(opening[:8])))[0]) != 1:
            continue
        for j in range(max(0, i - 1 - STITCH_WINDOW), i - 1):
            ps, pe = lines[j]
            pline = text[ps:pe].strip()
            if (len(pline) < 15 or not "\u4e00" <= pline[-1] <= "\u9fff"
                    or _HEADING.match(pline)
                    or ("。" not in pline and len(pline) < 40)):
                continue  # a heading, not a paragraph cut off
            word, freq = crossing_word(pline, opening)
            if freq >= STITCH_MIN_FREQ:
                out.append(_Pair(-freq, ps, 0, k, (j, i)))
    return out


def _stitch_back(text: str, lines: list[tuple[int, int]], starts: list[_Start], signed: list[_Start],
                 accepted: list[tuple[int, int, int, int]], openings: set[int]) -> list[_Start]:
    """A column continued *above* its heading (see ``_back_pairs``): the cut
    paragraph, and the paragraphs just above it that run on into it (back to
    a paragraph that itself stops mid-sentence, a heading, or the first
    paragraph of another piece), are the signed piece's; what follows them
    stays with the piece it was in.

    When the cut paragraph is the last one of the piece right above the
    heading, it is the other way round: that piece runs on under the next
    heading (……与经济社会发展程 | 度赛跑、……), and the text under the byline,
    up to the next piece, is the upper piece's."""
    positions = [st.pos for st in starts]
    start_set = set(positions)
    runs: dict[int, _Start] = {}
    ends: list[tuple[int, int]] = []  # (line after a run, index of the piece holding its cut paragraph)
    claimed: list[tuple[int, int]] = []
    for ps, k, j, i in accepted:
        owner = starts[max(0, bisect.bisect_right(positions, ps) - 1)]
        if owner.authors and lines[j + 1][0] == signed[k].pos:
            runs[lines[i][0]] = _Start(lines[i][0], list(owner.authors), None, "stitched",
                                       source=owner.source if owner.source is not None else owner.pos)
            continue
        first = j
        byline = text[signed[k].byline[0]:signed[k].byline[1]]
        while first > 0 and lines[first][0] not in start_set and lines[first][0] not in openings \
                and not _other_place_speaks(text[lines[first][0]:lines[first][1]], byline):
            prev = text[lines[first - 1][0]:lines[first - 1][1]].strip()
            if not prev or prev[-1] not in _TERMINAL:
                break
            first -= 1
        if _other_place_speaks(text[lines[first][0]:lines[first][1]], byline):
            first += 1
        if lines[first][0] in start_set or lines[first][0] in openings:
            first += 1  # another piece's first paragraph is its own
        if first > j or any(first <= b and a <= j for a, b in claimed):
            continue
        claimed.append((first, j))
        src = signed[k]
        runs[lines[first][0]] = _Start(lines[first][0], list(src.authors), None, "stitched", source=src.pos)
        if j + 1 < len(lines):
            ends.append((lines[j + 1][0], max(0, bisect.bisect_right(positions, ps) - 1)))
    added = list(runs.values())
    # what follows a run goes back to the piece it was in
    for pos, k in ends:
        if pos in start_set or pos in runs:
            continue
        owner = starts[k]
        if owner.authors:
            added.append(_Start(pos, list(owner.authors), None, "stitched",
                                source=owner.source if owner.source is not None else owner.pos))
        else:
            added.append(_Start(pos, [], None, "page"))
    return sorted([st for st in starts if st.pos not in runs] + added, key=lambda st: st.pos)


_PLACE_UNION = re.compile(r"([\u4e00-\u9fff]{2,3})(?:各级)?工会")


def _other_place_speaks(paragraph: str, byline: str) -> bool:
    """The paragraph names another place's unions (浙江工会将……) than the
    byline's (天津市人大常委会副主任、市总工会主席): it is that place's piece."""
    from extract import lexicon

    for m in _PLACE_UNION.finditer(paragraph):
        for w in (m.group(1), m.group(1)[-2:]):
            r = lexicon.regions_by_short().get(w)
            if r is not None:
                if r.short not in byline:
                    return True
                break
    return False


def _attach_fragments(text: str, arts: list[Article], notes: list[re.Match]) -> None:
    """A piece after a note, signed by nobody and closed by a note of its
    own, is the remainder of the nearest signed piece above that was cut off
    mid-sentence and has no note: it takes that piece's authors."""
    has_note = {a.id: any(a.start <= m.start() < a.end for m in notes) for a in arts}
    continued: set[str] = set()
    for k, a in enumerate(arts):
        if a.kind != "after-note" or a.authors or not has_note[a.id]:
            continue
        for b in reversed(arts[:k]):
            if not b.authors or has_note[b.id] or b.id in continued:
                continue
            body = text[b.start:b.end].rstrip()
            if body and body[-1] not in _TERMINAL:
                a.authors, a.continues = list(b.authors), b.id
                continued.add(b.id)
            break
