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
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from aiecosys._dates import PartialDate
from aiecosys._model import Company, Investor, Person, Round, Source

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._fx import Conversion
    from aiecosys._money import Money

__all__ = ["KINDS", "TABLES", "Column", "columns", "rows"]

KINDS = ("text", "list", "json", "date", "day", "bool", "amount")
Value = str | tuple[str, ...] | bool | Decimal | dt.date | None


@attrs.frozen
class Column:
    """A column of a tidy table: its name and kind (see the module docstring)."""

    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))


Row = dict[str, Value]


def _date(name: str, value: PartialDate | None) -> Row:
    if value is None:
        return {name: None, f"{name}_first_day": None, f"{name}_last_day": None}
    first, last = value.first_day, value.last_day
    return {
        name: str(value),
        f"{name}_first_day": dt.date(first.year, first.month, first.day),
        f"{name}_last_day": dt.date(last.year, last.month, last.day),
    }


def _money(prefix: str, money: Money | None) -> Row:
    return {
        prefix or "amount": None if money is None else money.amount,
        f"{prefix}_currency" if prefix else "currency": None if money is None else money.currency,
    }


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


def _names(eco: Ecosystem, ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(eco.investor(i).name for i in ids)


def _companies(eco: Ecosystem, _: str | None) -> Iterator[Row]:
    for c in eco.companies:
        yield {
            "id": c.id,
            "name": c.name,
            "aliases": c.aliases,
            "kind": c.kind.value,
            **_date("founded", c.founded),
            "country": c.country,
            "headquarters": c.headquarters,
            "parent": c.parent,
            "founders": c.founders,
            "sources": c.sources,
        }


def _investors(eco: Ecosystem, _: str | None) -> Iterator[Row]:
    for i in eco.investors:
        yield {
            "id": i.id,
            "name": i.name,
            "aliases": i.aliases,
            "kind": i.kind.value,
            "company": i.company,
            "person": i.person,
            **_date("founded", i.founded),
            "country": i.country,
            "sources": i.sources,
        }


def _people(eco: Ecosystem, _: str | None) -> Iterator[Row]:
    for p in eco.people:
        yield {
            "id": p.id,
            "name": p.name,
            "aliases": p.aliases,
            **_date("born", p.born),
            "roles": _roles(p),
            "sources": p.sources,
        }


def _conversion(r: Round, currency: str | None) -> Row:
    converted: Conversion | None = None
    if currency is not None and r.amount is not None:
        from aiecosys._fx import convert  # noqa: PLC0415 - FX tables load only when asked

        converted = convert(r.amount, currency, on=r.announced)
    return {
        "converted_amount": None if converted is None else converted.converted.amount,
        "converted_currency": None if converted is None else converted.converted.currency,
        "rate": None if converted is None else converted.rate,
        "rate_date": None if converted is None else converted.rate_date,
    }


def _rounds(eco: Ecosystem, currency: str | None) -> Iterator[Row]:
    for r in eco.find_rounds():
        company: Company = eco.company(r.company)
        yield {
            "id": r.id,
            "company": r.company,
            "company_name": company.name,
            "company_country": company.country,
            "stage": r.stage.value,
            **_date("announced", r.announced),
            "precision": r.announced.precision.value,
            **_money("", r.amount),
            "undisclosed": r.amount is None,
            **_conversion(r, currency),
            **_money("valuation", r.valuation.amount if r.valuation else None),
            "leads": r.leads,
            "lead_names": _names(eco, r.leads),
            "investors": r.investor_ids,
            "investor_names": _names(eco, r.investor_ids),
            "sources": r.sources,
        }


def _investments(eco: Ecosystem, _: str | None) -> Iterator[Row]:
    for r in eco.find_rounds():
        company_name = eco.company(r.company).name
        for i in r.investments:
            investor: Investor = eco.investor(i.investor)
            yield {
                "round": r.id,
                "company": r.company,
                "company_name": company_name,
                "stage": r.stage.value,
                **_date("announced", r.announced),
                "investor": i.investor,
                "investor_name": investor.name,
                "lead": i.lead,
                **_money("", i.amount),
            }


def _sources(eco: Ecosystem, _: str | None) -> Iterator[Row]:
    for s in eco.sources:
        source: Source = s
        yield {
            "id": source.id,
            "title": source.title,
            "publisher": source.publisher,
            "url": source.url,
            **_date("published", source.published),
            "reliability": source.reliability.value,
            "note": source.note,
        }


def _claims(eco: Ecosystem, _: str | None) -> Iterator[Row]:
    for c in eco.claims:
        yield {
            "id": c.id,
            "subject": c.subject,
            "field": c.field,
            "statement": c.statement,
            "source": c.source,
            "verdict": c.verdict.value,
            "evidence": c.evidence,
            "explanation": c.explanation,
        }


def _dated(name: str) -> tuple[Column, ...]:
    return (
        Column(name, "date"),
        Column(f"{name}_first_day", "day"),
        Column(f"{name}_last_day", "day"),
    )


def _specs(*names_kinds: str | tuple[Column, ...]) -> tuple[Column, ...]:
    out: list[Column] = []
    for item in names_kinds:
        if isinstance(item, tuple):
            out.extend(item)
        else:
            name, _, kind = item.partition(":")
            out.append(Column(name, kind or "text"))
    return tuple(out)


_NAMED = ("id", "name", "aliases:list")
_SPECS: dict[str, tuple[Callable[[Ecosystem, str | None], Iterator[Row]], tuple[Column, ...]]] = {
    "companies": (
        _companies,
        _specs(
            *_NAMED,
            "kind",
            _dated("founded"),
            "country",
            "headquarters",
            "parent",
            "founders:list",
            "sources:list",
        ),
    ),
    "investors": (
        _investors,
        _specs(*_NAMED, "kind", "company", "person", _dated("founded"), "country", "sources:list"),
    ),
    "people": (_people, _specs(*_NAMED, _dated("born"), "roles:json", "sources:list")),
    "rounds": (
        _rounds,
        _specs(
            "id",
            "company",
            "company_name",
            "company_country",
            "stage",
            _dated("announced"),
            "precision",
            "amount:amount",
            "currency",
            "undisclosed:bool",
            "converted_amount:amount",
            "converted_currency",
            "rate:amount",
            "rate_date:day",
            "valuation:amount",
            "valuation_currency",
            "leads:list",
            "lead_names:list",
            "investors:list",
            "investor_names:list",
            "sources:list",
        ),
    ),
    "investments": (
        _investments,
        _specs(
            "round",
            "company",
            "company_name",
            "stage",
            _dated("announced"),
            "investor",
            "investor_name",
            "lead:bool",
            "amount:amount",
            "currency",
        ),
    ),
    "sources": (
        _sources,
        _specs("id", "title", "publisher", "url", _dated("published"), "reliability", "note"),
    ),
    "claims": (
        _claims,
        _specs(
            "id",
            "subject",
            "field",
            "statement",
            "source",
            "verdict",
            "evidence:list",
            "explanation",
        ),
    ),
}

TABLES = tuple(_SPECS)
"""The names of the tidy tables, in the order they are written."""


def columns(name: str) -> tuple[Column, ...]:
    """Return the columns of table *name*, in order.

    Raises:
        NotFound: *name* is not a table.
    """
    return _spec(name)[1]


def rows(eco: Ecosystem, name: str, *, currency: str | None = None) -> list[Row]:
    """Return table *name* of *eco* as typed rows (one dict per row, keys in column order).

    *currency* (rounds only) fills the ``converted_amount``, ``converted_currency``, ``rate``
    and ``rate_date`` columns: each disclosed amount converted at the ECB reference rate of
    its announced date (see [`aiecosys.convert`][aiecosys.convert]); they stay empty without it.
    """
    build, _ = _spec(name)
    return list(build(eco, currency))


def _spec(
    name: str,
) -> tuple[Callable[[Ecosystem, str | None], Iterator[Row]], tuple[Column, ...]]:
    try:
        return _SPECS[name]
    except (KeyError, TypeError):
        from aiecosys.exceptions import NotFound  # noqa: PLC0415

        raise NotFound("table", str(name), sorted(_SPECS)) from None
