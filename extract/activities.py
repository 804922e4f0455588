"""What bodies and people do: RUNS, PART_OF, ADVOCATES, ISSUED,
PARTICIPATED_IN (a first cut; see each function)."""

from __future__ import annotations


def find(norm, res, arts) -> list:
    return []
