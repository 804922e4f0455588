"""Clean a raw text for reading while keeping a map back to every raw offset.

What real union texts carry, and what each pass does (in this order):

1. markup remnants: HTML tags and stray ``</div``, entities, markdown ``#``
   headings and ``**``; ``[text](#)`` keeps its text;
2. pinyin glosses after characters, ``工(gōng)会`` → ``工会``; spam pasted
   inside words: a URL, or a bracketed insert holding a spam word
   (``spam_markers.txt``): ``工会【加微信xx】主席`` → ``工会主席``;
3. width: full-width letters and digits become ASCII, ideographic spaces
   plain spaces, half-width ``, ; : ! ? ( )`` beside Chinese become the
   full-width forms, so one pattern matches both;
4. names padded to three characters' width, ``刘 伟`` → ``刘伟``;
5. lines broken by the column layout joined (a page whose lines mostly stop
   mid-sentence), and a long paragraph cut mid-word by a page break joined
   to the next where a word runs across the cut (为主 | 题 → 为主题), not
   where the next paragraph belongs to another piece;
6. paragraphs repeated within the document read once;
7. traditional characters matched through their simplified form
   (``text`` is simplified; ``surface`` keeps what was written).

Every pass keeps ``offsets``: ``offsets[i]`` is the raw index of normalised
character ``i`` (and ``offsets[len(text)]`` the raw end), so any span of the
normalised text maps back with :meth:`NormalisedText.raw_span`. The map is an
``array("i")`` (4 bytes a character, where a list of ints costs 8 bytes a
pointer and 32 an int object); it never decreases, since every pass keeps the
order of what it keeps.

>>> n = normalise("北京市总工会主席 刘 伟\\n</div>")
>>> n.text
'北京市总工会主席 刘伟\\n'
>>> n.raw_span(9, 11)
(9, 12)
"""

from __future__ import annotations

import bisect
import html
import re
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterator

from extract import lexicon
from extract.spans import finditer_near
from extract.tokenise import joins_word

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TERMINAL = "。！？；…”’」』"

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


