"""Property tests: arbitrary Unicode and union-like text never break the
reader, and every offset points at its text."""

import os
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.corpus import SourceText
from extract.normalise import normalise, sentences
from extract.pipeline import extract

PIECES = ["辽宁省人大常委会副主任、省总工会主席", "刘 伟", "杨忠林 ", "（作者系全国总工会副主席、书记处书记）",
          "本报讯（记者 朱欣）", "（上接第1版）", "</div", "# ", "[案例](#)", "“安康杯”竞赛", "“六项行动”",
          "增强政治性、先进性、群众性", "《陕西省企业工资集体协商条例》", "中国工会十七大", "\n", "\n\n",
          "，", "。", "、", ",", "(", ")", " ", "\u3000", "中華全國總工會", "工(gōng)会", "２０１８年", "市委",
          "东明同志", "习近平总书记", "弘扬", "\x00", "\ufeff", "\r\n", "&amp;", "<b>"]

union_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)
# KG_FUZZ_EXAMPLES=5000 for a longer campaign than CI's
SETTINGS = settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "300")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(st.text(max_size=300), union_text))
def test_fuzz_normalise_maps_every_character_back(raw):
    n = normalise(raw)
    assert len(n.offsets) == len(n.text) + 1 == len(n.surface) + 1
    for i, c in enumerate(n.surface):
        s, e = n.raw_span(i, i + 1)
        assert 0 <= s < e <= len(raw)
        if raw[s] not in "&\r" and c not in "，；：！？（） ":
            assert unicodedata.normalize("NFKC", raw[s]) == unicodedata.normalize("NFKC", c) or c == raw[s]
    for s, e in sentences(n.text):
        assert 0 <= s < e <= len(n.text)


@SETTINGS
@given(union_text)
def test_fuzz_extraction_spans_are_valid(raw):
    r = extract(SourceText("f.txt", None, raw, "utf-8"))
    for m in r.mentions:
        assert 0 <= m.start < m.end <= len(r.text)
        assert r.text[m.start:m.end] == m.surface or m.type in ("Programme", "Concept", "Document", "Event")
    for f in r.facts:
        assert 0 <= f.start <= f.end <= len(r.text)
    for a in r.articles:
        assert 0 <= a.start <= a.end <= len(r.text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8) | st.sampled_from(PIECES),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@SETTINGS
@given(json_values, st.integers(min_value=0, max_value=3))
def test_fuzz_graph_json_writer_gives_the_bytes_of_json_dumps(value, depth):
    import json

    from kg.exporters.node_link import _indented
    expected = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)
    assert _indented(value, depth) == expected
