"""What every family of organisation rules shares (see
:mod:`extract.recognisers.organizations`): the mention a rule makes
(:func:`_org`), the level words, the run of regions a name starts with
(:func:`leading_regions_end`), a few tests of a character or of a title
starting, and the generic words no trade is named by.

>>> m = _org("辽宁省总工会", "辽宁省总工会", 0, "regional", "union", "provincial")
>>> m.type, m.end, m.org.kind, m.org.level
('Organization', 6, 'union', 'provincial')
"""

from __future__ import annotations

from functools import lru_cache

from extract import lexicon
from extract.recognisers.regions import match_region_at
from extract.records import Mention, OrgAttrs

LEVEL_WORDS = ("自治区", "自治州", "省", "市", "县", "区", "镇", "乡", "旗")
_UNION_WORD = "工会"


# bodies whose name is their own: a place in an enterprise's or a paper's
# name is part of a brand, not where the body lies (重啤攀枝花有限责任公司)
_OWN_NAME_KINDS = ("enterprise", "media")


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _starts_title(text: str, i: int) -> bool:
    m = lexicon.title_regex().match(text, i)
    return m is not None and not m.group(0).startswith(("委员会",))


def _org(label: str, surface: str, start: int, rule: str, kind: str, level: str = "",
         regions: tuple[str, ...] = (), level_word: str = "", body: str = "",
         parent: tuple[int, int] | None = None, aliases: tuple[str, ...] = (), lead: str = "") -> Mention:
    return Mention("Organization", label, surface, start, start + len(surface), rule=rule,
                   aliases=aliases, org=OrgAttrs(kind, level, tuple(regions), level_word, body, parent, lead))


@lru_cache(maxsize=1)
def _trade_generic() -> tuple[str, ...]:
    return lexicon.word_list("generic_modifiers.txt") + lexicon.word_list("trade_union_generic.txt")


def _leading_regions(text: str, start: int, end: int) -> tuple[list[lexicon.Region], int, int]:
    """The regions a name starts with (江苏省淮安市…, 香港…): full names, and
    a province's short form first; with where the innermost is written and
    where the run ends."""
    regions: list[lexicon.Region] = []
    j = inner = start
    while j < end:
        hit = match_region_at(text, j, allow_city_short=False)
        if hit is None or j + len(hit[1]) >= end:
            break
        if hit[1] != hit[0].name and (regions or hit[0].level != "province"):
            break
        regions.append(hit[0])
        inner, j = j, j + len(hit[1])
    return regions, inner, j


def leading_regions_end(text: str, start: int, end: int) -> int:
    """Where the run of region names that ``text[start:end]`` starts with
    ends (``start`` when it starts with none; the run may reach ``end``).

    >>> leading_regions_end("湖北黄石市总工会", 0, 2)
    2
    >>> leading_regions_end("东郊职工群众惠民服务中心", 0, 6)
    0
    """
    return _leading_regions(text, start, end + 1)[2]
