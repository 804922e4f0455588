"""People named outside title chains: credits, honorifics, bare bylines.

- credits: ``记者 刘璇``, ``（记者陈俊宇）``, ``摄影 彭福宗``, ``通讯员``,
  mastheads ``本版编辑：兰增干 版式：张瑜 校对：桂璐``;
- a name with an honorific or a title straight after it: ``习近平总书记``,
  ``毛泽东同志``, ``王东明主席``; a two-character form (``东明同志``) only
  where the text also gives a full name ending in it, which it then is;
- a line holding only a name, between a heading and the piece it signs.

>>> from extract.normalise import normalise
>>> sorted({m.label for m in find(normalise("本报讯（记者 刘 璇）习近平总书记指出。毛泽东同志批示"))})
['习近平', '刘璇', '毛泽东']
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import context, lexicon
from extract.lexicon import CJK
from extract.recognisers.names import name_at, plausible_at, valid_name
from extract.records import Mention
from extract.spans import SpanSet, last_before
from extract.recognisers.base import Found, Scan, register
from extract.recognisers.posts import Post

_CREDIT_LEADS = ("本报", "特约", "见习", "实习")
_CREDIT_WORDS = ("记者", "通讯员", "摄影", "摄", "实习生", "责任编辑", "本版编辑", "编辑", "版式", "校对", "美编",
                 "文", "图")
# (?:lead)?(?:word), spelled out in the same order (each lead with each word,
# then each word alone) so that every alternative starts with a character:
# sre then skips to the characters that can start one
CREDIT = re.compile("(?:" + "|".join([l + w for l in _CREDIT_LEADS for w in _CREDIT_WORDS] + list(_CREDIT_WORDS))
                    + r")(?:/[图文])?[：:\s]*(?=[" + CJK + r"])")
_HONORIFIC = re.compile(r"(?:总书记|同志|委员长|总理|主席|副主席|书记|部长|院士)")
_NAME_LINE = re.compile(rf"(?m)^[ \t]*([{CJK}]{{2,4}})[ \t]*$")


_REPORTER = "记者"
_OWN_DATELINE = re.compile(r"本报[^\n（(]{0,12}?(?:电|讯|消息)\s*[（(]\s*$")
_DATELINE_END = re.compile(r"(?:电|讯|消息)\s*[（(]\s*$")


def _paper_of(text: str, credit_start: int, word: str, media: list[Mention], ends: list[int],
              masthead: Mention | None) -> Mention | None:
    """The paper or agency a reporter's credit at ``credit_start`` works for:
    the medium written just before (南海网记者陈望, 新华社记者何俊昌摄), the one
    heading the dateline of its bracket (新华社北京10月21日电（记者车玉明）), or,
    for 本报, the masthead in the document's head (天津日报 … 本报讯（记者…）).
    ``media`` are sorted by end, ``ends`` their ends; ``masthead`` is the
    first medium in the document's head."""
    before = text[max(0, credit_start - 40):credit_start]
    i = last_before(ends, 0, credit_start + 1)  # the medium ending last before the credit
    last = media[i] if i >= 0 else None
    if last is not None and credit_start - last.end <= 1 and text[last.end:credit_start].strip() == "":
        return last
    own = word.startswith("本报") or _OWN_DATELINE.search(before) is not None
    if _DATELINE_END.search(before) and not own:
        line = text.rfind("\n", 0, credit_start) + 1
        if last is not None and last.start >= line:
            return last
    return masthead if own else None


def _credits(norm, bodies: list[Mention] = ()) -> tuple[list[Mention], list[Post]]:
    """People in credits, and the 记者 posts at the medium the credit names."""
    text = norm.text
    media = sorted((b for b in bodies if b.org is not None and b.org.kind == "media"), key=lambda b: (b.end, b.start))
    ends = [b.end for b in media]
    masthead = min((b for b in media if b.start < context.HEAD), key=lambda b: b.start, default=None)
    out: list[Mention] = []
    posts: list[Post] = []
    for m in CREDIT.finditer(text):
        word = m.group(0).rstrip("：: \t")
        if word in ("文", "图", "摄") and m.start() > 0 and "\u4e00" <= text[m.start() - 1] <= "\u9fff":
            continue  # 论文, 图文 inside a word
        p = m.end()
        paper = _paper_of(text, m.start(), word, media, ends, masthead) if word.endswith(_REPORTER) else None
        while True:
            nm = name_at(norm, p)
            if nm is None or not plausible_at(text, nm[1], nm[2]):
                break
            out.append(Mention("Person", nm[0], nm[0], nm[1], nm[2], rule="credit",
                               attrs=(("credit", word),)))
            if paper is not None:
                posts.append(Post(out[-1], paper, _REPORTER, False, min(m.start(), paper.end), nm[2], "reporter"))
            p = nm[2]
            while p < len(text) and text[p] in " 、\t":
                p += 1
            if CREDIT.match(text, p):
                break
    return out, posts


