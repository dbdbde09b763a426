"""The ``aiecosys/1`` JSON file format, read and written through one cattrs converter.

A file is one JSON object::

    {"format": "aiecosys/1", "version": "…", "sources": [...], "people": [...],
     "companies": [...], "investors": [...], "rounds": [...], "claims": [...]}

How each type is encoded (see `configure_converter`):

- records are objects whose keys are the attrs field names; fields left at their default are
  omitted on writing; unknown keys are errors;
- ``Decimal`` amounts are written as strings (``"105000000"``); on reading a string, an
  integer or a JSON decimal literal is accepted (read exactly, never through ``float``);
- ``PartialDate`` is a string at its own precision (``"2023"``, ``"2023-06"``, ``"2023-06-13"``);
- enums are their values; tuples are arrays; strings, booleans and integers are strict
  (``1`` is not a string, ``"false"`` is not a boolean).
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

import attrs

from aiecosys._atomic import write_text
from aiecosys._checks import enum_value
from aiecosys._dates import PartialDate
from aiecosys._ecosystem import Ecosystem
from aiecosys._fastread import structure_all
from aiecosys._model import COLLECTIONS
from aiecosys._progress import Progress, report
from aiecosys.exceptions import DataError, Problem

if TYPE_CHECKING:
    # cattrs is imported on the first read or write, not with aiecosys.
    import cattrs

__all__ = ["FORMAT", "configure_converter", "dump", "dumps", "load", "loads", "make_converter"]

FORMAT = "aiecosys/1"
_TOP_KEYS = frozenset({"format", "version"} | {name for name, _ in COLLECTIONS})


def _strict(kind: type[Any], label: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        # bool is an int subclass; Decimal comes from JSON decimal literals: neither is an int.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise DataError.single("", f"must be {label} (got {_json_type(value)})")
        return value

    return structure


def _json_type(value: Any) -> str:
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        Decimal: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _structure_decimal(value: Any, _: Any) -> Decimal:
    return _read_decimal(value)


def _read_decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise DataError.single(
            "", f"must be a number or a string of digits (got {_json_type(value)})"
        )
    try:
        result = Decimal(value)
    except ArithmeticError:
        raise DataError.single("", f"{str(value)[:40]!r} is not a number") from None
    if not result.is_finite():
        raise DataError.single("", f"must be a finite number (got {value!r})")
    return result


def _structure_date(value: Any, _: Any) -> PartialDate:
    return PartialDate.parse(value)


def _is_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple and len(get_args(kind)) == 2 and get_args(kind)[1] is ...  # noqa: PLR2004


def _requiring(
    json_type: type,
    label: str,
    inner: Callable[[Any, Any], Any],
) -> Callable[[Any, Any], Any]:
    """Wrap a cattrs hook so that a JSON value of another type is refused with its name."""

    def structure(value: Any, kind: Any) -> Any:
        if not isinstance(value, json_type):
            raise DataError.single("", f"must be {label} (got {_json_type(value)})")
        return inner(value, kind)

    return structure


def _tuple_factory(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    from cattrs.cols import homogenous_tuple_structure_factory  # noqa: PLC0415

    return _requiring(list, "an array", homogenous_tuple_structure_factory(kind, converter))


def _record_factory(kind: type[Any], converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    from cattrs.gen import make_dict_structure_fn  # noqa: PLC0415

    return _requiring(dict, "an object", make_dict_structure_fn(kind, converter))


def _enum_factory(kind: type[Enum], _: cattrs.Converter) -> Callable[[Any, Any], Any]:
    read = enum_value(kind)
    return lambda value, _: read(value)


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach *converter* the encoding of every aiecosys type (see the module docstring)."""
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(int, _strict(int, "an integer"))
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(PartialDate, _structure_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook_factory(_is_tuple, _tuple_factory)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, Enum), _enum_factory
    )
    converter.register_structure_hook_factory(attrs.has, _record_factory)


@cache
def make_converter() -> cattrs.Converter:
    """Return the converter for the ``aiecosys/1`` format (one, cached)."""
    import cattrs  # noqa: PLC0415 - see the TYPE_CHECKING import above

    converter = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=True
    )
    configure_converter(converter)
    return converter


