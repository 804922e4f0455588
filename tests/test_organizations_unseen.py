"""Bodies named in the general ways unseen pages name them (issue 14): a
special administrative region's legislature written bare, offices' unions
(机关工会), Hong Kong and Macau unions named after their trade, a union's
term committees, a body named inside its union's name or with a place word
before it, and a unit named after the body it belongs to. Sentences written
for the test."""

import pytest

from extract.corpus import SourceText
from extract.normalise import normalise
from extract.pipeline import extract
from extract.recognisers import find_mentions


def orgs(text: str) -> dict[str, object]:
    return {m.label: m for m in find_mentions(normalise(text), statistical=False).of("Organization")}


def facts(text: str, type_: str) -> set[tuple[str, str]]:
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    return {(f.source[1], f.target[1]) for f in r.facts if f.type == type_}


@pytest.mark.parametrize("text, label", [
    ("香港工会联合会举行新春酒会。工联会积极参与立法会选举，议席有所增加。", "香港立法会"),
    ("澳门特别行政区举行庆祝活动，立法会主席出席。", "澳门立法会"),
    ("香港工聯會參與立法會選舉。", "香港立法会"),
])
def test_a_bare_legislative_council_is_that_of_the_region_the_page_is_about(text, label):
    found = orgs(text)
    assert label in found
    assert found[label].org.kind == "legislature"
    assert not {"香港立法会", "澳门立法会"} - {label} & set(found)


def test_a_bare_legislative_council_lies_in_its_region():
    located = facts("香港特别行政区举行活动。工联会将继续积极参与立法会选举。", "LOCATED_IN")
    assert ("香港立法会", "香港特别行政区") in located
    assert ("香港工会联合会", "香港特别行政区") in located
