"""Normalisation keeps every offset and cleans what real texts carry."""

import unicodedata

import pytest

from extract.normalise import normalise, sentences


def _check_map(raw: str) -> None:
    n = normalise(raw)
    assert len(n.offsets) == len(n.text) + 1
    for i, ch in enumerate(n.surface):
        s, e = n.raw_span(i, i + 1)
        assert 0 <= s < e <= len(raw)


@pytest.mark.parametrize("raw, expected", [
    ("北京市人大常委会副主任、市总工会主席 刘 伟", "北京市人大常委会副主任、市总工会主席 刘伟"),  # 003 byline
    ("本版编辑：兰增干 版式：张 瑜 校对：桂 璐", "本版编辑：兰增干 版式：张瑜 校对：桂璐"),      # 001 masthead
])
def test_normalise_joins_names_padded_with_a_space(raw, expected):
    n = normalise(raw)
    assert n.text == expected
    _check_map(raw)


@pytest.mark.parametrize("raw, expected", [
    ("深化改革</div\n\n正文", "深化改革\n\n正文"),                                # 000 stray markup
    ("# 深化工会改革 服务职工群众", "深化工会改革 服务职工群众"),                    # 003 markdown heading
    ("[案例分享：中国华电集团有限公司原党组副书记](#)", "案例分享：中国华电集团有限公司原党组副书记"),  # 002 link
    ("工会<b>主席</b>&amp;", "工会主席&"),
])
def test_normalise_drops_markup_and_keeps_link_text(raw, expected):
    assert normalise(raw).text == expected
    _check_map(raw)


def test_normalise_unifies_half_width_punctuation_beside_chinese():
    n = normalise("金秋十月,硕果飘香;(上接第2版)")
    assert n.text == "金秋十月，硕果飘香；（上接第2版）"
    assert n.surface == n.text


def test_normalise_unifies_full_width_letters_and_digits():
    assert normalise("１２３５１职工服务热线ＡＢ").text == "12351职工服务热线AB"


def test_normalise_joins_lines_broken_by_the_column_layout():
    # 001: every line broken mid-word by a narrow column
    raw = "\n".join(["习近平新时代中国特色社会主义思想，", "从理论和实践结合上系统回答了新时代坚持",
                     "和发展什么样的中国特色社会主义、怎样坚", "持和发展中国特色社会主义这个重大时代课",
                     "题，是马克思主义中国化最新成果。"] * 5)
    n = normalise(raw)
    assert "怎样坚持和发展" in n.text and "时代课题" in n.text
    _check_map(raw)


def test_normalise_reads_a_repeated_paragraph_once():
    para = "自觉强化理论武装，狠抓省总党组中心组学习，规范制度、强化责任、提升质量。"
    n = normalise(f"{para}\n\n另一段。\n\n{para}\n\n{para}")
    assert n.text.count(para) == 1
    assert n.dropped_paragraphs == 2


def test_normalise_reads_traditional_through_simplified_and_keeps_the_original():
    raw = "中華全國總工會書記處書記、黨組成員"
    n = normalise(raw)
    assert n.text == "中华全国总工会书记处书记、党组成员"
    assert n.surface == raw
    assert n.traditional


def test_normalise_removes_pinyin_glosses():
    assert normalise("工(gōng)会(huì)主席").text == "工会主席"


@pytest.mark.parametrize("doc", ["000_7f6e878959a985ef.txt", "001_9d3b66fbc6c23908.txt",
                                 "002_9bfbc4b03e2c5a4f.txt", "003_ca27a343f16d3193.txt",
                                 "004_72153dad1642bd88.txt"])
def test_normalise_maps_every_character_of_the_sample_back(doc):
    from tests.conftest import CORPUS
    raw = (CORPUS / doc).read_text(encoding="utf-8")
    n = normalise(raw)
    # every character is the raw one it maps to, up to width (， for ,)
    bad = [(i, c) for i, c in enumerate(n.surface)
           if unicodedata.normalize("NFKC", raw[n.offsets[i]]) != unicodedata.normalize("NFKC", c)]
    assert bad == []


def test_normalise_sentences_cover_their_text():
    t = "工会要团结职工。职工要听党话！\n标题"
    assert [t[s:e] for s, e in sentences(t)] == ["工会要团结职工。", "职工要听党话！", "标题"]


# --- issue 16: traditional text is normalised as simplified text is ---------

SIMPLIFIED_PAGE = ("辽宁省总工会召开全委会议\n\n"
                   "辽宁省总工会主席 刘 伟、副主席 张 强出席会议并讲话。"
                   "会议由省总工会副主席 王 芳主持。\n\n"
                   "会议要求，全省各级工会深入开展“安康杯”竞赛，维护职工合法权益。\n")


def test_normalise_big5_traditional_copy_joins_padded_names_as_simplified(tmp_path):
    from opencc import OpenCC

    traditional = OpenCC("s2t").convert(SIMPLIFIED_PAGE)
    assert "劉 偉" in traditional and traditional != SIMPLIFIED_PAGE
    simple_norm, trad_norm = normalise(SIMPLIFIED_PAGE), normalise(traditional)
    assert trad_norm.traditional
    # every pass does the same: the normalised texts are the same text
    assert trad_norm.text == simple_norm.text
    assert "刘伟" in trad_norm.text and "劉偉" in trad_norm.surface


def test_normalise_big5_file_gives_the_people_and_posts_of_the_simplified(tmp_path):
    import json

    from opencc import OpenCC

    from kg.build import build_graph, write_outputs

    def build(name, data):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "page.txt").write_bytes(data)
        graph, report = build_graph([folder])
        assert report.documents == 1, report.skipped
        write_outputs(graph, tmp_path / f"{name}-out", formats=("json",))
        g = json.loads((tmp_path / f"{name}-out" / "graph.json").read_text(encoding="utf-8"))
        label = {n["id"]: n.get("label") for n in g["nodes"]}
        people = {n["label"] for n in g["nodes"] if n.get("type") == "Person"}
        posts = {(label[e["source"]], e.get("title"), label[e["target"]])
                 for e in g[next(k for k in ("edges", "links") if k in g)] if e.get("type") == "HOLDS_POST"}
        return people, posts, report

    s_people, s_posts, _ = build("simplified", SIMPLIFIED_PAGE.encode("utf-8"))
    t_people, t_posts, report = build("big5", OpenCC("s2t").convert(SIMPLIFIED_PAGE).encode("big5"))
    assert report.encodings == {"page.txt": "big5"}
    assert {"刘伟", "王芳"} <= s_people
    assert t_people == s_people
    assert t_posts == s_posts and len(s_posts) >= 2


def test_a_two_character_name_padded_to_three_with_several_spaces_is_joined():
    from extract.normalise import normalise

    raw = "副主席\n马   璐\n陈 刚\n"
    n = normalise(raw)
    assert n.text == "副主席\n马璐\n陈刚\n"
    s, e = n.raw_span(n.text.index("马璐"), n.text.index("马璐") + 2)
    assert raw[s:e] == "马   璐"  # the name's offsets point at its text as written
