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

Reading is strict about the JSON itself too: a key said twice in one object, ``NaN`` and
``Infinity`` (which JSON does not allow) and integers beyond an amount's bounds are errors that
name their path, like every other problem; error messages quote at most a short excerpt of a
bad value.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, get_args, get_origin

import attrs

from aiecosys._bulk import rows_of, settle
from aiecosys._checks import enum_value, excerpt
from aiecosys._dates import PartialDate
from aiecosys._ecosystem import Ecosystem
from aiecosys._model import COLLECTIONS
from aiecosys._progress import Progress, report
from aiecosys.exceptions import ArgumentTypeError, DataError, Problem

if TYPE_CHECKING:
    from pathlib import Path

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
    if isinstance(value, float) and not math.isfinite(value):
        # Only NaN and Infinity are floats here: other decimal literals are read as Decimal.
        return f"{_constant(value)}, which is not a number aiecosys accepts"
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


def _constant(value: float) -> str:
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


def _structure_decimal(value: Any, _: Any) -> Any:
    return _read_decimal(value)


def _read_decimal(value: Any) -> Any:
    # Money checks the text and the bounds of an amount (once, for both reading paths).
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise DataError.single(
            "", f"must be a number or a string of digits (got {_json_type(value)})"
        )
    return value


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
        keys = ", ".join(excerpt(k) for k in sorted(error.extra_fields)[:5])
        yield Problem(
            path, f"unknown key {keys}" if len(error.extra_fields) == 1 else f"unknown keys {keys}"
        )
    elif isinstance(error, DataError):
        yield from (p.under(path) for p in error.problems)
    elif isinstance(error, KeyError):
        yield Problem(path, "required field missing")
    else:
        yield Problem(path, f"invalid value ({type(error).__name__}: {excerpt(str(error), 80)})")


