"""The RDF side: exporter (kg.exporters.rdf, kg.rdf.*), SHACL validation,
SPARQL queries and their CLI, on the real sample output and on two
hand-made fixtures (tests/fixtures/rdf_programmes.json: programmes, concepts
and dated posts; tests/fixtures/rdf_nasty.json: text that must stay safe).
"""

from __future__ import annotations

import ast
import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS

from kg.cli import main
from kg.exporters import rdf as rdf_exporter
from kg.exporters import ExportOptions
from kg.model import KnowledgeGraph
from kg.rdf import RdfError, data_path
from kg.rdf.iris import DEFAULT_BASE, Iris, check_base
from kg.rdf.query import (format_result, load_graph, load_store, open_store, parse_binding,
                          query_graph, query_store)
from kg.rdf.validate import validate
from kg.rdf.vocab import OA, UKG, UKG_IRI, UKG_TERMS, WD

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
QUERIES = ROOT / "queries"
SHIPPED = sorted(p.stem for p in QUERIES.glob("*.rq"))

# the chairs the sample corpus names as also holding a standing-committee or
# CPPCC post at the same time (浙江 twice: 2018 史济锡, 2023 刘忻)
SAMPLE_CONCURRENT = {"杨忠林": "辽宁省总工会", "梁宝明": "天津市总工会", "郭大为": "陕西省总工会",
                     "刘伟": "北京市总工会", "王晓东": "河北省总工会", "吴团英": "内蒙古自治区总工会",
                     "莫负春": "上海市总工会", "史济锡": "浙江省总工会", "刘忻": "浙江省总工会",
                     "高卫东": "山西省总工会", "魏国强": "江苏省总工会", "李明": "安徽省总工会",
                     "李龙熙": "吉林省总工会"}


# -- fixtures ----------------------------------------------------------------------

@pytest.fixture(scope="session")
def sample_out(tmp_path_factory) -> Path:
    """The sample corpus built once into a temporary output folder."""
    from kg.build import build_graph, write_outputs

    out = tmp_path_factory.mktemp("sample") / "output"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        graph, _ = build_graph(["corpus"])
    finally:
        os.chdir(cwd)
    write_outputs(graph, out)
    return out


@pytest.fixture(scope="session")
def sample_kg(sample_out) -> KnowledgeGraph:
    return KnowledgeGraph.load(sample_out / "graph.json")


@pytest.fixture(scope="session")
def sample_rdf(sample_out) -> Graph:
    return load_graph(sample_out / "graph.nt")


def _export(tmp_path_factory, name: str, engine: str = "auto") -> Path:
    out = tmp_path_factory.mktemp(name)
    rdf_exporter.write(KnowledgeGraph.load(FIXTURES / f"{name}.json"), out, ExportOptions(rdf_engine=engine))
    return out


@pytest.fixture(scope="session")
def programmes_out(tmp_path_factory) -> Path:
    return _export(tmp_path_factory, "rdf_programmes")


@pytest.fixture(scope="session")
def nasty_out(tmp_path_factory) -> Path:
    return _export(tmp_path_factory, "rdf_nasty")


@pytest.fixture(scope="session")
def stores(tmp_path_factory, sample_out, programmes_out):
    """pyoxigraph stores loaded from the TriG, as `kg load` does."""
    made = {}
    for name, out in (("sample", sample_out), ("programmes", programmes_out)):
        d = tmp_path_factory.mktemp(f"store-{name}") / "store"
        load_store(d, out / "graph.trig")
        made[name] = open_store(d)
    return made


def run_query(query: str, graph: Graph, /, **binds):
    sparql = (QUERIES / f"{query}.rq").read_text(encoding="utf-8")
    return query_graph(graph, sparql, {k: Literal(v) for k, v in binds.items()})


def rows(result) -> list[dict[str, str | None]]:
    return [dict(zip(result.vars, r)) for r in result.as_strings()]


# -- export: formats, determinism ------------------------------------------------------

