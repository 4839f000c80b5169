"""Hostile session and model files — the audit's cases: every one is refused in one
sentence (DataError), in bounded memory and time, and a session's parts are read only when
needed and only within the budget their file allows."""

import io
import json
import tracemalloc
import zipfile

import numpy as np
import pytest

from logreg_gui.core import DataError, DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.files.model_file import load_model, model_of, save_model
from logreg_gui.core.files.session_file import (
    MAX_SESSION_RUNS,
    SavedSession,
    load_session,
    save_session,
)
from logreg_gui.core.training.history import RunHistory


@pytest.fixture(scope="module")
def split():
    return prepare_data(DataSettings())


@pytest.fixture(scope="module")
def good_session(split, tmp_path_factory):
    model = LogisticRegressionGD(epochs=60, random_state=0)
    run = model.start_training(
        split.X_train, split.y_train, split.X_test, split.y_test, keep_weights=True
    )
    history = RunHistory(model.get_params(), label="run 1")
    while not run.finished:
        history.append(run.advance())
    history.finish(run.stop_reason, run.message)
    path = tmp_path_factory.mktemp("good") / "good.lrsession"
    save_session(
        path,
        SavedSession(
            data_settings={"source": "generated", "seed": 0},
            model_settings={"learning_rate": 0.01, "resets": 2},
            runs=[history],
            current=0,
            selected=3,
            shown_epoch=None,
        ),
    )
    return path


@pytest.fixture(scope="module")
def good_model(split, tmp_path_factory):
    model = LogisticRegressionGD(epochs=60, random_state=0).fit(split.X_train, split.y_train)
    path = tmp_path_factory.mktemp("model") / "good.json"
    save_model(path, model_of(split, model.coef_, model.intercept_, model.get_params()))
    return path


