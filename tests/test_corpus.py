"""Reading corpus files: encodings detected, bad files refused with a reason."""

import codecs

import pytest

from extract.corpus import ReadError, discover, read_source

BYLINE = "杨忠林 辽宁省人大常委会副主任、省总工会主席\n\n辽宁工会在全总和省委的领导下，始终坚持党的领导。"


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", BYLINE.encode("utf-8")),
    ("utf-8-sig", codecs.BOM_UTF8 + BYLINE.encode("utf-8")),
    ("gb18030", BYLINE.encode("gb18030")),
    ("big5", "楊忠林 遼寧省人大常委會副主任、省總工會主席\n\n遼寧工會在全總和省委的領導下，始終堅持黨的領導。".encode("big5")),
    ("utf-16", BYLINE.encode("utf-16")),
])
def test_corpus_detects_the_encoding(tmp_path, encoding, data):
    (tmp_path / "a.txt").write_bytes(data)
    src = read_source(discover([tmp_path])[0])
    assert src.encoding == encoding
    assert "人大常委会副主任" in src.text or "人大常委會副主任" in src.text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
    (b"PK\x03\x04" + bytes(100), "zip"),
    (bytes(300) + b"abc", "NUL"),
])
def test_corpus_refuses_what_is_not_text_and_says_why(tmp_path, data, reason):
    (tmp_path / "bad.txt").write_bytes(data)
    with pytest.raises(ReadError) as exc:
        read_source(discover([tmp_path])[0])
    assert "bad.txt" in str(exc.value) and reason in str(exc.value)


def test_corpus_keeps_good_text_around_invalid_utf8(tmp_path):
    (tmp_path / "a.txt").write_bytes(BYLINE.encode("utf-8")[:30] + b"\xff\xfe\xfa" + BYLINE.encode("utf-8")[30:])
    src = read_source(discover([tmp_path])[0])
    assert "省总工会主席" in src.text
    assert any("invalid UTF-8" in w for w in src.warnings)


def test_corpus_lists_txt_files_under_folders_with_stable_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "二.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "a one.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "README.md").write_text("not a text", encoding="utf-8")
    assert [f.doc for f in discover([tmp_path])] == ["a one.txt", "b/二.txt"]


def test_corpus_does_not_follow_a_symlink_loop(tmp_path):
    (tmp_path / "a.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [f.doc for f in discover([tmp_path])] == ["a.txt"]
