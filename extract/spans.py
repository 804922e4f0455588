"""Small span utilities: a set of non-overlapping spans with fast look-up,
and "what lies before this position in the same sentence".

>>> taken = SpanSet()
>>> taken.add(3, 6)
>>> taken.overlaps(5, 9), taken.overlaps(6, 9)
(True, False)
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable, Iterator, Sequence


@lru_cache(maxsize=8)
def _stop_pattern(stops: str) -> re.Pattern:
    return re.compile("[" + re.escape(stops) + "]")


class SpanSet:
    """Half-open spans that do not overlap each other.

    >>> s = SpanSet(); s.add(0, 10)
    >>> s.covers(2, 5), s.covers(8, 12)
    (True, False)
    """

    @classmethod
    def of(cls, spans) -> "SpanSet":
        """A set from spans that may overlap: each kept span is merged into its
        neighbours, so ``overlaps`` stays exact (``covers`` then means "inside
        the union")."""
        out = cls()
        for s, e in sorted(spans):
            if out._starts and s < out._ends[-1]:
                out._ends[-1] = max(out._ends[-1], e)
            else:
                out._starts.append(s)
                out._ends.append(e)
        return out

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        if i > 0 and self._ends[i - 1] > start:
            return True
        return i < len(self._starts) and self._starts[i] < end

    def covers(self, start: int, end: int) -> bool:
        """Whether one span of the set holds all of ``[start, end)``."""
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._ends[i - 1] >= end

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


class SentenceIndex:
    """Sentence boundaries of a text, for "the same sentence" tests."""

    def __init__(self, text: str, stops: str = "。！？；\n") -> None:
        # one regex scan in C rather than a Python test per character
        self._bounds = [m.end() for m in _stop_pattern(stops).finditer(text)]

    def start_of(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts (``pos`` itself at a
        sentence's first character).

        >>> idx = SentenceIndex("甲。乙丙。")
        >>> idx.start_of(0), idx.start_of(1), idx.start_of(2), idx.start_of(3)
        (0, 0, 2, 2)
        """
        i = bisect.bisect_right(self._bounds, pos)
        return self._bounds[i - 1] if i > 0 else 0


def last_before(starts: Sequence[int], lo: int, hi: int) -> int:
    """Index of the last item with ``lo <= starts[i]`` and ``starts[i] < hi``, or -1."""
    i = bisect.bisect_left(starts, hi) - 1
    return i if i >= 0 and starts[i] >= lo else -1


def finditer_near(pattern: re.Pattern, text: str, anchors: Iterable[tuple[int, int]], before: int,
                  reach: int) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, searching only near ``anchors``: the spans,
    in order and not overlapping, of the matches of a pattern such that every
    match of ``pattern`` starts inside one of them or at most ``before``
    characters before it, is not empty, and reads (its lookahead included) at
    most ``reach`` characters from its start. A rare anchor (a spam word)
    then spares a scan of every position of a long text.

    >>> rx = re.compile(r"[a-z]{0,3}!")
    >>> text = "abc! x yz! q"
    >>> bangs = [m.span() for m in re.finditer("!", text)]
    >>> [m.group(0) for m in finditer_near(rx, text, bangs, 3, 4)]
    ['abc!', 'yz!']
    >>> [m.group(0) for m in finditer_near(rx, text, [], 3, 4)]
    []
    """
    pos = 0
    n = len(text)
    for lo, hi in _windows(anchors, before):
        pos = max(pos, lo)
        while pos <= hi and (m := pattern.search(text, pos, min(n, hi + reach))) is not None \
                and m.start() <= hi:
            # a match starting at or before hi read all it needs below hi + reach
            yield m
            pos = m.end()


def _windows(spans: Iterable[tuple[int, int]], before: int) -> Iterator[tuple[int, int]]:
    """Where a match may start near each span: ``[start - before, end - 1]``,
    overlapping ones merged.

    >>> list(_windows([(5, 6), (7, 9), (20, 21)], 3))
    [(2, 8), (17, 20)]
    """
    lo = hi = None
    for start, end in spans:
        if hi is not None and start - before <= hi + 1:
            hi = max(hi, end - 1)
            continue
        if hi is not None:
            yield lo, hi
        lo, hi = max(0, start - before), end - 1
    if hi is not None:
        yield lo, hi
