"""Apache Arrow tables and Parquet files of an ecosystem (the ``arrow`` extra).

When an analysis outgrows Python objects, DuckDB, Polars or Spark can take over from these
tables. Dates keep their text at their own precision beside the first and last day they stand
for.

Amounts are exact decimals, never rounded: every amount column is ``decimal128(38, 12)``
(38 digits, 12 after the point, which every Parquet reader knows) unless an amount needs more
places after the point, which widens the scale, or more than 38 digits in all, which makes the
column ``decimal256(76, s)``. An amount that even 76 digits cannot hold exactly is an error,
not a rounded number.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiecosys._atomic import replacing_folder
from aiecosys.exceptions import MissingDependency, UnsupportedFormat

if TYPE_CHECKING:
    from aiecosys._dates import PartialDate
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._money import Money

__all__ = ["to_arrow", "write_parquet"]

_SCALE = 12  # places after the point when the amounts need no more
_DIGITS = 38  # the widest decimal128, which DuckDB, Polars and Spark all read
_WIDEST = 76  # decimal256


def _pyarrow() -> Any:
    try:
        import pyarrow as pa  # noqa: PLC0415 - an optional dependency, loaded on use
    except ImportError:
        msg = "Arrow and Parquet need pyarrow: pip install 'aiecosys[arrow]'"
        raise MissingDependency(msg) from None
    return pa


def _amount(money: Money | None) -> Decimal | None:
    return None if money is None else money.amount


def _decimal_type(pa: Any, amounts: list[Decimal | None]) -> Any:
    """The narrowest of decimal128(38, s) and decimal256(76, s) that holds every amount exactly."""
    scale, whole = _SCALE, 1
    for amount in amounts:
        if amount is None:
            continue
        _, digits, exponent = amount.as_tuple()
        assert isinstance(exponent, int)  # noqa: S101 - Money amounts are finite
        scale = max(scale, -exponent)
        whole = max(whole, len(digits) + exponent)
    if whole + scale <= _DIGITS:
        return pa.decimal128(_DIGITS, scale)
    if whole + scale <= _WIDEST:
        return pa.decimal256(_WIDEST, scale)
    msg = (
        f"an amount needs {whole} digits before the point and {scale} after: more than the "
        f"{_WIDEST} digits a Parquet decimal can hold exactly"
    )
    raise UnsupportedFormat(msg)


def _amounts(pa: Any, amounts: list[Decimal | None]) -> Any:
    return pa.array(amounts, _decimal_type(pa, amounts))


def _date_columns(name: str, dates: list[PartialDate | None]) -> dict[str, list[Any]]:
    return {
        name: [None if d is None else str(d) for d in dates],
        f"{name}_first_day": [None if d is None else d.first_day for d in dates],
        f"{name}_last_day": [None if d is None else d.last_day for d in dates],
    }


def to_arrow(eco: Ecosystem) -> dict[str, Any]:
    """Return the ecosystem as Arrow tables, by name.

    The tables are ``companies``, ``investors``, ``people``, ``rounds``, ``investments``
    (one row per investor per round), ``sources`` and ``claims``.

    Examples:
        >>> import aiecosys
        >>> tables = aiecosys.to_arrow(aiecosys.load())
        >>> eco = aiecosys.load()
        >>> tables["rounds"].num_rows == len(eco.rounds)
        True
        >>> tables["investments"].num_rows == sum(len(r.investments) for r in eco.rounds)
        True
    """
    pa = _pyarrow()
    day = pa.date32()
    rounds = eco.find_rounds()
    companies, investors = eco.companies, eco.investors
    tables = {
        "companies": pa.table(
            {
                "id": [c.id for c in companies],
                "name": [c.name for c in companies],
                "kind": [c.kind.value for c in companies],
                **_date_columns("founded", [c.founded for c in companies]),
                "country": [c.country for c in companies],
                "parent": [c.parent for c in companies],
            }
        ),
        "investors": pa.table(
            {
                "id": [i.id for i in investors],
                "name": [i.name for i in investors],
                "kind": [i.kind.value for i in investors],
                "company": [i.company for i in investors],
                "person": [i.person for i in investors],
                "country": [i.country for i in investors],
            }
        ),
        "people": pa.table(
            {"id": [p.id for p in eco.people], "name": [p.name for p in eco.people]}
        ),
        "rounds": pa.table(
            {
                "id": [r.id for r in rounds],
                "company": [r.company for r in rounds],
                "stage": [r.stage.value for r in rounds],
                **_date_columns("announced", [r.announced for r in rounds]),
                "amount": _amounts(pa, [_amount(r.amount) for r in rounds]),
                "currency": [r.amount.currency if r.amount else None for r in rounds],
                "valuation": _amounts(
                    pa, [_amount(r.valuation.amount if r.valuation else None) for r in rounds]
                ),
                "valuation_currency": [
                    r.valuation.amount.currency if r.valuation else None for r in rounds
                ],
            }
        ),
        "investments": pa.table(
            {
                "round": [r.id for r in rounds for _ in r.investments],
                "company": [r.company for r in rounds for _ in r.investments],
                "investor": [i.investor for r in rounds for i in r.investments],
                "lead": [i.lead for r in rounds for i in r.investments],
                "amount": _amounts(pa, [_amount(i.amount) for r in rounds for i in r.investments]),
                "currency": [
                    i.amount.currency if i.amount else None for r in rounds for i in r.investments
                ],
            }
        ),
        "sources": pa.table(
            {
                "id": [s.id for s in eco.sources],
                "title": [s.title for s in eco.sources],
                "publisher": [s.publisher for s in eco.sources],
                "url": [s.url for s in eco.sources],
                "reliability": [s.reliability.value for s in eco.sources],
            }
        ),
        "claims": pa.table(
            {
                "id": [c.id for c in eco.claims],
                "subject": [c.subject for c in eco.claims],
                "field": [c.field for c in eco.claims],
                "statement": [c.statement for c in eco.claims],
                "source": [c.source for c in eco.claims],
                "verdict": [c.verdict.value for c in eco.claims],
            }
        ),
    }
    for name in ("companies", "rounds"):
        table = tables[name]
        for column in table.column_names:
            if column.endswith(("_first_day", "_last_day")):
                index = table.column_names.index(column)
                table = table.set_column(index, column, table[column].cast(day))
        tables[name] = table
    return tables


def write_parquet(eco: Ecosystem, directory: str | Path) -> list[Path]:
    """Write each table of [`to_arrow`][aiecosys.to_arrow] as ``<name>.parquet`` in *directory*.

    The folder is built beside *directory* and swapped in whole: readers see the old tables
    or the new ones, never a mix, and a failure leaves the old folder as it was. An existing
    folder may hold only these tables (anything else is refused rather than deleted).

    Raises:
        MissingDependency: pyarrow is not installed (the ``arrow`` extra).
        WriteError: the folder cannot be written, or holds other files.
    """
    tables = to_arrow(eco)  # first: it says which extra to install if pyarrow is missing
    import pyarrow.parquet as pq  # noqa: PLC0415

    directory = Path(directory)
    names = {f"{name}.parquet" for name in tables}
    with replacing_folder(directory, ours=names.__contains__) as building:
        for name, table in tables.items():
            pq.write_table(table, building / f"{name}.parquet")
    return [directory / f"{name}.parquet" for name in tables]
