"""The one output layer: every command's answer as a table, JSON, CSV or JSON lines.

A command hands a `Shown` to `show`, which prints it in the ``--format`` asked:
``table`` (for people: readable names, long cells cut short), ``json`` (one document, exact
amounts, fields named as in the library), ``csv`` (the rows, formula-safe) or ``nl`` (the rows,
one JSON object a line). ``--limit N`` keeps the first N rows of the answer's main list.
What the terminal would act on is escaped (see ``_terminal``).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import click

from aiecosys._export import neutralise
from aiecosys._terminal import json_safe, printable
from aiecosys.exceptions import WriteError

from ._errors import ReaderGone

if TYPE_CHECKING:
    from aiecosys._money import Money

__all__ = ["FORMATS", "Shown", "Table", "echo", "money", "output_options", "show", "write"]

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "csv", "nl")
CELL_WIDTH = 60  # table cells longer than this are cut short, with "…"


@attrs.frozen(kw_only=True)
class Table:
    """Columns and rows of readable cells, for the table format."""

    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    listing: bool = True  # the answer's main list, which --limit shortens


@attrs.frozen(kw_only=True)
class Shown:
    """What a command shows, in each format.

    ``document`` is what ``json`` prints; ``rows`` what ``csv`` and ``nl`` print, one dict a
    row, fields named as in the library; ``text`` what ``table`` prints: lines and tables.
    ``listing`` names the list in ``document`` that ``--limit`` shortens (a document that is a
    list is shortened itself).
    """

    document: Any
    rows: Sequence[dict[str, Any]] = ()
    text: Sequence[str | Table] = ()
    listing: str | None = None


def write(text: str) -> None:
    """Write to standard output; a failure other than a closed pipe is a write error."""
    try:
        # Straight to sys.stdout, not click.echo: click would re-wrap an ASCII stream as UTF-8,
        # while tolerant_streams() has made sys.stdout write what it lacks as escapes.
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise ReaderGone from None
    except OSError as error:
        raise WriteError(error.errno, error.strerror, "standard output") from None


def echo(text: str = "") -> None:
    """Print a line for people, with anything a terminal would act on shown as an escape."""
    write(printable(text) + "\n")


def json_text(value: object) -> str:
    r"""JSON for scripts: sorted keys, UTF-8 as is, terminal controls as ``\\u`` escapes."""
    return json_safe(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)) + "\n"


def money(amount: Money | None) -> str:
    """Show an amount for people: whole units from 1,000 up (JSON output stays exact)."""
    if amount is None:
        return "undisclosed"
    if abs(amount.amount) >= 1000:  # noqa: PLR2004
        return f"{amount.currency} {amount.amount:,.0f}"
    return f"{amount.currency} {amount.amount:,.2f}"


def _cut(cell: object) -> str:
    text = "" if cell is None else " ".join(str(cell).split())
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def _is_amount(text: str) -> bool:
    return (text[:3].isupper() and text[3:4] == " ") or text.replace(",", "").isdigit()


def table_text(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Lay out a table: columns padded, amounts and counts right-aligned, long cells cut."""
    cells = [list(columns), *[[_cut(c) for c in r] for r in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    numeric = [all(_is_amount(row[i]) for row in cells[1:] if row[i]) for i in range(len(columns))]

    def line(row: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if n else c.ljust(w) for c, w, n in zip(row, widths, numeric, strict=True)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def _limited(shown: Shown, limit: int | None) -> Shown:
    if limit is None:
        return shown
    document = shown.document
    if isinstance(document, list):
        document = document[:limit]
    elif shown.listing is not None and isinstance(document, dict):
        document = {**document, shown.listing: document[shown.listing][:limit]}
    text = [
        attrs.evolve(block, rows=block.rows[:limit])
        if isinstance(block, Table) and block.listing
        else block
        for block in shown.text
    ]
    return Shown(document=document, rows=shown.rows[:limit], text=text, listing=shown.listing)


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    return neutralise(json.dumps(value, ensure_ascii=False, sort_keys=True))


def show(shown: Shown, fmt: str, limit: int | None = None) -> None:
    """Print *shown* in the format *fmt*, keeping the first *limit* rows of its main list."""
    full = shown
    shown = _limited(shown, limit)
    if fmt == "json":
        write(json_text(shown.document))
    elif fmt == "nl":
        write("".join(json_safe(json.dumps(r, ensure_ascii=False)) + "\n" for r in shown.rows))
    elif fmt == "csv":
        columns = list(dict.fromkeys(k for r in shown.rows for k in r))
        text = io.StringIO()
        out = csv.writer(text, lineterminator="\n")
        out.writerow(columns)
        out.writerows([_csv_cell(r.get(c)) for c in columns] for r in shown.rows)
        write(printable(text.getvalue()) if sys.stdout.isatty() else text.getvalue())
    else:
        for block, whole in zip(shown.text, full.text, strict=True):
            if isinstance(block, Table):
                echo(table_text(block.columns, block.rows))
                left = len(whole.rows) - len(block.rows)  # type: ignore[union-attr]
                if left:
                    echo(f"… {left} more rows (--limit)")
            else:
                echo(block)


def output_options(command: F) -> F:
    """Add ``--format``, its alias ``--json`` and ``--limit``; pass on ``fmt`` and ``limit``."""

    @click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="table for people; json, csv or nl (JSON lines) for scripts.",
    )
    @click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
    @click.option(
        "--limit",
        type=click.IntRange(min=0),
        metavar="N",
        help="Show only the first N rows of the answer's main list.",
    )
    @functools.wraps(command)
    def run(*args: Any, fmt: str, as_json: bool, **kwargs: Any) -> Any:
        return command(*args, fmt="json" if as_json else fmt, **kwargs)

    return run  # type: ignore[return-value]
