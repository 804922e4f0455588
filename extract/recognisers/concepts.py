"""Concepts: policy concepts, doctrines, spirits, roads, reforms, labour
institutions and numbered formulas.

- Standard national formulas (``concepts.tsv``) wherever they stand, each
  standard form resolving to one label: 三性, 增“三性”, 增强政治性、先进性、群众性
  are one concept; 政治意识、大局意识、核心意识、看齐意识 is 四个意识.
- A quoted text that no programme claimed is a concept when it is
  a numbered formula (“两个统一”, “一岗双责”, “一个引领、两个保证……”),
  a list of short parallel items (“劳动光荣、创造伟大”, “创新型、服务型、实力型”),
  ends in a concept head (``concept_heads.txt``: “枫桥经验”, “八八战略”), or is
  followed by a word that frames it as adopted (``concept_frames.txt``:
  “……”的新要求, “……”的工作思路). Anything else quoted (a speech, an ordinary
  word in quotes) is no concept.
- 习近平(总书记)关于……的重要论述 by pattern (``concept_patterns.tsv``).
- A concept found once on a page is found again where the page repeats it
  without quotes.

>>> from extract.normalise import normalise
>>> sorted({m.label for m in find(normalise("增强“四个意识”，推动工会增“三性”、去“四化”，坚持“两个统一”。"), [])})
['两个统一', '四个意识', '四化', '增强政治性、先进性、群众性']
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import lexicon
from extract.records import Mention
from extract.spans import SpanSet
from extract.recognisers.programmes import NUMERAL, QUOTE, clean
from extract.recognisers.base import Found, Scan, register

_NUMBERED = re.compile(rf"^[{NUMERAL}]+(?:[个项大种条支]|[^{NUMERAL}]{{0,2}}[{NUMERAL}])")
_SPEECH = re.compile(r"[是了吗呢吧！？。]|^[我你他她它]")


@lru_cache(maxsize=1)
def _lexicon_regex() -> re.Pattern:
    """Any standard form, the longest where several start at one place."""
    return re.compile(lexicon.longest_word_pattern(lexicon.concept_forms()))


def _mention(label: str, surface: str, start: int, rule: str, aliases=()) -> Mention:
    label = clean(label)
    als = tuple(dict.fromkeys(a for a in (clean(x) for x in aliases) if a and a != label))
    return Mention("Concept", label, surface, start, start + len(surface), rule=rule, aliases=als)


def classify_quoted(content: str, after: str) -> str:
    """Why a quoted text (not a programme) is a concept, or "" if it is not.

    >>> classify_quoted("两个统一", "中坚守")
    'numbered'
    >>> classify_quoted("我是谁", "")
    ''
    """
    if content in lexicon.concept_forms():
        return "lexicon"
    if _NUMBERED.match(content) and len(content) <= 40 and re.search(f"[^{NUMERAL}]", content) \
            and not (len(content) == 2 and content[1] in NUMERAL):
        return "numbered"
    if content.endswith(lexicon.words("concept_heads.txt")) and len(content) <= 16 \
            and not _SPEECH.search(content):
        return "head"
    items = [x for x in content.split("、") if x]
    if len(items) >= 2 and all(len(x) <= 8 for x in items) and not _SPEECH.search(content):
        return "list"
    if after.startswith(lexicon.words("concept_frames.txt")) and not _SPEECH.search(content):
        return "frame"
    return ""


def find(norm, found: list[Mention]) -> list[Mention]:
    text = norm.text
    claimed = SpanSet.of((m.start, m.end) for m in found if m.type in ("Programme", "Document"))

    def free(s: int, e: int) -> bool:
        return not claimed.overlaps(s, e)

    out: list[Mention] = []
    forms = lexicon.concept_forms()
    for m in _lexicon_regex().finditer(text):
        if free(m.start(), m.end()):
            label = forms[m.group(0)]
            out.append(_mention(label, m.group(0), m.start(), "lexicon", aliases=(m.group(0),)))
    taken = SpanSet.of((m.start, m.end) for m in out)
    for pattern, label in lexicon.patterns("concept_patterns.tsv"):
        for m in re.finditer(pattern, text):
            if free(m.start(), m.end()) and not taken.covers(m.start(), m.end()):
                lab = m.expand(label) if label else m.group(0)
                out.append(_mention(lab, m.group(0), m.start(), "pattern", aliases=(m.group(0),)))
    quoted_labels: dict[str, Mention] = {}
    for q in QUOTE.finditer(text):
        if not free(q.start(), q.end()):
            continue
        content = clean(q.group(1))
        if not content or taken.covers(q.start(1), q.end(1)):
            continue
        why = classify_quoted(content, text[q.end():q.end() + 8])
        if not why or why == "lexicon":
            continue
        # “一个引领”即……: an item of a formula quoted before is that formula
        whole = next((w for w in quoted_labels if "、" in w and content in w.split("、")), None)
        m = _mention(whole or content, q.group(0), q.start(), "quoted-" + why, aliases=(content,))
        out.append(m)
        quoted_labels.setdefault(content, m)
    # the same formula again without quotes
    forms2 = [f for f in quoted_labels if len(f) >= 3]
    if forms2:
        taken = SpanSet.of((m.start, m.end) for m in out)
        rx = re.compile("|".join(re.escape(f) for f in sorted(forms2, key=lambda f: (-len(f), f))))
        for m in rx.finditer(text):
            if free(m.start(), m.end()) and not taken.overlaps(m.start(), m.end()):
                out.append(_mention(m.group(0), m.group(0), m.start(), "recurrence"))
    return sorted(out, key=lambda m: (m.start, -m.end, m.label))


@register
class ConceptsRecogniser:
    """Concept mentions (:func:`find`)."""

    name = "concepts"
    order = 80

    def find(self, scan: Scan) -> Found:
        return Found(find(scan.norm, scan.found.mentions))
