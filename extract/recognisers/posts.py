"""Posts: chains of titles at bodies, and the person who holds them.

A chain starts at a body and runs through titles separated by 、 (or 兼),
switching body where a new one is written::

    辽宁省人大常委会 副主任 、 省总工会 主席
    河北省人大常委会 党组副书记 、 副主任 、 省总工会 主席
    中国华电集团有限公司 原 党组副书记 、 总经理      (原 carries to the end)

The holder is the name written straight after the chain (…主席刘伟表示),
before it on the same line (byline: ``杨忠林 辽宁省人大常委会副主任…``), or
named by an election (``选举王东明为…``, ``刘伟当选…``). A chain in an
author's note (``（作者系…）``) has no holder here: the article gives it.

>>> from extract.normalise import normalise
>>> from extract.recognisers import organizations
>>> n = normalise("河北省人大常委会党组副书记、副主任、省总工会主席 王晓东")
>>> [(p.person.label if p.person else None, p.org.label, p.title) for p in find(n, organizations.find(n, []))]
[('王晓东', '河北省人大常委会', '党组副书记'), ('王晓东', '河北省人大常委会', '副主任'), ('王晓东', '省总工会', '主席')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import lexicon
from extract.recognisers.names import name_at, name_ending_at
from extract.records import Mention, OrgAttrs
from extract.recognisers.base import Found, Scan, register

_SEP = ("、", "兼", "，兼", "、兼")
_ELECTION_BEFORE = re.compile(r"(?:选举|增补|推选|任命|补选)$")
_ELECTION_AFTER = ("当选为", "当选", "担任", "出任", "任", "为")
_NOTE = re.compile(r"[（(]\s*作者(?:系|是|为|现任|现为|：|:)\s*$")
_FORMER_BEFORE_CHAIN = ("回顾担任", "曾担任", "曾任", "原任", "时任", "原")
# the writer speaking of a post of their own: 回顾担任省总工会主席的十年
_SELF_BEFORE_CHAIN = ("回顾担任", "我担任", "我曾担任", "我曾任", "本人担任", "本人曾任")


@dataclass(frozen=True)
class Post:
    person: Mention | None
    org: Mention
    title: str
    former: bool
    start: int
    end: int
    rule: str


def person_mention(name: tuple[str, int, int], rule: str) -> Mention:
    label, s, e = name
    return Mention("Person", label, label, s, e, rule=rule)


def _former_at(text: str, i: int) -> int:
    for w in lexicon.former_markers():
        if text.startswith(w, i):
            return len(w)
    return 0


_CONCURRENT = ("(兼)", "（兼）")
_CANDIDATE = "候选人"


def union_of(body: Mention, at: int) -> Mention:
    """The union of ``body`` (an enterprise, institute, party body) named
    through it (…公司…、工会主席), written as 工会 at ``at``.

    >>> from extract.records import OrgAttrs
    >>> co = Mention("Organization", "兰州石化公司", "兰州石化公司", 0, 6, org=OrgAttrs("enterprise"))
    >>> u = union_of(co, 14)
    >>> u.label, u.org.kind, u.org.level, u.org.parent
    ('兰州石化公司工会', 'union', 'grassroots', (0, 6))
    """
    o = body.org
    label = body.label + "工会"
    return Mention("Organization", label, label, at, at + 2, rule="union-of-body",
                   org=OrgAttrs("union", "grassroots", o.regions, o.level_word,
                                (o.body or "") + "工会" if o.level_word else "", (body.start, body.end)))


def parse_chain(text: str, org: Mention, orgs_at: dict[int, Mention]) -> tuple[list[tuple[Mention, str, bool]], int]:
    """Titles from the body ``org`` on: ``([(body, title, former)], end)``."""
    items: list[tuple[Mention, str, bool]] = []
    cur, p, former = org, org.end, False
    title_re = lexicon.title_regex()
    while True:
        k = _former_at(text, p)
        if k:
            former, p = True, p + k
        m = title_re.match(text, p)
        if m is None:
            break
        title = m.group(0)
        body = cur
        if title.startswith("工会") and len(title) > 2 and cur.org is not None and cur.org.kind != "union":
            # 兰州石化公司党委常务副书记、工会主席: 主席 at the company's union
            body, title = union_of(cur, m.start()), title[2:]
        p = m.end()
        k = next((len(w) for w in _CONCURRENT if text.startswith(w, p)), 0)
        if k:  # 副主席(兼): written 兼职副主席
            title, p = "兼职" + title, p + k
        items.append((body, title, former))
        sep = next((s for s in _SEP if text.startswith(s, p)), None)
        if sep is None:
            break
        q = p + len(sep)
        k = _former_at(text, q)
        nxt = orgs_at.get(q + k)
        if nxt is not None:
            cur, p = nxt, nxt.end
            former = former or bool(k)
            continue
        if title_re.match(text, q + k):
            p = q
            continue
        break
    return items, p


def find(norm, orgs: list[Mention]) -> list[Post]:
    text = norm.text
    orgs_at: dict[int, Mention] = {}
    for o in orgs:
        if o.start not in orgs_at or o.end > orgs_at[o.start].end:
            orgs_at[o.start] = o
    posts: list[Post] = []
    consumed_until = -1
    for start in sorted(orgs_at):
        if start < consumed_until:
            continue
        org = orgs_at[start]
        items, end = parse_chain(text, org, orgs_at)
        if not items:
            continue
        consumed_until = end
        # a former post written before the chain: 原中国华电集团…, 曾任省总工会主席
        before = text[max(0, start - 4):start]
        former_all = any(before.endswith(w) for w in _FORMER_BEFORE_CHAIN)
        holder, rule = None, ""
        line_start = text.rfind("\n", max(0, start - 200), start) + 1 or max(0, start - 200)
        lead = text[line_start:start]
        if _NOTE.search(lead):
            rule = "author-note"
        elif lead.endswith(_SELF_BEFORE_CHAIN):
            rule = "author-self"
        else:
            after = name_at(norm, end)
            if after is not None:
                holder, rule = person_mention(after, "title-before-name"), "title-before-name"
            elif lead.strip() and lead.endswith((" ", "\t")) and "。" not in lead:
                # byline: the name, a space, then the chain
                nm = name_ending_at(norm, len(lead.rstrip()) + line_start)
                if nm is not None and nm[1] == line_start + len(lead) - len(lead.lstrip()):
                    holder, rule = person_mention(nm, "byline-name-first"), "byline-name-first"
            if holder is None:
                for verb in _ELECTION_AFTER:
                    if lead.endswith(verb):
                        pre = start - len(verb)
                        m = _ELECTION_BEFORE.search(text[max(0, pre - 8):pre])
                        if verb == "为" and m is None:
                            # 选举王东明为…: the name sits between the verb and 为
                            vm = re.search(r"(?:选举|增补|推选|任命|补选)([^\s，。、]{2,4})$", text[max(0, pre - 10):pre])
                            if vm:
                                nm = name_at(norm, pre - len(vm.group(1)), require_boundary=False)
                                if nm and nm[2] == pre:
                                    holder, rule = person_mention(nm, "election"), "election"
                        else:
                            nm = name_ending_at(norm, pre) or _name_just_before(norm, pre)
                            if nm is not None:
                                holder, rule = person_mention(nm, "election"), "election"
                        break
        if text.startswith(_CANDIDATE, end) or lead.endswith(_CANDIDATE):
            consumed_until = end
            continue  # 主席候选人: a candidate holds nothing yet
        if rule == "":
            rule = "chain-without-holder"
        if former_all:
            items = [(o, t, True) for o, t, _ in items]
        span_end = holder.end if holder is not None and holder.end > end else end
        span_start = holder.start if holder is not None and holder.start < start else start
        for o, t, former in items:
            title = ("原" + t) if former and not t.startswith("原") else t
            posts.append(Post(holder, o, title, former, span_start, span_end, rule))
        if rule == "election" and items:
            more, end = _election_list(norm, max(end, span_end), items[-1][0])
            posts.extend(more)
            consumed_until = max(consumed_until, end)
    return posts


_LIST_SEP = ("，", ",", "、", "；", ";")
_ELECTED = ("当选为", "当选", "为")


def _election_list(norm, p: int, org: Mention) -> tuple[list[Post], int]:
    """The rest of an election at ``org``: ``，王全为常务副主席，A、B为专职副主席``
    or ``、B当选为副主席``; each name gets the title after its 为."""
    text, title_re = norm.text, lexicon.title_regex()
    out: list[Post] = []
    while True:
        sep = next((x for x in _LIST_SEP if text.startswith(x, p)), None)
        if sep is None:
            break
        q, names = p + len(sep), []
        while True:
            nm = name_at(norm, q, require_boundary=False)
            if nm is None:
                break
            names.append(nm)
            q = nm[2]
            if text.startswith("、", q):
                q += 1
                continue
            break
        verb = next((v for v in _ELECTED if text.startswith(v, q)), None) if names else None
        m = title_re.match(text, q + len(verb)) if verb else None
        if m is None or text.startswith(_CANDIDATE, m.end()):
            break
        title, e = m.group(0), m.end()
        k = next((len(w) for w in _CONCURRENT if text.startswith(w, e)), 0)
        if k:
            title, e = "兼职" + title, e + k
        for nm in names:
            out.append(Post(person_mention(nm, "election"), org, title, False, p + len(sep), e, "election"))
        p = e
    return out, p


def _name_just_before(norm, end: int) -> tuple[str, int, int] | None:
    """A name right before an election verb, whatever precedes it (…，刘伟当选)."""
    for n in (3, 2):
        s = end - n
        if s >= 0:
            nm = name_at(norm, s, require_boundary=False)
            if nm and nm[2] == end:
                return nm
    return None


@register
class PostRecogniser:
    """Posts from title chains at the bodies found so far, and their holders."""

    name = "posts"
    order = 30

    def find(self, scan: Scan) -> Found:
        chain_posts = find(scan.norm, scan.found.of("Organization"))
        found = [p.person for p in chain_posts if p.person is not None]
        # unions named through their body (…、工会主席) are bodies of their own
        unions = {(p.org.start, p.org.end): p.org for p in chain_posts if p.org.rule == "union-of-body"}
        return Found(found + [unions[k] for k in sorted(unions)], chain_posts)
