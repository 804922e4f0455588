"""Document context: the regions a bare body (``省总工会``, ``市总``,
``县人大常委会``) may take its region from when its article gives none.

In order: the document's home, read from a masthead, a site name or a
dateline (``长沙晚报9月6日讯``, ``福州新闻网``, ``海口7月19日消息``); then the
region named nearest before the body; then the nearest after it. A region
fits a level word when it, or a division above it, carries that level's
suffix (a piece on 大荔县 sets ``市总工会`` in 渭南市, see
:func:`extract.lexicon.region_ancestors`).

>>> from extract import lexicon
>>> ctx = DocumentContext("长沙晚报9月6日讯 市总工会召开会议", [])
>>> ctx.region_for("市", 12).name
'长沙市'
>>> dl = lexicon.regions_by_name()["大荔县"]
>>> DocumentContext("大荔县召开大会。市总工会领导出席", [(0, dl.code)]).region_for("市", 8).name
'渭南市'
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from extract import lexicon
from extract.lexicon import CJK, Region

_LEVEL_SUFFIX = {"省": ("省",), "自治区": ("自治区",), "市": ("市",), "自治州": ("自治州",),
                 "县": ("县",), "区": ("区",), "旗": ("旗",)}


@lru_cache(maxsize=1)
def _masthead_re() -> re.Pattern:
    words = "|".join(re.escape(w) for w in lexicon.word_list("mastheads.txt"))
    return re.compile(f"(?:{words})")


HEAD = 300  # where a document's masthead and dateline stand
_DATELINE = re.compile(r"\s*\d{1,2}月\d{1,2}日(?:电|讯|消息)")


def _place_ending(text: str, end: int) -> tuple[int, Region] | None:
    """The longest full or safe short region name ending at ``end``."""
    full, short = lexicon.regions_by_name(), lexicon.regions_by_short()
    for k in range(max(0, end - 8), end - 1):
        t = text[k:end]
        r = full.get(t) or short.get(t)
        if r is not None:
            return k, r
    return None


def home_places(text: str) -> list[tuple[int, Region]]:
    """Places named by mastheads, site names and datelines, with where.

    >>> [(i, r.name) for i, r in home_places("南海网海口7月19日消息 据福州新闻网")]
    [(3, '海口市'), (14, '福州市')]
    """
    out: dict[int, Region] = {}
    text = text[:HEAD]
    for m in _DATELINE.finditer(text):
        hit = _place_ending(text, m.start())
        if hit is None:  # 长沙晚报9月6日讯: the masthead's place
            mh = None
            for w in lexicon.word_list("mastheads.txt"):
                if text.endswith(w, 0, m.start()):
                    mh = _place_ending(text, m.start() - len(w))
                    break
            hit = mh
        if hit is not None:
            out.setdefault(*hit)
    for m in _masthead_re().finditer(text):
        hit = _place_ending(text, m.start())
        if hit is not None:
            out.setdefault(*hit)
    return sorted(out.items())


def fits(level_word: str, code: str) -> Region | None:
    """The region (``code`` or one above it) a body of ``level_word`` lies in;
    ``*`` (a body named by its function alone) takes ``code`` itself.

    >>> fits("省", lexicon.regions_by_name()["大荔县"].code).name
    '陕西省'
    """
    r = lexicon.regions_by_code().get(code)
    if r is None:
        return None
    if level_word == "*":
        return r
    suffixes = _LEVEL_SUFFIX.get(level_word, ())
    for cand in [r] + lexicon.region_ancestors(r):
        if cand.name.endswith(suffixes):
            return cand
    return None


_ICP = re.compile(r"([^\W\d_A-Za-z])ICP[备証证]")


def licence_province(text: str) -> Region | None:
    """The province of a site's ICP licence in the page's footer
    (``data/icp_provinces.tsv``): a last resort for a bare body.

    >>> licence_province("版权所有 鲁ICP备05012345号").name
    '山东省'
    """
    names = lexicon.regions_by_name()
    for m in _ICP.finditer(text):
        name = _icp_provinces().get(m.group(1))
        if name in names:
            return names[name]
    return None


@lru_cache(maxsize=1)
def _icp_provinces() -> dict[str, str]:
    return {r["abbr"]: r["province"] for r in lexicon._tsv("icp_provinces.tsv")}


class DocumentContext:
    """The regions of one document a bare body may resolve to.

    ``regions`` are (position, code) of the Region mentions found."""

    def __init__(self, text: str, regions: list[tuple[int, str]]) -> None:
        self.home = [r.code for _, r in home_places(text)]
        self._text = text
        self._licence: list[Region | None] | None = None
        named = sorted((p, c) for p, c in regions if c in lexicon.regions_by_code())
        self.starts = [p for p, _ in named]
        self.codes = [c for _, c in named]
        self._by_level: dict[str, tuple[list[int], list[Region]]] = {}

    def region_for(self, level_word: str, pos: int) -> Region | None:
        """The region a bare body of ``level_word`` written at ``pos`` takes,
        or None when the document names none that fits."""
        for code in self.home:
            r = fits(level_word, code)
            if r is not None:
                return r
        starts, regions = self._fitting(level_word)
        i = bisect.bisect_left(starts, pos)
        if i > 0:
            return regions[i - 1]
        if i < len(regions) and level_word != "*":
            return regions[i]
        return self._licensed(level_word)

    def _licensed(self, level_word: str) -> Region | None:
        """The licence's province where it fits ``level_word`` (省总工会 on a
        鲁ICP page that names no province), read once per document."""
        if self._licence is None:
            self._licence = [licence_province(self._text)]
        r = self._licence[0]
        return fits(level_word, r.code) if r is not None and level_word != "*" else None

    def _fitting(self, level_word: str) -> tuple[list[int], list[Region]]:
        """The named regions that fit ``level_word``, once per level word (a
        long text of bare bodies is read in linear time)."""
        got = self._by_level.get(level_word)
        if got is None:
            starts, regions = [], []
            for p, c in zip(self.starts, self.codes):
                r = fits(level_word, c)
                if r is not None:
                    starts.append(p)
                    regions.append(r)
            got = self._by_level[level_word] = (starts, regions)
        return got
