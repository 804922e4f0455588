"""N-Triples and N-Quads, written line by line as the statements stream by
(RDF 1.1 N-Triples, canonical escapes: ``\\"`` ``\\\\`` ``\\n`` ``\\r`` ``\\t``
``\\b`` ``\\f`` and ``\\uXXXX`` for other control characters), so a graph of any
size is written in constant memory. Output is UTF-8; ``xsd:string`` is left
implicit, as canonical N-Triples asks.

Most IRIs and literals need no escape: one regex search finds out, and only
the others go through ``str.translate`` (3 × faster than translating every
term; ``docs/benchmarks.md``). pyoxigraph's serialiser writes the same lines
but, fed from Python, is no faster and needs the triples in memory; rdflib's
leaves tabs and control characters raw (not canonical).

>>> from rdflib import Literal, URIRef
>>> term(Literal('他说"好"\\n', lang="zh"))
'"他说\\\\"好\\\\"\\\\n"@zh'
"""

from __future__ import annotations

import re
from typing import IO, Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
          "\b": "\\b", "\f": "\\f"}
_LIT_ESC = {i: _ECHAR.get(chr(i), f"\\u{i:04X}") for i in (*range(0x20), 0x7F)}
_LIT_ESC.update({ord(k): v for k, v in _ECHAR.items()})
# characters an IRIREF may not hold raw
_IRI_ESC = {i: f"\\u{i:04X}" for i in (*range(0x21), *map(ord, '<>"{}|^`\\'))}
# the characters of each table, as a class: no match, nothing to escape
_LIT_ANY = re.compile("[" + "".join(re.escape(chr(i)) for i in sorted(_LIT_ESC)) + "]")
_IRI_ANY = re.compile("[" + "".join(re.escape(chr(i)) for i in sorted(_IRI_ESC)) + "]")


def term(t) -> str:
    if isinstance(t, URIRef):
        s = str(t)
        return "<" + (s.translate(_IRI_ESC) if _IRI_ANY.search(s) else s) + ">"
    if isinstance(t, Literal):
        s = str(t)
        lex = '"' + (s.translate(_LIT_ESC) if _LIT_ANY.search(s) else s) + '"'
        if t.language:
            return f"{lex}@{t.language}"
        if t.datatype is not None and t.datatype != XSD.string:
            return f"{lex}^^{term(t.datatype)}"
        return lex
    if isinstance(t, BNode):
        return f"_:{t}"
    raise TypeError(f"not an RDF term: {t!r}")


def write_ntriples(triples: Iterable, out: IO[str]) -> int:
    """Write ``(s, p, o)`` triples; returns how many were written."""
    n = 0
    write = out.write
    for s, p, o in triples:
        write(f"{term(s)} {term(p)} {term(o)} .\n")
        n += 1
    return n


def write_nquads(quads: Iterable, out: IO[str]) -> int:
    """Write ``(s, p, o, g)`` quads (g None: the default graph)."""
    n = 0
    write = out.write
    for s, p, o, g in quads:
        if g is None:
            write(f"{term(s)} {term(p)} {term(o)} .\n")
        else:
            write(f"{term(s)} {term(p)} {term(o)} {term(g)} .\n")
        n += 1
    return n
