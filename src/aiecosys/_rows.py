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
    names = tuple(f.name for f in attrs.fields(kind) if f.init)  # type: ignore[arg-type]
    post_init = getattr(kind, "__attrs_post_init__", None)
    new = object.__new__
    set_field = object.__setattr__

    def build(*values: Any) -> T:
        record = new(kind)
        for name, value in zip(names, values, strict=True):
            set_field(record, name, value)
        if post_init is not None:
            post_init(record)
        return record

    return build
