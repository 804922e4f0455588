"""The ``kg`` command: a thin layer over the library.

Each command calls one library function and turns its errors into a clear
message and an exit code. Run ``kg COMMAND --help`` for each command's help
and an example.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from kg.model import GraphError


EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it


class _Group(click.Group):
    """Ctrl-C ends any command with one line and exit status 130 (click's
    own handling says "Aborted!" and exits 1)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted (previous outputs are untouched)", err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="union-kg")
def main() -> None:
    """Build a knowledge graph from Chinese trade-union texts.

    Example: kg build corpus/ --out output/
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for graph.json, graph.ttl, graph.graphml, graph.html.")
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be read.")
@click.option("--base-iri", default=None, help="Base IRI for the RDF outputs.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=None,
              help="Extract in this many processes, then write this many output formats "
                   "at a time (default: the number of CPUs). The output is the same whatever the number.")
@click.option("--no-cache", is_flag=True,
              help="Extract every document again; do not read or write OUT/.cache/.")
@click.option("--dask", "dask_address", default=None, metavar="tcp://HOST:PORT",
              help="Extract on this Dask cluster (needs union-kg[dask] on the workers "
                   "and the corpus at the same paths there).")
@click.option("--formats", default=None, metavar="NAME,...",
              help="Write only these outputs (default: all; see kg.exporters.EXPORTERS), "
                   "e.g. --formats json for a quick build of a large archive.")
@click.option("--html-max-nodes", type=click.IntRange(min=1), default=None, metavar="N",
              help="graph.html draws at most N nodes, grown from the best-connected "
                   "[default: 2000]; kg viz writes other views.")
@click.option("--verbose", "-v", "verbosity", flag_value=2, help="List every document and every warning.")
@click.option("--quiet", "-q", "verbosity", flag_value=0,
              help="Print only errors (skipped files) and the final line; no progress.")
@click.option("--rules-only", is_flag=True,
              help="Extract with the rules alone, without the statistical tagger (faster, "
                   "finds fewer people and bodies; also UNION_KG_RULES_ONLY=1).")
def build(paths: tuple[Path, ...], out_dir: Path, strict: bool, base_iri: str | None,
          workers: int | None, no_cache: bool, dask_address: str | None,
          formats: str | None, html_max_nodes: int | None, verbosity: int | None,
          rules_only: bool) -> None:
    """Read every .txt under PATHS (default: corpus/) and write the graph.

    Documents are extracted in parallel and each result is cached under
    OUT/.cache/, so a rebuild extracts only new or changed files (a changed
    dictionary or rule empties the cache). Progress goes to stderr: a bar on
    a terminal, otherwise a line every 5 seconds (KG_PROGRESS_SECONDS), then
    a line as each output format starts and as it is written. The
    summary counts documents by encoding and warnings by kind, and lists
    every skipped file with its reason.

    Exit status: 0 when every file was read; 3 when some were skipped (they
    are listed); 1 on an error that stopped the build.

    Example: kg build corpus/ extra/report.txt --out output/ --workers 4
    """
    from extract import pipeline
    from extract.corpus import ReadError, printable
    from kg.build import DEFAULT_FORMATS, EXIT_SKIPPED, build_graph
    from kg.cache import CACHE_DIR
    from kg.cli_summary import ExportLines, Progress, print_summary
    from kg.export import ExportFailed, write_outputs
    from kg.exporters import EXPORTERS, ExportOptions
    from kg.outputs import OutputBusy, output_lock
    from kg.parallel import default_workers
    from kg.pool import WorkerFailed
    from kg.rdf import RdfError

    t0 = time.perf_counter()
    chosen = DEFAULT_FORMATS if formats is None else tuple(f.strip() for f in formats.split(",") if f.strip())
    if not chosen:
        raise click.BadParameter(f"no format named; known: {', '.join(EXPORTERS)}", param_hint="--formats")
    unknown = [f for f in chosen if f not in EXPORTERS]
    if unknown:
        raise click.BadParameter(f"unknown format {unknown[0]!r}; known: {', '.join(EXPORTERS)}",
                                 param_hint="--formats")
    inputs = list(paths) or [Path("corpus")]
    n_workers = workers or default_workers()
    verbosity = 1 if verbosity is None else verbosity
    try:  # one build at a time in OUT/, held until the command ends
        click.get_current_context().with_resource(output_lock(out_dir))
    except OutputBusy as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(_os_error(exc, out_dir)) from exc
    try:
        with pipeline.rules_only(rules_only):  # the workers started in it inherit it
            graph, report = build_graph(inputs, strict=strict, progress=Progress(enabled=verbosity > 0),
                                        workers=n_workers, dask=dask_address,
                                        cache_dir=None if no_cache else out_dir / CACHE_DIR)
    except ReadError as exc:
        raise click.ClickException(f"{exc} (stopped: --strict)" if strict else str(exc)) from exc
    except WorkerFailed as exc:
        raise click.ClickException(f"{exc} (previous outputs in {out_dir}/ are untouched)") from exc
    except (RuntimeError, OSError) as exc:
        if dask_address is None:
            raise
        raise click.ClickException(f"dask cluster {dask_address}: {exc}") from exc
    if report.documents == 0:  # nothing to build from: say what was skipped, keep what is there
        print_summary(graph, report)
        click.echo(f"nothing written: no readable .txt file under {', '.join(printable(str(p)) for p in inputs)}"
                   + (f" ({len(report.skipped)} skipped, listed above)" if report.skipped else ""), err=True)
        sys.exit(EXIT_SKIPPED)
    options = ExportOptions(base_iri=base_iri or None, max_nodes=html_max_nodes)
    try:
        report.written = write_outputs(graph, out_dir, chosen, options, workers=n_workers,
                                       progress=ExportLines(enabled=verbosity > 0))
    except (RdfError, ExportFailed) as exc:
        raise click.ClickException(f"{exc} (previous outputs in {out_dir}/ are untouched)") from exc
    except OSError as exc:  # read-only or full disk
        raise click.ClickException(_os_error(exc, out_dir)) from exc
    print_summary(graph, report, verbosity=verbosity)
    click.echo(f"built in {time.perf_counter() - t0:.1f}s into {out_dir}/")
    sys.exit(report.exit_code)


def _os_error(exc: OSError, out_dir: Path) -> str:
    """One line naming the path a write failed on and why."""
    from extract.corpus import printable

    out = printable(str(out_dir))
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        return f"--out {out}: a file, not a folder; name a folder"
    where = printable(str(exc.filename or out_dir))
    return f"{where}: {exc.strerror or exc} (previous outputs in {out}/ are untouched)"


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--graph", "graph_path", default="output/graph.json", show_default=True,
              type=click.Path(path_type=Path), help="The graph.json to score.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--by-rule", is_flag=True, help="Also print, per node type and rule, predicted, true positives, precision.")
def eval_cmd(gold: Path, graph_path: Path, as_json: bool, by_rule: bool) -> None:
    """Score a graph against gold annotations (precision, recall, F1).

    Example: kg eval tests/seeds.jsonl --graph output/graph.json --by-rule
    """
    import json

    from kg.evaluate import by_rule as rule_scores
    from kg.evaluate import evaluate, format_by_rule, format_table, load_gold, read_graph_json

    try:
        gold_docs, graph = load_gold(gold), read_graph_json(graph_path)
        scores = evaluate(gold_docs, graph)
        if by_rule:
            scores = {**scores, "by_rule": rule_scores(gold_docs, graph)}
    except FileNotFoundError as exc:
        raise click.ClickException(f"{exc.filename}: not found; run `kg build` first") from exc
    except (GraphError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise click.ClickException(f"{gold}: a gold line of the wrong shape ({type(exc).__name__}: {exc}); "
                                   "see tests/seeds.jsonl") from exc
    except OSError as exc:
        raise click.ClickException(f"{exc.filename or graph_path}: {exc.strerror or exc}") from exc
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        click.echo(format_table(scores) + ("\n\n" + format_by_rule(scores["by_rule"]) if by_rule else ""))


from kg.cli_viz import viz  # noqa: E402

main.add_command(viz)

from kg.cli_rdf import COMMANDS as _RDF_COMMANDS  # noqa: E402  (kg validate, query, load)

for _cmd in _RDF_COMMANDS:
    main.add_command(_cmd)

if __name__ == "__main__":
    main()