@dataclass
class NormalisedText:
    text: str
    surface: str
    offsets: array  # array("i") of raw indices, one per character and one for the end
    raw: str
    name_hints: set[int] = field(default_factory=set)
    dropped_paragraphs: int = 0
    traditional: bool = False

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw ``[start, end)`` that normalised ``[start, end)`` came from."""
        if not (0 <= start <= end <= len(self.text)):
            raise IndexError(f"span [{start}, {end}) outside a text of {len(self.text)}")
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


# A replacement is a string (mapped 1:1 when the lengths agree, else to the
# match start), or an int: keep that group of the match with its own offsets.
Replacement = str | int | Callable[[re.Match], str | int]


def _same_length(text: str, offsets: array, pattern: re.Pattern,
                 repl: Callable[[re.Match], str]) -> tuple[str, array]:
    """A pass that swaps characters one for one (widths, CR): the offsets stay."""
    return pattern.sub(repl, text), offsets


def _rewrite(text: str, offsets: array, pattern: re.Pattern | Callable[[str], Iterator[re.Match]],
             repl: Replacement) -> tuple[str, array]:
    """Replace every match of ``pattern`` (or every match a function of the
    text yields, in order and not overlapping) by ``repl``, keeping the map."""
    parts: list[str] = []
    maps: list[array] = []
    pos = 0
    matches = pattern.finditer(text) if isinstance(pattern, re.Pattern) else pattern(text)
    for m in matches:
        s, e = m.span()
        r = repl(m) if callable(repl) else repl
        if isinstance(r, str) and r == m.group(0):
            continue
        parts.append(text[pos:s])
        maps.append(offsets[pos:s])
        if isinstance(r, int):
            gs, ge = m.span(r)
            parts.append(text[gs:ge])
            maps.append(offsets[gs:ge])
        elif len(r) == e - s:
            parts.append(r)
            maps.append(offsets[s:e])
        else:
            parts.append(r)
            maps.append(array("i", (offsets[s],)) * len(r))
        pos = e
    if not parts:
        return text, offsets
    parts.append(text[pos:])
    maps.append(offsets[pos:])
    out = array("i")
    for piece in maps:
        out.extend(piece)
    return "".join(parts), out


_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]{0,300})?>|</[A-Za-z][A-Za-z0-9]*\b|<!--.*?-->|<br\s*/?>", re.S)
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,300}\)")
_MD_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]*")
_MD_EMPH = re.compile(r"\*\*|__")
# the bracket first, then the character before it: sre then skips to brackets
_PINYIN = re.compile(rf"[（(](?<=[{CJK}][（(])[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ \t]{{1,40}}[）)]")
_FULLWIDTH = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0\uff0e\uff20\uff0b\uff0d\uff05\uff06\uff0f]")
# one half-width mark, then what makes it Chinese punctuation: a Chinese
# character (or quote) before or after it, a bracket opening a short Chinese
# aside, a bracket closing a line. The mark comes first so that sre skips
# from one mark to the next.
_HALF_PUNCT = re.compile(rf"[,;:!?()](?:(?<=[{CJK}”“].)|(?=[{CJK}“”])|(?<=[{CJK}]\()(?=[^()\n]{{1,40}}\))"
                         rf"|(?<=\))(?=\n|$))")
_URL = re.compile(rf"(?<=[{CJK}])\s*(?:https?://|www\.)[A-Za-z0-9./?=&%_#:-]+\s*(?=[{CJK}])")


_SPAM_PAD = 24  # characters of an insert around its spam word, on each side


@lru_cache(maxsize=1)
def _spam_words() -> str:
    return "|".join(re.escape(w) for w in lexicon.word_list("spam_markers.txt"))


@lru_cache(maxsize=1)
def _spam_insert() -> re.Pattern:
    pad = rf"[^\n【】\[\]()（）]{{0,{_SPAM_PAD}}}?"
    return re.compile(rf"(?<=[{CJK}])[【\[(（<《]?{pad}(?:{_spam_words()}){pad}[】\])）>》]?(?=[{CJK}])")


@lru_cache(maxsize=1)
def _spam_word() -> re.Pattern:
    return re.compile(_spam_words())


def _spam_inserts(text: str) -> Iterator[re.Match]:
    """The matches of :func:`_spam_insert`, looked for only around the spam
    words (rare: a scan of every position costs more than the rest of the
    normaliser). An insert starts at most a bracket and ``_SPAM_PAD``
    characters before its word and ends a pad and a bracket after it. (The
    words found may overlap others, which then start inside them.)

    >>> [m.group(0) for m in _spam_inserts("工会【加微信xx】主席，关注职工")]
    ['【加微信xx】', '席，关注']
    """
    longest = max(map(len, lexicon.word_list("spam_markers.txt")), default=0)
    hits = (m.span() for m in _spam_word().finditer(text))
    return finditer_near(_spam_insert(), text, hits, before=1 + _SPAM_PAD,
                         reach=1 + _SPAM_PAD + longest + _SPAM_PAD + 1 + 1)


_BLANKS = re.compile(r"[ \t]+(\n)")


def _drop_bracketed_spam(m: re.Match) -> str:
    """Only a bracketed insert (【加微信…】) goes: unbracketed text around a
    marker word may be the sentence itself (关注职工)."""
    g = m.group(0)
    return "" if g[:1] in "【[(（<《" and g[-1:] in "】])）>》" else g


def _fullwidth(m: re.Match) -> str:
    c = m.group(0)
    if c in "\u3000\u00a0":
        return " "
    return chr(ord(c) - 0xFEE0)


def _pad_pattern() -> re.Pattern:
    surnames = "".join(sorted(s for s in lexicon.surnames() if len(s) == 1))
    # only the spaces match, so the two characters keep their own offsets;
    # the space first, then the surname before it: sre then skips to spaces.
    # A roster pads a two-character name to three with one to three spaces
    # (马   璐: a full-width space is a plain one by now)
    return re.compile(rf" (?<=(?<![{CJK}])[{surnames}] ) {{0,2}}(?=[{CJK}])")


@lru_cache(maxsize=1)
def _padded_name() -> re.Pattern:
    return _pad_pattern()


def _is_column_layout(text: str) -> bool:
    """A page set in narrow columns: most lines are short and stop mid-sentence."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 20:
        return False
    short_open = sum(1 for ln in lines if len(ln) <= 30 and ln[-1] not in TERMINAL)
    return short_open / len(lines) > 0.5


