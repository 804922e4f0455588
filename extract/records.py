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
class OrgAttrs:
    """What an Organization mention carries for the resolver and the graph.

    ``kind`` and ``level`` are the contract's (they become node attributes);
    ``regions`` are the codes of the regions written in the name, outermost
    first; ``level_word`` is the level written without its region (省, 市 …;
    ``*`` for a body named by its function alone), which the resolver fills
    from the document; ``body`` is the canonical body word (总工会, 人大常委会);
    ``parent`` is the span of the body a sub-body belongs to; ``lead`` is
    what a label writes before the region (共青团 in 共青团广州市委, whose
    short form 团市委 the resolver completes as ``lead + region + body``).

    >>> OrgAttrs("union", "provincial", regions=("210000",)).node_attrs()
    (('kind', 'union'), ('level', 'provincial'))
    """

    kind: str
    level: str = ""
    regions: tuple[str, ...] = ()
    level_word: str = ""
    body: str = ""
    parent: tuple[int, int] | None = None
    lead: str = ""

    def node_attrs(self) -> tuple[tuple[str, Any], ...]:
        """The attributes a graph node of this body carries."""
        return (("kind", self.kind),) + ((("level", self.level),) if self.level else ())


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
    org: OrgAttrs | None = None  # an Organization's attributes
    # the entity is implied, not named, where the mention stands (天津市副市长
    # implies 天津市人民政府): its surface is no name of it
    implied: bool = False

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise SpanError(f"mention {self.surface!r}: bad span [{self.start}, {self.end})")

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the entity this mention resolves to."""
        return (self.type, self.label, self.qualifier)

    @property
    def node_attrs(self) -> tuple[tuple[str, Any], ...]:
        """The attributes given to this mention's graph node (before the
        builder keeps those it knows): ``attrs`` and an Organization's
        kind and level."""
        return self.attrs + self.org.node_attrs() if self.org is not None else self.attrs

    def attr(self, name: str, default: Any = None) -> Any:
        """One of ``attrs``; for an Organization also one of :class:`OrgAttrs`
        (``m.attr("kind")``); prefer ``m.org.kind`` in new code."""
        for k, v in self.attrs:
            if k == name:
                return v
        if self.org is not None and name in _ORG_FIELDS:
            v = getattr(self.org, name)
            return default if v in ("", (), None) else v
        return default


_ORG_FIELDS = frozenset(("kind", "level", "regions", "level_word", "body", "parent", "lead"))


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
