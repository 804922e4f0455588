"""``kg viz``: write an interactive page for a view of a graph."""

from __future__ import annotations

import time
from pathlib import Path

import click

from kg.model import NODE_TYPES, GraphError


def _types(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...] | None:
    names = [t.strip() for v in value for t in v.split(",") if t.strip()]
    if not names:
        return None
    lookup = {t.lower(): t for t in NODE_TYPES}
    bad = [t for t in names if t.lower() not in lookup]
    if bad:
        raise click.BadParameter(f"unknown node type {bad[0]!r}; known: {', '.join(NODE_TYPES)}")
    return tuple(lookup[t.lower()] for t in names)


@click.command("viz")
@click.argument("graph_path", default="output/graph.json", type=click.Path(path_type=Path))
@click.option("--focus", metavar="NAME", help="Centre the view on this node (label, alias or id).")
@click.option("--depth", type=click.IntRange(min=0), metavar="N",
              help="Keep nodes at most N steps from the focus (default: grow until --max-nodes).")
@click.option("--types", multiple=True, callback=_types, metavar="TYPE[,TYPE…]",
              help=f"Only these node types ({', '.join(NODE_TYPES)}); repeat or comma-separate.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None, metavar="N",
              help="At most N nodes [default: 2000; with --focus, no cap].")
@click.option("--out", "out_file", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Page to write [default: view.html beside GRAPH_PATH].")
@click.option("--title", default=None, help="Page title.")
def viz(graph_path: Path, focus: str | None, depth: int | None, types: tuple[str, ...] | None,
        max_nodes: int | None, out_file: Path | None, title: str | None) -> None:
    """Write an offline, interactive HTML page for a view of GRAPH_PATH
    (default output/graph.json): the whole graph, or the part of it around
    --focus, of --types, within --depth steps, at most --max-nodes nodes.

    Example: kg viz --focus 杨忠林 --depth 2 --out yang.html
    """
    from kg.model import KnowledgeGraph
    from kg.viz import DEFAULT_MAX_NODES, render_page, select_view

    from kg.evaluate import read_graph_json

    t0 = time.perf_counter()
    try:
        read_graph_json(graph_path)  # a one-line error for a folder or a file of the wrong shape
        graph = KnowledgeGraph.load(graph_path)
        if max_nodes is None and focus is None:
            max_nodes = DEFAULT_MAX_NODES
        view = select_view(graph, focus=focus, depth=depth, types=types, max_nodes=max_nodes)
    except (GraphError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    except FileNotFoundError as exc:
        raise click.ClickException(f"{graph_path}: not found; run `kg build` first") from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise click.ClickException(f"{graph_path}: not a graph.json written by kg build "
                                   f"({type(exc).__name__}: {exc})") from exc
    if title is None:
        title = "Trade-union knowledge graph"
        if focus is not None and view.focus:
            title += f": {graph.nodes[view.focus].label}"
    out_file = out_file or graph_path.with_name("view.html")
    page = render_page(graph, view, title=title)
    try:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(page, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise click.ClickException(f"--out {out_file}: cannot write ({exc.strerror or exc})") from exc
    click.echo(view.describe(graph))
    click.echo(f"wrote {out_file} ({len(view.nodes)} nodes, {len(view.edges)} edges) "
               f"in {time.perf_counter() - t0:.1f}s")