def from_document(document: Any, *, source: str | None = None) -> Ecosystem:
    """Build an ecosystem from a parsed JSON document; raise ``DataError`` listing every problem.

    The document is left as it was given.
    """
    if not isinstance(document, dict):
        raise DataError(
            [Problem("", f"the file must hold a JSON object (got {_json_type(document)})")],
            source=source,
        )
    fmt = document.get("format")
    if fmt != FORMAT:
        if fmt is None:
            message = "missing; expected 'aiecosys/1'"
        elif not isinstance(fmt, str):
            message = f"must be {FORMAT!r} (got {_json_type(fmt)})"
        else:
            message = f"unknown format {excerpt(fmt)}; this version of aiecosys reads {FORMAT!r}"
        raise DataError([Problem("format", message)], source=source)
    found: list[Problem] = [
        Problem(_key_path(k), "unknown key") for k in document if k not in _TOP_KEYS
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
        raw = document.get(name, [])
        # A collection that is not an array is reported at the collection's own path.
        items = enumerate(raw) if type(raw) is list else [(None, raw)]
        records: list[Any] = []
        for j, item in items:
            try:
                wanted = kind if j is not None else tuple[kind, ...]  # type: ignore[valid-type]
                records.append(converter.structure(item, wanted))
            except Exception as error:  # noqa: BLE001 - every failure becomes a Problem
                found.extend(_problems(error, name if j is None else f"{name}[{j}]"))
        collections[name] = records
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


_MAX_DEPTH = 100
"""An aiecosys/1 document is 6 levels deep; a deeper one is reported where it passes this."""

_MAX_INT_DIGITS = 40
"""A longer JSON integer is read as a Decimal: exact, and refused with its path where it is
out of bounds (Python refuses to read integers of more than 4,300 digits at all)."""


def _read_int(text: str) -> int | Decimal:
    return int(text) if len(text) <= _MAX_INT_DIGITS else Decimal(text)


class _Repeated(dict[str, Any]):
    """A JSON object that gave some of its keys more than once (``keys`` says which)."""

    __slots__ = ("keys_repeated",)
    keys_repeated: list[tuple[str, int]]


def _decoder() -> tuple[json.JSONDecoder, list[_Repeated]]:
    """Return a JSON decoder that marks the objects with a repeated key, and that list."""
    repeated: list[_Repeated] = []

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        marked = _Repeated(obj)
        counts = Counter(key for key, _ in pairs)
        marked.keys_repeated = [(k, n) for k, n in counts.items() if n > 1]
        repeated.append(marked)
        return marked

    decoder = json.JSONDecoder(object_pairs_hook=build, parse_float=Decimal, parse_int=_read_int)
    return decoder, repeated


def _key_path(key: str, parent: str = "") -> str:
    """The path of *key* under *parent*: the key itself, or a quoted excerpt if it is odd."""
    plain = key.isidentifier() and len(key) <= 60  # noqa: PLR2004
    name = key if plain else excerpt(key)
    return f"{parent}.{name}" if parent else name


def _repeated_keys(document: Any) -> list[Problem]:
    """Find every object of *document* with a repeated key, and say where it is."""
    found: list[Problem] = []
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, _Repeated):
            for key, count in node.keys_repeated:
                found.append(
                    Problem(
                        _key_path(key, path),
                        f"the key is given {count} times in one object; a key may be given once",
                    )
                )
        if isinstance(node, dict):
            stack.extend((_key_path(k, path), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(node))
    return sorted(found, key=lambda p: p.path)


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep(text: str) -> Problem:
    """Say where *text* first nests deeper than _MAX_DEPTH (it is known to nest very deep)."""
    depth = 0
    for token in _TOKEN.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > _MAX_DEPTH:
                line = text.count("\n", 0, token.start()) + 1
                column = token.start() - text.rfind("\n", 0, token.start())
                return Problem(
                    "",
                    f"nested more than {_MAX_DEPTH} levels deep at line {line}, column {column} "
                    "(an aiecosys/1 file is 6 levels deep)",
                )
        elif mark in "]}":
            depth -= 1
    return Problem("", "nested too deeply to read")


def loads(text: str | bytes, *, source: str | None = None) -> Ecosystem:
    """Read an ecosystem from ``aiecosys/1`` JSON text: one document, or JSON lines.

    The form is told by the content: JSON lines begin with a header line of their own
    (``{"format": "aiecosys/1"}``), then hold one record per line (see the format docs).

    Raises:
        DataError: the text is not valid JSON or UTF-8, or the records are invalid; every
            problem is listed with its path (and line, for JSON lines).
    """
    if not isinstance(text, str | bytes):
        raise ArgumentTypeError("text", f"must be str or bytes (got {type(text).__name__})")
    return _read([text], source, again=None)


def _read(
    held: list[str | bytes], source: str | None, *, again: Callable[[], bytes] | None
) -> Ecosystem:
    """Read the text in *held*, taking it out of the list.

    With *again* (how to read the text again: a file's), the text is let go once decoded into
    rows, so that a large file is not held beside its ecosystem while that is built; if the
    rows break a rule after all, the text is read again for the record path to say where.
    """
    text = held.pop()
    lines = is_lines(text)
    with _collector_paused():
        given = rows_of(text, FORMAT, lines=lines)
        if given is not None:
            if again is not None:
                text = b""  # the rows hold what they need
            bulk = settle(*given)
            del given
            if bulk is not None:
                try:
                    eco = Ecosystem._of_rows(  # noqa: SLF001 - the codec builds from rows
                        bulk.version,
                        bulk.records,
                        bulk.round_rows,
                        (bulk.build, bulk.totals),
                        bulk.distinct,
                    )
                except DataError as error:
                    raise DataError(error.problems, source=source) from None
                if eco is not None:
                    return eco
                del bulk
            if again is not None:
                text = again()
    # Not taken in bulk: read record by record, which says what is wrong and where.
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DataError(
                [Problem("", f"not UTF-8 text (byte {error.start}: {error.reason})")], source=source
            ) from None
    if lines:
        return _from_lines(text, source)
    return from_document(_parsed(text, source, where=""), source=source)


def _parsed(text: str, source: str | None, *, where: str) -> Any:
    """Parse *text* as strict JSON (no key given twice); problems are placed at *where*."""
    decoder, repeated = _decoder()
    at = f"{where}: " if where else ""
    try:
        document = decoder.decode(text)
    except json.JSONDecodeError as error:
        place = (
            f"line {error.lineno}, column {error.colno}" if not where else f"column {error.colno}"
        )
        problem = Problem(where, f"not valid JSON: {error.msg} at {place}")
        raise DataError([problem], source=source) from None
    except RecursionError:
        deep = _too_deep(text)
        raise DataError([Problem(where, deep.message)], source=source) from None
    except ValueError as error:
        message = f"not readable JSON: {excerpt(str(error), 80)}"
        raise DataError([Problem(where, message)], source=source) from None
    if repeated:
        raise DataError(
            [
                Problem(f"{at}{p.path}" if p.path else where, p.message)
                for p in _repeated_keys(document)
            ],
            source=source,
        )
    return document


def _from_lines(text: str, source: str | None) -> Ecosystem:
    """Read JSON lines record by record: every problem is given with its line."""
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    found: list[Problem] = []
    document: dict[str, Any] = {}
    line_of: dict[str, list[int]] = {name: [] for name, _ in COLLECTIONS}
    for n, line in numbered:
        try:
            value = _parsed(line, source, where=f"line {n}")
        except DataError as error:
            found.extend(error.problems)
            continue
        if n == numbered[0][0]:
            if not isinstance(value, dict) or value.keys() & line_of.keys():
                found.append(
                    Problem(
                        f"line {n}",
                        "the first line must be the header: "
                        '{"format": "aiecosys/1", "version": ...}',
                    )
                )
            else:
                document.update(value)
            continue
        if not isinstance(value, dict) or len(value) != 1 or not value.keys() <= line_of.keys():
            names = ", ".join(line_of)
            found.append(
                Problem(f"line {n}", f"must hold one record under its collection's name ({names})")
            )
            continue
        ((name, record),) = value.items()
        document.setdefault(name, []).append(record)
        line_of[name].append(n)
    if not numbered:
        found.append(Problem("", "empty: a JSON-lines file begins with its header line"))
    if found:
        raise DataError(found, source=source)
    try:
        return from_document(document, source=source)
    except DataError as error:
        raise DataError([_on_its_line(p, line_of) for p in error.problems], source=source) from None


_RECORD_PATH = re.compile(r"([a-z]+)\[(\d+)\](.*)")


def _on_its_line(problem: Problem, line_of: dict[str, list[int]]) -> Problem:
    """Place a problem found at ``rounds[3].amount`` on the line that record came from."""
    match = _RECORD_PATH.fullmatch(problem.path)
    if match is None or match.group(1) not in line_of:
        return problem
    name, index, rest = match.groups()
    return Problem(f"line {line_of[name][int(index)]}: {name}{rest}", problem.message)


def dumps(ecosystem: Ecosystem, *, lines: bool = False) -> str:
    """Write an ecosystem as ``aiecosys/1`` JSON text (stable: records by id, keys in field order).

    With *lines*, write the JSON-lines form: a header line, then one record per line,
    collection by collection (see [`loads`][aiecosys.loads]).
    ``loads(dumps(eco)) == eco`` for every ecosystem, in either form.
    """
    document = to_document(ecosystem)
    if not lines:
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    header = {k: document[k] for k in ("format", "version") if k in document}
    compact = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    rows = (compact({name: r}) for name, _ in COLLECTIONS for r in document[name])
    return "\n".join([compact(header), *rows]) + "\n"


def load(path: str | Path, *, progress: Progress | None = None) -> Ecosystem:
    """Read an ecosystem from an ``aiecosys/1`` JSON file (see [`loads`][aiecosys.loads]).

    *progress*, if given, is called as ``progress(what, done, total)`` before each of the
    two steps (reading the file, checking its records) and once all is done.

    Raises:
        DataError: the file's content is invalid.
        OSError: the file cannot be read (``FileNotFoundError`` when it does not exist).
    """
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError("path", f"must be a str or a path (got {type(path).__name__})")
    from pathlib import Path  # noqa: PLC0415 - not on the bundled data's path

    path = Path(path)
    report(progress, f"reading {path.name}", 0, 2)
    held: list[str | bytes] = [path.read_bytes()]
    report(progress, f"checking {path.name}", 1, 2)
    eco = _read(held, str(path), again=path.read_bytes)
    report(progress, f"read {path.name}", 2, 2)
    return eco


def dump(ecosystem: Ecosystem, path: str | Path, *, lines: bool | None = None) -> None:
    """Write an ecosystem to an ``aiecosys/1`` JSON file (see `dumps`), atomically.

    *lines* chooses the JSON-lines form; by default it is chosen by the file's suffix
    (``.jsonl`` or ``.ndjson``). The whole text is built and encoded first; then it replaces
    the file in one step, so a failure (a full disk, Ctrl-C, text that is not valid Unicode)
    leaves the old file as it was.

    Raises:
        WriteError: the file cannot be written ("cannot write PATH: reason").
    """
    if lines is None:
        lines = os.path.splitext(path)[1].lower() in LINE_SUFFIXES  # noqa: PTH122 - no pathlib
    from aiecosys._atomic import write_text  # noqa: PLC0415 - writing only, off a load's path

    write_text(path, dumps(ecosystem, lines=lines))


LINE_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""File suffixes that ``dump`` writes as JSON lines."""


def is_lines(text: str | bytes) -> bool:
    r"""Tell whether *text* is in the JSON-lines form: its first line is a header alone.

    Examples:
        >>> is_lines('{"format": "aiecosys/1"}\n{"sources": {"id": "s"}}\n')
        True
        >>> is_lines('{"format": "aiecosys/1", "sources": []}'), is_lines('{\n "format": 1}')
        (False, False)
    """
    head = text[:4096] if isinstance(text, str) else text[:4096].decode("utf-8", "replace")
    first = head.lstrip().split("\n", 1)[0].strip()
    if not (first.startswith("{") and first.endswith("}")):
        return False
    try:
        value = json.loads(first)
    except ValueError:
        return False
    return isinstance(value, dict) and "format" in value and value.keys() <= {"format", "version"}
