"""The general knowledge the extractor reads, loaded once from ``data/``.

Every table is a small text file under ``extract/data/`` that documents
itself in its header comment; this module only parses them and caches the
result. Nothing here knows a particular corpus.

>>> "刘" in surnames()
True
>>> regions_by_name()["辽宁省"].short
'辽宁'
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def data_text(name: str) -> str:
    return resources.files("extract").joinpath("data", name).read_text(encoding="utf-8")


def _lines(name: str) -> Iterator[str]:
    for line in data_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _tsv(name: str) -> list[dict[str, str]]:
    rows = [ln for ln in data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "") for k, v in r.items()} for r in csv.DictReader(rows, delimiter="\t")]


@lru_cache(maxsize=None)
def data_fingerprint() -> str:
    """A hash of every data file and of the extractor's code: changes when
    any dictionary, pattern or rule does, so that cached results of an
    older extractor are not reused (:mod:`kg.cache`)."""
    h = hashlib.sha256()
    root = resources.files("extract")
    for folder in (root.joinpath("data"), root, root.joinpath("recognisers")):
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            if entry.is_file() and (folder.name == "data" or entry.name.endswith(".py")):
                h.update(f"{folder.name}/{entry.name}".encode())
                h.update(entry.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    out: set[str] = set()
    for line in _lines("surnames.txt"):
        out.update(line.split())
    return frozenset(out)


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    short: str
    level: str  # province | prefecture | county | town
    parent: str

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0" * 10

    @property
    def suffix(self) -> str:
        return self.name[len(self.short):] if self.short and self.name.startswith(self.short) else ""


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    out = []
    for r in _tsv("regions.tsv"):
        if r["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        out.append(Region(r["code"], r["name"], r["short"], r["level"], r["parent"]))
    return tuple(out)


@lru_cache(maxsize=1)
def regions_by_code() -> dict[str, Region]:
    return {r.code: r for r in regions()}


@lru_cache(maxsize=1)
def regions_by_name() -> dict[str, Region]:
    """Full names; where two divisions share a name the higher level wins."""
    rank = {"province": 0, "prefecture": 1, "county": 2}
    out: dict[str, Region] = {}
    ranked = sorted(regions(), key=lambda r: (rank[r.level], r.code))
    for r in ranked:
        out.setdefault(r.name, r)
    for r in ranked:
        form = autonomous_short_form(r)
        if form:
            out.setdefault(form, r)
    return out


_AUTONOMOUS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


def autonomous_short_form(r: Region) -> str:
    """The everyday full form of an autonomous division: its stem and level
    word without the peoples it is named for (延边朝鲜族自治州 → 延边州,
    恩施土家族苗族自治州 → 恩施州, 长阳土家族自治县 → 长阳县); a name with a
    level word, so as safe to read anywhere as the name itself.

    >>> autonomous_short_form(Region("222400000000", "延边朝鲜族自治州", "延边", "prefecture", ""))
    '延边州'
    """
    for suffix, word in _AUTONOMOUS.items():
        if r.name.endswith(suffix) and r.short and len(r.short) >= 2 and r.name.startswith(r.short):
            return r.short + word
    return ""


@lru_cache(maxsize=1)
def regions_by_short() -> dict[str, Region]:
    """Short forms safe to read alone: provinces (辽宁, 内蒙古), prefecture-
    level cities and county-level cities (义乌); never a district's or a
    county's stem, which are too often ordinary words. Higher level wins
    (吉林 is the province)."""
    rank = {"province": 0, "prefecture": 1, "county": 2}
    out: dict[str, Region] = {}
    for r in sorted(regions(), key=lambda r: (rank[r.level], r.code)):
        if not r.short or len(r.short) < 2:
            continue
        if r.level == "county" and not r.name.endswith("市"):
            continue
        out.setdefault(r.short, r)
    return out


def region_ancestors(region: Region) -> list[Region]:
    """Parents from the nearest up: 越城区 -> [绍兴市, 浙江省]."""
    out = []
    by_code = regions_by_code()
    cur = region
    while cur.parent and cur.parent in by_code:
        cur = by_code[cur.parent]
        out.append(cur)
    return out


# pyahocorasick finds a node's child by a linear search over the children in
# the order they were added, and the root has one per first character of a
# region name (over 900): each character of a text cost hundreds of
# comparisons. So the root first gets a child for _OTHER, which stands for
# every character no name holds (region_text maps them to it), then one for
# each character the names hold, the most frequent first (jieba's counts).
# These placeholders (a character, then _NEVER) match nothing, _NEVER being
# mapped to _OTHER too, and a detour through one of them ends where the
# plain automaton would be: the matches are the same (fuzzed against it).
_OTHER, _NEVER = "\x00", "\x01"


@lru_cache(maxsize=1)
def _region_names() -> dict[str, tuple[str, Region, bool]]:
    names = {short: (short, r, False) for short, r in regions_by_short().items()}
    names.update((name, (name, r, True)) for name, r in regions_by_name().items())
    return names


@lru_cache(maxsize=1)
def region_automaton():
    """An Aho-Corasick automaton over every region's full name and safe short
    form: ``iter_long`` gives leftmost-longest matches in C, so a 50 MB page
    is scanned in seconds. Values are ``(surface, Region, is_full)``. Run it
    over :func:`region_text`, not over the text itself."""
    import ahocorasick  # pyahocorasick: a C automaton; a Python loop per character is 100x slower

    from extract.tokenise import tokenizer  # for the characters' frequencies

    freq = tokenizer().FREQ
    names = _region_names()
    chars = sorted({c for name in names for c in name}, key=lambda c: (-(freq.get(c) or 0), c))
    a = ahocorasick.Automaton()
    for c in (_OTHER, *chars):
        a.add_word(c + _NEVER, None)
    for name, value in names.items():
        a.add_word(name, value)
    a.make_automaton()
    return a


@lru_cache(maxsize=1)
def _not_in_region_names() -> re.Pattern:
    return re.compile("[^" + re.escape("".join(sorted({c for n in _region_names() for c in n}))) + "]")


def region_text(text: str) -> str:
    """``text`` for :func:`region_automaton`: every character that no region
    name holds becomes one placeholder (the length stays).

    >>> region_text("在辽宁省。") == "\\x00辽宁省\\x00"
    True
    """
    return _not_in_region_names().sub(_OTHER, text)


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    return tuple(sorted(set(_lines("titles.txt")), key=lambda t: (-len(t), t)))


@lru_cache(maxsize=1)
def title_regex() -> re.Pattern:
    """Lexicon titles (longest first), then the open-ended patterns."""
    lex = "|".join(re.escape(t) for t in titles())
    pats = [p.replace("{CJK}", CJK) for p in _lines("title_patterns.txt")]
    return re.compile("(?:" + "|".join(pats + [lex]) + ")")


def longest_word_pattern(words: Iterable[str]) -> str:
    """A regex matching, where any of ``words`` starts, the longest one: the
    alternation of the words longest first, written as a trie so that sre
    follows one branch per character instead of trying every word in turn.

    >>> longest_word_pattern(["中国梦", "中国", "工会"])
    '(?:中国(?:梦)?|工会)'
    >>> [m.group(0) for m in re.finditer(longest_word_pattern(["中国梦", "中国"]), "中国梦和中国")]
    ['中国梦', '中国']
    """
    trie: dict = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie) or "(?!)"


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(c) + _trie_pattern(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    alts = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a word may end here: a longer one is tried first, greedily
    return f"(?:{alts})?" if "" in node else alts


@lru_cache(maxsize=1)
def former_markers() -> tuple[str, ...]:
    return tuple(sorted(_lines("former_markers.txt"), key=len, reverse=True))


@dataclass(frozen=True)
class BodyForm:
    body: str
    canonical: str
    kind: str
    needs_level: bool
    bare: bool = False
    level: str = ""  # a union's own level (省直机关工会: industry), else the region's


@lru_cache(maxsize=1)
def org_bodies() -> tuple[BodyForm, ...]:
    return tuple(sorted((BodyForm(r["body"], r["canonical"], r["kind"], r["needs_level"] == "1",
                                  r.get("bare") == "1", r.get("level") or "")
                         for r in _tsv("org_bodies.tsv")), key=lambda b: (-len(b.body), b.body)))


@lru_cache(maxsize=1)
def org_bodies_by_first() -> dict[str, tuple[BodyForm, ...]]:
    """:func:`org_bodies` grouped by first character, longest first in each
    group: the bodies that may start where a text has that character.

    >>> [b.body for b in org_bodies_by_first()["总"]]
    ['总商会', '总工会', '总']
    """
    out: dict[str, list[BodyForm]] = {}
    for b in org_bodies():
        out.setdefault(b.body[:1], []).append(b)
    return {c: tuple(bs) for c, bs in out.items()}


def key_lengths(keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each first two characters of the keys, the lengths of the keys
    starting with them, longest first: a look-up of the longest key at a
    position tries only these (and none where no key starts).

    >>> key_lengths(["北京", "北京市", "上海"])
    {'北京': (3, 2), '上海': (2,)}
    """
    out: dict[str, set[int]] = {}
    for k in keys:
        out.setdefault(k[:2], set()).add(len(k))
    return {head: tuple(sorted(ns, reverse=True)) for head, ns in out.items()}


