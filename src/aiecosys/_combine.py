"""Combining ecosystems: merge two, add or replace records.

An ecosystem is immutable, so each operation returns a new one, checked like any other: a
merge that leaves a reference dangling is refused with every problem listed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from aiecosys._checks import enum_value
from aiecosys._model import COLLECTIONS
from aiecosys.exceptions import DataError, Problem

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem, Record

__all__ = ["Conflicts", "merge", "with_records"]


class Conflicts(enum.Enum):
    """What `Ecosystem.merge` does with two different records of the same id.

    Attributes:
        ERROR: Refuse the merge and list every conflict.
        KEEP: Keep the record of the ecosystem merged into.
        REPLACE: Take the record of the other ecosystem.
    """

    ERROR = "error"
    KEEP = "keep"
    REPLACE = "replace"


def _collection(record: object) -> str:
    for name, kind in COLLECTIONS:
        if isinstance(record, kind):
            return name
    msg = f"must be a record (Source, Person, Company, Investor, Round or Claim), got {record!r}"
    raise DataError.single("records", msg[:200])


def _differences(old: Any, new: Any) -> str:
    fields = [f.name for f in attrs.fields(type(old)) if f.init and f.eq]
    changed = [name for name in fields if getattr(old, name) != getattr(new, name)]
    return ", ".join(repr(name) for name in changed)


def _combined(
    eco: Ecosystem, records: Iterable[Record], policy: Conflicts, *, version: str | None
) -> Ecosystem:
    from aiecosys._ecosystem import Ecosystem  # noqa: PLC0415 - _ecosystem imports us

    merged: dict[str, dict[str, Any]] = {
        name: {r.id: r for r in getattr(eco, name)} for name, _ in COLLECTIONS
    }
    conflicts: list[Problem] = []
    for record in records:
        name = _collection(record)
        old = merged[name].get(record.id)
        if old is None or old == record or policy is Conflicts.REPLACE:
            merged[name][record.id] = record
        elif policy is Conflicts.ERROR:
            path = f"{name}[id={record.id!r}]"
            conflicts.append(Problem(path, f"differs in {_differences(old, record)}"))
    if conflicts:
        raise DataError(conflicts)
    return Ecosystem(version=version, **{k: v.values() for k, v in merged.items()})


def merge(first: Ecosystem, second: Ecosystem, *, conflicts: Conflicts | str) -> Ecosystem:
    """Return the records of both ecosystems (see [`Ecosystem.merge`][aiecosys.Ecosystem.merge])."""
    policy = enum_value(Conflicts)(conflicts)
    records = [r for name, _ in COLLECTIONS for r in getattr(second, name)]
    version = first.version if first.version == second.version else None
    return _combined(first, records, policy, version=version)


def with_records(eco: Ecosystem, records: Iterable[Record], *, replace: bool) -> Ecosystem:
    """Return *eco* with *records* added.

    See [`Ecosystem.with_records`][aiecosys.Ecosystem.with_records].
    """
    policy = Conflicts.REPLACE if replace else Conflicts.ERROR
    return _combined(eco, records, policy, version=eco.version)
