"""One column spec per tidy table: what each column is, and how a record fills it.

CSV (``_export``), Arrow and Parquet (``_arrow``) and DataFrames (``_frames``) are all
written from these specs and these typed rows, so they cannot disagree: same tables, same
columns in the same order, same values. A column's kind says how each format holds it:

- ``text``: a string or missing;
- ``list``: a list of strings (a JSON array in a CSV cell, a list column elsewhere);
- ``json``: a list of objects (a person's roles), JSON text in every format;
- ``date``: a date known to the day, month or year, as its text (``2023-06``); each such
  field also has ``<name>_first_day`` and ``<name>_last_day`` columns of kind ``day``;
- ``day``: a calendar day;
- ``bool``: true or false;
- ``amount``: an exact decimal, never a float.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from aiecosys._model import Investment, Person, Round

if TYPE_CHECKING:
    from aiecosys._dates import PartialDate
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._fx import Conversion
    from aiecosys._money import Money

__all__ = ["KINDS", "TABLES", "Column", "columns", "rows"]

KINDS = ("text", "list", "json", "date", "day", "bool", "amount")
Value = str | tuple[str, ...] | bool | Decimal | dt.date | None
Row = dict[str, Value]


@attrs.frozen
class Column:
    """A column of a tidy table: its name, its kind (see the module docstring), its getter."""

    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    get: Callable[[Any], Value] = attrs.field(eq=False, repr=False)


class _RoundRow(NamedTuple):
    """What a row of ``rounds`` or ``investments`` reads beyond the round."""

    round: Round
    company: Any  # the round's Company
    investment: Investment | None
    conversion: Conversion | None
    names: dict[str, str]  # investor id -> name


def _day(value: PartialDate | None, end: bool) -> dt.date | None:
    if value is None:
        return None
    day = value.last_day if end else value.first_day
    return dt.date(day.year, day.month, day.day)


def _dated(name: str, get: Callable[[Any], PartialDate | None]) -> tuple[Column, ...]:
    """A partial date's text, then its first and last day."""
    return (
        Column(name, "date", lambda x: None if (d := get(x)) is None else str(d)),
        Column(f"{name}_first_day", "day", lambda x: _day(get(x), end=False)),
        Column(f"{name}_last_day", "day", lambda x: _day(get(x), end=True)),
    )


def _money(amount: str, currency: str, get: Callable[[Any], Money | None]) -> tuple[Column, ...]:
    """An amount, then its currency."""
    return (
        Column(amount, "amount", lambda x: None if (m := get(x)) is None else m.amount),
        Column(currency, "text", lambda x: None if (m := get(x)) is None else m.currency),
    )


def _text(name: str, kind: str = "text") -> Column:
    """A field of the row's record, as it is (an enum as its value)."""
    get = attrgetter(name)
    return Column(name, kind, lambda x: v.value if hasattr(v := get(x), "value") else v)


def _roles(person: Person) -> str:
    roles = [
        {
            "organisation": r.organisation,
            "title": r.title,
            "start": None if r.start is None else str(r.start),
            "end": None if r.end is None else str(r.end),
        }
        for r in person.roles
    ]
    return json.dumps(roles, ensure_ascii=False, separators=(",", ":"))


def _converted(x: _RoundRow) -> Money | None:
    return None if x.conversion is None else x.conversion.converted


