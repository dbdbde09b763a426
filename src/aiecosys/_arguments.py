"""The checks on what a query is given: a clear aiecosys error for a wrong type or value.

Queries trust the records (they were checked when the ecosystem was built) but not their arguments:
each public query checks these first, so that a mistyped stage, a negative count or a ``None`` key
gets an [`InvalidArgument`][aiecosys.InvalidArgument] or
[`ArgumentTypeError`][aiecosys.ArgumentTypeError] that names the argument, never a bare
``ValueError`` or ``AttributeError`` from deep inside.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from aiecosys._checks import excerpt
from aiecosys._dates import PartialDate
from aiecosys._money import currency_problem
from aiecosys._names import close as suggest
from aiecosys.exceptions import ArgumentTypeError, DataError, InvalidArgument

__all__ = ["choice", "count", "country", "currency", "date", "flag", "key", "one_or_many"]

E = TypeVar("E", bound=enum.Enum)


def key(value: Any, kind: Any, argument: str) -> str:
    """Return the id or name a lookup was given: a string, or a record of *kind*."""
    if isinstance(value, str):
        return value
    if isinstance(value, kind):
        return str(value.id)
    if kind is str:
        what = "a string"
    elif isinstance(kind, type):
        article = "an" if kind.__name__[0] in "AEIOU" else "a"
        what = f"{article} {kind.__name__} or its id or name"
    else:
        what = "a record or its id"
    raise ArgumentTypeError(argument, f"must be {what} (got {type(value).__name__})")


def choice(value: Any, kind: type[E], argument: str) -> E:
    """Return the member of the enum *kind* that *value* is, or whose value it is."""
    if isinstance(value, kind):
        return value
    if not isinstance(value, str):
        raise ArgumentTypeError(
            argument, f"must be a {kind.__name__} or its value (got {type(value).__name__})"
        )
    try:
        return kind(value)
    except ValueError:
        values = [str(m.value) for m in kind]
        close = suggest(value[:100].lower().replace(" ", "_"), values)
        listed = ", ".join(map(repr, values))
        raise InvalidArgument(argument, f"{excerpt(value)} is not one of {listed}", close) from None


def count(value: Any, argument: str) -> int:
    """Return *value*, a count: an int of 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(argument, f"must be an int (got {type(value).__name__})")
    if value < 0:
        raise InvalidArgument(argument, f"must be 0 or more (got {excerpt(value)})")
    return value


def flag(value: Any, argument: str) -> bool:
    """Return *value*, which must be ``True`` or ``False`` (not just truthy)."""
    if not isinstance(value, bool):
        raise ArgumentTypeError(argument, f"must be True or False (got {type(value).__name__})")
    return value


def currency(value: Any, argument: str = "currency") -> str:
    """Return *value*, the ISO 4217 code of a currency."""
    if not isinstance(value, str):
        raise ArgumentTypeError(argument, f"must be a currency code (got {type(value).__name__})")
    problem = currency_problem(value)
    if problem is not None:
        raise InvalidArgument(argument, problem)
    return value


def date(value: Any, argument: str) -> None:
    """Check that *value* is ``None`` or a date: a ``PartialDate``, a ``date`` or its text."""
    if value is None or isinstance(value, PartialDate):
        return
    if not isinstance(value, dt.date | str):
        raise ArgumentTypeError(
            argument,
            f"must be a PartialDate, a date or a string such as '2023-06' "
            f"(got {type(value).__name__})",
        )
    try:
        PartialDate.of(value)
    except DataError as error:
        raise InvalidArgument(argument, error.problems[0].message) from None


def country(value: Any, argument: str = "countries") -> str:
    """Return *value*, an ISO 3166-1 alpha-2 country code."""
    from aiecosys._model import country_codes  # noqa: PLC0415 - pycountry, on first use

    if not isinstance(value, str):
        raise ArgumentTypeError(argument, f"must be a country code (got {type(value).__name__})")
    if value not in country_codes():
        hint = [value.upper()] if value.upper() in country_codes() else []
        raise InvalidArgument(
            argument, f"{excerpt(value, 20)} is not an ISO 3166-1 alpha-2 code", hint
        )
    return value


def one_or_many(
    value: Any, argument: str, single: type[Any] | tuple[type[Any], ...], each: Callable[[Any], Any]
) -> None:
    """Check a filter given one value (a *single*) or several (an iterable), each by *each*."""
    if value is None:
        return
    if isinstance(value, single):
        each(value)
        return
    if isinstance(value, bytes | dict) or not isinstance(value, Iterable):
        raise ArgumentTypeError(
            argument, f"must be one value or an iterable of them (got {type(value).__name__})"
        )
    for item in value:
        each(item)
