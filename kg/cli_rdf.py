"""``kg validate``, ``kg query`` and ``kg load``: the RDF commands, a thin
click layer over :mod:`kg.rdf`; each turns library errors into a message and
an exit status (0 fine, 1 error, 2 usage, 4 does not conform).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from kg.rdf import RdfError

EXIT_NONCONFORMING = 4

graph_option = click.option(
    "--graph", "graph_path", default="output", show_default=True,
    type=click.Path(path_type=Path),
    help="An RDF file (.nt .ttl .trig .jsonld) or an output folder (its graph.nt).")


@click.command()
@click.argument("outdir", default="output", type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes to use instead of the shipped kg/data/shapes.ttl.")
@click.option("--limit", default=50, show_default=True, help="Violations to list.")
def validate(outdir: Path, shapes: Path | None, limit: int) -> None:
    """Check the RDF in OUTDIR (or an RDF file) against the SHACL shapes.

    Exit status: 0 when the graph conforms; 4 when it does not (the
    violations are listed, grouped by message); 1 when it cannot be read.

    Example: kg validate output/
    """
    from kg.rdf.validate import validate as run

    try:
        report = run(outdir, shapes)
    except RdfError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report.format(limit=limit))
    sys.exit(0 if report.conforms else EXIT_NONCONFORMING)


@click.command()
@click.argument("query")
@graph_option
@click.option("--store", "store_dir", type=click.Path(path_type=Path),
              help="Query a pyoxigraph store made by `kg load` instead of a file.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable: a plain string, or <IRI>. Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="table for reading; csv, or SPARQL 1.1 JSON results.")
def query(query: str, graph_path: Path, store_dir: Path | None, binds: tuple[str, ...],
          fmt: str) -> None:
    """Run a SPARQL query (a .rq file or the query text) over the graph.

    Values given with --bind are passed to the engine as bindings, never
    pasted into the query text. Common prefixes (rdfs, skos, org, foaf,
    prov, dcterms, oa, ukg …) are predeclared.

    Example: kg query queries/evidence.rq --bind name=杨忠林
    """
    from kg.rdf.query import (format_result, load_graph, open_store, parse_binding,
                              query_graph, query_store, read_query, resolve_graph_path)

    try:
        sparql = read_query(query)
        bindings = dict(parse_binding(b) for b in binds)
        if store_dir is not None:
            from kg.rdf.query import stale_store

            if why := stale_store(store_dir):
                click.echo(f"warning: {why}; run `kg load --store {store_dir} --replace` to refresh it",
                           err=True)
            result = query_store(open_store(store_dir), sparql, bindings)
        else:
            result = query_graph(load_graph(resolve_graph_path(graph_path)), sparql, bindings)
    except RdfError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(format_result(result, fmt), nl=False)


@click.command()
@click.option("--store", "store_dir", required=True, type=click.Path(path_type=Path),
              help="Folder of the pyoxigraph store (created if missing).")
@click.option("--graph", "graph_path", default="output", show_default=True, type=click.Path(path_type=Path),
              help="An RDF file (.nt .ttl .trig .jsonld) or an output folder (its graph.trig, "
                   "one named graph per document; graph.nt when it has no TriG).")
@click.option("--replace", is_flag=True, help="Empty the store before loading.")
def load(store_dir: Path, graph_path: Path, replace: bool) -> None:
    """Bulk-load the RDF into a pyoxigraph store for fast queries on large graphs.

    From an output folder the TriG is loaded (one named graph per
    document); queries see the union of all graphs.

    Example: kg load --store output/store && kg query queries/concurrent_posts.rq --store output/store
    """
    from kg.rdf.query import load_store

    source = graph_path
    if graph_path.is_dir() and (graph_path / "graph.trig").is_file():
        source = graph_path / "graph.trig"
    t0 = time.perf_counter()
    try:
        n = load_store(store_dir, source, replace=replace)
    except RdfError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"loaded {source} into {store_dir}: {n} quads in {time.perf_counter() - t0:.1f}s")


COMMANDS = (validate, query, load)
