"""The N-Triples term writer: the regex fast path changes no byte.

:func:`kg.rdf.ntriples.term` skips ``str.translate`` when a term holds no
character to escape; these tests compare it with translating every term, on
generated strings rich in the characters that need an escape.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib import namespace as ns

from kg.rdf import ntriples
from kg.rdf.ntriples import term

# every character either table escapes, some that neither does, CJK and astral
_TRICKY = "".join(map(chr, range(0x21))) + '\x7f<>"{}|^`\\' + "aZ09 #%&'/:=?@" + "中国工会“”，。\u3000" + "\U0002a6a5😀"
_TEXT = st.text(alphabet=st.sampled_from(_TRICKY), max_size=40) | st.text(max_size=40)


def _slow(t) -> str:
    """term() as written before the fast path: translate every string."""
    if isinstance(t, URIRef):
        return "<" + str(t).translate(ntriples._IRI_ESC) + ">"
    lex = '"' + str(t).translate(ntriples._LIT_ESC) + '"'
    if t.language:
        return f"{lex}@{t.language}"
    if t.datatype is not None and t.datatype != ns.XSD.string:
        return f"{lex}^^{_slow(t.datatype)}"
    return lex


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_literals_as_translated(s):
    for lit in (Literal(s), Literal(s, lang="zh"), Literal(s, datatype=ns.XSD.date), Literal(s, datatype=ns.XSD.string)):
        assert term(lit) == _slow(lit)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_iris_as_translated(s):
    iri = URIRef("https://w3id.org/union-kg/person/" + s)
    assert term(iri) == _slow(iri)


def test_escapes_on_real_shaped_terms():
    assert term(Literal("会议\t通过了《决议》。\r\n\"好\"\\", lang="zh")) == \
        '"会议\\t通过了《决议》。\\r\\n\\"好\\"\\\\"@zh'
    assert term(Literal("a\x00b\x1fc\x7f\b\f")) == '"a\\u0000b\\u001Fc\\u007F\\b\\f"'
    assert term(URIRef("https://w3id.org/union-kg/person/张 三<x>")) == \
        "<https://w3id.org/union-kg/person/张\\u0020三\\u003Cx\\u003E>"
    assert term(URIRef("https://w3id.org/union-kg/person/张三")) == "<https://w3id.org/union-kg/person/张三>"


def test_fast_path_classes_are_the_escape_tables():
    every = [chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF]
    assert {ord(c) for c in every if ntriples._LIT_ANY.search(c)} == set(ntriples._LIT_ESC)
    assert {ord(c) for c in every if ntriples._IRI_ANY.search(c)} == set(ntriples._IRI_ESC)
