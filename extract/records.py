"""Plain records passed between the extractor's steps.

Recognisers return :class:`Mention` objects and change nothing; relation
finders return :class:`Fact` objects; the pipeline gathers both into a
:class:`DocumentResult`. Offsets are half-open ``[start, end)`` character
spans into the document's normalised text, checked at construction.

>>> m = Mention("Person", "刘伟", "刘伟", 3, 5, rule="byline")
>>> m.end - m.start
2
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class SpanError(ValueError):
    """A span that does not fit the text it claims to cover."""


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity: the canonical ``label`` it resolves to,
    the ``surface`` as written, where, and the rule that found it."""

    type: str
    label: str
    surface: str
    start: int
    end: int
    rule: str = ""
    attrs: tuple[tuple[str, Any], ...] = ()
    aliases: tuple[str, ...] = ()
    qualifier: str = ""

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise SpanError(f"mention {self.surface!r}: bad span [{self.start}, {self.end})")

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the entity this mention resolves to."""
        return (self.type, self.label, self.qualifier)

    def attr(self, name: str, default: Any = None) -> Any:
        return dict(self.attrs).get(name, default)


@dataclass(frozen=True)
class Fact:
    """A relation between two resolved entities, with the span of text that
    states it (``start``/``end`` cover the evidence, usually the mentions)."""

    type: str
    source: tuple[str, str, str]
    target: tuple[str, str, str]
    start: int
    end: int
    rule: str = ""
    attrs: tuple[tuple[str, Any], ...] = ()
    article: str = ""


@dataclass
class Article:
    """One piece of a page: where it lies, who wrote it, for which body."""

    id: str
    doc: str
    start: int
    end: int
    title: str = ""
    date: str = ""
    authors: list[tuple[str, str, str]] = field(default_factory=list)  # Person keys
    author_orgs: list[tuple[str, str, str]] = field(default_factory=list)  # Organization keys
    region: str = ""  # code of the region the author's body serves
    byline: tuple[int, int] | None = None
    kind: str = ""  # what opened it: byline, name-line, credit, continued, after-note, page
    continues: str = ""  # id of the signed piece this fragment is the rest of


@dataclass
class DocumentResult:
    """Everything read from one document, ready to merge into a graph."""

    doc: str
    text: str
    encoding: str
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    date: str = ""
