"""Hardening: mutated, truncated, huge and malicious documents raise DataError, nothing else.

Kinds of bad input tried (each has a test below): a dropped field, a value of the wrong type,
an unknown id, a duplicate id, a negative amount, a huge amount, a bad currency, an impossible
date, NaN, deep nesting, a wrong top-level type, a truncated file, invalid UTF-8, and a
100 MB string. Plus a generic fuzz that replaces any value anywhere with junk.
"""

import copy
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiecosys import DataError, Ecosystem, Problem, loads
from aiecosys import strategies as aist
from aiecosys._codec import to_document
from tests.helpers import small

JUNK = [
    None,
    True,
    0,
    -1,
    1.5,
    "",
    "x",
    "NaN",
    [],
    {},
    [1],
    {"a": 1},
    "2023-02-30",
    "EURO",
    "1e400",
    10**30,
]


def doc() -> dict[str, Any]:
    return to_document(small())


def paths_of(error: DataError) -> list[str]:
    return [p.path for p in error.problems]


def load_doc(document: object) -> Ecosystem:
    return loads(json.dumps(document))


def load_problems(document: object) -> tuple[Problem, ...]:
    """Load, returning the problems (none when it loads); any other exception escapes."""
    try:
        load_doc(document)
    except DataError as error:
        return error.problems  # DataError itself refuses to exist with no problem
    return ()


def leaves(node: Any, path: str = "") -> list[tuple[str, Any, Any]]:
    """(path, container, key) of every value under node, lists and objects alike."""
    found = []
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        here = f"{path}[{key}]" if isinstance(key, int) else (f"{path}.{key}" if path else key)
        found.append((here, node, key))
        if isinstance(value, dict | list):
            found.extend(leaves(value, here))
    return found


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(aist.ecosystems(max_rounds=5), st.data())
def test_fuzz_any_value_replaced_by_junk_gives_data_error_or_an_ecosystem(eco, data):
    """Replacing any value with junk either still loads or raises DataError with paths."""
    document = to_document(eco)
    places = [p for p in leaves(document) if p[0] != "format"]
    _, container, key = data.draw(st.sampled_from(places))
    container[key] = data.draw(st.sampled_from(JUNK))
    problems = load_problems(document)
    assert all(isinstance(p.path, str) and p.message for p in problems)


@given(aist.ecosystems(max_rounds=5), st.data())
def test_fuzz_dropping_any_key_gives_data_error_or_an_ecosystem(eco, data):
    """Dropping any key of any record either still loads (it was optional) or names it."""
    document = to_document(eco)
    records = [(p, c, k) for p, c, k in leaves(document) if isinstance(c[k], dict) and c[k]]
    if not records:
        return
    path, container, key = data.draw(st.sampled_from(records))
    dropped = data.draw(st.sampled_from(sorted(container[key])))
    del container[key][dropped]
    problems = load_problems(document)
    assert not problems or f"{path}.{dropped}" in [p.path for p in problems]


def test_dropped_field():
    """A missing required field is named."""
    d = doc()
    del d["rounds"][0]["stage"]
    with pytest.raises(DataError) as info:
        load_doc(d)
    assert paths_of(info.value) == ["rounds[0].stage"]


def test_wrong_type():
    """A number where a string belongs is named."""
    d = doc()
    d["companies"][1]["name"] = 42
    with pytest.raises(DataError, match=r"companies\[1\].name: must be a string"):
        load_doc(d)


def test_unknown_id():
    """A reference to a record that does not exist is named."""
    d = doc()
    d["rounds"][2]["investments"][0]["investor"] = "investor:nobody"
    with pytest.raises(DataError, match=r"rounds\[2\].investments\[0\].investor: unknown"):
        load_doc(d)


def test_duplicate_id():
    """Two records with one id: the second is named."""
    d = doc()
    d["companies"].append(copy.deepcopy(d["companies"][0]))
    with pytest.raises(DataError, match=r"companies\[2\].id: 'company:acme' is already"):
        load_doc(d)