@pytest.mark.parametrize("name", ["graph.nt", "graph.ttl", "graph.jsonld", "graph.trig", "ontology.ttl"])
def test_rdf_export_writes_file(sample_out, name):
    assert (sample_out / name).stat().st_size > 1000


@pytest.mark.parametrize("name,fmt", [("graph.ttl", "turtle"), ("graph.jsonld", "json-ld")])
def test_rdf_export_formats_hold_the_same_graph(sample_out, sample_rdf, name, fmt):
    other = Graph().parse(sample_out / name, format=fmt)
    assert len(sample_rdf) > 2000
    assert isomorphic(other, sample_rdf)


def test_rdf_export_trig_union_is_the_graph(sample_out, sample_rdf):
    ds = Dataset()
    ds.parse(sample_out / "graph.trig", format="trig")
    union = Graph()
    for s, p, o, _ in ds.quads():
        union.add((s, p, o))
    assert isomorphic(union, sample_rdf)


def test_rdf_export_trig_has_one_named_graph_per_document(sample_out, sample_kg):
    ds = Dataset()
    ds.parse(sample_out / "graph.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g) and g.identifier != ds.default_graph.identifier}
    docs = {n.attrs["doc"] for n in sample_kg.nodes.values() if n.type == "Article"}
    iris = Iris()
    assert names == {str(iris.graph(d)) for d in docs}
    # each document's graph holds its own evidence only
    with_evidence = {ev.doc for e in sample_kg.edges for ev in e.evidence}
    assert len(with_evidence) >= 4
    for d in docs:
        g = ds.graph(iris.graph(d))
        sources = set(g.objects(None, OA.hasSource))
        assert sources == ({iris.source(d)} if d in with_evidence else set()), d
        assert (None, RDF.type, ORG.Membership) in g or d not in with_evidence or d.startswith("001")


def test_rdf_export_ntriples_has_no_duplicate_lines(sample_out, sample_rdf):
    lines = (sample_out / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(sample_rdf)


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_rdf_export_engines_give_the_same_graph(tmp_path, sample_kg, sample_rdf, engine):
    rdf_exporter.write(sample_kg, tmp_path, ExportOptions(rdf_engine=engine))
    for name, fmt in (("graph.ttl", "turtle"), ("graph.jsonld", "json-ld")):
        assert isomorphic(Graph().parse(tmp_path / name, format=fmt), sample_rdf), (engine, name)


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_rdf_export_is_byte_identical_across_runs(tmp_path, sample_out, engine):
    """Two processes with different hash seeds write the same bytes."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}"
        out.mkdir()
        code = ("import sys; from pathlib import Path; from kg.model import KnowledgeGraph; "
                "from kg.exporters import ExportOptions, rdf; "
                "rdf.write(KnowledgeGraph.load(sys.argv[1]), Path(sys.argv[2]), ExportOptions(rdf_engine=sys.argv[3]))")
        subprocess.run([sys.executable, "-c", code, str(sample_out / "graph.json"), str(out), engine],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT)
        outs.append(out)
    for name in ("graph.nt", "graph.ttl", "graph.trig", "graph.jsonld"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_rdf_export_base_iri_option_moves_every_resource(tmp_path, sample_kg):
    base = "https://example.org/unions/"
    rdf_exporter.write(sample_kg, tmp_path, ExportOptions(base_iri=base))
    g = Graph().parse(tmp_path / "graph.nt")
    subjects = {str(s) for s in g.subjects()}
    assert subjects and all(s.startswith(base) for s in subjects)
    ours = [str(t) for triple in g for t in triple
            if isinstance(t, URIRef) and str(t).startswith(DEFAULT_BASE) and not str(t).startswith(UKG_IRI)]
    assert ours == []


@pytest.mark.parametrize("base", ["example.org/x/", "https://example.org/x", "https://ex ample.org/",
                                  "https://example.org/<x>/", ""])
def test_rdf_iris_reject_bad_base(base):
    with pytest.raises(RdfError, match="base IRI"):
        check_base(base)


# -- vocabularies and mapping ----------------------------------------------------------------

def test_rdf_labels_are_chinese_tagged(sample_rdf):
    entity_classes = (FOAF.Person, ORG.Organization, UKG.Region, UKG.Article)
    entities = {s for c in entity_classes for s in sample_rdf.subjects(RDF.type, c)}
    assert len(entities) > 100
    for s in entities:
        labels = list(sample_rdf.objects(s, RDFS.label))
        assert len(labels) == 1 and labels[0].language == "zh", s


def test_rdf_memberships_one_per_post_with_role_title(sample_rdf, sample_kg):
    posts = list(sample_kg.edges_of("HOLDS_POST"))
    members = set(sample_rdf.subjects(RDF.type, ORG.Membership))
    assert len(members) == len(posts)
    iris = Iris()
    for e in posts:
        m = iris.fact(e)
        assert (m, ORG.member, iris.node(e.source)) in sample_rdf
        assert (m, ORG.organization, iris.node(e.target)) in sample_rdf
        role = sample_rdf.value(m, ORG.role)
        assert (role, RDF.type, ORG.Role) in sample_rdf
        assert sample_rdf.value(role, SKOS.prefLabel) == Literal(e.attrs["title"], lang="zh")
        assert (iris.node(e.source), ORG.memberOf, iris.node(e.target)) in sample_rdf
        assert ((m, UKG.former, Literal(True)) in sample_rdf) == bool(e.attrs.get("former"))


def test_rdf_former_posts_are_marked(sample_rdf):
    former = {str(sample_rdf.value(sample_rdf.value(m, ORG.member), RDFS.label))
              for m in sample_rdf.subjects(UKG.former, Literal(True))}
    assert former == {"云公民"}


def test_rdf_union_kinds_and_levels(sample_rdf):
    iris = Iris()
    ln = iris.node("Organization:辽宁省总工会")
    assert {ORG.Organization, ORG.FormalOrganization, UKG.TradeUnion} <= set(sample_rdf.objects(ln, RDF.type))
    assert sample_rdf.value(ln, UKG.unionLevel) == UKG.ProvincialLevel
    assert (iris.node("Organization:辽宁省人大常委会"), RDF.type, UKG.Legislature) in sample_rdf
    assert (iris.node("Organization:吉林省政协"), RDF.type, UKG.CPPCC) in sample_rdf
    assert sample_rdf.value(iris.node("Organization:中华全国总工会"), UKG.unionLevel) == UKG.NationalLevel


def test_rdf_every_fact_is_derived_from_its_article_with_evidence(sample_rdf, sample_kg):
    """Memberships and reified statements: prov:wasDerivedFrom the article of
    each evidence, and ukg:hasEvidence reaching the same sentence and offsets
    as graph.json."""
    iris = Iris()
    checked = 0
    for e in sample_kg.edges:
        if e.type == "MENTIONS":
            continue
        fact = iris.fact(e)
        derived = set(sample_rdf.objects(fact, PROV.wasDerivedFrom))
        assert derived, (e.type, e.source, e.target)
        for ev in e.evidence:
            assert iris.node(f"Article:{ev.article}") in derived
            node = iris.evidence(ev.doc, ev.start, ev.end)
            assert (fact, UKG.hasEvidence, node) in sample_rdf
            sels = set(sample_rdf.objects(node, OA.hasSelector))
            starts = {int(sample_rdf.value(s, OA.start)) for s in sels if sample_rdf.value(s, OA.start) is not None}
            exact = {str(sample_rdf.value(s, OA.exact)) for s in sels if sample_rdf.value(s, OA.exact) is not None}
            assert starts == {ev.start} and exact == {ev.sentence}
            assert sample_rdf.value(node, OA.hasSource) == iris.source(ev.doc)
            checked += 1
        if e.type != "HOLDS_POST":
            assert (fact, RDF.subject, None) in sample_rdf and (fact, RDF.type, RDF.Statement) in sample_rdf
    assert checked > 100


def test_rdf_articles_carry_dcterms(sample_rdf, sample_kg):
    iris = Iris()
    arts = [n for n in sample_kg.nodes.values() if n.type == "Article"]
    for n in arts:
        a = iris.node(n.id)
        assert sample_rdf.value(a, DCTERMS.source) == iris.source(n.attrs["doc"])
        if n.attrs.get("title"):
            assert str(sample_rdf.value(a, DCTERMS.title)) == n.attrs["title"]
    dated = [n for n in arts if n.attrs.get("date")]
    assert dated and all(str(sample_rdf.value(iris.node(n.id), DCTERMS.date)) == n.attrs["date"] for n in dated)
    creators = {(str(sample_rdf.value(p, RDFS.label))) for p in sample_rdf.objects(None, DCTERMS.creator)}
    assert {"杨忠林", "马璐"} <= creators


@pytest.mark.parametrize("region,qid", [("北京市", "Q956"), ("辽宁省", "Q43934"), ("天津市", "Q11736"),
                                        ("内蒙古自治区", "Q41079"), ("浙江省", "Q16967")])
def test_rdf_regions_link_wikidata(sample_rdf, region, qid):
    assert (Iris().node(f"Region:{region}"), OWL.sameAs, WD[qid]) in sample_rdf


def test_rdf_regions_below_province_are_not_linked(sample_rdf, sample_kg):
    iris = Iris()
    for n in sample_kg.nodes.values():
        if n.type == "Region":
            linked = sample_rdf.value(iris.node(n.id), OWL.sameAs) is not None
            assert linked == (n.attrs.get("division") == "province"), n.id


def test_rdf_wikidata_table_is_consistent():
    rows_ = [r for r in csv.reader((line for line in data_path("wikidata_provinces.tsv").open(encoding="utf-8")
                                    if not line.startswith("#")), delimiter="\t")][1:]
    codes = [r[0] for r in rows_]
    qids = [r[2] for r in rows_]
    assert len(rows_) == 33 and len(set(codes)) == 33 and len(set(qids)) == 33
    assert all(re.fullmatch(r"[1-8]\d0000000000", c) for c in codes)
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    # names agree with the extractor's region table (read as data, not imported)
    names = {}
    for line in (ROOT / "extract" / "data" / "regions.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            names[parts[0]] = parts[1]
    assert all(names[c] == r[1] for c, r in zip(codes, rows_))


def test_rdf_ontology_defines_every_project_term(sample_rdf):
    onto = Graph().parse(data_path("ontology.ttl"))
    declared = {UKG[t] for t in UKG_TERMS}
    used = {t for triple in sample_rdf for t in triple
            if isinstance(t, URIRef) and str(t).startswith(UKG_IRI)}
    assert used <= declared
    for term in used | declared:
        labels = {lit.language for lit in onto.objects(term, RDFS.label)} | \
                 {lit.language for lit in onto.objects(term, SKOS.prefLabel)}
        assert {"zh", "en"} <= labels, term
    # project classes hang under standard ones
    assert (UKG.TradeUnion, RDFS.subClassOf, ORG.FormalOrganization) in onto
    assert (UKG.partOf, RDFS.subPropertyOf, DCTERMS.isPartOf) in onto
    assert (UKG.runs, RDFS.range, UKG.Programme) in onto


# -- safety ---------------------------------------------------------------------------

def test_rdf_nasty_text_survives_every_format(nasty_out):
    ref = Graph().parse(nasty_out / "graph.nt", format="nt")
    for name, fmt in (("graph.ttl", "turtle"), ("graph.jsonld", "json-ld")):
        assert isomorphic(Graph().parse(nasty_out / name, format=fmt), ref), name
    ds = Dataset()
    ds.parse(nasty_out / "graph.trig", format="trig")
    assert len({q[:3] for q in ds.quads()}) == len(ref)
    kg = KnowledgeGraph.load(FIXTURES / "rdf_nasty.json")
    labels = {str(o) for o in ref.objects(None, RDFS.label)}
    assert {n.label for n in kg.nodes.values()} <= labels
    sentences = {str(o) for o in ref.objects(None, OA.exact)}
    assert {ev.sentence for e in kg.edges for ev in e.evidence} == sentences


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_rdf_nasty_text_parses_in_oxigraph(tmp_path, engine):
    import pyoxigraph as ox

    rdf_exporter.write(KnowledgeGraph.load(FIXTURES / "rdf_nasty.json"), tmp_path, ExportOptions(rdf_engine=engine))
    n = len(list(ox.parse(path=str(tmp_path / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)))
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.jsonld", ox.RdfFormat.JSON_LD)):
        assert len(list(ox.parse(path=str(tmp_path / name), format=fmt))) == n, name
    assert len({(q.subject, q.predicate, q.object)
                for q in ox.parse(path=str(tmp_path / "graph.trig"), format=ox.RdfFormat.TRIG)}) == n


def test_rdf_iris_never_carry_raw_text(nasty_out, sample_out):
    safe = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~%/#:@!$&'()*+,;=?]*$")
    for out in (nasty_out, sample_out):
        g = Graph().parse(out / "graph.nt", format="nt")
        for t in {t for triple in g for t in triple if isinstance(t, URIRef)}:
            assert safe.match(str(t)) and not re.search(r"[^\x21-\x7e]", str(t)), t


@pytest.mark.parametrize("node_id", ["Person:刘伟", "Person:王\"引号\"", "Person:换行\n名字",
                                     "Organization:省总工会@004_72153dad1642bd88.txt", "Person:a/b#c%d"])
def test_rdf_iris_round_trip_node_ids(node_id):
    iris = Iris("https://example.org/kg/")
    assert iris.node_id(str(iris.node(node_id))) == node_id


# -- SHACL --------------------------------------------------------------------------------

def test_rdf_validate_sample_conforms(sample_out):
    result = CliRunner().invoke(main, ["validate", str(sample_out)])
    assert result.exit_code == 0, result.output
    assert "conforms to the SHACL shapes" in result.output


def test_rdf_validate_fixtures_conform(programmes_out, nasty_out):
    for out in (programmes_out, nasty_out):
        report = validate(out)
        assert report.conforms, report.format()


def _break_membership_member(g: Graph):
    m = next(iter(g.subjects(RDF.type, ORG.Membership)))
    g.remove((m, ORG.member, None))


def _break_derivation(g: Graph):
    m = next(iter(g.subjects(RDF.type, ORG.Membership)))
    g.remove((m, PROV.wasDerivedFrom, None))


def _break_offsets(g: Graph):
    from rdflib.namespace import XSD
    pos = next(iter(g.subjects(RDF.type, OA.TextPositionSelector)))
    end = g.value(pos, OA.end)
    g.set((pos, OA.end, Literal(int(end) + 3, datatype=XSD.nonNegativeInteger)))


def _break_label_language(g: Graph):
    p = next(iter(g.subjects(RDF.type, FOAF.Person)))
    g.set((p, RDFS.label, Literal(str(g.value(p, RDFS.label)))))


def _break_admin_code(g: Graph):
    r = Iris().node("Region:辽宁省")
    g.set((r, UKG.adminCode, Literal("2100")))


def _break_statement(g: Graph):
    st = next(iter(g.subjects(RDF.type, RDF.Statement)))
    g.remove((g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)))


@pytest.mark.parametrize("breakage,message", [
    (_break_membership_member, "exactly one org:member"),
    (_break_derivation, "prov:wasDerivedFrom its article"),
    (_break_offsets, "must span exactly its sentence"),
    (_break_label_language, "rdfs:label tagged @zh"),
    (_break_admin_code, "12-digit"),
    (_break_statement, "describe a triple that is asserted"),
])
def test_rdf_validate_broken_graph_fails(tmp_path, sample_rdf, breakage, message):
    g = Graph()
    for t in sample_rdf:
        g.add(t)
    breakage(g)
    path = tmp_path / "broken.nt"
    g.serialize(destination=str(path), format="nt")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 4, result.output
    assert "does NOT conform" in result.output and message in result.output


def test_rdf_validate_missing_output_is_an_error(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "run `kg build` first" in result.output


# -- queries on the sample -----------------------------------------------------------------

def test_rdf_query_concurrent_posts_on_sample(sample_rdf):
    found = {}
    for r in rows(run_query("concurrent_posts", sample_rdf)):
        found.setdefault(r["name"], set()).add(r["union"])
        assert r["unionPost"] == "主席"
    assert {k: v for k, v in found.items()} == {k: {v} for k, v in SAMPLE_CONCURRENT.items()}


def test_rdf_query_concurrent_posts_keeps_both_zhejiang_chairs(sample_rdf):
    zj = {r["name"]: r["article1"] for r in rows(run_query("concurrent_posts", sample_rdf))
          if r["body"] == "浙江省人大常委会"}
    assert {k: v.split("#")[0] for k, v in zj.items()} == {"史济锡": "003_ca27a343f16d3193.txt",
                                                          "刘忻": "004_72153dad1642bd88.txt"}


def test_rdf_query_post_timeline_on_sample(sample_rdf, sample_kg):
    got = rows(run_query("post_timeline", sample_rdf, bodyName="辽宁省总工会", post="主席"))
    assert {r["name"] for r in got} == {"杨忠林"}
    # the two signed pieces whose bylines give the post
    assert {r["article"] for r in got} == {ev.article for e in sample_kg.edges
                                           if e.type == "HOLDS_POST" and e.source == "Person:杨忠林"
                                           and e.target == "Organization:辽宁省总工会" for ev in e.evidence}


def test_rdf_query_evidence_on_sample(sample_rdf, sample_kg):
    got = rows(run_query("evidence", sample_rdf, name="杨忠林"))
    expected = {(e.attrs["title"], ev.doc, ev.start, ev.end, ev.sentence)
                for e in sample_kg.edges_of("HOLDS_POST") if e.source == "Person:杨忠林" for ev in e.evidence}
    assert len(expected) == 4
    assert {(r["title"], r["doc"], int(r["start"]), int(r["end"]), r["sentence"]) for r in got} == expected
    assert all("杨忠林" in r["sentence"] for r in got)


@pytest.mark.parametrize("name", ["union_programmes", "concept_by_body"])
def test_rdf_query_runs_on_sample(sample_rdf, name):
    # the sample's programme/concept extraction is still being built: the
    # queries must run, whatever they find
    result = run_query(name, sample_rdf)
    assert result.vars[:2] in (["union", "programme"], ["concept", "body"])


# -- queries on the hand-made fixture -------------------------------------------------------

@pytest.fixture(scope="session")
def programmes_rdf(programmes_out) -> Graph:
    return load_graph(programmes_out / "graph.nt")


def test_rdf_query_union_programmes_fixture(programmes_rdf):
    got = {(r["union"], r["programme"], r["partOf"], r["article"])
           for r in rows(run_query("union_programmes", programmes_rdf))}
    assert got == {
        ("陕西省总工会", "三秦工匠计划", None, "a.txt#1"),
        ("陕西省总工会", "安康杯竞赛", None, "a.txt#1"),
        ("吉林省总工会", "吉工·贴心", None, "a.txt#2"),
        ("吉林省总工会", "12351职工服务热线", None, "a.txt#2"),
        ("天津市总工会", "六项行动", None, "c.txt#2"),
        ("天津市总工会", "建功立业行动", "六项行动", "c.txt#2"),
    }
    only = rows(run_query("union_programmes", programmes_rdf, unionName="吉林省总工会"))
    assert {r["programme"] for r in only} == {"吉工·贴心", "12351职工服务热线"}


def test_rdf_query_concept_by_body_fixture(programmes_rdf):
    got = {(r["concept"], r["body"], int(r["articles"])) for r in rows(run_query("concept_by_body", programmes_rdf))}
    assert got == {("增强政治性、先进性、群众性", "中华全国总工会", 1), ("劳模精神", "中华全国总工会", 1),
                   ("劳模精神", "陕西省总工会", 1), ("和谐劳动关系", "陕西省总工会", 1)}
    only = rows(run_query("concept_by_body", programmes_rdf, conceptName="劳模精神"))
    assert {r["body"] for r in only} == {"中华全国总工会", "陕西省总工会"}


def test_rdf_query_concurrent_posts_fixture_semantics(programmes_rdf):
    """Same article (郭大为, 刘忻), same date (李龙熙), both undated in one
    document (梁宝明) count; different dates (史济锡) or an undated post and a
    dated one (王晓东) do not."""
    got = {r["name"] for r in rows(run_query("concurrent_posts", programmes_rdf))}
    assert got == {"郭大为", "刘忻", "李龙熙", "梁宝明"}


def test_rdf_query_post_timeline_fixture_orders_by_date(programmes_rdf):
    got = rows(run_query("post_timeline", programmes_rdf, bodyName="浙江省总工会", post="主席"))
    assert [(r["date"], r["name"]) for r in got] == [("2018-10-23", "史济锡"), ("2023-09-26", "刘忻")]
    former = rows(run_query("post_timeline", programmes_rdf, bodyName="浙江省人大常委会"))
    assert {(r["name"], r["title"], r["former"]) for r in former} == {("史济锡", "原副主任", "true"),
                                                                       ("刘忻", "副主任", None)}


# -- rdflib and the pyoxigraph store give the same answers --------------------------------------

BINDINGS = {
    "sample": {"post_timeline": {"bodyName": "辽宁省总工会", "post": "主席"}, "evidence": {"name": "杨忠林"},
               "union_programmes": {"unionName": "吉林省总工会"}, "concept_by_body": {"conceptName": "劳模精神"}},
    "programmes": {"post_timeline": {"bodyName": "浙江省总工会", "post": "主席"}, "evidence": {"name": "李龙熙"},
                   "union_programmes": {"unionName": "吉林省总工会"}, "concept_by_body": {"conceptName": "劳模精神"}},
}


@pytest.mark.parametrize("with_bindings", [False, True])
@pytest.mark.parametrize("dataset", ["sample", "programmes"])
@pytest.mark.parametrize("name", SHIPPED)
def test_rdf_query_store_gives_the_same_answers(stores, sample_rdf, programmes_rdf, dataset, name, with_bindings):
    graph = sample_rdf if dataset == "sample" else programmes_rdf
    binds = {k: Literal(v) for k, v in BINDINGS[dataset].get(name, {}).items()} if with_bindings else {}
    sparql = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    a = query_graph(graph, sparql, binds)
    b = query_store(stores[dataset], sparql, binds)
    assert a.vars == b.vars
    assert a.as_strings() == b.as_strings()
    if dataset == "programmes" or name in ("concurrent_posts", "post_timeline", "evidence"):
        assert a.rows, "the comparison must not be of two empty answers"


def test_rdf_queries_are_all_tested():
    assert set(SHIPPED) == {"concurrent_posts", "union_programmes", "concept_by_body",
                            "post_timeline", "evidence"}
    docs = (ROOT / "docs" / "rdf.md").read_text(encoding="utf-8")
    assert all(f"{q}.rq" in docs for q in SHIPPED)


# -- bindings are values, not text ----------------------------------------------------------

@pytest.mark.parametrize("value", ['杨忠林" || true || "', "杨忠林') } UNION { ?p ?x ?y ", "<x>", "\\"])
def test_rdf_query_binding_cannot_change_the_query(sample_rdf, stores, value):
    sparql = (QUERIES / "evidence.rq").read_text(encoding="utf-8")
    assert query_graph(sample_rdf, sparql, {"name": Literal(value)}).rows == []
    assert query_store(stores["sample"], sparql, {"name": Literal(value)}).rows == []


@pytest.mark.parametrize("name", ['王"引号"', "换行\n名字", "反斜杠\\名\\", "花括号{}|^名"])
def test_rdf_query_binding_finds_nasty_names(nasty_out, name):
    g = load_graph(nasty_out / "graph.nt")
    got = rows(run_query("evidence", g, name=name))
    assert len(got) == 1 and got[0]["person"] == name and name in got[0]["sentence"]


@pytest.mark.parametrize("text,expected", [("name=刘伟", ("name", Literal("刘伟"))),
                                           ("?org=<https://x.org/a>", ("org", URIRef("https://x.org/a"))),
                                           ("n=a=b", ("n", Literal("a=b")))])
def test_rdf_query_parse_binding(text, expected):
    assert parse_binding(text) == expected


@pytest.mark.parametrize("text", ["noequals", "bad name=x", "=x"])
def test_rdf_query_parse_binding_rejects(text):
    with pytest.raises(RdfError):
        parse_binding(text)


# -- CLI ------------------------------------------------------------------------------------

def test_rdf_cli_query_table(sample_out):
    r = CliRunner().invoke(main, ["query", str(QUERIES / "evidence.rq"), "--graph", str(sample_out),
                                  "--bind", "name=杨忠林"])
    assert r.exit_code == 0, r.output
    assert "(4 rows)" in r.output and "辽宁省人大常委会" in r.output


def test_rdf_cli_query_csv_and_json(sample_out):
    args = ["query", str(QUERIES / "concurrent_posts.rq"), "--graph", str(sample_out / "graph.ttl")]
    r = CliRunner().invoke(main, args + ["--format", "csv"])
    assert r.exit_code == 0, r.output
    names = {row["name"] for row in csv.DictReader(io.StringIO(r.output))}
    assert names == set(SAMPLE_CONCURRENT)
    r = CliRunner().invoke(main, args + ["--format", "json"])
    data = json.loads(r.output)
    assert data["head"]["vars"][0] == "name"
    assert {b["name"]["value"] for b in data["results"]["bindings"]} == set(SAMPLE_CONCURRENT)
    assert all(b["name"]["xml:lang"] == "zh" for b in data["results"]["bindings"])


def test_rdf_cli_load_and_query_store(tmp_path, sample_out):
    store = tmp_path / "store"
    runner = CliRunner()
    r = runner.invoke(main, ["load", "--store", str(store), "--graph", str(sample_out)])
    assert r.exit_code == 0 and "quads" in r.output, r.output
    r = runner.invoke(main, ["load", "--store", str(store), "--graph", str(sample_out)])
    assert r.exit_code == 1 and "--replace" in r.output
    r = runner.invoke(main, ["query", str(QUERIES / "post_timeline.rq"), "--store", str(store),
                             "--bind", "bodyName=辽宁省总工会", "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert {row["name"] for row in csv.DictReader(io.StringIO(r.output))} == {"杨忠林"}


def test_rdf_cli_query_inline_and_errors(sample_out):
    runner = CliRunner()
    r = runner.invoke(main, ["query", "ASK { ?p a foaf:Person }", "--graph", str(sample_out)])
    assert r.exit_code == 0 and "true" in r.output
    r = runner.invoke(main, ["query", "SELECT ?x WHERE { ?x ", "--graph", str(sample_out)])
    assert r.exit_code == 1 and "SPARQL error" in r.output
    r = runner.invoke(main, ["query", "missing.rq", "--graph", str(sample_out)])
    assert r.exit_code == 1 and "no such query file" in r.output


@pytest.mark.parametrize("command", ["validate", "query", "load"])
def test_rdf_cli_commands_have_help_with_example(command):
    r = CliRunner().invoke(main, [command, "--help"])
    assert r.exit_code == 0 and "Example: kg " + command in r.output


def test_rdf_format_table_aligns_chinese(sample_rdf):
    out = format_result(run_query("post_timeline", sample_rdf, bodyName="辽宁省总工会", post="主席"))
    lines = out.splitlines()
    assert lines[-1] == "(2 rows)" and "杨忠林" in out


# -- architecture ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted([*map(str, (ROOT / "kg" / "rdf").glob("*.py")),
                                         str(ROOT / "kg" / "exporters" / "rdf.py"),
                                         str(ROOT / "kg" / "cli_rdf.py")]))
def test_rdf_modules_never_import_extract(path):
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        assert not any(n == "extract" or n.startswith("extract.") for n in names), (path, names)