def _simplified(find: Callable[[str], Iterator[re.Match]]) -> Callable[[str], Iterator[re.Match]]:
    """``find`` run over the simplified form of the text: the word lists a
    pass reads (surnames, spam words, words across a cut) are simplified, so
    traditional text (劉 偉) is matched as simplified text is (刘 伟). The
    forms have the same length, so the matches' offsets are the text's; a
    pass replacing a match with its own text (a kept match) leaves it.

    >>> [m.span() for m in _simplified(_padded_name().finditer)("主席 劉 偉出席")]
    [(4, 5)]
    """
    return lambda text: find(lexicon.to_simplified(text))


def _join_lines(text: str, offsets: array) -> tuple[str, array]:
    column = _is_column_layout(text)
    if column:
        # 特\n色 -> 特色 ; a page break after a comma: 看到，\n\n面对 -> 看到，面对
        pat = re.compile(rf"(?<=[{CJK}，、：“（])\n(?=[{CJK}“（])|(?<=[，、])\n[ \t]*\n(?=[{CJK}“])")
        text, offsets = _rewrite(text, offsets, pat, "")
    simple = lexicon.to_simplified(text)  # the word lists are simplified (see _simplified)
    # a long paragraph cut mid-sentence by a page break: 为主\n\n题，
    pat = re.compile(rf"(?m)(?<=[{CJK}，、])\n[ \t]*\n(?=[{CJK}])")
    starts = [m for m in pat.finditer(text)]
    keep: set[int] = set()
    for m in starts:
        line_start = text.rfind("\n", 0, m.start()) + 1
        para = text[line_start:m.start()]
        nxt_end = text.find("\n", m.end())
        nxt = text[m.end():nxt_end if nxt_end >= 0 else len(text)]
        if len(para) >= 45 and (len(nxt) >= 30 or "。" in nxt) \
                and joins_word(simple[line_start:m.start()], simple[m.end():m.end() + len(nxt)]):
            keep.add(m.start())
    if keep:
        text, offsets = _rewrite(text, offsets, pat, lambda m: "" if m.start() in keep else m.group(0))
    return text, offsets


_MIN_REPEATED = 20  # a shorter paragraph (a heading, a date) may well recur


def _has_repeated_paragraph(text: str) -> bool:
    """Whether a line of at least ``_MIN_REPEATED`` characters (stripped)
    comes twice: most pages have none, and need no paragraph-by-paragraph pass.

    >>> _has_repeated_paragraph("甲" * 20 + "\\n\\n乙\\n" + "甲" * 20), _has_repeated_paragraph("乙\\n乙")
    (True, False)
    """
    paras = [p for p in map(str.strip, text.split("\n")) if len(p) >= _MIN_REPEATED]
    return len(set(paras)) < len(paras)


def _drop_repeated_paragraphs(text: str, offsets: array) -> tuple[str, array, int]:
    if not _has_repeated_paragraph(text):
        return text, offsets, 0
    seen: set[str] = set()
    dropped = 0

    def repl(m: re.Match) -> str:
        nonlocal dropped
        para = m.group(1).strip()
        if len(para) < _MIN_REPEATED:
            return m.group(0)
        if para in seen:
            dropped += 1
            return ""
        seen.add(para)
        return m.group(0)

    text, offsets = _rewrite(text, offsets, re.compile(r"(?m)^([^\n]+)(?:\n|$)\n*"), repl)
    return text, offsets, dropped