_NAMED = (_text("id"), _text("name"), _text("aliases", "list"))
_ROUND = (
    Column("company", "text", lambda x: x.round.company),
    Column("company_name", "text", lambda x: x.company.name),
)
_ANNOUNCED = (
    Column("stage", "text", lambda x: x.round.stage.value),
    *_dated("announced", lambda x: x.round.announced),
)
_COLUMNS: dict[str, tuple[Column, ...]] = {
    "companies": (
        *_NAMED,
        _text("kind"),
        *_dated("founded", attrgetter("founded")),
        *(_text(n) for n in ("country", "headquarters", "parent")),
        _text("founders", "list"),
        _text("sources", "list"),
    ),
    "investors": (
        *_NAMED,
        *(_text(n) for n in ("kind", "company", "person")),
        *_dated("founded", attrgetter("founded")),
        _text("country"),
        _text("sources", "list"),
    ),
    "people": (
        *_NAMED,
        *_dated("born", attrgetter("born")),
        Column("roles", "json", _roles),
        _text("sources", "list"),
    ),
    "rounds": (
        Column("id", "text", lambda x: x.round.id),
        *_ROUND,
        Column("company_country", "text", lambda x: x.company.country),
        *_ANNOUNCED,
        Column("precision", "text", lambda x: x.round.announced.precision.value),
        *_money("amount", "currency", lambda x: x.round.amount),
        Column("undisclosed", "bool", lambda x: x.round.amount is None),
        *_money("converted_amount", "converted_currency", _converted),
        Column("rate", "amount", lambda x: None if x.conversion is None else x.conversion.rate),
        Column(
            "rate_date", "day", lambda x: None if x.conversion is None else x.conversion.rate_date
        ),
        *_money(
            "valuation",
            "valuation_currency",
            lambda x: x.round.valuation and x.round.valuation.amount,
        ),
        Column("leads", "list", lambda x: x.round.leads),
        Column("lead_names", "list", lambda x: tuple(x.names[i] for i in x.round.leads)),
        Column("investors", "list", lambda x: x.round.investor_ids),
        Column("investor_names", "list", lambda x: tuple(x.names[i] for i in x.round.investor_ids)),
        Column("sources", "list", lambda x: x.round.sources),
    ),
    "investments": (
        Column("round", "text", lambda x: x.round.id),
        *_ROUND,
        *_ANNOUNCED,
        Column("investor", "text", lambda x: x.investment.investor),
        Column("investor_name", "text", lambda x: x.names[x.investment.investor]),
        Column("lead", "bool", lambda x: x.investment.lead),
        *_money("amount", "currency", lambda x: x.investment.amount),
    ),
    "sources": (
        *(_text(n) for n in ("id", "title", "publisher", "url")),
        *_dated("published", attrgetter("published")),
        _text("reliability"),
        _text("note"),
    ),
    "claims": (
        *(_text(n) for n in ("id", "subject", "field", "statement", "source", "verdict")),
        _text("evidence", "list"),
        _text("explanation"),
    ),
}

TABLES = tuple(_COLUMNS)
"""The names of the tidy tables, in the order they are written."""


def _round_rows(
    eco: Ecosystem, currency: str | None, *, per_investment: bool
) -> Iterable[_RoundRow]:
    names = {i.id: i.name for i in eco.investors}
    companies = {c.id: c for c in eco.companies}
    for r in eco.find_rounds():
        company = companies[r.company]
        if per_investment:
            for i in r.investments:
                yield _RoundRow(r, company, i, None, names)
        else:
            yield _RoundRow(r, company, None, _conversion(r, currency), names)


def _conversion(r: Round, currency: str | None) -> Conversion | None:
    if currency is None or r.amount is None:
        return None
    from aiecosys._fx import convert  # noqa: PLC0415 - FX tables load only when asked

    return convert(r.amount, currency, on=r.announced)


def _items(eco: Ecosystem, name: str, currency: str | None) -> Iterable[Any]:
    if name in ("rounds", "investments"):
        return _round_rows(eco, currency, per_investment=name == "investments")
    return getattr(eco, name)  # type: ignore[no-any-return]


def columns(name: str) -> tuple[Column, ...]:
    """Return the columns of table *name*, in order.

    Raises:
        NotFound: *name* is not a table.
    """
    try:
        return _COLUMNS[name]
    except (KeyError, TypeError):
        from aiecosys.exceptions import NotFound  # noqa: PLC0415

        raise NotFound("table", str(name), sorted(_COLUMNS)) from None


def rows(eco: Ecosystem, name: str, *, currency: str | None = None) -> list[Row]:
    """Return table *name* of *eco* as typed rows (one dict per row, keys in column order).

    *currency* (rounds only) fills the ``converted_amount``, ``converted_currency``, ``rate``
    and ``rate_date`` columns: each disclosed amount converted at the ECB reference rate of
    its announced date (see [`aiecosys.convert`][aiecosys.convert]); they stay empty without
    it.
    """
    spec = columns(name)
    return [{c.name: c.get(item) for c in spec} for item in _items(eco, name, currency)]
