"""output/kuzu/ loaded into a real embedded graph database: LadybugDB (the
maintained fork of Kuzu, ``pip install ladybug``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.exporters import kuzu, tabular
from kg.model import NODE_TYPES, KnowledgeGraph

ladybug = pytest.importorskip("ladybug")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def conn(sample, tmp_path_factory):
    db = ladybug.Database(str(tmp_path_factory.mktemp("lbug") / "union.lbug"))
    connection = ladybug.Connection(db)
    kuzu.load(connection, sample / "kuzu")
    yield connection
    connection.close()
    db.close()


def test_kuzu_load_runs_the_files_as_written(sample, tmp_path, monkeypatch):
    """schema.cypher and load.cypher run statement by statement from inside
    the folder, with no path rewriting."""
    connection = ladybug.Connection(ladybug.Database(str(tmp_path / "db")))
    monkeypatch.chdir(sample / "kuzu")
    for name in ("schema.cypher", "load.cypher"):
        for stmt in kuzu.statements(Path(name).read_text(encoding="utf-8")):
            connection.execute(stmt)
    n = connection.execute("MATCH (n) RETURN count(*)").get_all()[0][0]
    assert n == len(KnowledgeGraph.load(sample / "graph.json").nodes)


def test_kuzu_counts_per_label_and_type_match_graph_json(conn, graph):
    nodes, edges = graph.counts()
    db_nodes = dict(conn.execute("MATCH (n) RETURN label(n), count(*)").get_all())
    db_edges = dict(conn.execute("MATCH ()-[r]->() RETURN label(r), count(*)").get_all())
    print("\nlabel/type            graph.json  LadybugDB")
    for k in sorted(nodes | db_nodes):
        print(f"{k:22}{nodes.get(k, 0):>10}{db_nodes.get(k, 0):>11}")
    for k in sorted(edges | db_edges):
        print(f"{k:22}{edges.get(k, 0):>10}{db_edges.get(k, 0):>11}")
    assert db_nodes == nodes
    assert db_edges == edges


def test_kuzu_database_round_trips_the_sample_graph(conn, graph):
    back = kuzu.read_database(conn)
    assert back.to_node_link()["nodes"] == graph.to_node_link()["nodes"]
    assert back.to_node_link()["edges"] == graph.to_node_link()["edges"]


def concurrent_posts_python(graph: KnowledgeGraph) -> set[tuple[str, str, str, str, str]]:
    """The concurrent-posts question computed over graph.json, no database."""
    def periods(e):
        date = e.attrs.get("date")
        return {("date", date)} if date else {("doc", ev.doc) for ev in e.evidence}

    posts: dict[str, list] = {}
    for e in graph.edges_of("HOLDS_POST"):
        posts.setdefault(e.source, []).append(e)
    found = set()
    for person, es in posts.items():
        for a in es:
            u = graph.nodes[a.target]
            if (u.attrs.get("kind"), u.attrs.get("level")) != ("union", "provincial"):
                continue
            for b in es:
                body = graph.nodes[b.target]
                if body.attrs.get("kind") in ("legislature", "cppcc") and periods(a) & periods(b):
                    found.add((graph.nodes[person].label, u.label, a.attrs.get("title"),
                               body.label, b.attrs.get("title")))
    return found


def test_kuzu_concurrent_posts_query_matches_python(conn, graph):
    rows = conn.execute(kuzu.CONCURRENT_POSTS).get_all()
    print("\n" + kuzu.CONCURRENT_POSTS)
    for r in rows:
        print(" | ".join(map(str, r)))
    assert {tuple(r) for r in rows} == concurrent_posts_python(graph)
    assert len(rows) == len({tuple(r) for r in rows})


@pytest.mark.parametrize("union_body", [
    "辽宁省总工会", "天津市总工会", "陕西省总工会", "北京市总工会", "河北省总工会",
    "内蒙古自治区总工会", "上海市总工会", "浙江省总工会", "山西省总工会", "江苏省总工会",
    "安徽省总工会", "吉林省总工会"])
def test_kuzu_concurrent_posts_find_the_sample_chairs(conn, union_body):
    people = {r[0] for r in conn.execute(kuzu.CONCURRENT_POSTS).get_all() if r[1] == union_body}
    assert people, f"no chair of {union_body} with a concurrent congress/CPPCC post"


def test_kuzu_concurrent_posts_query_is_documented():
    text = (ROOT / "docs" / "databases.md").read_text(encoding="utf-8")
    assert kuzu.CONCURRENT_POSTS in text


def test_kuzu_load_paths_are_relative_and_exist(sample):
    folder = sample / "kuzu"
    paths = re.findall(r"FROM '([^']+)'", (folder / "load.cypher").read_text(encoding="utf-8"))
    assert paths
    for p in paths:
        assert not Path(p).is_absolute()
        assert (folder / p).is_file()
    written = {str(p.relative_to(folder)) for p in folder.rglob("*.csv")}
    assert written == set(paths)


def test_kuzu_schema_declares_every_contract_pair(sample):
    schema = (sample / "kuzu" / "schema.cypher").read_text(encoding="utf-8")
    for t in NODE_TYPES:
        assert f"CREATE NODE TABLE {t}(" in schema
    for edge_type, pairs in tabular.EDGE_ENDS.items():
        line = next(l for l in schema.splitlines() if l.startswith(f"CREATE REL TABLE {edge_type}("))
        for a, b in pairs:
            assert f"FROM {a} TO {b}" in line


def test_kuzu_lists_are_bracketed(sample):
    text = (sample / "kuzu" / "nodes" / "Organization.csv").read_text(encoding="utf-8")
    row = next(l for l in text.splitlines() if l.startswith("Organization:中华全国总工会,"))
    assert "[全国总工会,全总]" in row


def test_kuzu_load_leaves_the_working_directory_alone(sample, tmp_path, monkeypatch):
    """kuzu.load gives the database absolute paths: it never changes the
    process's directory (notebooks, threads), and works from anywhere, even
    with a quote and a space in the folder's path."""
    import os
    import shutil

    folder = tmp_path / "it's 输出" / "kuzu"
    shutil.copytree(sample / "kuzu", folder)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    def no_chdir(path):
        raise AssertionError(f"kuzu.load changed the working directory to {path}")

    monkeypatch.setattr(os, "chdir", no_chdir)
    connection = ladybug.Connection(ladybug.Database(str(tmp_path / "db")))
    kuzu.load(connection, Path("..") / "it's 输出" / "kuzu")
    assert os.getcwd() == str(elsewhere)
    n = connection.execute("MATCH (n) RETURN count(*)").get_all()[0][0]
    assert n == len(KnowledgeGraph.load(sample / "graph.json").nodes)
