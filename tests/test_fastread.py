"""The fast reader gives exactly what the cattrs converter gives: records and problems alike."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import aiecosys
from aiecosys import strategies as aist
from aiecosys._codec import _problems, _read_decimal, make_converter
from aiecosys._fastread import structure_all
from aiecosys._model import COLLECTIONS
from aiecosys.exceptions import Problem

WRONG = [None, 0, -1, 1.5, True, "", "x" * 3, "2023-13", [], {}, ["a"], {"amount": "1"}]
"""Values that no field takes in every position, to put where a valid one was."""


def cattrs_path(raw: Any, kind: type[Any], name: str) -> tuple[tuple[Any, ...], list[Problem]]:
    """The reference: every record through the cattrs converter, each failure explained."""
    converter = make_converter()
    if type(raw) is not list:
        try:
            return converter.structure(raw, tuple[kind, ...]), []  # type: ignore[valid-type]
        except Exception as error:  # noqa: BLE001 - every failure becomes a Problem
            return (), list(_problems(error, name))
    out: list[Any] = []
    problems: list[Problem] = []
    for j, item in enumerate(raw):
        try:
            out.append(converter.structure(item, kind))
        except Exception as error:  # noqa: BLE001
            problems.extend(_problems(error, f"{name}[{j}]"))
    return tuple(out), problems


def fast_path(raw: Any, kind: type[Any], name: str) -> tuple[tuple[Any, ...], list[Problem]]:
    return structure_all(
        raw,
        kind=kind,
        name=name,
        converter=make_converter(),
        decimal=_read_decimal,
        explain=_problems,
    )


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """aiecosys/1 documents of generated ecosystems, some with one record mutated."""
    eco = draw(aist.ecosystems())
    document: dict[str, Any] = json.loads(aiecosys.dumps(eco), parse_float=Decimal)
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from([n for n, _ in COLLECTIONS if document.get(n)] or ["rounds"]))
        records = document.get(name)
        if not records:
            continue
        record = records[draw(st.integers(0, len(records) - 1))]
        key = draw(st.sampled_from(sorted(record)))
        action = draw(st.sampled_from(["drop", "wrong", "extra", "nested"]))
        if action == "drop":
            del record[key]
        elif action == "wrong":
            record[key] = copy.deepcopy(draw(st.sampled_from(WRONG)))
        elif action == "extra":
            record["no_such_field"] = 1
        elif isinstance(record[key], list) and record[key] and isinstance(record[key][0], dict):
            record[key][0][draw(st.sampled_from(sorted(record[key][0])))] = draw(
                st.sampled_from(WRONG)
            )
    return document


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents())
def test_fast_path_equals_cattrs_path_records_and_problems(document: dict[str, Any]):
    """For valid and mutated documents, the same records (and types) and the same problems."""
    for name, kind in COLLECTIONS:
        raw = document.get(name, [])
        fast = fast_path(copy.deepcopy(raw), kind, name)
        slow = cattrs_path(copy.deepcopy(raw), kind, name)
        assert fast == slow, name
        event(f"{name}: {'problems' if slow[1] else 'clean'}")
        assert [type(r) for r in fast[0]] == [type(r) for r in slow[0]]


@given(
    raw=st.one_of(
        st.none(),
        st.integers(),
        st.text(max_size=5),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    )
)
def test_a_collection_that_is_not_a_list_is_explained_the_same(raw: Any):
    """A collection that is not a JSON array gives the cattrs path's problems."""
    for name, kind in COLLECTIONS:
        assert fast_path(raw, kind, name) == cattrs_path(raw, kind, name)
