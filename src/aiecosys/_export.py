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
import datetime as dt
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from aiecosys import _tables
from aiecosys._atomic import write_text

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem

__all__ = ["TABLES", "table", "write_csv"]

TABLES = _tables.TABLES
"""The tables [`table`][aiecosys.table] can build, by name."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def cell(value: _tables.Value, kind: str) -> str:
    """Return the CSV cell of a *value* of column *kind* (see ``_tables``)."""
    if value is None:
        return ""
    if kind == "list":
        return json.dumps(list(value), ensure_ascii=False, separators=(",", ":"))  # type: ignore[arg-type]
    if kind == "bool":
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def table(eco: Ecosystem, name: str, *, currency: str | None = None) -> list[dict[str, str]]:
    """Return one tidy table of *eco* as rows of strings (lists as JSON arrays).

    *name* is one of ``companies``, ``investors``, ``people``, ``rounds`` (one row per round, in
    announcement order, with the company's name and country, the date's precision and first and last
    day, the amount as announced, an ``undisclosed`` flag, and the leads' and participants' names),
    ``investments`` (one row per investor per round), ``sources`` or ``claims``. With *currency*,
    each round's amount is also converted at the ECB rate of its announced date, with the rate used
    and its date. [`to_arrow`][aiecosys.to_arrow], [`to_pandas`][aiecosys.to_pandas] and
    [`to_polars`][aiecosys.to_polars] hold the same columns and values.

    Examples:
        >>> import aiecosys
        >>> row = aiecosys.table(aiecosys.load(), "rounds", currency="EUR")[0]
        >>> row["company_name"], row["announced"], row["precision"], row["undisclosed"]
        ('Databricks', '2013-09', 'month', 'false')
        >>> row["amount"], row["currency"], row["converted_amount"], row["rate_date"]
        ('13900000', 'USD', '10502455.61', '2013-08-30')
        >>> row["lead_names"]  # a list, as a JSON array
        '["Andreessen Horowitz"]'
    """
    kinds = {c.name: c.kind for c in _tables.columns(name)}
    return [
        {k: cell(v, kinds[k]) for k, v in row.items()}
        for row in _tables.rows(eco, name, currency=currency)
    ]


def neutralise(cell: str) -> str:
    """Return *cell* as a spreadsheet will show it, never run it (see the module docstring).

    Examples:
        >>> neutralise("@Pay - Two-Click Checkout"), neutralise("Acme")
        ("'@Pay - Two-Click Checkout", 'Acme')
    """
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def write_csv(
    eco: Ecosystem,
    name: str,
    target: TextIO | str | Path,
    *,
    raw: bool = False,
    currency: str | None = None,
) -> int:
    """Write table *name* of *eco* (see `table`) as CSV; return the number of rows.

    *target* is an open text stream (open files with ``newline=""``, as for the csv module), or a
    path: a file is replaced atomically (a failure leaves the old file as it was). Lines end with
    CRLF, as RFC 4180 says. Cells that a spreadsheet would run as formulas get a leading ``'``
    unless *raw* is true (see the module docstring). The whole CSV is built before anything is
    written. *currency* converts the rounds' amounts (see [`table`][aiecosys.table]).

    Raises:
        NotFound: *name* is not a table.
        WriteError: the file cannot be written.

    Examples:
        >>> import io, aiecosys
        >>> eco, out = aiecosys.load(), io.StringIO()
        >>> aiecosys.write_csv(eco, "sources", out) == len(eco.sources)
        True
        >>> out.getvalue().splitlines()[0]
        'id,title,publisher,url,published,published_first_day,published_last_day,reliability,note'
    """
    rows = table(eco, name, currency=currency)
    text = io.StringIO()
    # RFC 4180 line ends: with them the csv module quotes a cell holding a lone CR, which
    # a "\n" terminator would leave bare, breaking the row.
    fields = [c.name for c in _tables.columns(name)]
    writer = csv.DictWriter(text, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows if raw else ({k: neutralise(v) for k, v in row.items()} for row in rows))
    if isinstance(target, str | Path):
        write_text(target, text.getvalue())
    else:
        target.write(text.getvalue())
    return len(rows)