_IDENTITY_KEPT = 1 << 20  # a map of up to a million characters is copied from a kept one (4 MB)
_identity_map = array("i")


def _identity(n: int) -> array:
    """``array("i", range(n))``, copied from a kept map where that is long
    enough: a copy costs far less than a Python int per character.

    >>> _identity(3).tolist(), _identity(2).tolist()
    ([0, 1, 2], [0, 1])
    """
    global _identity_map
    if n > _IDENTITY_KEPT:
        return array("i", range(n))
    kept = _identity_map  # read once: another thread may replace it meanwhile
    if len(kept) < n:
        kept = _identity_map = array("i", range(min(_IDENTITY_KEPT, max(n, 2 * len(kept)))))
    return kept[:n]


def normalise(raw: str) -> NormalisedText:
    """Normalise ``raw`` (already decoded) and keep the offset map."""
    text, offsets = raw, _identity(len(raw))
    text, offsets = _rewrite(text, offsets, re.compile(r"\r(\n)"), 1)
    text, offsets = _same_length(text, offsets, re.compile(r"\r"), lambda m: "\n")
    text, offsets = _rewrite(text, offsets, _MD_LINK, 1)
    text, offsets = _rewrite(text, offsets, _TAG, "")
    text, offsets = _rewrite(text, offsets, _ENTITY, lambda m: html.unescape(m.group(0)))
    text, offsets = _rewrite(text, offsets, _MD_HEADING, "")
    text, offsets = _rewrite(text, offsets, _MD_EMPH, "")
    text, offsets = _rewrite(text, offsets, _PINYIN, "")
    if "http" in text or "www." in text:  # every URL holds one
        text, offsets = _rewrite(text, offsets, _URL, "")
    text, offsets = _rewrite(text, offsets, _simplified(_spam_inserts), _drop_bracketed_spam)
    text, offsets = _same_length(text, offsets, _FULLWIDTH, _fullwidth)
    text, offsets = _same_length(text, offsets, _HALF_PUNCT, lambda m: _HALF_TO_FULL[m.group(0)])
    if " \n" in text or "\t\n" in text:  # every run of trailing blanks ends in one
        text, offsets = _rewrite(text, offsets, _BLANKS, 1)
    hints_raw: set[int] = set()

    def unpad(m: re.Match) -> str:
        hints_raw.add(offsets[m.start() - 1])
        return ""

    text, offsets = _rewrite(text, offsets, _simplified(_padded_name().finditer), unpad)
    text, offsets = _join_lines(text, offsets)
    text, offsets, dropped = _drop_repeated_paragraphs(text, offsets)
    surface = text
    traditional = False
    simplified = lexicon.to_simplified(text)
    if simplified != text:
        changed = sum(1 for a, b in zip(text, simplified) if a != b)
        if changed / max(1, len(text)) > 0.002:
            traditional = True
            text = simplified
    offsets.append(len(raw))
    hints = _positions_of(offsets, hints_raw)
    return NormalisedText(text, surface, offsets, raw, hints, dropped, traditional)


def _positions_of(offsets: array, raw_positions: set[int]) -> set[int]:
    """Every ``i < len(offsets) - 1`` with ``offsets[i]`` in ``raw_positions``
    (``offsets`` never decreases, so by bisection)."""
    out: set[int] = set()
    last = len(offsets) - 1
    for o in raw_positions:
        lo = bisect.bisect_left(offsets, o, 0, last)
        hi = bisect.bisect_right(offsets, o, lo, last)
        out.update(range(lo, hi))
    return out


_SENTENCE = re.compile(rf"[^{TERMINAL}\n]*(?:[{TERMINAL}]+|\n|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: up to and including 。！？；… or a line end, trimmed.

    >>> t = "工会要团结职工。职工要听党话！\\n标题"
    >>> [t[s:e] for s, e in sentences(t)]
    ['工会要团结职工。', '职工要听党话！', '标题']
    """
    spans = []
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans
