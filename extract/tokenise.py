"""A private jieba tokenizer loaded with the project's own dictionary.

The module-level ``jieba`` functions share one process-wide dictionary; we
make our own :class:`jieba.Tokenizer` and add the words our data files know
(regions, titles, body words), so that tests and users' programmes do not
change each other's segmentation.

>>> [w for w, _, _ in tokenize("浙江省人大常委会副主任")]
['浙江省', '人大常委会', '副主任']
"""

from __future__ import annotations

import logging
import sys
from functools import lru_cache

import jieba

from extract import lexicon

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    tk = jieba.Tokenizer()
    tk.initialize()
    for r in lexicon.regions():
        tk.add_word(r.name, 2000, "ns")
    for t in lexicon.titles():
        tk.add_word(t, 2000, "n")
    for b in lexicon.org_bodies():
        if len(b.body) >= 2:
            tk.add_word(b.body, 2000, "n")
    for w in lexicon.word_list("domain_words.txt"):
        tk.add_word(w, 5000)
    for w in lexicon.word_list("name_stopwords.txt"):
        if tk.FREQ.get(w) is None:
            tk.add_word(w, 100, "n")
    return tk


@lru_cache(maxsize=1)
def _pos() -> "jieba.posseg.POSTokenizer":
    """A part-of-speech tagger over :func:`tokenizer`.

    ``jieba.posseg`` is imported here, not with this module: importing it
    loads its models and tags jieba's whole dictionary (a fifth of a second
    that segmenting alone does not need). A tagger reads the same table from
    the dictionary file; when the import just did that for jieba's default
    tagger, from the same file and not yet changed by anyone, a copy of its
    table spares reading the file twice.
    """
    fresh = "jieba.posseg" not in sys.modules
    import jieba.posseg

    tk = tokenizer()
    default = jieba.posseg.dt
    if not (fresh and tk.dictionary == default.tokenizer.dictionary):
        return jieba.posseg.POSTokenizer(tk)
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tk
    pos.word_tag_tab = dict(default.word_tag_tab)  # ours gets our words' tags added
    return pos


def tokenize(text: str):
    """``(word, start, end)`` triples covering ``text``."""
    return tokenizer().tokenize(text)


def posseg(text: str) -> list[tuple[str, str]]:
    """``(word, part of speech)`` pairs."""
    return [(p.word, p.flag) for p in _pos().cut(text)]


def word_tag(word: str) -> str:
    """jieba's part of speech of a dictionary word, ``""`` when it has none.

    >>> word_tag("毛泽东")
    'nr'
    """
    return _pos().word_tag_tab.get(word, "")


def crossing_word(left: str, right: str) -> tuple[str, int]:
    """The most frequent dictionary word running across the end of ``left``
    into the start of ``right``, and its frequency (``("", 0)`` for none).

    >>> crossing_word("在全国总工会和北", "京市委的正确领导")[0]
    '北京'
    """
    freq = tokenizer().FREQ
    best = ("", 0)
    for k in (1, 2):
        for j in (1, 2):
            w = left[-k:] + right[:j]
            f = freq.get(w) or 0
            if len(w) == k + j and f > best[1]:
                best = (w, f)
    return best


def joins_word(left: str, right: str) -> bool:
    """Whether a dictionary word runs across the end of ``left`` into the
    start of ``right``: a line or column cut mid-word (为主|题, 中国工|运).

    >>> joins_word("以“中国梦·劳动美”为主", "题，深入开展"), joins_word("得到了", "各级党委")
    (True, False)
    """
    return crossing_word(left, right)[1] > 0