@dataclass(frozen=True)
class NationalBody:
    canonical: str
    kind: str
    level: str
    aliases: tuple[str, ...]
    region: str = ""  # the region whose texts its local aliases are read in
    local_aliases: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def org_national() -> tuple[NationalBody, ...]:
    return tuple(NationalBody(r["canonical"], r["kind"], r["level"], tuple(r["aliases"].split("|")),
                              r.get("region") or "", tuple(a for a in (r.get("local_aliases") or "").split("|") if a))
                 for r in _tsv("org_national.tsv"))


@lru_cache(maxsize=1)
def org_suffixes() -> tuple[tuple[str, str, str], ...]:
    return tuple(sorted(((r["suffix"], r["kind"], r["level"]) for r in _tsv("org_suffixes.tsv")),
                        key=lambda t: (-len(t[0]), t[0])))


@lru_cache(maxsize=1)
def org_subbodies() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((r["suffix"], r["kind"]) for r in _tsv("org_subbodies.tsv")),
                        key=lambda t: (-len(t[0]), t[0])))


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """A one-word-per-line data file, longest first (each file read once: one
    cached file for all callers made them read it again and again)."""
    words: list[str] = []
    for line in _lines(name):
        words.extend(line.split())
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported here: the conversion tables load only when needed
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified, character for character (the length and
    every offset stay the same; a phrase rule that would change the length
    falls back to single characters)."""
    if not text:
        return text
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    conv = _converter()
    return "".join(c2 if len(c2 := conv.convert(c)) == 1 else c for c in text)


# --- programmes, concepts, documents, events (see docs/extraction-programmes.md)

@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """Like :func:`word_list`, cached per file (several files in turn)."""
    out: list[str] = []
    for line in _lines(name):
        out.extend(line.split())
    return tuple(sorted(set(out), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def programme_heads() -> tuple[tuple[str, bool], ...]:
    """(head, strong) pairs, longest first."""
    return tuple(sorted(((r["head"], r["strength"] == "strong") for r in _tsv("programme_heads.tsv")),
                        key=lambda t: (-len(t[0]), t[0])))


@dataclass(frozen=True)
class ConceptEntry:
    label: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def concepts() -> tuple[ConceptEntry, ...]:
    return tuple(ConceptEntry(r["label"], tuple(a for a in r["aliases"].split("|") if a))
                 for r in _tsv("concepts.tsv"))


@lru_cache(maxsize=1)
def concept_forms() -> dict[str, str]:
    """Every standard form (label or alias) -> its label."""
    out: dict[str, str] = {}
    for c in concepts():
        for form in (c.label, *c.aliases):
            out.setdefault(form, c.label)
    return out


@lru_cache(maxsize=None)
def patterns(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated data file without a header: one tuple per line, with
    ``{CJK}`` in any field standing for a Chinese character class."""
    return tuple(tuple(f.replace("{CJK}", CJK) for f in line.split("\t"))
                 for line in data_text(name).splitlines()
                 if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def keyed_words(name: str) -> dict[str, tuple[str, ...]]:
    """A tab-separated file of ``KEY<TAB>word word …`` lines: the words of each
    key, longest first (``activity_verbs.tsv``, ``participation.tsv``).

    >>> keyed_words("activity_verbs.tsv")["RUNS"][0] != ""
    True
    """
    return {row[0]: tuple(sorted(set(row[1].split()), key=lambda w: (-len(w), w)))
            for row in patterns(name)}
