"""Reading a valid ``aiecosys/1`` document in bulk: one C decoder, checks over columns.

The common case, a valid file, is decoded by msgspec straight into compact rows: one struct
type per record class, made from the attrs class itself (same field names, types and defaults;
unknown keys refused), so the format is defined once, by the records. Dates and amounts are
then made ``PartialDate`` and ``Money`` once per distinct text.

Then the rows are checked with the records' own rules, run over columns: each distinct value
of a field (an id, a currency amount, a list of sources…) goes once through the attrs validator
of that field. Rounds, the one collection that grows to millions, stay rows; a
[`Records`][aiecosys.Records] sequence builds each ``Round`` when it is read, without checking
it again. The other collections are built as records by their own constructors, as always.

Anything this path does not take (a problem, a JSON decimal amount, a key given twice…)
returns ``None``: the caller reads the document again through the record path
(``_codec``), which lists every problem with its path. So the error report is the same as
ever, and a document is accepted here only if the record path would accept it, giving equal
records (``tests/test_bulk.py`` checks both).
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, compress
from operator import attrgetter
from typing import Any, Union, get_args, get_origin

import attrs
import msgspec

from aiecosys._dates import PartialDate
from aiecosys._model import COLLECTIONS, Company, Investment, Round, Valuation
from aiecosys._money import Money
from aiecosys._rows import reading, unchecked
from aiecosys._totals import FIELDS
from aiecosys.exceptions import DataError

Build = Callable[[Any], Any]

__all__ = [
    "RECORD_RULES",
    "RESOLVED",
    "Decoded",
    "Given",
    "decode",
    "decode_lines",
    "record_rule_fields",
    "rows_of",
    "settle",
]

RECORD_RULES: dict[type[Any], frozenset[str]] = {
    Round: frozenset({"valuation"}),
    Company: frozenset({"parent"}),
}
"""Per class, the fields whose rule reads other fields of the record (a post-money valuation
is not below the amount, a company is not its own parent) and passes when the field is unset:
a row with one set is checked by building it. A class with a record rule not listed here (an
investor's kind and company, a claim's verdict and evidence, a role's start and end) is built
row by row by its constructor."""

RESOLVED = frozenset({(Round, "company"), (Investment, "investor")})
"""References not checked column by column: they are resolved when the rounds are numbered
(``_columns``), and an id that names a record passed the id rule as that record's id; one
that names none sends the document to the record path."""


def record_rule_fields(kind: type[Any]) -> frozenset[str]:
    """The fields of *kind* with a rule written as a method of *kind* (it reads the record).

    Examples:
        >>> sorted(record_rule_fields(Round))
        ['valuation']
    """
    found = set()
    for field in attrs.fields(kind):
        rules = getattr(field.validator, "_validators", (field.validator,))
        if any(getattr(r, "__qualname__", "").startswith(f"{kind.__name__}.") for r in rules):
            found.add(field.name)
    return frozenset(found)


def _by_columns(kind: type[Any]) -> bool:
    """Whether *kind* records can be checked column by column (see ``RECORD_RULES``)."""
    return record_rule_fields(kind) <= RECORD_RULES.get(kind, frozenset())


class MoneyRow(msgspec.Struct, forbid_unknown_fields=True, frozen=True, gc=False):
    """An amount as the file writes it (``Money`` checks it when it is made)."""

    amount: int | str
    currency: str


@functools.cache
def _row_type(kind: Any) -> Any:
    """The msgspec type that decodes the JSON of a field of type *kind* into rows."""
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        return Union[tuple(_row_type(a) for a in args)]  # noqa: UP007 - built at run time
    if origin is tuple:
        return tuple[_row_type(args[0]), ...]  # type: ignore[misc]
    if kind is PartialDate:
        return str
    if kind is Money:
        return MoneyRow
    if attrs.has(kind):
        return _row_struct(kind)
    return kind


@functools.cache
def _row_struct(kind: type[Any]) -> type[msgspec.Struct]:
    """The struct holding one decoded *kind* record: its fields, types and defaults."""
    fields: list[tuple[Any, ...]] = []
    for f in attrs.fields(attrs.resolve_types(kind)):
        if not f.init:
            continue
        if f.default is attrs.NOTHING:
            fields.append((f.name, _row_type(f.type)))
        else:
            fields.append((f.name, _row_type(f.type), f.default))
    return msgspec.defstruct(
        f"{kind.__name__}Row",
        fields,
        kw_only=True,
        forbid_unknown_fields=True,
        omit_defaults=True,
        gc=False,
        module=__name__,
    )


@functools.cache
def _top(*, lines: bool) -> type[msgspec.Struct]:
    """The struct of a whole document, or of one line of the JSON-lines form.

    A document holds each collection as an array of rows; a line holds one row under its
    collection's name, or is the header. Keys left out stay unset, so that encoding gives back
    exactly the keys given (see _keys_given_twice).
    """
    unset = msgspec.UnsetType
    fields: list[tuple[Any, ...]] = [
        ("format", str | unset, msgspec.UNSET) if lines else ("format", str),
        ("version", str | None | unset, msgspec.UNSET),
    ]
    for name, kind in COLLECTIONS:
        row = _row_struct(kind)  # type: ignore[arg-type]
        held = row if lines else tuple[row, ...]  # type: ignore[valid-type]
        fields.append((name, held | unset, msgspec.UNSET))
    return msgspec.defstruct(
        "LineRows" if lines else "DocumentRows",
        fields,
        kw_only=True,
        forbid_unknown_fields=True,
        omit_defaults=True,
    )


@functools.cache
def _decoder(*, lines: bool = False) -> msgspec.json.Decoder[Any]:
    return msgspec.json.Decoder(_top(lines=lines))


class _Leaves:
    """Dates and amounts of one document, each distinct text made into a value once."""

    def __init__(self) -> None:
        self.dates: dict[str, PartialDate] = {}
        self.amounts: dict[MoneyRow, Money] = {}

    def date(self, text: str) -> PartialDate:
        """The date *text* stands for (checked when first met)."""
        found = self.dates.get(text)
        if found is None:
            found = self.dates[text] = PartialDate.parse(text)
        return found

    def money(self, row: MoneyRow) -> Money:
        """The amount *row* stands for (checked when first met)."""
        found = self.amounts.get(row)
        if found is None:
            found = self.amounts[row] = Money(amount=row.amount, currency=row.currency)
        return found


@attrs.frozen(kw_only=True)
class Decoded:
    """A document read in bulk: its records, its rounds as checked rows."""

    version: str | None
    records: dict[str, tuple[Any, ...]]
    """Every collection but rounds, as records."""
    round_rows: tuple[Any, ...]
    """The rounds, as rows whose values passed every rule of a ``Round`` (their dates and
    amounts still as written: *build* makes them values)."""
    build: Callable[[Any], Round]
    """Builds a ``Round`` of a row, without checking it again."""
    totals: Callable[[Any], tuple[Any, ...]]
    """Reads the fields a total reads (``_totals.FIELDS``) off a round's row."""
    distinct: dict[str, set[str]]
    """The distinct ids some references of the round rows hold, by the path of their field in
    a round (see ``_check_rounds``), gathered while checking them: the integrity checks read
    them."""


Given = tuple[str | None, dict[str, Any]]
"""A document's version and its collections as rows, by name: what ``settle`` checks."""


def rows_of(data: bytes | str, fmt: str, *, lines: bool) -> Given | None:
    """Decode *data* (a document, or JSON lines) into rows, or return ``None`` (see above).

    Once this returns, the rows hold all they need: *data* can be let go before ``settle``.
    """
    return _line_rows(data, fmt) if lines else _document_rows(data, fmt)


def decode(data: bytes | str, fmt: str) -> Decoded | None:
    """Read *data* as an ``aiecosys/1`` document in bulk, or return ``None`` (see above)."""
    given = _document_rows(data, fmt)
    return None if given is None else settle(*given)


def _document_rows(data: bytes | str, fmt: str) -> Given | None:
    try:
        document = _decoder().decode(data)
    except (msgspec.MsgspecError, ValueError, RecursionError):
        return None
    if document.format != fmt or _keys_given_twice(data, document):
        return None
    given = {name: _given(getattr(document, name)) for name, _ in COLLECTIONS}
    return _given(document.version, None), given


def decode_lines(data: bytes | str, fmt: str) -> Decoded | None:
    """Read *data* in the JSON-lines form in bulk, or return ``None`` (see above).

    The first line is the header (``format``, ``version``); every other line holds exactly
    one record under its collection's name.
    """
    given = _line_rows(data, fmt)
    return None if given is None else settle(*given)


def _line_rows(data: bytes | str, fmt: str) -> Given | None:
    try:
        lines = _decoder(lines=True).decode_lines(data)
    except (msgspec.MsgspecError, ValueError, RecursionError):
        return None
    if not lines or lines[0].format != fmt or _keys_given_twice(data, lines):
        return None
    header, records = lines[0], lines[1:]
    unset = msgspec.UNSET
    given: dict[str, Any] = {}
    holding: set[int] = set()  # the lines that hold a record
    placed = 0
    for name, _ in COLLECTIONS:
        if getattr(header, name) is not unset:
            return None
        column = list(map(attrgetter(name), records))
        holding.update(i for i, r in enumerate(column) if r is not unset)
        given[name] = [r for r in column if r is not unset]
        placed += len(given[name])
    header_keys = (r for line in records for r in (line.format, line.version))
    if not placed == len(holding) == len(records) or any(v is not unset for v in header_keys):
        return None  # a line with no record, or with two, or a header key out of place
    return _given(header.version, None), given


def settle(version: str | None, given: dict[str, Any]) -> Decoded | None:
    """Check the collections *given* (rows, by name) and make them records or round rows.

    Returns ``None`` when some value breaks a rule: the record path says where.
    """
    leaves = _Leaves()
    checked, unchecked = _Builders(leaves, check=True), _Builders(leaves, check=False)
    records: dict[str, tuple[Any, ...]] = {}
    rows = tuple(given["rounds"])
    try:
        for name, kind in COLLECTIONS:
            if kind is Round:
                distinct = _check_rounds(rows, leaves, checked)
            else:
                records[name] = _records_of(kind, given[name], leaves, checked, unchecked)
    except DataError:
        return None
    return Decoded(
        version=version,
        records=records,
        round_rows=rows,
        build=unchecked.of(Round),
        totals=unchecked.fields(Round, FIELDS),
        distinct=distinct,
    )


def _records_of(
    kind: type[Any], rows: Sequence[Any], leaves: _Leaves, checked: _Builders, unchecked: _Builders
) -> tuple[Any, ...]:
    """Build the *kind* records of *rows*, checked column by column where *kind* allows."""
    if not _by_columns(kind):
        return tuple(map(checked.of(kind), rows))
    _check_columns(kind, rows, leaves, checked)
    return tuple(map(unchecked.of(kind), rows))


def _given(value: Any, default: Any = ()) -> Any:
    return default if value is msgspec.UNSET else value


def _keys_given_twice(data: bytes | str, document: Any) -> bool:
    r"""Tell whether some object of *data* may give a key twice (msgspec keeps the last).

    Every member of a JSON object is written ``"key": value``, and no colon appears outside
    strings but those: the colons of *data* are its members plus the colons inside its
    strings. Encoded again (fields at their default left out), the decoded document has a
    member for each key given with a value other than its default, and the same strings but
    those of values dropped, so at most as many colons; a key given twice adds at least its
    own colon to *data* only. Equal counts therefore mean no key was given twice. A colon
    written as an escape (``\\u003a``) would break the count: then, as for any excess (a
    default written out, say), this answers ``True`` and the record path, which finds
    repeated keys exactly, reads the document.
    """
    text = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    # One search for a backslash (memchr) clears most documents, which hold no escape at all.
    if b"\\" in text and (b"\\u003a" in text or b"\\u003A" in text):
        return True
    return text.count(b":") != _colons(document)


_CHUNK = 50_000


def _colons(value: Any) -> int:
    """Count the colons of *value* encoded, a slice of rows at a time (to spare memory)."""
    if isinstance(value, list | tuple):
        encode = msgspec.json.encode
        return sum(encode(value[i : i + _CHUNK]).count(b":") for i in range(0, len(value), _CHUNK))
    if isinstance(value, _top(lines=False)):
        given = [getattr(value, f) for f in value.__struct_fields__]
        return sum(1 + _colons(v) for v in given if v is not msgspec.UNSET)
    return msgspec.json.encode(value).count(b":")


def _each_distinct(kind: type[Any], name: str, values: Iterable[Any]) -> None:
    """Run the rule of field *name* of *kind* on each of the distinct *values*.

    A text rule first looks at the whole column at once (``TextRule.all_allowed``).
    """
    field = attrs.fields_dict(kind)[name]
    rule = field.validator
    if rule is None:
        return
    text = getattr(rule, "text_rule", None)
    distinct = values if isinstance(values, set) else set(values)
    if text is not None and text.all_allowed(distinct):
        return
    for value in distinct:
        rule(None, field, value)


_VALUATION = attrgetter("valuation")


def _check_columns(
    kind: type[Any], rows: Sequence[Any], leaves: _Leaves, checked: _Builders
) -> dict[str, set[Any]]:
    """Check *rows* of *kind* with every rule of *kind*, column by column.

    Each distinct value of a field goes once through its rule, its dates and amounts made
    values once (kept in *leaves*); a field whose rule checks its type alone, the type its
    row was decoded as (a stage, a lead flag), was checked by msgspec. A row with a field of
    ``RECORD_RULES`` set is built, which runs every rule, and keeps the checked value. A field
    holding records of a class checked by columns too (a round's investments) is checked the
    same way over all of them; other records held (a person's roles) are built, each checked.
    ``RESOLVED`` fields are left out.

    Returns the distinct values of each field checked by columns, by name.

    Raises:
        DataError: some value breaks a rule (where is for the record path to say).
    """
    build = checked.of(kind)
    whole = RECORD_RULES.get(kind, frozenset())
    for name in sorted(whole):
        for row in compress(rows, map(attrgetter(name), rows)):  # the rows with it set
            setattr(row, name, getattr(build(row), name))
    distinct: dict[str, set[Any]] = {}
    for field in attrs.fields(attrs.resolve_types(kind)):
        if not field.init or field.name in whole or (kind, field.name) in RESOLVED:
            continue
        if getattr(field.validator, "only_type", None) == _row_type(field.type):
            continue  # a rule of the type alone, which decoding the row enforced (a bool, an enum)
        column = map(attrgetter(field.name), rows)
        held = _held(field.type)
        if held is not None:  # records, as a tuple
            if _by_columns(held):
                _check_columns(held, list(chain.from_iterable(column)), leaves, checked)
            else:
                each = checked.of(held)
                for value in column:
                    tuple(map(each, value))
            continue
        values = distinct[field.name] = set(column)
        read = checked.reader(field.type)
        _each_distinct(kind, field.name, values if read is None else map(read, values))
    return distinct


def _held(kind: Any) -> type[Any] | None:
    """The record class of a field of type *kind* that is a tuple of records, else None."""
    if get_origin(kind) is tuple and attrs.has(get_args(kind)[0]):
        return get_args(kind)[0]  # type: ignore[no-any-return]
    return None


def _check_rounds(rows: Sequence[Any], leaves: _Leaves, checked: _Builders) -> dict[str, set[str]]:
    """Check round rows with every rule of ``Round`` and ``Investment`` (``_check_columns``).

    Returns the distinct ids of the rows' references that the integrity checks look up, by
    the path of their field in a round as they write it: ``.id``, ``.sources[{}]`` and
    ``.valuation.sources[{}]`` (companies and investors are resolved apart: ``RESOLVED``).

    Raises:
        DataError: some value breaks a rule (where is for the record path to say).
    """
    distinct = _check_columns(Round, rows, leaves, checked)
    valued = compress(rows, map(_VALUATION, rows))
    return {
        ".id": distinct["id"],
        ".sources[{}]": set().union(*distinct["sources"]),
        ".valuation.sources[{}]": set(chain.from_iterable(r.valuation.sources for r in valued)),
    }


def _values(*values: Any) -> tuple[Any, ...]:
    return values


class _Builders:
    """Functions that make records of rows, one per record class, made once.

    With *check*, a record is made by its constructor (every rule runs) from a row as
    decoded; without, from a row already checked (``_check_rounds``), setting its values as
    they are (its dates and amounts read from *leaves*, its valuation already a record).
    """

    def __init__(self, leaves: _Leaves, *, check: bool) -> None:
        self._leaves, self._check = leaves, check
        self._made: dict[type[Any], Build] = {}

    def of(self, kind: type[Any]) -> Build:
        """The function that makes a *kind* record of its row."""
        if kind not in self._made:
            fields = [f for f in attrs.fields(attrs.resolve_types(kind)) if f.init]
            make = kind if self._check else unchecked(kind)
            pairs = [(f.name, self.reader(f.type)) for f in fields]
            self._made[kind] = reading(make, pairs, by_name=self._check)
        return self._made[kind]

    def fields(self, kind: type[Any], names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
        """The function reading fields *names* off a *kind* row, as a record holds them."""
        by_name = attrs.fields_dict(attrs.resolve_types(kind))
        return reading(_values, [(n, self.reader(by_name[n].type)) for n in names], by_name=False)

    def reader(self, kind: Any) -> Build | None:  # noqa: PLR0911 - one case per field type
        """How a row's value of field type *kind* becomes a record's (None: as it is)."""
        origin, args = get_origin(kind), get_args(kind)
        if origin in (Union, types.UnionType):
            (inner,) = (a for a in args if a is not type(None))
            optional = self.reader(inner)
            if optional is None:
                return None
            return lambda v: None if v is None else optional(v)
        if origin is tuple:
            each = self.reader(args[0])
            return None if each is None else (lambda v: tuple(map(each, v)))
        if not self._check and kind is Valuation:
            return None  # a checked row holds its valuation as a record already
        if kind is PartialDate:
            return self._leaves.dates.__getitem__ if not self._check else self._leaves.date
        if kind is Money:
            return self._leaves.amounts.__getitem__ if not self._check else self._leaves.money
        return self._nested(kind) if attrs.has(kind) else None

    def _nested(self, kind: type[Any]) -> Build:
        return self.of(kind)
