"""Records built when they are read: the sequences an ecosystem and its answers hand out.

A large ecosystem keeps its rounds as compact rows decoded in bulk (see ``_bulk``), already
checked; a [`Records`][aiecosys.Records] sequence builds the frozen attrs record of a row when
it is read, without checking it again. Over records that already exist it simply hands them
out. Either way it reads like a tuple: ``len``, indexing, slicing, iteration, ``in``, and
equality with any sequence of the same records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, overload

import attrs

__all__ = ["Records", "unchecked"]

T = TypeVar("T")
K = TypeVar("K")


class Records(Sequence[T]):
    """A read-only sequence of records, each built when it is read.

    It compares equal to any sequence (a tuple, a list, another ``Records``) holding equal
    records in the same order, and hashes like the tuple of its records.

    Examples:
        >>> import aiecosys
        >>> rounds = aiecosys.load().rounds
        >>> isinstance(rounds[0], aiecosys.Round), rounds[:2] == tuple(rounds)[:2]
        (True, True)
    """

    __slots__ = ("_build", "_later", "_length", "_positions", "_rows")

    def __init__(
        self,
        rows: Sequence[Any],
        build: Callable[[Any], T] | None = None,
        positions: Sequence[int] | Any = None,
        *,
        later: tuple[int, Callable[[], Sequence[int]]] | None = None,
    ) -> None:
        """Read *rows* (at *positions*, in that order, if given), each through *build*.

        *later* gives, instead of *positions*, their count and a function that finds them when
        a record is first read.
        """
        self._rows = rows
        self._build = build
        self._positions = positions
        self._length = len(rows if positions is None else positions) if later is None else later[0]
        self._later = None if later is None else later[1]

    def _settle(self) -> None:
        if self._later is not None:
            self._positions, self._later = self._later(), None

    def __len__(self) -> int:
        """Count the records."""
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        """Return a record, or a tuple of them for a slice."""
        if isinstance(index, slice):
            positions = range(len(self))[index]
            return tuple(self[i] for i in positions)
        self._settle()
        row = self._rows[index if self._positions is None else self._positions[index]]
        return row if self._build is None else self._build(row)

    def __iter__(self) -> Iterator[T]:
        """Iterate over the records, building each in turn."""
        self._settle()
        rows = (
            self._rows if self._positions is None else map(self._rows.__getitem__, self._positions)
        )
        return iter(rows) if self._build is None else map(self._build, rows)

    def __eq__(self, other: object) -> bool:
        """Compare with any sequence, record by record."""
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        """Hash like the tuple of the records."""
        return hash(tuple(self))

    def __repr__(self) -> str:
        """Show the count, not every record."""
        return f"<Records: {len(self)}>"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the tuple of the records."""
        return (tuple, (tuple(self),))


def unchecked(kind: type[T]) -> Callable[..., T]:
    """Return a function building a *kind* record from field values already checked.

    The values are set as they are given: no converter or validator runs again (the record
    derives what it derives in ``__attrs_post_init__``, as when built normally).
    """
    names = [f.name for f in attrs.fields(kind) if f.init]  # type: ignore[arg-type]
    post_init = getattr(kind, "__attrs_post_init__", None)
    # Generated once per class, as attrs generates __init__: a call per field would double
    # the cost of building a record.
    # The helpers' names cannot be a field's: a field named "kind" must not hide the class.
    lines = [f"def build({', '.join(names)}):", "    record = new__(class__)"]
    lines += [f"    set__(record, {name!r}, {name})" for name in names]
    lines += ["    post_init__(record)"] if post_init is not None else []
    lines += ["    return record"]
    scope: dict[str, Any] = {
        "new__": object.__new__,
        "class__": kind,
        "set__": object.__setattr__,
        "post_init__": post_init,
    }
    exec("\n".join(lines), scope)  # noqa: S102 - code made here from the class's field names
    return scope["build"]  # type: ignore[no-any-return]


def reading(
    make: Callable[..., T],
    fields: Sequence[tuple[str, Callable[[Any], Any] | None]],
    *,
    by_name: bool,
) -> Callable[[Any], T]:
    """Return a function calling *make* with the *fields* of a row, each through its reader.

    ``reading(make, [("id", None), ("announced", parse)], by_name=False)`` is
    ``lambda row: make(row.id, parse(row.announced))``, generated once as code.

    Examples:
        >>> from types import SimpleNamespace as Row
        >>> reading(dict, [("a", None), ("b", str.upper)], by_name=True)(Row(a=1, b="x"))
        {'a': 1, 'b': 'X'}
    """
    space: dict[str, Any] = {"make__": make}
    values = []
    for i, (name, read) in enumerate(fields):
        value = f"row.{name}"
        if read is not None:
            space[f"read{i}__"] = read
            value = f"read{i}__({value})"
        values.append(f"{name}={value}" if by_name else value)
    code = f"lambda row: make__({', '.join(values)})"  # from field names: identifiers
    return eval(code, space)  # type: ignore[no-any-return]  # noqa: S307 - code made here
