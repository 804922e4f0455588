"""Documents: laws, regulations, plans, books and reports named in 《》, and
the standard laws a text names without them (``documents.tsv``).

The label is the title without 《》 and inner quotes; a short title that ends
a longer one on the same page (《实施意见》 after 《辽宁省总工会关于……的实施意见》,
《论述摘编》) is that document. A document named after its issuer keeps the
issuer in the attribute ``issuers`` (the text's own start of the title:
辽宁省总工会关于…… → 辽宁省总工会), read later by :mod:`extract.activities`.

>>> from extract.normalise import normalise
>>> [(m.label, m.surface) for m in find(normalise("印发《陕西省“三秦工匠计划”实施办法》和《实施办法》。"))]
[('陕西省三秦工匠计划实施办法', '《陕西省“三秦工匠计划”实施办法》'), ('陕西省三秦工匠计划实施办法', '《实施办法》')]
"""

from __future__ import annotations

import re

from extract import lexicon
from extract.records import Mention
from extract.recognisers.programmes import clean
from extract.recognisers.base import Found, Scan, register
from extract.spans import SpanSet

_TITLE = re.compile(r"《([^《》\n]{2,80})》")


def find(norm, *args) -> list[Mention]:
    text = norm.text
    titles = [(m, clean(m.group(1))) for m in _TITLE.finditer(text)]
    out: list[Mention] = []
    longest = _longest_ending_with([t for _, t in titles])
    for m, t in titles:
        if not t:
            continue
        label = longest.get(t, t)
        out.append(Mention("Document", label, m.group(0), m.start(), m.end(), rule="book-title",
                           aliases=(t,) if t != label else ()))
    forms = {}
    for row in lexicon.patterns("documents.tsv"):
        for f in (row[0], *(row[1].split("|") if len(row) > 1 and row[1] else ())):
            forms[f] = row[0]
    if forms:
        rx = re.compile("|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))))
        taken = SpanSet.of((m.start, m.end) for m in out)
        for m in rx.finditer(text):
            if not taken.covers(m.start(), m.start() + 1) and text[m.end():m.end() + 1] not in "律规学治":
                out.append(Mention("Document", forms[m.group(0)], m.group(0), m.start(), m.end(),
                                   rule="standard-law", aliases=(m.group(0),)))
    out += _unbracketed(text, [(m.start, m.end) for m in out])
    return sorted(out, key=lambda m: (m.start, -m.end, m.label))


def _unbracketed(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """出台〈name〉办法和〈name〉清单: names after an issuing verb, joined by 和/、."""
    heads = "|".join(re.escape(h) for h in lexicon.words("document_heads.txt"))
    verbs = "|".join(re.escape(v) for v in lexicon.keyed_words("activity_verbs.tsv").get("ISSUED", ()))
    name = rf"[{lexicon.CJK}]{{3,22}}?(?:{heads})"
    out = []
    taken_spans = SpanSet.of(taken)
    for m in re.finditer(rf"(?:{verbs})了?({name}(?:[和、及]{name})*)(?=[，。；、\s]|$)", text):
        pos = m.start(1)
        for part in re.split(r"([和、及])", m.group(1)):
            if part in "和、及":
                pos += len(part)
                continue
            if len(part) >= 6 and not taken_spans.covers(pos, pos + 1) and not part.startswith(("相关", "有关", "一系列", "系列", "配套")):
                out.append(Mention("Document", part, part, pos, pos + len(part), rule="issued-name"))
            pos += len(part)
    return out


def _longest_ending_with(titles: list[str]) -> dict[str, str]:
    """For each title that ends a longer one, the longest of those (the
    first written among equals): 《意见》 beside 《关于……的意见》. Each title's
    own endings are looked up, so a page of many titles is not read once
    per title.

    >>> _longest_ending_with(["意见", "关于工会的意见", "工会的意见"])
    {'工会的意见': '关于工会的意见', '意见': '关于工会的意见'}
    """
    wanted = set(titles)
    best: dict[str, str] = {}
    for f in dict.fromkeys(titles):
        for k in range(1, len(f)):
            tail = f[k:]
            if tail in wanted and (tail not in best or len(f) > len(best[tail])):
                best[tail] = f
    return best


@register
class DocumentsRecogniser:
    """Document mentions (:func:`find`)."""

    name = "documents"
    order = 60

    def find(self, scan: Scan) -> Found:
        return Found(find(scan.norm))