@pytest.mark.parametrize("amount", ["-5", "0", "1000000000000000", "1e19"])
def test_negative_zero_and_huge_amounts(amount):
    """A round amount must be positive and below 10**15."""
    d = doc()
    d["rounds"][0]["amount"]["amount"] = amount
    with pytest.raises(DataError, match=r"rounds\[0\].amount: must be more than 0"):
        load_doc(d)


def test_bad_currency():
    """A currency that is not ISO 4217 is named at its own path."""
    d = doc()
    d["rounds"][0]["amount"]["currency"] = "XBT"
    with pytest.raises(DataError, match=r"rounds\[0\].amount.currency: 'XBT' is not"):
        load_doc(d)


def test_impossible_date():
    """30 February is refused."""
    d = doc()
    d["rounds"][0]["announced"] = "2021-02-30"
    with pytest.raises(DataError, match=r"rounds\[0\].announced: 2021-02 has no day 30"):
        load_doc(d)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity(literal):
    """Non-finite JSON literals are refused, with the path where they stand."""
    text = json.dumps(doc()).replace('"1000000"', literal, 1)
    pattern = rf"rounds\[\d+\]\.amount\.amount: .*\(got {literal}, which is not a number"
    with pytest.raises(DataError, match=pattern):
        loads(text)


def test_nan_string_amount():
    """The string 'NaN' is not an amount either."""
    d = doc()
    d["rounds"][0]["amount"]["amount"] = "NaN"
    with pytest.raises(DataError, match=r"rounds\[0\].amount.amount: 'NaN' is not a number"):
        load_doc(d)


@pytest.mark.parametrize("depth", [50, 100_000])
def test_deep_nesting(depth):
    """Deeply nested junk is a DataError, whether json can parse it or not."""
    text = '{"format": "aiecosys/1", "companies": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(DataError):
        loads(text)


@pytest.mark.parametrize("top", ["[]", '"aiecosys/1"', "3", "null", "true"])
def test_wrong_top_level_type(top):
    """The document must be an object."""
    with pytest.raises(DataError, match="the file must hold a JSON object"):
        loads(top)


@pytest.mark.parametrize("cut", [1, 10, 100, 500])
def test_truncated_file(cut):
    """A file cut short is not valid JSON, and says where."""
    text = json.dumps(doc())
    with pytest.raises(DataError, match=r"not valid JSON: .* at line 1, column"):
        loads(text[: len(text) - cut])


def test_invalid_utf8():
    """Bytes that are not UTF-8 are reported with their offset."""
    data = json.dumps(doc()).encode().replace(b"Bolt", b"B\xc3\x28t")
    with pytest.raises(DataError, match=r"not UTF-8 text \(byte \d+"):
        loads(data)


def test_huge_string_fails_fast_with_bounded_memory(tmp_path):
    """A 100 MB name is refused in seconds, with peak memory a small multiple of the file."""
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(tmp_path)!r})
import aiecosys
company = {{"id": "c", "name": "x" * 100_000_000}}
text = json.dumps({{"format": "aiecosys/1", "companies": [company]}})
start = time.perf_counter()
try:
    aiecosys.loads(text)
except aiecosys.DataError as error:
    print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, error)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split(maxsplit=2)
    seconds, peak_kib, message = float(out[0]), int(out[1]), out[2]
    assert "companies[0].name: a name is 100,000,000 characters; at most 500" in message
    assert seconds < 10
    assert peak_kib < 1_000_000  # under 1 GB for a 100 MB document


def test_nothing_is_half_loaded():
    """A failed load returns nothing and leaves the bundled dataset untouched."""
    import aiecosys

    before = aiecosys.load()
    d = doc()
    d["rounds"][0]["company"] = "company:ghost"
    with pytest.raises(DataError):
        load_doc(d)
    assert aiecosys.load() is before
