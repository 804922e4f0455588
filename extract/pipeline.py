"""One document in, one :class:`~extract.records.DocumentResult` out.

The steps, each its own module: decode (:mod:`extract.corpus`), normalise
with an offset map (:mod:`extract.normalise`), split into articles
(:mod:`extract.articles`), find mentions (:mod:`extract.recognisers`),
resolve them to entities (:mod:`extract.resolve`) and find the facts between
them (:mod:`extract.relations`).

>>> from extract.corpus import SourceText
>>> r = extract(SourceText("d.txt", None, "北京市人大常委会副主任、市总工会主席 刘 伟\\n\\n正文。", "utf-8"))
>>> sorted({m.label for m in r.mentions if m.type == "Person"})
['刘伟']
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import replace
from typing import Iterator

from extract import articles, lexicon, relations, resolve, tagger
from extract.corpus import SourceText
from extract.normalise import normalise, sentences
from extract.recognisers import find_mentions
from extract.records import DocumentResult, Mention

# The data files and the extractor's code are hashed in (a changed rule or
# dictionary gives a new version); bump this for a change elsewhere, in a
# dependency's behaviour, say.
RULES_VERSION = "1"
# set to 1 for the rules alone, without the statistical tagger (kg build --rules-only)
RULES_ONLY_ENV = "UNION_KG_RULES_ONLY"
_RULES = f"{RULES_VERSION}-{lexicon.data_fingerprint()}"
# the statistical tagger's package version and weights are part of the version
EXTRACTOR_VERSION = f"{_RULES}-{tagger.fingerprint()}"


def statistical() -> bool:
    """Whether the statistical tagger proposes mentions (the default), or
    the rules run alone (``UNION_KG_RULES_ONLY=1``)."""
    return os.environ.get(RULES_ONLY_ENV, "").strip() in ("", "0")


@contextmanager
def rules_only(on: bool = True) -> Iterator[None]:
    """Within the block (and in the worker processes started in it), extract
    with the rules alone; the setting before it is restored after.

    >>> with rules_only():
    ...     statistical()
    False
    """
    before = os.environ.get(RULES_ONLY_ENV)
    if on:
        os.environ[RULES_ONLY_ENV] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(RULES_ONLY_ENV, None)
        else:
            os.environ[RULES_ONLY_ENV] = before


def extractor_version() -> str:
    """The version a cached result must carry to be reused."""
    return EXTRACTOR_VERSION if statistical() else f"{_RULES}-rules-only"


def _with_original_forms(norm, mentions: list[Mention]) -> list[Mention]:
    """Labels are simplified; the forms as written (中華全國總工會) stay as aliases."""
    out = []
    for m in mentions:
        original = norm.surface[m.start:m.end]
        out.append(replace(m, aliases=m.aliases + (original,)) if original != m.surface else m)
    return out


def extract(src: SourceText) -> DocumentResult:
    norm = normalise(src.text)
    result = DocumentResult(src.doc, norm.text, src.encoding, warnings=list(src.warnings))
    if norm.traditional:
        result.warnings.append("traditional characters read through their simplified forms")
    if norm.dropped_paragraphs:
        result.warnings.append(f"{norm.dropped_paragraphs} repeated paragraph(s) read once")
    result.sentences = sentences(norm.text)
    found = find_mentions(norm, statistical=statistical())
    arts = articles.split(norm, src.doc, found, date=src.date)
    res = resolve.resolve(norm, found, arts)
    result.articles = arts
    result.mentions = _with_original_forms(norm, res.mentions) if norm.traditional else res.mentions
    result.facts = relations.find_facts(norm, res, arts)
    result.date = src.date or (arts[0].date if arts else "")
    return result
