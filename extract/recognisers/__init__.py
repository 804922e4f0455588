"""Recognisers: each finds one kind of mention in a normalised text.

Every recogniser is a class with a ``name``, an ``order`` and a
``find(scan) -> Found`` method, registered with :func:`register` in its own
module; :func:`find_mentions` runs them in ``order`` over one :class:`Scan`.
A recogniser reads what earlier ones found (``scan.found``) and the text's
shared analyses (``scan.region_hits``, ``scan.tags``), never another
recogniser's rule names or private state, and changes nothing it is given.
Adding one is a new module here with a registered class; no other
recogniser changes. A recogniser's rules may lie in modules of their own
that register nothing (the ``org_*`` families of
:mod:`~extract.recognisers.organizations`).

The overlap policy, stated once (:func:`admit`): a mention that overlaps a
mention of the same type found by an *earlier* recogniser is dropped unless
it is strictly longer and the earlier one is not held by a post; the longer
one then replaces it. Existing longer spans win, then earlier ones. Mentions
of different types may overlap (a region inside a body's name is both), and
so may the mentions of one recogniser (a body and its sub-body).

The statistical tagger (:mod:`extract.tagger`) runs only when a recogniser
asks for ``scan.tags`` and the scan allows it (``statistical=True``).

>>> from extract.normalise import normalise
>>> found = find_mentions(normalise("辽宁省总工会主席刘伟表示"), statistical=False)
>>> sorted({(m.type, m.label) for m in found.mentions})
[('Organization', '辽宁省总工会'), ('Person', '刘伟'), ('Region', '辽宁省')]
"""

from __future__ import annotations

from extract.recognisers.base import Found, Recogniser, Scan, admit, register, registered

__all__ = ["Found", "Recogniser", "Scan", "admit", "find_mentions", "register", "registered"]


def find_mentions(norm, statistical: bool = True) -> Found:
    """Run every registered recogniser over ``norm`` in order."""
    scan = Scan(norm, statistical)
    for rec in registered():
        got = rec.find(scan)
        scan.found.posts.extend(got.posts)
        held = {(m.start, m.end, m.type) for p in scan.found.posts for m in (p.person, p.org) if m is not None}
        admit(scan.found, got.mentions, held)
    return scan.found
