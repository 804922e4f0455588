"""N-Triples: the project's term writer (:mod:`kg.rdf.ntriples`) against
rdflib's serialiser, on the triples of one ``graph.json``.

The graph is mapped once (:func:`kg.rdf.mapping.statements`, not timed);
then, each timed apart (CPU seconds, median of ``--repeat``):

(own)     every triple as an N-Triples line with :func:`kg.rdf.ntriples.term`,
          as ``kg.exporters.rdf.write_nt_nq`` writes ``graph.nt``;
(rdflib)  the triples added to an ``rdflib.Graph`` (timed apart: the own
          writer needs no graph), then ``Graph.serialize(format="nt")``;

and whether the two give the same lines (compared as sorted lists: rdflib
writes in its own order).

    python bench/nt_bench.py output/graph.json [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    import rdflib

    from kg.model import KnowledgeGraph
    from kg.rdf.iris import DEFAULT_BASE, Iris
    from kg.rdf.mapping import statements
    from kg.rdf.ntriples import term

    graph = KnowledgeGraph.load(a.graph)
    triples = [(st.s, st.p, st.o) for st in statements(graph, Iris(DEFAULT_BASE))]
    own, build, ser = [], [], []
    for _ in range(a.repeat):
        c0 = time.process_time()
        ours = "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples)
        own.append(time.process_time() - c0)
        c0 = time.process_time()
        g = rdflib.Graph()
        for t in triples:
            g.add(t)
        build.append(time.process_time() - c0)
        c0 = time.process_time()
        theirs = g.serialize(format="nt", encoding="utf-8").decode("utf-8")
        ser.append(time.process_time() - c0)
    mine = sorted(dict.fromkeys(ours.splitlines()))  # rdflib keeps each triple once
    other = sorted(ln for ln in theirs.splitlines() if ln)
    differ = sorted(set(mine) ^ set(other))
    print(f"{a.graph}: {len(triples):,} statements, {len(mine):,} distinct triples; CPU s, medians of {a.repeat}")
    print("| writer | CPU s (the runs) |")
    print("|---|---:|")
    print(f"| own `ntriples.term` lines | {statistics.median(own):.2f} ({', '.join(f'{x:.2f}' for x in own)}) |")
    print(f"| rdflib: adding to a Graph | {statistics.median(build):.2f} ({', '.join(f'{x:.2f}' for x in build)}) |")
    print(f"| rdflib: `serialize(format=\"nt\")` | {statistics.median(ser):.2f} "
          f"({', '.join(f'{x:.2f}' for x in ser)}) |")
    print(f"lines identical: {not differ}" + (f" ({len(differ)} differ, e.g. {differ[0][:120]!r})" if differ else ""))


if __name__ == "__main__":
    main()
