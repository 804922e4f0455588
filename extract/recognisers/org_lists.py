"""Bodies listed under one head: the places before a 、 that share the body
written after the last (石家庄、沧州总工会: :func:`_shared_heads`), and the
divisions listed by their stems before 等 or their number and a level word
with a body (合江、叙永等县总工会: :func:`_listed_heads`); each is a body
of its own.

>>> from extract.recognisers.org_regional import _regional
>>> [(m.label, m.surface) for m in _shared_heads("石家庄、沧州总工会", [_regional("石家庄、沧州总工会", 4)])]
[('石家庄市总工会', '石家庄')]
"""

from __future__ import annotations

import re

from extract import lexicon
from extract.recognisers.org_common import LEVEL_WORDS, _is_cjk, _org
from extract.recognisers.org_regional import _body_at, _union_level
from extract.recognisers.regions import match_region_at
from extract.records import Mention
from extract.spans import SpanSet


def _region_ending_at(text: str, end: int) -> tuple[lexicon.Region, int] | None:
    """The longest region name ending at ``end``, and where it starts."""
    for n in range(6, 1, -1):
        if end - n >= 0:
            hit = match_region_at(text, end - n, allow_city_short=True)
            if hit is not None and len(hit[1]) == n:
                return hit[0], end - n
    return None


_COUNTY_WORDS = ("县", "区", "市", "旗")  # the level word of a division with a one-character stem (高县)


def _sibling_ending_at(text: str, end: int, head: lexicon.Region | None) -> tuple[lexicon.Region, int] | None:
    """The division beside ``head`` (same parent, same level word) whose stem
    ends at ``end``, and where the stem starts: 叙永 before 古蔺县.

    >>> r = lexicon.regions_by_name()["古蔺县"]
    >>> _sibling_ending_at("叙永、古蔺县", 2, r)[0].name
    '叙永县'
    """
    suffix = head and (head.suffix or next((w for w in _COUNTY_WORDS if head.name.endswith(w)), ""))
    if not suffix:
        return None
    names = lexicon.regions_by_name()
    for n in (4, 3, 2):
        stem = text[max(0, end - n):end]
        if len(stem) == n and all(_is_cjk(c) for c in stem):
            r = names.get(stem + suffix)
            if r is not None and r.parent == head.parent and r.code != head.code:
                return r, end - n
    return None


_STEM_MAX = 4
# what closes a list of stems before their level word: 等, or their number (三县)
_LISTED_END = re.compile(r"等|([两二三四五六七八九])(?=[县市区旗])")
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _listed_heads(text: str, taken: SpanSet) -> list[Mention]:
    """The bodies of divisions listed by their stems before 等, or before
    their number, and a level word with a body (合江、叙永、古蔺等县总工会 and
    合江、叙永、古蔺三县总工会: 合江县总工会, 叙永县总工会, 古蔺县总工会), where two
    or more stems name divisions of that level under one parent (as many as
    the number says).

    >>> [(m.label, m.surface) for m in _listed_heads("合江、叙永、古蔺等县总工会参加", SpanSet())]
    [('合江县总工会', '合江'), ('叙永县总工会', '叙永'), ('古蔺县总工会', '古蔺')]
    >>> [m.label for m in _listed_heads("合江、叙永两县总工会", SpanSet())]
    ['合江县总工会', '叙永县总工会']
    >>> _listed_heads("合江、叙永三县总工会", SpanSet())
    []
    """
    names = lexicon.regions_by_name()
    out: list[Mention] = []
    for closing in _LISTED_END.finditer(text):
        k = closing.start()
        count = _COUNTS.get(closing.group(1) or "")
        lw = next((w for w in LEVEL_WORDS if text.startswith(w, k + 1)), None)
        body = _body_at(text, k + 1 + len(lw)) if lw else None
        if body is None or body.bare:
            continue
        found: list[tuple[lexicon.Region, int, int]] = []
        end = k
        while True:
            hit = next(((names[text[end - n:end] + lw], end - n) for n in range(_STEM_MAX, 1, -1)
                        if end - n >= 0 and text[end - n:end] + lw in names), None)
            if hit is None or taken.overlaps(hit[1], end):
                break
            found.append((hit[0], hit[1], end))
            if hit[1] == 0 or text[hit[1] - 1] != "、":
                break
            end = hit[1] - 1
        if len(found) < 2 or len({r.parent for r, _, _ in found}) != 1 or (count and count != len(found)):
            continue
        for r, s, e in reversed(found):
            level = _union_level(r.level, r.name) if body.kind == "union" else ""
            out.append(_org(r.name + body.canonical, text[s:e], s, "shared-head", body.kind, level, (r.code,),
                            body=body.canonical))
            taken.add(s, e)
    return out


def _shared_heads(text: str, found: list[Mention]) -> list[Mention]:
    """Bodies sharing the head of the last one: in 石家庄、沧州、辛集总工会
    each place before a 、 is a body of its own (石家庄市总工会; the written
    fragment is its surface); a county's stem counts there (合江、叙永、古蔺县
    总工会: 合江县, 叙永县) when it names a county beside the head's."""
    out = []
    by_code = lexicon.regions_by_code()
    for m in found:
        o = m.org
        if m.rule != "regional" or o is None or len(o.regions) != 1 or o.level_word:
            continue
        p = m.start
        head = by_code.get(o.regions[0])
        while p > 0 and text[p - 1] == "、":
            hit = _region_ending_at(text, p - 1) or _sibling_ending_at(text, p - 1, head)
            if hit is None:
                break
            r, start = hit
            level = _union_level(r.level, r.name) if o.kind == "union" else ""
            out.append(_org(r.name + o.body, text[start:p - 1], start, "shared-head", o.kind,
                            level, (r.code,), body=o.body))
            p = start
    return out