def _problems(error: BaseException, path: str) -> Iterator[Problem]:
    from cattrs.errors import (  # noqa: PLC0415
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            yield from _problems(sub, f"{path}.{note.name}" if path else note.name)
        for sub in without:
            yield from _problems(sub, path)
    elif isinstance(error, IterableValidationError):
        with_index, without = error.group_exceptions()
        for sub, index_note in with_index:
            yield from _problems(sub, f"{path}[{index_note.index}]")
        for sub in without:
            yield from _problems(sub, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        keys = ", ".join(repr(k) for k in sorted(error.extra_fields))
        yield Problem(
            path, f"unknown key {keys}" if len(error.extra_fields) == 1 else f"unknown keys {keys}"
        )
    elif isinstance(error, DataError):
        yield from (p.under(path) for p in error.problems)
    elif isinstance(error, KeyError):
        yield Problem(path, "required field missing")
    else:
        yield Problem(path, f"invalid value ({type(error).__name__}: {error})")


def from_document(document: Any, *, source: str | None = None) -> Ecosystem:
    """Build an ecosystem from a parsed JSON document; raise ``DataError`` listing every problem."""
    if not isinstance(document, dict):
        raise DataError(
            [Problem("", f"the file must hold a JSON object (got {_json_type(document)})")],
            source=source,
        )
    fmt = document.get("format")
    if fmt != FORMAT:
        message = (
            "missing; expected 'aiecosys/1'"
            if fmt is None
            else f"unknown format {str(fmt)[:40]!r}; this version of aiecosys reads {FORMAT!r}"
        )
        raise DataError([Problem("format", message)], source=source)
    found: list[Problem] = [
        Problem(str(k)[:60], "unknown key") for k in document if k not in _TOP_KEYS
    ]
    version = document.get("version")
    if version is not None and not isinstance(version, str):
        found.append(Problem("version", f"must be a string (got {_json_type(version)})"))
    with _collector_paused():
        return _build(document, found, version, source)


def _build(
    document: dict[str, Any], found: list[Problem], version: Any, source: str | None
) -> Ecosystem:
    converter = make_converter()
    collections: dict[str, Any] = {}
    for name, kind in COLLECTIONS:
        collections[name], problems = structure_all(
            document.get(name, []),
            kind=kind,
            name=name,
            converter=converter,
            decimal=_read_decimal,
            explain=_problems,
        )
        found.extend(problems)
    if found:
        raise DataError(found, source=source)
    try:
        return Ecosystem(version=version, **collections)
    except DataError as error:
        raise DataError(error.problems, source=source) from None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of records are built.

    The records hold no reference cycles, but each generation-2 pass would walk all of them:
    pausing it makes large loads markedly faster (see docs/performance.md). Before the
    collector is enabled again, everything built is moved to the oldest generation
    (``gc.freeze()`` then ``gc.unfreeze()``): otherwise the first collection afterwards walks
    every new record once (1.8 s after loading 200,000 rounds, 0.004 s with the move).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def to_document(ecosystem: Ecosystem) -> dict[str, Any]:
    """Turn an ecosystem into a JSON-ready document, records in id order."""
    converter = make_converter()
    document: dict[str, Any] = {"format": FORMAT}
    if ecosystem.version is not None:
        document["version"] = ecosystem.version
    for name, _ in COLLECTIONS:
        document[name] = [converter.unstructure(r) for r in getattr(ecosystem, name)]
    return document


def _reject_constant(name: str) -> Any:
    raise DataError.single("", f"{name} is not a number aiecosys accepts")


def loads(text: str | bytes, *, source: str | None = None) -> Ecosystem:
    """Read an ecosystem from ``aiecosys/1`` JSON text.

    Raises:
        DataError: the text is not valid JSON or UTF-8, or the records are invalid; every
            problem is listed with its path.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DataError(
                [Problem("", f"not UTF-8 text (byte {error.start}: {error.reason})")], source=source
            ) from None
    try:
        document = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise DataError(
            [
                Problem(
                    "", f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
                )
            ],
            source=source,
        ) from None
    except DataError as error:
        raise DataError(error.problems, source=source) from None
    except (ValueError, RecursionError) as error:
        raise DataError([Problem("", f"not readable JSON: {error}")], source=source) from None
    return from_document(document, source=source)


def dumps(ecosystem: Ecosystem) -> str:
    """Write an ecosystem as ``aiecosys/1`` JSON text (stable: records by id, keys in field order).

    ``loads(dumps(eco)) == eco`` for every ecosystem.
    """
    return json.dumps(to_document(ecosystem), indent=2, ensure_ascii=False) + "\n"


def load(path: str | Path, *, progress: Progress | None = None) -> Ecosystem:
    """Read an ecosystem from an ``aiecosys/1`` JSON file (see [`loads`][aiecosys.loads]).

    *progress*, if given, is called as ``progress(what, done, total)`` before each of the
    two steps (reading the file, checking its records) and once all is done.

    Raises:
        DataError: the file's content is invalid.
        OSError: the file cannot be read (``FileNotFoundError`` when it does not exist).
    """
    path = Path(path)
    report(progress, f"reading {path.name}", 0, 2)
    data = path.read_bytes()
    report(progress, f"checking {path.name}", 1, 2)
    eco = loads(data, source=str(path))
    report(progress, f"read {path.name}", 2, 2)
    return eco


def dump(ecosystem: Ecosystem, path: str | Path) -> None:
    """Write an ecosystem to an ``aiecosys/1`` JSON file (see `dumps`), atomically.

    The whole text is built and encoded first; then it replaces the file in one step, so a
    failure (a full disk, Ctrl-C, text that is not valid Unicode) leaves the old file as it was.

    Raises:
        WriteError: the file cannot be written ("cannot write PATH: reason").
    """
    write_text(path, dumps(ecosystem))
