"""Reading a Chinese personal name at a known place in the text.

A name is a surname from ``surnames.txt`` (compound ones first) and one or
two characters more. Where the text runs straight on after the name
(主席刘伟表示), its length is told by what may follow a name
(``name_boundaries.txt``); a name that was padded with a space in the source
(刘 伟) is two characters. Words shaped like names (弘扬, 光荣) are refused
(``name_stopwords.txt``).

>>> from extract.normalise import normalise
>>> n = normalise("主席刘伟表示，记者朱欣在")
>>> name_at(n, 2), name_at(n, 9)
(('刘伟', 2, 4), ('朱欣', 9, 11))
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import lexicon

_NOT_IN_NAME = set("的了着们这那该我你他她它、，。；：！？“”‘’（）《》〈〉【】 \t\n0123456789第年月日个")


def is_cjk(c: str) -> bool:
    """Whether ``c`` is a Chinese character (the basic block or extension A)."""
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"



@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words shaped like names that are not (弘扬, 光荣)."""
    return frozenset(lexicon.word_list("name_stopwords.txt"))



@lru_cache(maxsize=1)
def _boundaries() -> tuple[str, ...]:
    return lexicon.word_list("name_boundaries.txt")


def surname_len(text: str, i: int) -> int:
    """1 or 2 for a surname starting at ``i``, 0 for none."""
    s = lexicon.surnames()
    if text[i:i + 2] in s:
        return 2
    if text[i:i + 1] in s:
        return 1
    return 0


def valid_name(name: str) -> bool:
    if not (2 <= len(name) <= 4) or name in stopwords():
        return False
    if not all(is_cjk(c) and c not in _NOT_IN_NAME for c in name):
        return False
    k = surname_len(name, 0)
    return k > 0 and 1 <= len(name) - k <= 2


def is_boundary(text: str, i: int) -> bool:
    """Whether a name may end just before ``i``."""
    if i >= len(text) or not is_cjk(text[i]):
        return True
    return text.startswith(_boundaries(), i)


NAME_DOTS = "·•‧・"  # the dot between the parts of a transliterated name (阿不都热依木·买买提)
_DOTS_RX = re.compile(f"[{NAME_DOTS}]")
_PART_MAX = 8  # characters of one part of such a name


def transliterated_end(text: str, start: int, end: int) -> int:
    """Where a name at ``[start, end)`` ends that goes on after a middle dot
    (a Uyghur, Tibetan or foreign name: 买买提·艾力, 司马义·艾买提), each
    further part two characters or more, cut before a boundary word
    (出席, 等) or a stop; ``end`` where no dot follows.

    >>> t = "主席阿不都热依木·买买提出席"
    >>> t[2:transliterated_end(t, 2, 8)]
    '阿不都热依木·买买提'
    """
    e = end
    while e < len(text) and text[e] in NAME_DOTS:
        k = j = e + 1
        while j < len(text) and j - k < _PART_MAX and is_cjk(text[j]) and not (j - k >= 2 and is_boundary(text, j)):
            j += 1
        if j - k < 2:
            break
        e = j
    return e


def transliterated(name: str) -> bool:
    """Whether ``name`` is written as a transliterated name: parts of two
    characters or more joined by middle dots.

    >>> transliterated("买买提·艾力"), transliterated("张·三"), transliterated("张三")
    (True, False, False)
    """
    parts = _DOTS_RX.split(name)
    return len(parts) > 1 and all(len(p) >= 2 and all(is_cjk(c) for c in p) for p in parts)


def tagged_person_ends(tags, text: str) -> dict[int, int]:
    """Where each of the tagger's PER words starts, and where it ends: a
    transliterated name the tagger cut at its dot runs on over it
    (:func:`transliterated_end`), its later parts no names of their own.

    >>> from extract.tagger import Tagged
    >>> t = "工人买买提·艾力出席"
    >>> tagged_person_ends([Tagged(2, 5, "PER", "买买提"), Tagged(6, 8, "PER", "艾力")], t)
    {2: 8}
    """
    out: dict[int, int] = {}
    reach = -1
    for t in tags:
        if t.tag == "PER" and t.start >= reach:
            out[t.start] = reach = transliterated_end(text, t.start, t.end)
    return out


_ONE_CHAR_BOUNDARIES = set("在和与及等说是为对到向从的也就又还都则曾已将同")


def _word_follows(text: str, i: int) -> bool:
    from extract.tokenise import tokenizer

    freq = tokenizer().FREQ
    return any(freq.get(text[i:i + n]) for n in (4, 3, 2) if i + n <= len(text))


_LEAD_SPACES = 3


def name_at(norm, i: int, require_boundary: bool = True) -> tuple[str, int, int] | None:
    """The name starting at ``i`` (after at most :data:`_LEAD_SPACES` spaces:
    a roster's columns, 副主席  刘建国), or None."""
    text = norm.text
    k = 0
    while k < _LEAD_SPACES and i < len(text) and text[i] == " ":
        i, k = i + 1, k + 1
    if i >= len(text) or not is_cjk(text[i]):
        return None
    k = surname_len(text, i)
    if not k:
        return None
    if i in norm.name_hints:
        lengths = [2]
    else:
        lengths = [k + 2, k + 1] if k == 1 else [4, 3]
    if i in norm.name_hints:
        cand = text[i:i + 2]
        return (cand, i, i + 2) if valid_name(cand) else None
    cands = [(text[i:i + n], n) for n in lengths if len(text[i:i + n]) == n and valid_name(text[i:i + n])]
    if len(cands) == 2 and cands[0][0][-1] in _ONE_CHAR_BOUNDARIES:
        cands.reverse()  # 朱欣在…: a name rarely ends in 在, 和, 等
    for cand, n in cands:
        if is_boundary(text, i + n):
            e = transliterated_end(text, i, i + n)
            if e > i + n and transliterated(text[i:e]):
                return text[i:e], i, e  # 司马义·艾买提: the name goes on after its dot
            return cand, i, i + n
    # the text runs on: the length after which a dictionary word begins (云公民涉嫌)
    for cand, n in cands:
        if _word_follows(text, i + n):
            return cand, i, i + n
    if cands and not require_boundary:
        cand, n = cands[0]
        return cand, i, i + n
    return None


def name_ending_at(norm, end: int) -> tuple[str, int, int] | None:
    """The name that ends at ``end`` and starts after a non-name character
    (the start of a line, a space, punctuation): ``杨忠林 辽宁省…``."""
    text = norm.text
    for n in (3, 2, 4):
        s = end - n
        if s < 0:
            continue
        if s > 0 and is_cjk(text[s - 1]):
            continue
        cand = text[s:end]
        if valid_name(cand):
            return cand, s, end
    return None


# a dictionary word this frequent running into a name from the left (文|章来源,
# 有|关负责, 全|国政协, 主人|翁) says the "name" is the end of that word
_CROSSING_FREQ = 500


def plausible_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, already a valid name, can be one where it
    stands: no frequent dictionary word runs into it from the left.

    >>> plausible_at("文章来源：", 1, 4), plausible_at("记者章来源", 2, 5)
    (False, True)
    """
    from extract.tokenise import crossing_word

    if start == 0:
        return True
    return crossing_word(text[max(0, start - 2):start], text[start:end])[1] < _CROSSING_FREQ
