"""The recogniser interface: the scan every recogniser reads, what it
returns, the registry and the overlap policy (see :mod:`extract.recognisers`).
"""

from __future__ import annotations

import importlib
import pkgutil
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol, runtime_checkable

from extract.records import Mention


@dataclass
class Found:
    """What recognisers found: mentions, and the posts read from title chains."""

    mentions: list[Mention] = field(default_factory=list)
    posts: list = field(default_factory=list)  # extract.recognisers.posts.Post

    def of(self, type_: str) -> list[Mention]:
        return [m for m in self.mentions if m.type == type_]


@dataclass
class Scan:
    """One text being read: the normalised text, what has been found so far,
    and analyses shared by several recognisers, each computed once."""

    norm: object
    statistical: bool = True
    found: Found = field(default_factory=Found)

    @cached_property
    def region_hits(self) -> list:
        """Leftmost-longest region names (:func:`extract.recognisers.regions.scan`)."""
        from extract.recognisers.regions import scan

        return scan(self.norm.text)

    @cached_property
    def tags(self) -> list:
        """The statistical tagger's names (:func:`extract.tagger.tag`, the
        words tagged :data:`extract.tagger.NAMES`), or none when the scan is
        rules only."""
        if not self.statistical:
            return []
        from extract import tagger

        return tagger.tag(self.norm.text, only=tagger.NAMES)


@runtime_checkable
class Recogniser(Protocol):
    """One kind of part: finds mentions (and posts) in a scan."""

    name: str
    order: int

    def find(self, scan: Scan) -> Found: ...


_REGISTRY: dict[str, Recogniser] = {}


def register(cls):
    """Class decorator: register an instance of a recogniser class.

    >>> sorted(r.name for r in registered())[:3]
    ['concepts', 'documents', 'events']
    """
    rec = cls()
    if not isinstance(rec, Recogniser):
        raise TypeError(f"{cls.__name__} is not a recogniser: it needs name, order and find(scan)")
    if rec.name in _REGISTRY and type(_REGISTRY[rec.name]).__qualname__ != cls.__qualname__:
        raise ValueError(f"two recognisers are named {rec.name!r}")
    _REGISTRY[rec.name] = rec
    return cls


def registered() -> tuple[Recogniser, ...]:
    """The recognisers in the order they run."""
    _load_all()
    return tuple(sorted(_REGISTRY.values(), key=lambda r: (r.order, r.name)))


_loaded = False


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    for info in sorted(pkgutil.iter_modules(_package_path()), key=lambda i: i.name):
        importlib.import_module(f"extract.recognisers.{info.name}")
    _loaded = True


def admit(found: Found, new: list[Mention], held: set[tuple[int, int, str]]) -> None:
    """Add one recogniser's mentions to ``found`` under the overlap policy
    (module docstring); ``held`` holds the (start, end, type) of mentions a
    post refers to, which are never replaced.

    >>> f = Found([Mention("Person", "刘伟", "刘伟", 0, 2)])
    >>> admit(f, [Mention("Person", "刘伟明", "刘伟明", 0, 3), Mention("Person", "伟", "伟", 1, 2)], set())
    >>> [m.label for m in f.mentions]
    ['刘伟明']
    """
    types = {m.type for m in new}  # only these are looked up
    by_type: dict[str, list[Mention]] = {}
    for m in found.mentions:
        if m.type in types:
            by_type.setdefault(m.type, []).append(m)
    from extract.spans import SpanSet

    spans = {t: SpanSet.of((m.start, m.end) for m in ms) for t, ms in by_type.items()}
    # the mentions of a type by start, and the longest: the rivals of a new
    # mention start less than that length before it (a bisection, not a scan
    # of every mention for every new one)
    for ms in by_type.values():
        ms.sort(key=lambda o: o.start)
    starts = {t: [o.start for o in ms] for t, ms in by_type.items()}
    longest = {t: max(o.end - o.start for o in ms) for t, ms in by_type.items()}
    dropped: set[int] = set()
    kept: list[Mention] = []
    for m in new:
        same = spans.get(m.type)
        if same is None or not same.overlaps(m.start, m.end):
            kept.append(m)
            continue
        ms, at = by_type[m.type], starts[m.type]
        near = ms[bisect_left(at, m.start - longest[m.type] + 1):bisect_left(at, m.end)]
        rivals = [o for o in near if m.start < o.end and id(o) not in dropped]
        if rivals and all(m.end - m.start > o.end - o.start and (o.start, o.end, o.type) not in held
                          for o in rivals):
            dropped.update(id(o) for o in rivals)
            kept.append(m)
    if dropped:
        found.mentions = [m for m in found.mentions if id(m) not in dropped]
    found.mentions.extend(kept)


def _package_path():
    import extract.recognisers

    return extract.recognisers.__path__
