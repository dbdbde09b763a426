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

from aiecosys import _tables
from aiecosys._atomic import replacing_folder
from aiecosys._optional import require
from aiecosys.exceptions import UnsupportedFormat

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem

__all__ = ["arrow_table", "to_arrow", "write_parquet"]

_SCALE = 12  # places after the point when the amounts need no more
_DIGITS = 38  # the widest decimal128, which DuckDB, Polars and Spark all read
_WIDEST = 76  # decimal256


def _pyarrow() -> Any:
    return require("pyarrow", extra="arrow", needed_for="Arrow and Parquet")


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


def _arrow_type(pa: Any, kind: str, values: list[Any]) -> Any:
    types = {
        "list": pa.list_(pa.string()),
        "day": pa.date32(),
        "bool": pa.bool_(),
    }
    if kind == "amount":
        return _decimal_type(pa, values)
    return types.get(kind, pa.string())


def arrow_table(eco: Ecosystem, name: str, *, currency: str | None = None) -> Any:
    """Return table *name* of *eco* (see [`table`][aiecosys.table]) as one Arrow table."""
    pa = _pyarrow()
    found = _tables.rows(eco, name, currency=currency)
    arrays, fields = [], []
    for column in _tables.columns(name):
        values: list[Any] = [row[column.name] for row in found]
        kind = _arrow_type(pa, column.kind, values)
        arrays.append(pa.array(values, kind))
        fields.append(pa.field(column.name, kind))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def to_arrow(eco: Ecosystem, *, currency: str | None = None) -> dict[str, Any]:
    """Return the ecosystem's tidy tables (see [`table`][aiecosys.table]) as Arrow tables, by name.

    The columns and values are those of [`table`][aiecosys.table], typed: lists are list columns,
    days ``date32``, flags booleans, amounts exact decimals (see the module docstring).

    Examples:
        >>> import aiecosys
        >>> tables = aiecosys.to_arrow(aiecosys.load())
        >>> eco = aiecosys.load()
        >>> tables["rounds"].num_rows == len(eco.rounds)
        True
        >>> tables["investments"].num_rows == sum(len(r.investments) for r in eco.rounds)
        True
    """
    return {name: arrow_table(eco, name, currency=currency) for name in _tables.TABLES}


def write_parquet(
    eco: Ecosystem, directory: str | Path, *, currency: str | None = None
) -> list[Path]:
    """Write each table of [`to_arrow`][aiecosys.to_arrow] as ``<name>.parquet`` in *directory*.

    The folder is built beside *directory* and swapped in whole: readers see the old tables
    or the new ones, never a mix, and a failure leaves the old folder as it was. An existing
    folder may hold only these tables (anything else is refused rather than deleted).

    Raises:
        MissingDependency: pyarrow is not installed (the ``arrow`` extra).
        WriteError: the folder cannot be written, or holds other files.
    """
    tables = to_arrow(
        eco, currency=currency
    )  # first: it says which extra to install if pyarrow is missing
    pq = require("pyarrow.parquet", extra="arrow", needed_for="Parquet")

    directory = Path(directory)
    names = {f"{name}.parquet" for name in tables}
    with replacing_folder(directory, ours=names.__contains__) as building:
        for name, table in tables.items():
            pq.write_table(table, building / f"{name}.parquet")
    return [directory / f"{name}.parquet" for name in tables]
