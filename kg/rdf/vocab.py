"""Vocabularies, as closed namespaces: a misspelt term fails at import or at
first use instead of producing a silently wrong IRI.

Standard terms come from rdflib (ORG, FOAF, SKOS, PROV, DCTERMS, TIME, OWL);
Web Annotation and the project ontology (``ukg:``, defined in
``kg/data/ontology.ttl``) are declared here with exactly the terms we use.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import (DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD,
                              ClosedNamespace)

UKG_IRI = "https://w3id.org/union-kg/ontology#"

UKG_TERMS = (
    # classes
    "Region", "Programme", "Document", "Event", "Article", "SourceDocument", "Evidence",
    "TradeUnion", "PartyBody", "StateBody", "Legislature", "CPPCC", "Enterprise",
    "MediaOrganization",
    # properties
    "locatedIn", "runs", "partOf", "advocates", "issued", "issuedBy", "participatedIn",
    "hasEvidence", "former", "unionLevel", "division", "adminCode",
    # controlled values
    "UnionLevels", "NationalLevel", "IndustryLevel", "ProvincialLevel", "CityLevel",
    "CountyLevel", "GrassrootsLevel",
    "DivisionLevels", "ProvinceDivision", "PrefectureDivision", "CountyDivision", "TownDivision",
)
UKG = ClosedNamespace(UKG_IRI, list(UKG_TERMS))

OA = ClosedNamespace("http://www.w3.org/ns/oa#", [
    "SpecificResource", "TextPositionSelector", "TextQuoteSelector",
    "hasSource", "hasSelector", "start", "end", "exact",
])

SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

# prefixes written into Turtle, TriG and JSON-LD, and known to `kg query`
PREFIXES: dict[str, str] = {
    "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
    "skos": str(SKOS), "org": str(ORG), "foaf": str(FOAF), "prov": str(PROV),
    "dcterms": str(DCTERMS), "time": str(TIME), "oa": str(OA), "schema": str(SCHEMA),
    "wd": str(WD), "ukg": UKG_IRI,
}

# Organization kind -> project class (each a subclass of org:FormalOrganization)
ORG_KIND_CLASS = {
    "union": UKG.TradeUnion, "party": UKG.PartyBody, "state": UKG.StateBody,
    "legislature": UKG.Legislature, "cppcc": UKG.CPPCC, "enterprise": UKG.Enterprise,
    "media": UKG.MediaOrganization,
}
UNION_LEVEL = {
    "national": UKG.NationalLevel, "industry": UKG.IndustryLevel,
    "provincial": UKG.ProvincialLevel, "city": UKG.CityLevel, "county": UKG.CountyLevel,
    "grassroots": UKG.GrassrootsLevel,
}
DIVISION = {
    "province": UKG.ProvinceDivision, "prefecture": UKG.PrefectureDivision,
    "county": UKG.CountyDivision, "town": UKG.TownDivision,
}

__all__ = ["DCTERMS", "FOAF", "OA", "ORG", "OWL", "PROV", "RDF", "RDFS", "SCHEMA", "SKOS",
           "TIME", "UKG", "WD", "XSD", "PREFIXES", "ORG_KIND_CLASS", "UNION_LEVEL", "DIVISION"]


def compact(iri: str) -> str | None:
    """``prefix:local`` for an IRI under one of ``PREFIXES``, else None.

    >>> compact("http://www.w3.org/ns/org#Membership")
    'org:Membership'
    """
    for p, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{p}:{iri[len(ns):]}"
    return None
