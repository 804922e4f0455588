"""Statistical proposals for organisations: the tagger's ORG spans that the
rules missed, re-read through the organisation rules.

Each ORG span (:attr:`extract.recognisers.base.Scan.tags`) that overlaps no
body found so far is read again by :func:`extract.recognisers.organizations.find`
on its own text: a body the rules find covering the whole span keeps their
label, kind, level and region. A span the rules cannot classify becomes a body
(of kind ``other`` unless its last word says more) only if it ends in a body-like word
after a name of three characters or more (not 工运学院, a kind of college)
(``data/org_body_words.tsv``, which also gives its kind), or, an
enterprise, if a worker's job or the like follows it (美团骑手, 韵达快递员:
``data/org_employer_marks.txt``), or if the part it takes in an event follows
it (美高梅文旅协办: ``data/org_role_marks.txt``, which a span running on into
one is cut before); page furniture (a menu line of short words) and
generic plurals (各级工会) and phrases no name starts with
(``data/org_name_leads.txt``: 新时代江苏工会) are rejected. A text longer than ``MAX_TEXT`` is
not tagged for this.

>>> from extract.normalise import normalise
>>> from extract.recognisers import Scan
>>> from extract.tagger import Tagged
>>> s = Scan(normalise("会见了东郊职工群众惠民服务站的代表"), statistical=False)
>>> s.__dict__["tags"] = [Tagged(3, 14, "ORG", "东郊职工群众惠民服务站")]
>>> [(m.label, m.org.kind) for m in StatisticalOrgsRecogniser().find(s).mentions]
[('东郊职工群众惠民服务站', 'other')]
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from types import SimpleNamespace

from extract import lexicon
from extract.recognisers import organizations
from extract.recognisers.base import Found, Scan, register
from extract.records import Mention, OrgAttrs
from extract.tagger import Tagged
from extract.spans import SpanSet


# the tagger reads about 7 000 characters a second here: a text longer than a
# long page (a dump, a book on one line) is read by the rules alone
MAX_TEXT = 200_000


_MENU_LINE_MAX = 400  # characters: a longer line is text, not a menu (and is not split per span)


def _furniture(text: str, start: int, end: int) -> bool:
    """A line of short words set apart by spaces (a site menu) is furniture.

    >>> _furniture("首页 新闻 工会 动态 服务\\n正文", 3, 5), _furniture("全省工会工作会议召开", 0, 4)
    (True, False)
    """
    lo = text.rfind("\n", max(0, start - _MENU_LINE_MAX), start) + 1
    hi = text.find("\n", end, end + _MENU_LINE_MAX)
    if (lo == 0 and start > _MENU_LINE_MAX) or (hi < 0 and len(text) > end + _MENU_LINE_MAX):
        return False  # no line end near: a long line of text
    words = text[lo:hi if hi >= 0 else len(text)].split()
    return len(words) >= 4 and all(len(w) <= 6 for w in words)


@lru_cache(maxsize=1)
def _body_words() -> tuple[tuple[str, str], ...]:
    """(last word, kind), longest first."""
    rows = [(r["word"], r["kind"]) for r in lexicon._tsv("org_body_words.tsv")]
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r[0])))


@lru_cache(maxsize=1)
def _last_words(words: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(w for w, _ in words)


def _generic(name: str) -> bool:
    return name.startswith(lexicon.word_list("generic_modifiers.txt")) \
        or name.startswith(lexicon.word_list("org_name_leads.txt"))


_SHORTEST_ROLE_NAME = 3  # 美高梅文旅协办: a name of three characters or more before its part
_RIGHT_CONTEXT = 4  # the rules see what follows the span (浙江省工会|会员 is no body)


def _reread(span: str, start: int, after: str = "") -> Mention | None:
    """The rules' body covering all of ``span`` (read with the text
    ``after`` it), moved to ``start``."""
    for m in organizations.find(SimpleNamespace(text=span + after), []):
        if m.start == 0 and m.end == len(span):
            parent = m.org.parent
            org = replace(m.org, parent=(parent[0] + start, parent[1] + start)) if parent else m.org
            return replace(m, start=start, end=start + len(span), rule="statistical-org", org=org)
    return None


_COMPANY_WORDS = ("公司", "集团")
_RUN_ON = 4  # at most this many characters of a unit's name the tagger runs on into


def _cut_after_company(t: Tagged, words) -> Tagged:
    """A span that runs on a few characters past a company's last word into
    the name of its unit (攀钢集团矿业公司朱家 of 攀钢集团矿业公司朱家包包铁矿)
    is cut after the company, whose unit the rules then read whole.

    >>> _cut_after_company(Tagged(0, 10, "ORG", "攀钢集团矿业公司朱家"), _body_words()).text
    '攀钢集团矿业公司'
    """
    if t.text.endswith(_last_words(words)):
        return t
    for w in _COMPANY_WORDS:
        k = t.text.rfind(w)
        if k >= 3 and 0 < len(t.text) - (k + len(w)) <= _RUN_ON:
            return Tagged(t.start, t.start + k + len(w), t.tag, t.text[:k + len(w)])
    return t


def propose(text: str, tags: list, found: list[Mention]) -> list[Mention]:
    """Organization mentions from the tagger's ORG spans (module docstring)."""
    have = SpanSet.of((m.start, m.end) for m in found)
    ends = {m.end: m for m in found}
    words = _body_words()
    out = []
    marks = lexicon.word_list("org_employer_marks.txt")
    roles = lexicon.word_list("org_role_marks.txt")
    for t in tags:
        if t.tag != "ORG" or len(t.text) < 2:
            continue
        role = next((w for w in roles if t.text.endswith(w) and len(t.text) - len(w) >= _SHORTEST_ROLE_NAME), "")
        if role:  # 美高梅文旅协办: the body, then its part in the event
            t = Tagged(t.start, t.end - len(role), t.tag, t.text[:-len(role)])
        t = _cut_after_company(t, words)
        employer = text.startswith(marks, t.end)  # 美团骑手, 韵达快递员: a brand named as a worker's employer
        organiser = len(t.text) >= _SHORTEST_ROLE_NAME and text.startswith(roles, t.end)
        if len(t.text) < 3 and not employer:
            continue
        if _generic(t.text) or _furniture(text, t.start, t.end):
            continue
        tail = ends.get(t.end)
        if have.overlaps(t.start, t.end):
            # the rules read only the end of the name (惠民服务中心 of
            # 东郊职工群众惠民服务中心): the longer name, with the rules' kind
            if tail is None or tail.start <= t.start or not have.covers(tail.start, t.end) \
                    or have.overlaps(t.start, tail.start) or tail.org is None:
                continue
            if organizations.leading_regions_end(text, t.start, tail.start) == tail.start:
                continue  # 湖北|黄石市总工会: a province written before the body's name is not part of it
            out.append(Mention("Organization", t.text, t.text, t.start, t.end, rule="statistical-org",
                               org=replace(tail.org, parent=None)))
            continue
        m = _reread(t.text, t.start, text[t.end:t.end + _RIGHT_CONTEXT])
        word, kind = next(((w, k) for w, k in words if t.text.endswith(w) and len(t.text) > len(w) + 2),
                          ("", None))
        name_end = t.end - len(word)
        if m is None and word and organizations.leading_regions_end(text, t.start, name_end) == name_end:
            kind = None  # 浙江省工会 (会员): a region and a body word the rules did not read as a body
        if m is None and kind is None and employer:
            kind = "enterprise"
        if m is None and kind is None and organiser:
            kind = "other"
        if m is None and kind is not None:
            m = Mention("Organization", t.text, t.text, t.start, t.end, rule="statistical-org",
                        org=OrgAttrs(kind))
        if m is not None:
            out.append(m)
            have.add(m.start, m.end)
    return out


@register
class StatisticalOrgsRecogniser:
    """Organization mentions proposed by the tagger (:func:`propose`)."""

    name = "statistical_orgs"
    order = 25

    def find(self, scan: Scan) -> Found:
        if len(scan.norm.text) > MAX_TEXT or not scan.tags:
            return Found()
        text = scan.norm.text
        proposed = propose(text, scan.tags, scan.found.of("Organization"))
        # the union written straight after a proposed body; the unit a proposed
        # body's name runs on into (攀钢集团矿业公司朱家包包铁矿)
        proposed = organizations.units_of_bodies(text, proposed)
        return Found(proposed + organizations.unions_of_bodies(text, proposed))
