"""Bodies of the national table (``data/org_national.tsv``): national bodies
by their names and short forms (中华全国总工会, 全总, 中共), a body of one
region known by its own name, which lies there (香港工会联合会 in
香港特别行政区: :func:`_home`), and a local alias (工联会) read as the body
of the region the text names nearest (:class:`_Near`).

>>> [(m.label, m.surface) for m in (_national_at("全总文工团", 0), _national_at("中共江苏省委", 0))]
[('中华全国总工会', '全总'), ('中国共产党', '中共')]
"""

from __future__ import annotations

from functools import lru_cache

from extract import lexicon
from extract.recognisers.org_common import _org, _starts_title
from extract.records import Mention
from extract.tokenise import crossing_word

_MEMBER = ("员", "党员")
_CROSSING_FREQ = 500  # a dictionary word this frequent across a short form's end unmakes it
_UNIT_ENDS = "司团院校厂所局行会社"  # the last character of a body a department may belong to


@lru_cache(maxsize=1)
def _national() -> dict[str, lexicon.NationalBody]:
    out = {}
    for nb in lexicon.org_national():
        for a in nb.aliases:
            out[a] = nb
    return out


@lru_cache(maxsize=1)
def _national_lengths() -> dict[str, tuple[int, ...]]:
    return lexicon.key_lengths(_national())


@lru_cache(maxsize=1)
def _local() -> dict[str, tuple[lexicon.NationalBody, ...]]:
    """Local alias -> the bodies it may mean, each read in its own region."""
    out: dict[str, list] = {}
    for nb in lexicon.org_national():
        for a in nb.local_aliases:
            out.setdefault(a, []).append(nb)
    return {a: tuple(v) for a, v in out.items()}


def _national_at(text: str, i: int, near: "_Near | None" = None) -> Mention | None:
    lengths = _national_lengths().get(text[i:i + 2], ())
    nat = _national()
    longest = min(14, len(text) - i)
    for n in lengths:
        if n > longest or n < 2:
            continue
        nb = nat.get(text[i:i + n])
        if nb is not None:
            if text.startswith(_MEMBER, i + n):
                return None  # 共青团员, 中共党员: a member, not the body
            if n == 2 and crossing_word(text[i:i + n], text[i + n:i + n + 2])[1] >= _CROSSING_FREQ:
                continue  # 代表中共有8人: 共有 runs across the short form's end
            if text[i + n - 1] == "部" and n <= 5 and i > 0 and text[i - 1] in _UNIT_ENDS:
                continue  # 集团科技部: a company's department, not the ministry
            if n == 3 and crossing_word(text[i + 2], text[i + n:i + n + 2])[1] >= _CROSSING_FREQ \
                    and not _starts_title(text, i + 2):
                continue  # 财政部门, 公安部分: a word runs on from the last character (not 科技部长)
            return _org(nb.canonical, text[i:i + n], i, "national", nb.kind, nb.level, _home(nb))
    if near is None:
        return None
    local = [n for n in (4, 3, 2) if text[i:i + n] in _local()]
    # 工联会长: 工联 and 会长, not 工联会 and 长
    titled = [n for n in local if _starts_title(text, i + n)]
    for n in (titled or local)[:1]:
        nb = near.pick(_local()[text[i:i + n]], i)
        return _org(nb.canonical, text[i:i + n], i, "national", nb.kind, nb.level, _home(nb))
    return None


def _home(nb: lexicon.NationalBody) -> tuple[str, ...]:
    """The region a body of the national table lies in (香港工会联合会 in
    香港特别行政区), as region codes; none for a national body.

    >>> _home(_national()["香港立法会"])
    ('810000000000',)
    """
    r = lexicon.regions_by_name().get(nb.region) if nb.region else None
    return (r.code,) if r is not None else ()


class _Near:
    """The regions a text names, for reading a local alias (工联会) as the
    body of the region named nearest before it, else first after it."""

    def __init__(self, regions: list[Mention]) -> None:
        by_code = lexicon.regions_by_code()
        named = []
        provinces = []
        for m in regions:
            r = by_code.get(m.attr("code") or "")
            if r is not None:
                chain = [r] + lexicon.region_ancestors(r)
                named.append((m.start, {a.name for a in chain}))
                provinces.append((m.start, chain[-1].code))
        self.named = sorted(named, key=lambda t: t[0])
        self.provinces = sorted(provinces)

    def province(self, i: int) -> str:
        """The code of the province of the region named nearest before ``i``,
        else first after it; empty where the text names none."""
        before = [c for p, c in self.provinces if p < i]
        after = [c for p, c in self.provinces if p >= i]
        return (before[-1:] or after[:1] or [""])[0]

    def pick(self, cands: tuple[lexicon.NationalBody, ...], i: int) -> lexicon.NationalBody:
        """The body of the region named nearest; the first listed where the
        text names none of theirs."""
        before = [names for p, names in self.named if p < i]
        after = [names for p, names in self.named if p >= i]
        for names in list(reversed(before)) + after:
            for nb in cands:
                if nb.region in names:
                    return nb
        return cands[0]
