"""Damaged session and model files, made up by hypothesis: truncations, bit flips, values of
the wrong type, huge numbers, deep nesting, huge declared shapes, parts replaced, parts
inflating to 16 or 64 MB (zip bombs). Whatever
the damage, opening says it in one DataError sentence (or opens a file that still makes
sense), within bounded memory.

``FUZZ_EXAMPLES=2000 pytest tests/core/files/test_fuzz.py -s`` runs more cases and prints the
worst memory and time seen (time is reported, never asserted: the machine is shared).
"""

import io
import json
import os
import time
import tracemalloc
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logreg_gui.core import DataError, DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.files.model_file import load_model, model_of, save_model
from logreg_gui.core.files.session_file import SavedSession, load_session, save_session
from logreg_gui.core.training.history import RunHistory

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
#: What opening one damaged file may cost at most.
MAX_PEAK_BYTES = 256 * 2**20
SEEN = {"cases": 0, "refused": 0, "peak": 0, "seconds": 0.0}

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
    database=None,
)


@pytest.fixture(scope="module", autouse=True)
def report():
    """Printed with ``-s`` once the module's cases ran: how many, the worst memory and time."""
    yield
    print(
        f"\nfuzzed {SEEN['cases']} files ({SEEN['refused']} refused in one sentence); worst "
        f"peak memory {SEEN['peak'] / 2**20:.1f} MB, worst time {SEEN['seconds'] * 1e3:.0f} ms"
    )


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    split = prepare_data(DataSettings())
    runs = []
    for rate in (0.05, 0.5):
        model = LogisticRegressionGD(learning_rate=rate, epochs=80, random_state=0)
        run = model.start_training(
            split.X_train, split.y_train, split.X_test, split.y_test, keep_weights=True
        )
        history = RunHistory(model.get_params(), label=f"lr {rate}")
        while not run.finished:
            history.append(run.advance())
        history.finish(run.stop_reason, run.message)
        runs.append(history)
    folder = tmp_path_factory.mktemp("originals")
    session = folder / "good.lrsession"
    save_session(
        session,
        SavedSession(
            data_settings={"source": "generated", "seed": 0},
            model_settings={"learning_rate": 0.5, "resets": 1},
            runs=runs,
            current=1,
            selected=2,
            shown_epoch=40,
        ),
    )
    fitted = LogisticRegressionGD(epochs=50, random_state=0).fit(split.X_train, split.y_train)
    model = folder / "good.json"
    save_model(model, model_of(split, fitted.coef_, fitted.intercept_, fitted.get_params()))
    return session.read_bytes(), model.read_bytes()


def opened(loader, path):
    """Open ``path``: only DataError may come out, within the bounds; count what it cost."""
    tracemalloc.start()
    began = time.perf_counter()
    try:
        loader(path)
        refused = False
    except DataError as error:
        assert "\n" not in str(error) or "\n\n" in str(error), str(error)
        refused = True
    seconds = time.perf_counter() - began
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    SEEN["cases"] += 1
    SEEN["refused"] += refused
    SEEN["peak"] = max(SEEN["peak"], peak)
    SEEN["seconds"] = max(SEEN["seconds"], seconds)
    assert peak < MAX_PEAK_BYTES, peak


# Hostile values to put anywhere in a JSON document.
HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([float("inf"), float("-inf"), float("nan"), -1e300, 1e300, 0.0, -1]),
    st.text(max_size=20),
    st.just("9" * 5000),
    st.lists(st.integers(), max_size=5),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.just([[[[[[[[[[[]]]]]]]]]]]),
    st.just([{}] * 1000),
)


def paths_of(value, path=()):
    """Every path to a value inside a JSON document."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value[:5]):
            yield from paths_of(item, (*path, i))


def replaced(document, path, value):
    if not path:
        return value
    *inner, last = path
    target = document
    for key in inner:
        target = target[key]
    target[last] = value
    return document


def as_json(document):
    return json.dumps(document, allow_nan=True).encode()


def with_document(raw, document_bytes):
    """The session ``raw`` with session.json replaced."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = document_bytes if item.filename == "session.json" else source.read(item)
            target.writestr(item.filename, content)
    return out.getvalue()


def with_part(raw, name, content):
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, content if item.filename == name else source.read(item))
    return out.getvalue()


def npy_declaring(shape, dtype="<f8"):
    header = repr({"descr": dtype, "fortran_order": False, "shape": tuple(shape)}).encode()
    header += b" " * (63 - (10 + len(header)) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header + bytes(64)


@st.composite
def damaged_sessions(draw, raw):
    how = draw(st.sampled_from(["truncate", "flip", "value", "part", "shape", "nest", "bomb"]))
    if how == "truncate":
        return raw[: draw(st.integers(0, len(raw) - 1))]
    if how == "flip":
        damaged = bytearray(raw)
        for position in draw(st.lists(st.integers(0, len(raw) - 1), min_size=1, max_size=16)):
            damaged[position] ^= 1 << draw(st.integers(0, 7))
        return bytes(damaged)
    document = json.loads(zipfile.ZipFile(io.BytesIO(raw)).read("session.json"))
    if how == "value":
        path = draw(st.sampled_from(list(paths_of(document))))
        return with_document(raw, as_json(replaced(document, path, draw(HOSTILE))))
    if how == "nest":
        depth = draw(st.integers(100, 200_000))
        return with_document(raw, b"[" * depth + b"]" * depth)
    names = [i.filename for i in zipfile.ZipFile(io.BytesIO(raw)).infolist()]
    if how == "bomb":  # a part (or the document) inflating to far more than its file
        name = draw(st.sampled_from(names))
        return with_part(raw, name, bytes(draw(st.sampled_from([2**24, 2**26]))))
    name = draw(st.sampled_from([n for n in names if n.endswith(".npy")]))
    if how == "part":
        return with_part(raw, name, draw(st.binary(max_size=256)))
    shape = draw(st.lists(st.integers(0, 2**40), min_size=1, max_size=3))
    dtype = draw(st.sampled_from(["<f8", "<i8", "|O", "<U10", "|b1"]))
    return with_part(raw, name, npy_declaring(shape, dtype))


@FUZZ
@given(data=st.data())
def test_a_damaged_session_is_one_sentence_in_bounded_memory(originals, tmp_path, data):
    raw = data.draw(damaged_sessions(originals[0]))
    path = tmp_path / "damaged.lrsession"
    path.write_bytes(raw)
    opened(load_session, path)


@st.composite
def damaged_models(draw, raw):
    how = draw(st.sampled_from(["truncate", "flip", "value", "nest"]))
    if how == "truncate":
        return raw[: draw(st.integers(0, len(raw) - 1))]
    if how == "flip":
        damaged = bytearray(raw)
        for position in draw(st.lists(st.integers(0, len(raw) - 1), min_size=1, max_size=16)):
            damaged[position] ^= 1 << draw(st.integers(0, 7))
        return bytes(damaged)
    if how == "nest":
        depth = draw(st.integers(100, 200_000))
        return b"[" * depth + b"]" * depth
    document = json.loads(raw)
    path = draw(st.sampled_from(list(paths_of(document))))
    return as_json(replaced(document, path, draw(HOSTILE)))


@FUZZ
@given(data=st.data())
def test_a_damaged_model_is_one_sentence_in_bounded_memory(originals, tmp_path, data):
    raw = data.draw(damaged_models(originals[1]))
    path = tmp_path / "damaged.json"
    path.write_bytes(raw)
    opened(load_model, path)
