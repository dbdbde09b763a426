"""Flat tables of an ecosystem, for CSV and spreadsheets."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._money import Money

__all__ = ["TABLES", "table", "write_csv"]


def _join(values: Iterable[str]) -> str:
    return ";".join(values)


def _amount(money: Money | None) -> tuple[str, str]:
    return ("", "") if money is None else (str(money.amount), money.currency)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _companies(eco: Ecosystem) -> Iterable[dict[str, str]]:
    for c in eco.companies:
        yield {
            "id": c.id,
            "name": c.name,
            "aliases": _join(c.aliases),
            "kind": c.kind.value,
            "founded": _text(c.founded),
            "country": _text(c.country),
            "headquarters": _text(c.headquarters),
            "parent": _text(c.parent),
            "founders": _join(c.founders),
            "sources": _join(c.sources),
        }


def _investors(eco: Ecosystem) -> Iterable[dict[str, str]]:
    for i in eco.investors:
        yield {
            "id": i.id,
            "name": i.name,
            "aliases": _join(i.aliases),
            "kind": i.kind.value,
            "company": _text(i.company),
            "person": _text(i.person),
            "founded": _text(i.founded),
            "country": _text(i.country),
            "sources": _join(i.sources),
        }


def _people(eco: Ecosystem) -> Iterable[dict[str, str]]:
    for p in eco.people:
        roles = (
            f"{r.title} @ {r.organisation} ({_text(r.start)} to {_text(r.end)})" for r in p.roles
        )
        yield {
            "id": p.id,
            "name": p.name,
            "aliases": _join(p.aliases),
            "born": _text(p.born),
            "roles": _join(roles),
            "sources": _join(p.sources),
        }


def _rounds(eco: Ecosystem) -> Iterable[dict[str, str]]:
    for r in eco.find_rounds():
        amount, currency = _amount(r.amount)
        valuation, valuation_currency = _amount(r.valuation.amount if r.valuation else None)
        yield {
            "id": r.id,
            "company": r.company,
            "company_name": eco.company(r.company).name,
            "stage": r.stage.value,
            "announced": str(r.announced),
            "precision": r.announced.precision.value,
            "amount": amount,
            "currency": currency,
            "valuation": valuation,
            "valuation_currency": valuation_currency,
            "leads": _join(r.leads),
            "investors": _join(r.investor_ids),
            "sources": _join(r.sources),
        }


def _investments(eco: Ecosystem) -> Iterable[dict[str, str]]:
    for r in eco.find_rounds():
        for i in r.investments:
            amount, currency = _amount(i.amount)
            yield {
                "round": r.id,
                "company": r.company,
                "investor": i.investor,
                "investor_name": eco.investor(i.investor).name,
                "lead": "true" if i.lead else "false",
                "amount": amount,
                "currency": currency,
            }


def _sources(eco: Ecosystem) -> Iterable[dict[str, str]]:
    for s in eco.sources:
        yield {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "url": _text(s.url),
            "published": _text(s.published),
            "reliability": s.reliability.value,
            "note": _text(s.note),
        }


def _claims(eco: Ecosystem) -> Iterable[dict[str, str]]:
    for c in eco.claims:
        yield {
            "id": c.id,
            "subject": c.subject,
            "field": c.field,
            "statement": c.statement,
            "source": c.source,
            "verdict": c.verdict.value,
            "evidence": _join(c.evidence),
            "explanation": _text(c.explanation),
        }


TABLES: dict[str, Callable[[Ecosystem], Iterable[dict[str, str]]]] = {
    "companies": _companies,
    "investors": _investors,
    "people": _people,
    "rounds": _rounds,
    "investments": _investments,
    "sources": _sources,
    "claims": _claims,
}
"""The tables :func:`table` can build, by name."""


def table(eco: Ecosystem, name: str) -> list[dict[str, str]]:
    """Return one flat table of *eco* as rows of strings (lists joined with ``;``).

    *name* is one of ``companies``, ``investors``, ``people``, ``rounds`` (in announcement
    order), ``investments`` (one row per investor per round), ``sources`` or ``claims``.

    >>> import aiecosys
    >>> row = aiecosys.table(aiecosys.load(), "rounds")[0]
    >>> row["company_name"], row["announced"], row["precision"]
    ('Databricks', '2013-09', 'month')
    """
    try:
        build = TABLES[name]
    except KeyError:
        from aiecosys.exceptions import NotFound  # noqa: PLC0415

        raise NotFound("table", name, sorted(TABLES)) from None
    return list(build(eco))


def write_csv(eco: Ecosystem, name: str, stream: TextIO) -> int:
    """Write table *name* of *eco* (see :func:`table`) as CSV to *stream*; return the rows."""
    rows = table(eco, name)
    if not rows:
        return 0
    writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)
