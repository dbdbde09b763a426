"""The fast path for reading records from parsed JSON.

Valid documents, the common case, are built straight from each field's type: a reader per
field turns JSON values into Python ones (a date string into a ``PartialDate``, an object into
``Money``…) and the attrs class's own validators check everything when the record is built.
At the first record that fails, reading switches to the cattrs converter, whose detailed
validation lists every problem with its path (see ``_codec``). Both paths give equal records.
"""

from __future__ import annotations

import enum
import functools
import types
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

import attrs

from aiecosys._dates import PartialDate
from aiecosys._money import Money
from aiecosys.exceptions import Problem

if TYPE_CHECKING:
    import cattrs  # the converter is passed in; _codec imports cattrs when it reads

__all__ = ["structure_all"]

Reader = Callable[[Any], Any]


def _date(value: Any) -> Any:
    return PartialDate.parse(value) if isinstance(value, str) else value


def _money(decimal: Reader) -> Reader:
    def read(value: Any) -> Money:
        if type(value) is not dict or len(value) != 2:  # noqa: PLR2004 - amount and currency
            raise TypeError(value)
        return Money(amount=decimal(value["amount"]), currency=value["currency"])

    return read


def _optional(inner: Reader) -> Reader:
    return lambda value: None if value is None else inner(value)


def _tuple(inner: Reader | None) -> Reader:
    def read(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise TypeError(value)
        return tuple(value) if inner is None else tuple(inner(item) for item in value)

    return read


@functools.cache
def _reader(kind: Any, decimal: Reader) -> Reader | None:
    """Return the function that reads a JSON value into *kind* (None: the value as it is)."""
    origin, args = get_origin(kind), get_args(kind)
    read: Reader | None = None
    if origin in (Union, types.UnionType) and type(None) in args:
        (inner,) = (a for a in args if a is not type(None))
        inner_read = _reader(inner, decimal)
        read = None if inner_read is None else _optional(inner_read)
    elif origin is tuple:
        read = _tuple(_reader(args[0], decimal))
    elif kind is PartialDate:
        read = _date
    elif kind is Money:
        read = _money(decimal)
    elif isinstance(kind, type) and issubclass(kind, enum.Enum):
        read = kind
    elif attrs.has(kind):
        read = _record(kind, decimal)
    return read


def _record(kind: type[Any], decimal: Reader) -> Reader:
    fields = attrs.fields(attrs.resolve_types(kind))
    readers = {f.name: _reader(f.type, decimal) for f in fields if f.init}
    names = readers.keys()

    def read(value: Any) -> Any:
        if type(value) is not dict or not value.keys() <= names:
            raise TypeError(value)
        return kind(
            **{
                k: v if readers[k] is None else readers[k](v)  # type: ignore[misc]
                for k, v in value.items()
            }
        )

    return read


def structure_all(
    raw: Any,
    *,
    kind: type[Any],
    name: str,
    converter: cattrs.Converter,
    decimal: Reader,
    explain: Callable[[BaseException, str], Iterable[Problem]],
    release: bool = False,
) -> tuple[tuple[Any, ...], list[Problem]]:
    """Read the list *raw* of records of *kind* (the collection *name*).

    Returns the records and the problems found. *raw* is left as it is, unless *release* says
    that nobody else holds it: each JSON object is then dropped from it once read, so that a
    large document does not stay in memory twice.
    """
    if type(raw) is not list:
        try:
            return converter.structure(raw, tuple[kind, ...]), []  # type: ignore[valid-type]
        except Exception as error:  # noqa: BLE001 - every failure becomes a Problem
            return (), list(explain(error, name))
    build = _reader(kind, decimal)  # type: ignore[arg-type]
    assert build is not None  # noqa: S101 - records always have a reader
    out: list[Any] = []
    start = len(raw)
    for i in range(len(raw)):
        try:
            out.append(build(raw[i]))
        except Exception:  # noqa: BLE001 - the detailed path below says what is wrong
            start = i
            break
        if release:
            raw[i] = None
    problems: list[Problem] = []
    for j in range(start, len(raw)):
        try:
            out.append(converter.structure(raw[j], kind))
        except Exception as error:  # noqa: BLE001 - every failure becomes a Problem
            problems.extend(explain(error, f"{name}[{j}]"))
    return tuple(out), problems
