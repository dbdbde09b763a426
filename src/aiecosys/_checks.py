"""attrs validators shared by the record classes.

Each one raises [`DataError`][aiecosys.DataError] whose single problem's path is the field name,
so that loading can put the record's own path in front of it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from aiecosys.exceptions import DataError

E = TypeVar("E", bound=enum.Enum)

MAX_ID = 200
MAX_NAME = 500
MAX_TEXT = 20_000


def fail(attribute: attrs.Attribute[Any], message: str) -> DataError:
    """Build the error for a bad value of *attribute*."""
    return DataError.single(attribute.name, message)


def _text(limit: int, what: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str):
            raise fail(attribute, f"must be a string (got {type(value).__name__})")
        if not value.strip():
            raise fail(attribute, f"{what} must not be empty")
        if len(value) > limit:
            raise fail(attribute, f"{what} is {len(value):,} characters; at most {limit:,}")

    return check


name = _text(MAX_NAME, "a name")
text = _text(MAX_TEXT, "text")


def optional_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Check an optional free-text field."""
    if value is not None:
        text(instance, attribute, value)


def record_id(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Check an id: 1 to 200 characters, no white space."""
    if not isinstance(value, str):
        raise fail(attribute, f"must be a string id (got {type(value).__name__})")
    # split() == [value]: non-empty and free of white space, checked in C.
    if value.split() != [value] or len(value) > MAX_ID:
        raise fail(
            attribute, f"{value[:MAX_ID]!r} is not an id (1 to {MAX_ID} characters, no white space)"
        )


def optional_id(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Check an optional id."""
    if value is not None:
        record_id(instance, attribute, value)


def ids(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Check a tuple of ids: each one valid, none repeated."""
    if not isinstance(value, tuple):
        raise fail(attribute, f"must be a tuple of ids (got {type(value).__name__})")
    seen: set[str] = set()
    for i, item in enumerate(value):
        if not isinstance(item, str) or item.split() != [item] or len(item) > MAX_ID:
            raise DataError.single(f"{attribute.name}[{i}]", f"{str(item)[:MAX_ID]!r} is not an id")
        if item in seen:
            raise DataError.single(f"{attribute.name}[{i}]", f"{item!r} is listed twice")
        seen.add(item)


def names(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Check a tuple of names (aliases): each one a non-empty string."""
    if not isinstance(value, tuple):
        raise fail(attribute, f"must be a tuple of names (got {type(value).__name__})")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip() or len(item) > MAX_NAME:
            raise DataError.single(
                f"{attribute.name}[{i}]",
                f"an alias must be a non-empty string of at most {MAX_NAME} characters",
            )


def instance(
    kind: type[Any],
    *,
    optional: bool = False,
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """Check that a value is a *kind* (or ``None`` when *optional*)."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            raise fail(
                attribute,
                f"must be a {kind.__name__}{' or None' if optional else ''} "
                f"(got {type(value).__name__})",
            )

    return check


def tuple_of(kind: type[Any]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """Check that a value is a tuple of *kind* items."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise fail(attribute, f"must be a tuple (got {type(value).__name__})")
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise DataError.single(
                    f"{attribute.name}[{i}]",
                    f"must be a {kind.__name__} (got {type(item).__name__})",
                )

    return check


def enum_value(kind: type[E]) -> Callable[[Any], E]:
    """Return a function that reads a member of *kind* from its value."""

    def read(value: Any) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except (ValueError, TypeError):
            allowed = ", ".join(repr(m.value) for m in kind)
            raise DataError.single("", f"{str(value)[:40]!r} is not one of {allowed}") from None

    return read
