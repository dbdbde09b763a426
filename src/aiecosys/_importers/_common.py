"""Row steps that several export formats share: repeated rows, amounts, leads, names lists."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from aiecosys._model import MAX_ROUND_AMOUNT
from aiecosys._money import Money

from ._builder import Builder, Where
from ._cells import currency, flag, number
from ._table import Row, Table

__all__ = ["duplicates_noted", "is_lead", "money", "round_money", "rows"]


def rows(b: Builder, table: Table) -> Iterator[Row]:
    """Yield a table's rows, counting them and passing over ragged ones (reported)."""
    b.rows_read[table.name] += 0  # a table with no rows is listed as read, with 0 rows
    for row in table.rows():
        b.rows_read[table.name] += 1
        if b.row_shape(row):
            yield row


def duplicates_noted(b: Builder, table: Table, *, keep: bool) -> Iterator[Row]:
    """Yield rows; a row repeating an earlier one is skipped, or (with *keep*) kept and noted."""
    seen: dict[tuple[str, ...], int] = {}
    for row in rows(b, table):
        key = tuple(row.cells.values())
        first = seen.setdefault(key, row.line)
        if first != row.line:
            if not keep:
                b.skip(row, f"duplicate: the same as line {first}")
                continue
            b.change(
                row,
                f"duplicate kept: the same as line {first}, kept as a separate round, as the "
                "export's own round counts do",
                lossy=False,
            )
        yield row


def money(
    b: Builder, at: Where, value: object, code: object, column: str, *, zero_ok: bool = False
) -> tuple[Money | None, Decimal | None]:
    """Read an amount and its currency; return the Money (``None`` if unknown) and the number.

    An empty amount is unknown even where a currency is given. A number that cannot be read,
    a currency that is not ISO 4217, or an amount out of range makes the amount unknown, and
    the row is reported. A zero is returned as the number 0 with no Money (the model keeps
    only amounts above zero), and noted unless *zero_ok*.
    """
    try:
        amount = number(value)
    except ValueError as error:
        b.change(at, f"amount read as undisclosed: {error}", column)
        return None, None
    if amount is None:
        return None, None
    try:
        code_, upper_cased = currency(str(code or ""))
    except ValueError as error:
        b.change(at, f"amount read as undisclosed: {error}", f"{column} currency")
        return None, amount
    if upper_cased:
        b.change(
            at, f"currency read as {code_}: written {code!s}", f"{column} currency", lossy=False
        )
    if amount == 0:
        if not zero_ok:
            b.change(
                at,
                "amount is zero: kept as zero raised, no amount on the round",
                column,
                lossy=False,
            )
        return None, amount
    if not amount < MAX_ROUND_AMOUNT:
        b.change(at, f"amount read as undisclosed: {amount} is out of range", column)
        return None, amount
    return Money(amount=amount, currency=code_), amount


def round_money(b: Builder, at: Where, value: object, code: object, column: str) -> Money | None:
    """Read a round's amount (see `money`); return the Money or ``None``."""
    return money(b, at, value, code, column)[0]


def is_lead(b: Builder, at: Where, text: str, column: str) -> bool:
    """Read a lead flag; a cell that is not a yes/no is reported and read as not a lead."""
    try:
        return flag(text)
    except ValueError as error:
        b.change(at, f"lead flag read as not a lead: {error}", column)
        return False


# Parts that end a name after a comma ("Bombardier, Inc", "Fred Moll, M.D"): not names.
_SUFFIXES = frozenset(
    {
        "inc",
        "llc",
        "ltd",
        "lp",
        "llp",
        "plc",
        "co",
        "corp",
        "gmbh",
        "ag",
        "sa",
        "nv",
        "bv",
        "md",
        "phd",
        "jr",
        "sr",
        "ii",
        "iii",
        "esq",
        "cbe",
        "obe",
        "mbe",
    }
)


def split_names(text: str) -> list[str]:
    """Split a provider's comma-separated list of names, keeping suffixes with their name.

    Examples:
        >>> split_names("Bombardier, Inc, Fred Moll, M.D, Seedcamp")
        ['Bombardier, Inc', 'Fred Moll, M.D', 'Seedcamp']
    """
    names: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        if names and part.replace(".", "").casefold() in _SUFFIXES:
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names
