"""Flat tables of an ecosystem, for CSV and spreadsheets.

A cell is a string. A list (aliases, founders, sources, investors, …) is a JSON array in
its cell, ``["a","b"]`` and ``[]`` when empty, so a name holding a comma or a semicolon
reads back unchanged; a person's ``roles`` is a JSON array of objects.

CSV written by [`write_csv`][aiecosys.write_csv] is safe to open in a spreadsheet: a cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (which Excel, LibreOffice and
Google Sheets would run as a formula) gets a single quote in front, as OWASP recommends; so does a
cell that starts with a quote, so that a reader gets every value back by dropping one leading ``'``.
``raw=True`` writes the values as they are.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from aiecosys._atomic import write_text

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._money import Money

__all__ = ["TABLES", "table", "write_csv"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def _join(values: Iterable[Any]) -> str:
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


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
            {
                "organisation": r.organisation,
                "title": r.title,
                "start": None if r.start is None else str(r.start),
                "end": None if r.end is None else str(r.end),
            }
            for r in p.roles
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
"""The tables [`table`][aiecosys.table] can build, by name."""


def table(eco: Ecosystem, name: str) -> list[dict[str, str]]:
    """Return one flat table of *eco* as rows of strings (lists as JSON arrays).

    *name* is one of ``companies``, ``investors``, ``people``, ``rounds`` (in announcement
    order), ``investments`` (one row per investor per round), ``sources`` or ``claims``.

    Examples:
        >>> import aiecosys
        >>> row = aiecosys.table(aiecosys.load(), "rounds")[0]
        >>> row["company_name"], row["announced"], row["precision"]
        ('Databricks', '2013-09', 'month')
        >>> row["sources"][:2]  # a list, as a JSON array
        '["'
    """
    try:
        build = TABLES[name]
    except KeyError:
        from aiecosys.exceptions import NotFound  # noqa: PLC0415

        raise NotFound("table", name, sorted(TABLES)) from None
    return list(build(eco))


def neutralise(cell: str) -> str:
    """Return *cell* as a spreadsheet will show it, never run it (see the module docstring).

    Examples:
        >>> neutralise("@Pay - Two-Click Checkout"), neutralise("Acme")
        ("'@Pay - Two-Click Checkout", 'Acme')
    """
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def write_csv(eco: Ecosystem, name: str, target: TextIO | str | Path, *, raw: bool = False) -> int:
    """Write table *name* of *eco* (see `table`) as CSV; return the number of rows.

    *target* is an open text stream (open files with ``newline=""``, as for the csv module),
    or a path: a file is replaced atomically (a failure leaves the old file as it was). Lines
    end with CRLF, as RFC 4180 says. Cells that a spreadsheet would run as formulas get a
    leading ``'`` unless *raw* is true (see the module docstring). The whole CSV is built
    before anything is written.

    Raises:
        NotFound: *name* is not a table.
        WriteError: the file cannot be written.

    Examples:
        >>> import io, aiecosys
        >>> eco, out = aiecosys.load(), io.StringIO()
        >>> aiecosys.write_csv(eco, "sources", out) == len(eco.sources)
        True
        >>> out.getvalue().splitlines()[0]
        'id,title,publisher,url,published,reliability,note'
    """
    rows = table(eco, name)
    text = io.StringIO()
    if rows:
        # RFC 4180 line ends: with them the csv module quotes a cell holding a lone CR, which
        # a "\n" terminator would leave bare, breaking the row.
        writer = csv.DictWriter(text, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(
            rows if raw else ({k: neutralise(v) for k, v in row.items()} for row in rows)
        )
    if isinstance(target, str | Path):
        write_text(target, text.getvalue())
    else:
        target.write(text.getvalue())
    return len(rows)