@lru_cache(maxsize=None)
def _titles_longer_than(n: int) -> tuple[str, ...]:
    """The titles of more than ``n`` characters.

    >>> "常务副主席" in _titles_longer_than(2), "主席" in _titles_longer_than(2)
    (True, False)
    """
    return tuple(t for t in lexicon.titles() if len(t) > n)


def _honorifics(norm, full_names: set[str]) -> list[Mention]:
    text = norm.text
    out = []
    for m in _HONORIFIC.finditer(text):
        s = m.start()
        head = text[max(0, m.end() - 8):m.end()]
        if head.endswith(_titles_longer_than(max(2, len(m.group(0))))):
            continue  # 主席 inside 常务副主席: a title, no name before it
        for n in (3, 2, 4):
            b = s - n
            if b < 0:
                continue
            cand = text[b:s]
            if not valid_name(cand) or not plausible_at(text, b, s):
                continue
            if cand[-1] == m.group(0)[0]:
                continue  # 劳动部部长, 公安局局长: a body and its head's title, no name
            if b > 0 and "\u4e00" <= text[b - 1] <= "\u9fff" and n == 2 and cand not in full_names:
                continue
            if n == 2:
                full = next((f for f in sorted(full_names) if len(f) == 3 and f.endswith(cand)), None)
                if full is not None:
                    out.append(Mention("Person", full, cand, b, s, rule="honorific-short"))
                    break
                if cand not in full_names:
                    continue
            out.append(Mention("Person", cand, cand, b, s, rule="honorific",
                               attrs=(("honorific", m.group(0)),)))
            break
    return out


def _name_lines(norm) -> list[Mention]:
    """A line that is only a name, with a heading above and text below."""
    text = norm.text
    out = []
    for m in _NAME_LINE.finditer(text):
        cand = m.group(1)
        if not valid_name(cand):
            continue
        after = text[m.end():m.end() + 200].lstrip()
        if len(after) < 30:
            continue
        out.append(Mention("Person", cand, cand, m.start(1), m.end(1), rule="name-line"))
    return out


def find(norm, known: list[Mention] = (), bodies: list[Mention] = ()) -> list[Mention]:
    """People outside title chains; ``known`` are people already found (their
    full names complete short forms), ``bodies`` the organisations found, whose
    words are not names (记者从市总工会获悉)."""
    return find_with_posts(norm, known, bodies)[0]


def find_with_posts(norm, known: list[Mention] = (), bodies: list[Mention] = ()) -> tuple[list[Mention], list[Post]]:
    """:func:`find`, and the 记者 posts of the credits at the medium they name.

    >>> from extract.normalise import normalise
    >>> from extract.recognisers import organizations
    >>> n = normalise("新华社记者何俊昌摄")
    >>> [(p.person.label, p.org.label, p.title) for p in find_with_posts(n, [], organizations.find(n, []))[1]]
    [('何俊昌', '新华通讯社', '记者')]
    """
    taken = SpanSet.of((m.start, m.end) for m in bodies)
    credited, posts = _credits(norm, bodies)
    found = [m for m in credited + _name_lines(norm) if not taken.overlaps(m.start, m.end)]
    full = {m.label for m in list(known) + found if len(m.label) >= 3}
    kept = {(m.start, m.end) for m in found}
    return found + _honorifics(norm, full), [p for p in posts if (p.person.start, p.person.end) in kept]


@register
class PersonRecogniser:
    """People named outside title chains (credits, honorifics, name lines)."""

    name = "persons"
    order = 40

    def find(self, scan: Scan) -> Found:
        people, posts = find_with_posts(scan.norm, scan.found.of("Person"), scan.found.of("Organization"))
        return Found(people, posts)
