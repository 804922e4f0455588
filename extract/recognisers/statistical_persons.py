"""People the statistical tagger proposes, validated by the name rules.

LAC (:mod:`extract.tagger`) tags a word ``PER`` from its context, which
finds the workers, award winners and speakers no title chain introduces
(``广汽本田汽车有限公司职工叶世远``, ``劳模代表张桂梅``, lists joined by 、
and closed by 等). A proposal is kept when the rules accept it as a Chinese
personal name (:func:`extract.recognisers.names.valid_name`: a known surname
and one or two characters more); one that runs on past the name (``刘伟表``)
is cut back to the name where the rest is a boundary word; one that sits
inside a body, programme, document or event name found by the rules is not
a person of its own.

>>> from extract.normalise import normalise
>>> from extract.recognisers import find_mentions
>>> found = find_mentions(normalise("劳模代表张桂梅、职工叶世远等出席。"))
>>> sorted(m.label for m in found.of("Person"))
['叶世远', '张桂梅']
"""

from __future__ import annotations

from extract.recognisers.base import Found, Scan, register
from extract.recognisers.names import plausible_at, tagged_person_ends, transliterated, valid_name
from extract.records import Mention
from extract.spans import SpanSet

# mentions of these types found by the rules hold their own words: a
# person-like word inside them (陈嘉庚 in 陈嘉庚纪念馆) is part of a name
_CONTAINERS = ("Organization", "Programme", "Document", "Event", "Concept")
# a given name with 同志 (东明同志) is the honorific rule's to complete
_GIVEN_NAME_BEFORE = ("同志",)
# a surname followed by a frequent word that is not a name (辛劳, 光荣)
_WORD_FREQ = 50


def _name_at(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the personal name a PER word at ``[start, end)`` is, or
    None. The tagger's length is kept: a two-character word is not grown
    into a three-character name (李军|副省长 and 陈婷|作报告 would be as likely).

    >>> _name_at("副部长周云平", 3, 6), _name_at("向辛劳抚育", 1, 3), _name_at("公司", 0, 2)
    ((3, 6), None, None)
    """
    word = text[start:end]
    if not valid_name(word) or not plausible_at(text, start, end):
        return None
    if len(word) == 2 and text.startswith(_GIVEN_NAME_BEFORE, end):
        return None
    info = _dictionary_word(word)
    if info is not None and info[0] >= _WORD_FREQ and not info[1].startswith("nr"):
        return None
    return start, end


def _dictionary_word(word: str) -> tuple[int, str] | None:
    """jieba's frequency and part of speech of ``word``, if it knows it."""
    from extract.tokenise import tokenizer, word_tag

    freq = tokenizer().FREQ.get(word)
    return (freq, word_tag(word)) if freq else None


@register
class StatisticalPersonRecogniser:
    """People proposed by the tagger's PER tags and accepted by the name rules."""

    name = "statistical-persons"
    order = 90  # after the bodies, programmes, documents, events and concepts it defers to

    def find(self, scan: Scan) -> Found:
        tags = scan.tags
        if not tags:
            return Found()
        held = SpanSet.of((m.start, m.end) for m in scan.found.mentions if m.type in _CONTAINERS)
        out: list[Mention] = []
        text = scan.norm.text
        for start, end in tagged_person_ends(tags, text).items():
            if transliterated(text[start:end]):  # 买买提·艾力: no surname to check
                span = (start, end) if plausible_at(text, start, end) else None
            else:
                span = _name_at(text, start, end)
            if span is None:
                continue
            s, e = span
            name = scan.norm.text[s:e]
            if held.overlaps(s, e):
                continue
            out.append(Mention("Person", name, name, s, e, rule="statistical"))
        return Found(out)