def rewritten(source, target, document=None, parts=None, info=None):
    """``source`` written again as ``target``: its session.json changed by
    ``document(doc)``, its parts by ``parts(name, bytes) -> bytes | None`` (None drops it),
    each ZipInfo by ``info(zipinfo)``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            content = old.read(item)
            if item.filename == "session.json" and document is not None:
                data = json.loads(content)
                data = document(data) or data
                content = data if isinstance(data, bytes) else json.dumps(data).encode()
            elif parts is not None:
                content = parts(item.filename, content)
                if content is None:
                    continue
            if info is not None:
                item = info(item) or item
            new.writestr(item, content)
    return target


def refused(path, loader=load_session, words=None):
    """``loader(path)`` raises one DataError sentence (and nothing else)."""
    with pytest.raises(DataError) as error:
        loader(path)
    text = str(error.value)
    assert ("\n" not in text and path.name in text) or "file" in text, text
    if words is not None:
        assert words in text, text
    return text


def run_field(key, value):
    def change(document):
        document["runs"][0][key] = value

    return change


SESSION_CASES = {
    # JSON that no parser should be asked to trust.
    "deep JSON": lambda d: b"[" * 100_000 + b"]" * 100_000,
    "Infinity where an integer belongs (selected)": lambda d: (
        json.dumps(d).replace('"selected": 3', '"selected": Infinity').encode()
    ),
    "Infinity in the epoch shown": lambda d: d.update(shown_epoch=float("inf")),
    "Infinity in the learning rates": run_field("learning_rates", [[0, float("inf")]]),
    "a 5,000-digit integer": lambda d: (
        json.dumps(d).replace('"selected": 3', '"selected": ' + "9" * 5000).encode()
    ),
    "empty learning rates": run_field("learning_rates", []),
    "a message that is not text": run_field("message", {"a": 1}),
    "a string objective": lambda d: d["runs"][0]["latest"].update(objective="low"),
    "an L2 of -1e300": lambda d: d["runs"][0]["settings"].update(l2=-1e300),
    "epochs of 'x'": lambda d: d["runs"][0]["settings"].update(epochs="x"),
    "resets that are not a number": lambda d: d["model_settings"].update(resets="x"),
    "a million runs": lambda d: d.update(runs=[{}] * 1_000_000),
    "a current run it does not have": lambda d: d.update(current=5),
    "runs that are a dictionary": lambda d: d.update(runs={"a": 1}),
    "a digest that is not one": lambda d: d.update(file_sha256="../../etc/passwd"),
    "events of an unknown kind": run_field("events", [[1, "exploded", None]]),
    "no data settings": lambda d: d.pop("data_settings"),
}


@pytest.mark.parametrize("case", sorted(SESSION_CASES))
def test_damaged_session_documents_are_one_sentence(good_session, tmp_path, case):
    bad = rewritten(good_session, tmp_path / "bad.lrsession", document=SESSION_CASES[case])
    refused(bad)


def npy_header(shape):
    """The bytes of a .npy file that declares ``shape`` of float64 but holds 8 bytes."""
    header = repr({"descr": "<f8", "fortran_order": False, "shape": shape}).encode()
    header += b" " * (63 - (10 + len(header)) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header + b"\0" * 8


PART_CASES = {
    "a weight array declaring 2e9 rows": lambda name, c: (
        npy_header((2_000_000_000, 1, 11)) if name.endswith("weights_params.npy") else c
    ),
    "an 8 TB array": lambda name, c: (
        npy_header((1_000_000_000_000,)) if name.endswith("curves_low.npy") else c
    ),
    "a curve width of 0": lambda name, c: (
        _npy(np.array([65536, 0, 0, 60, 61])) if name.endswith("curves_meta.npy") else c
    ),
    "an object array (it would need pickle)": lambda name, c: (
        _npy_object() if name.endswith("curves_high.npy") else c
    ),
    "missing curves": lambda name, c: None if "curves_" in name else c,
    "log records of another shape": lambda name, c: (
        _npy(np.ones((3, 7))) if name.endswith("log_values.npy") else c
    ),
}


def _npy(array):
    import io

    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def _npy_object():
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    return buffer.getvalue()


@pytest.mark.parametrize("case", sorted(PART_CASES))
def test_damaged_session_parts_are_one_sentence(good_session, tmp_path, case):
    bad = rewritten(good_session, tmp_path / "bad.lrsession", parts=PART_CASES[case])
    refused(bad)


def test_compression_methods_and_encryption_it_cannot_read_are_one_sentence(good_session, tmp_path):
    raw = bytes(good_session.read_bytes())
    central = raw.index(b"PK\x01\x02")  # the first part's entry in the central directory
    # Its flags (offset 8: "encrypted") and its compression method (offset 10: 93, zstd).
    for offset, value in ((8, b"\x01\x00"), (10, b"\x5d\x00")):
        bad = raw[: central + offset] + value + raw[central + offset + 2 :]
        path = tmp_path / f"bad{offset}.lrsession"
        path.write_bytes(bad)
        refused(path)


def test_a_corrupt_deflate_stream_is_one_sentence(good_session, tmp_path):
    raw = bytearray(good_session.read_bytes())
    with zipfile.ZipFile(good_session) as archive:
        info = next(i for i in archive.infolist() if i.compress_size > 200)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + 20 : start + 60] = bytes(40)
    path = tmp_path / "corrupt.lrsession"
    path.write_bytes(bytes(raw))
    refused(path)


def test_a_zip_bomb_is_refused_before_it_is_inflated(good_session, tmp_path):
    """A part declaring a gigabyte in a file of a megabyte, where a session needs it."""
    path = rewritten(
        good_session,
        tmp_path / "bomb.lrsession",
        parts=lambda name, content: None if name.endswith("curves_low.npy") else content,
    )
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("runs/0/curves_low.npy", "w", force_zip64=True) as part,
    ):
        for _ in range(1024):  # 1 GB of zeros, a megabyte or so on disk
            part.write(bytes(2**20))
    assert path.stat().st_size < 3 * 2**20
    tracemalloc.start()
    text = refused(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "size of a part" in text, text
    assert peak < 64 * 2**20, peak  # far below the gigabyte it would inflate to


def test_parts_a_session_does_not_use_are_never_read(good_session, tmp_path):
    path = tmp_path / "extra.lrsession"
    path.write_bytes(good_session.read_bytes())
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("notes/big.bin", "w", force_zip64=True) as part,
    ):
        for _ in range(256):  # 256 MB a session never uses
            part.write(bytes(2**20))
    tracemalloc.start()
    loaded = load_session(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(loaded.runs) == 1 and peak < 32 * 2**20, peak


def test_at_most_a_hundred_runs_and_quickly_said(good_session, tmp_path):
    def many(document):
        document["runs"] = document["runs"] * (MAX_SESSION_RUNS + 1)

    path = rewritten(good_session, tmp_path / "many.lrsession", document=many)
    tracemalloc.start()
    refused(path, words=f"{MAX_SESSION_RUNS + 1:,} runs")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 16 * 2**20, peak  # said from the document, no run made


def test_a_hundred_runs_open_each_with_its_own_parts(good_session, tmp_path):
    """Each run gets the parts under its own number (grouped once by run: the time it takes
    against the number of runs is measured by tests/benchmarks/bench_open_files.py)."""
    with zipfile.ZipFile(good_session) as source:
        parts = {i.filename: source.read(i) for i in source.infolist()}
    document = json.loads(parts.pop("session.json"))
    path = tmp_path / "hundred.lrsession"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(MAX_SESSION_RUNS):
            for name, content in parts.items():
                if name.endswith(("curves_low.npy", "curves_high.npy")):  # its own first loss
                    values = np.load(io.BytesIO(content))
                    values[0, 0] = i
                    buffer = io.BytesIO()
                    np.save(buffer, values)
                    content = buffer.getvalue()
                archive.writestr(name.replace("runs/0/", f"runs/{i}/"), content)
        archive.writestr("session.json", json.dumps(dict(document, runs=document["runs"] * 100)))
    loaded = load_session(path)
    assert len(loaded.runs) == MAX_SESSION_RUNS
    assert [run.curves.curve("train_loss")[1][0] for run in loaded.runs] == list(range(100))


MODEL_CASES = {
    "classes given as dictionaries": lambda d: d.update(classes=[{"a": 1}, {"b": 2}]),
    "epochs run of 'x'": lambda d: d["training"].update(epochs_run="x"),
    "deep JSON": lambda d: b"[" * 100_000 + b"]" * 100_000,
    "Infinity in a weight": lambda d: (
        json.dumps(d).replace('"coef": [[', '"coef": [[Infinity, ', 1).encode()
    ),
    "a learning rate of -1": lambda d: d["training"].update(learning_rate=-1),
    "metrics that are text": lambda d: d.update(metrics={"test_accuracy": "great"}),
    "a threshold of infinity": lambda d: (
        json.dumps(d).replace('"threshold": null', '"threshold": Infinity').encode()
    ),
    "a digest that is a path": lambda d: d["data"].update(file_sha256="/etc/passwd"),
}


@pytest.mark.parametrize("case", sorted(MODEL_CASES))
def test_damaged_model_files_are_one_sentence(good_model, tmp_path, case):
    document = json.loads(good_model.read_text())
    changed = MODEL_CASES[case](document)
    bad = tmp_path / "bad.json"
    bad.write_bytes(changed if isinstance(changed, bytes) else json.dumps(document).encode())
    refused(bad, load_model)


@pytest.mark.parametrize("loader", [load_session, load_model])
def test_what_is_not_a_regular_file_is_not_read(tmp_path, loader):
    import os

    fifo = tmp_path / "pipe.lrsession"
    os.mkfifo(fifo)
    refused(fifo, loader, "not a regular file")
    refused(tmp_path, loader, "not a regular file")  # a folder
