"""Every fact carries evidence that really holds its sentence."""

from extract.normalise import normalise
from tests.conftest import CORPUS


def test_evidence_spans_hold_their_sentence_in_the_normalised_text(sample_json):
    texts = {}
    checked = 0
    for e in sample_json["edges"]:
        if e["type"] == "MENTIONS":
            continue
        assert e.get("evidence"), f"{e['type']} {e['source']}->{e['target']} has no evidence"
        for ev in e["evidence"]:
            doc = ev["doc"]
            if doc not in texts:
                texts[doc] = normalise((CORPUS / doc).read_text(encoding="utf-8")).text
            assert texts[doc][ev["start"]:ev["end"]] == ev["sentence"], ev
            checked += 1
    assert checked > 100


def test_evidence_of_a_post_contains_the_holder_and_the_title(sample_json):
    labels = {n["id"]: n for n in sample_json["nodes"]}
    posts = [e for e in sample_json["edges"] if e["type"] == "HOLDS_POST"]
    assert posts
    for e in posts:
        person = labels[e["source"]]
        names = [person["label"]] + person["aliases"]
        for ev in e["evidence"]:
            title = e["title"].removeprefix("原")
            assert title in ev["sentence"], (e["title"], ev["sentence"])
            if "作者" not in ev["sentence"]:
                assert any(n in ev["sentence"].replace(" ", "") for n in names), ev["sentence"]


def test_evidence_maps_back_to_the_raw_file():
    raw = (CORPUS / "003_ca27a343f16d3193.txt").read_text(encoding="utf-8")
    n = normalise(raw)
    i = n.text.index("刘伟")
    s, e = n.raw_span(i, i + 2)
    assert raw[s:e] == "刘 伟"
