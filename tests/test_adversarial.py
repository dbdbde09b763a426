"""The standing adversarial suite: every case of every family gets its clean error.

The cases are in ``tests/adversarial.py`` (``python -m tests.adversarial`` prints the audit
table). Here each one is a test, and hypothesis throws generated junk at ``loads()``: whatever
it is given, it returns an ``Ecosystem`` or raises an aiecosys error, never anything else, and
never runs long.
"""

import inspect
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aiecosys
from aiecosys import AiecosysError, Ecosystem, loads
from aiecosys import strategies as aist
from aiecosys._codec import to_document
from tests.adversarial import QUERIED, Case, all_cases, judge

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.family}: {c.name}" for c in CASES])
def test_every_case_gets_its_clean_error(case: Case):
    """Each attack gets the aiecosys error it states (type and message), or the right answer."""
    outcome, detail = judge(case)
    assert outcome == "clean", detail


def test_every_public_query_is_attacked():
    """The query table covers every public method of Ecosystem and every bundled shortcut."""
    methods = {
        name
        for name, member in inspect.getmembers(Ecosystem, inspect.isfunction)
        if not name.startswith("_") and len(inspect.signature(member).parameters) > 1
    }  # a method that takes no argument (coverage()) cannot be given a bad one
    assert methods == QUERIED
    from aiecosys import _bundled

    shortcuts = {
        name
        for name, member in vars(_bundled).items()
        if inspect.isfunction(member)
        and not name.startswith("_")
        and member.__module__ == _bundled.__name__
    }
    attacked = {
        c.name.split("(")[0].removeprefix("aiecosys.") for c in CASES if c.family == "queries"
    }
    assert shortcuts <= attacked


def test_every_family_has_cases():
    """Each family of the issue has a table of cases."""
    families = {c.family for c in CASES}
    assert families == {"JSON", "model", "Money", "queries", "concurrency", "data loss"}


# Fuzzing loads() ------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=150,
    deadline=5_000,  # a hang is a failure
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def loads_cleanly(source: str | bytes) -> None:
    """Read *source*: an Ecosystem or an aiecosys error, nothing else."""
    try:
        result: object = loads(source)
    except AiecosysError as error:
        result = error
    if isinstance(result, AiecosysError):
        assert len(str(result)) < 20_000
    else:
        assert isinstance(result, Ecosystem)


@FUZZ
@given(st.binary(max_size=2_000))
def test_fuzz_any_bytes(data):
    """Arbitrary bytes load or raise an aiecosys error."""
    loads_cleanly(data)


@FUZZ
@given(st.text(max_size=2_000))
def test_fuzz_any_text(text):
    """Arbitrary text loads or raises an aiecosys error."""
    loads_cleanly(text)


def places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in a JSON document."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += places(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += places(value, (*path, i))
    return found


@FUZZ
@given(aist.ecosystems(max_rounds=4), st.data())
def test_fuzz_any_json_value_anywhere(eco, data):
    """A valid document with any JSON value put at any place (or as a new key) loads cleanly."""
    doc = to_document(eco)
    path = data.draw(st.sampled_from(places(doc)[1:]))
    value = data.draw(JSON_VALUES)
    node: Any = doc
    for step in path[:-1]:
        node = node[step]
    if isinstance(node, dict) and data.draw(st.booleans()):
        node[data.draw(st.text(max_size=8))] = value
    else:
        node[path[-1]] = value
    loads_cleanly(json.dumps(doc))


@FUZZ
@given(aist.ecosystems(max_rounds=4), st.data())
def test_fuzz_text_edits_of_a_valid_document(eco, data):
    """A valid document's text with characters deleted, inserted or repeated loads cleanly."""
    text = aiecosys.dumps(eco)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        edit = data.draw(st.sampled_from(["delete", "insert", "repeat"]))
        if edit == "delete":
            text = text[:at] + text[at + 1 :]
        elif edit == "insert":
            text = text[:at] + data.draw(st.text(max_size=3)) + text[at:]
        else:
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at)
            line = text[line_start : line_end if line_end != -1 else len(text)]
            text = text[:line_start] + line + "\n" + text[line_start:]
    loads_cleanly(text)


@settings(max_examples=50, deadline=None)
@given(aist.ecosystems(max_rounds=6))
def test_reading_a_document_twice_gives_equal_ecosystems(eco):
    """from_document does not consume its input: a second read of one dict is equal."""
    from aiecosys._codec import from_document

    doc = to_document(eco)
    assert from_document(doc) == from_document(doc) == eco
