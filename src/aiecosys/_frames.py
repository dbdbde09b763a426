"""DataFrames of an ecosystem: pandas (the ``pandas`` extra) and polars (the ``polars`` extra).

Both hold the tidy tables of [`aiecosys.table`][aiecosys.table], with the same columns in the same
order and the same values, typed: amounts stay exact ``Decimal`` values (a decimal column in polars,
``Decimal`` objects in pandas, never floats), days are dates, lists are lists, and a missing value
is ``None`` (``null`` in polars), never ``NaN``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiecosys import _tables
from aiecosys._optional import require

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem

__all__ = ["to_pandas", "to_polars"]


def to_pandas(eco: Ecosystem, name: str, *, currency: str | None = None) -> Any:
    """Return table *name* of *eco* (see [`table`][aiecosys.table]) as a pandas ``DataFrame``.

    Columns hold Python values (``object`` dtype, so that ``None`` stays ``None`` and an
    amount stays an exact ``Decimal``) except the flags, which are ``bool``.

    Raises:
        MissingDependency: pandas is not installed (the ``pandas`` extra).
        NotFound: *name* is not a table.

    Examples:
        >>> import aiecosys
        >>> rounds = aiecosys.to_pandas(aiecosys.load(), "rounds")
        >>> rounds.loc[0, ["company_name", "announced", "amount", "currency"]].tolist()
        ['Databricks', '2013-09', Decimal('13900000'), 'USD']
    """
    pd = require("pandas", extra="pandas", needed_for="to_pandas()")
    found = _tables.rows(eco, name, currency=currency)
    data = {
        c.name: pd.Series(
            [_plain(row[c.name]) for row in found], dtype=bool if c.kind == "bool" else object
        )
        for c in _tables.columns(name)
    }
    return pd.DataFrame(data)


def to_polars(eco: Ecosystem, name: str, *, currency: str | None = None) -> Any:
    """Return table *name* of *eco* (see [`table`][aiecosys.table]) as a polars ``DataFrame``.

    The column types are those of [`to_arrow`][aiecosys.to_arrow] (polars reads the Arrow table):
    exact decimals, dates, lists of strings, booleans and strings.

    Raises:
        MissingDependency: polars or pyarrow is not installed (the ``polars`` extra).
        NotFound: *name* is not a table.

    Examples:
        >>> import aiecosys
        >>> rounds = aiecosys.to_polars(aiecosys.load(), "rounds")
        >>> rounds.row(0, named=True)["lead_names"]
        ['Andreessen Horowitz']
    """
    pl = require("polars", extra="polars", needed_for="to_polars()")
    require("pyarrow", extra="polars", needed_for="to_polars()")
    from aiecosys._arrow import arrow_table  # noqa: PLC0415 - needs pyarrow, checked above

    return pl.from_arrow(arrow_table(eco, name, currency=currency))


def _plain(value: _tables.Value) -> object:
    return list(value) if isinstance(value, tuple) else value
