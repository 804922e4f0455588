"""The `kg` command: a batch of good and bad files, exit codes, help."""

import codecs
import json
import os
import re
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from tests.conftest import CORPUS, ROOT

GOOD = "杨忠林 辽宁省人大常委会副主任、省总工会主席\n\n辽宁工会在全总和省委的领导下，始终坚持党的领导，努力开创工会工作新局面。\n"


def _bad_batch(d: Path) -> dict[str, str]:
    """Good files mixed with each kind of bad input; returns name -> expected reason."""
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "名字 有空格.txt").write_text(GOOD.replace("杨忠林", "王晓东").replace("辽宁", "河北"), encoding="utf-8")
    (d / "gbk.txt").write_bytes(GOOD.replace("杨忠林", "梁宝明").replace("辽宁", "天津").encode("gb18030"))
    (d / "big5.txt").write_bytes("郭大為 陝西省人大常委會副主任、省總工會主席\n\n陝西工會堅持黨的領導，努力開創工會工作新局面。\n".encode("big5"))
    (d / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.replace("杨忠林", "刘伟").replace("辽宁", "北京").encode("utf-16-le"))
    (d / "badbytes.txt").write_bytes(GOOD.encode("utf-8")[:40] + b"\xff\xfe" + GOOD.encode("utf-8")[40:])
    (d / "nul.txt").write_bytes(GOOD.encode("utf-8").replace("。".encode(), "。".encode() + b"\x00"))
    (d / "page.txt").write_text(f"<html><body><div>{GOOD}</div></body></html>", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (d / "archive.txt").write_bytes(b"PK\x03\x04" + bytes(64))
    (d / "loop").symlink_to(d, target_is_directory=True)
    (d / "dangling.txt").symlink_to(d / "missing-target.txt")
    os.mkfifo(d / "fifo.txt")
    return {"empty.txt": "empty file", "image.txt": "PNG", "archive.txt": "zip",
            "dangling.txt": "No such file", "fifo.txt": "not a regular file"}


def test_cli_batch_with_bad_files_builds_the_rest_and_exits_3(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    bad = _bad_batch(corpus)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out)])
    assert result.exit_code == 3, result.output
    for name, reason in bad.items():
        line = next((ln for ln in result.output.splitlines() if ln.strip().startswith(name + ":")), "")
        assert reason in line, (name, result.output)
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    people = {n["label"] for n in graph["nodes"] if n["type"] == "Person"}
    # every readable file gave its person: UTF-8, GB18030, Big5, UTF-16, bad bytes, NUL, HTML
    assert {"杨忠林", "王晓东", "梁宝明", "郭大为", "刘伟"} <= people
    assert re.search(r"documents read: \d+ \(.*gb18030 1.*\)", result.output)
    assert "big5 1" in result.output and "utf-16 1" in result.output


def test_cli_strict_stops_at_the_first_bad_file(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"")
    (corpus / "b.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--strict"])
    assert result.exit_code == 1
    assert "a.txt" in result.output and "empty file" in result.output
    assert not (out / "graph.json").exists()


def test_cli_all_good_exits_0_and_prints_a_summary(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(CORPUS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "documents read: 5" in result.output
    assert re.search(r"nodes: .*Person \d+", result.output)
    assert re.search(r"edges: .*HOLDS_POST \d+", result.output)


def test_cli_missing_input_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_cli_eval_without_a_graph_says_to_build_first(tmp_path):
    result = CliRunner().invoke(main, ["eval", str(ROOT / "tests" / "seeds.jsonl"),
                                       "--graph", str(tmp_path / "graph.json")])
    assert result.exit_code == 1 and "kg build" in result.output


def test_cli_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, cmd in main.commands.items():
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert "Example" in (cmd.help or ""), name
        assert f"kg {name}" in readme, name


def test_cli_file_of_megabytes_on_one_line_is_read(tmp_path):
    """A 5 MB page with no line break at all is read like any other, and the
    good file beside it too. Rules only: the statistical tagger's chunking of
    long lines is pinned in tests/test_tagger.py, and its speed on large
    inputs is a benchmark's (bench/), not a test's."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    piece = (CORPUS / "003_ca27a343f16d3193.txt").read_text(encoding="utf-8").replace("\n", "")
    with open(corpus / "oneline.txt", "w", encoding="utf-8") as fh:
        written, i = 0, 0
        while written < 5_000_000:
            chunk = f"{piece}第{i}段。"
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
            i += 1
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--formats", "json",
                                       "--no-cache", "--workers", "1", "--rules-only"])
    assert result.exit_code == 0, result.output
    assert "documents read: 2" in result.output
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    people = {n["label"] for n in graph["nodes"] if n["type"] == "Person"}
    assert {"杨忠林", "刘伟", "王晓东", "魏国强"} <= people


def test_cli_build_html_max_nodes_caps_the_page(tmp_path):
    res = CliRunner().invoke(main, ["build", str(CORPUS), "--out", str(tmp_path), "--workers", "1",
                                    "--no-cache", "--formats", "json,html", "--html-max-nodes", "40"])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    shown = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)[1])
    total = len(json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))["nodes"])
    drawn = [n for n in shown["nodes"] if shown["nodeTypes"][n["t"]]["name"] != "Article"]
    assert total > 200 and len(drawn) == 40  # the cap counts drawn nodes: articles come on top
    bad = CliRunner().invoke(main, ["build", str(CORPUS), "--out", str(tmp_path), "--html-max-nodes", "0"])
    assert bad.exit_code == 2 and "--html-max-nodes" in bad.output
