"""Apache Arrow tables and Parquet files of an ecosystem (the ``arrow`` extra).

When an analysis outgrows Python objects, DuckDB, Polars or Spark can take over from these
tables. Amounts are exact decimals (38 digits, 12 after the point); dates keep their text at
their own precision beside the first and last day they stand for.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiecosys.exceptions import MissingDependency

if TYPE_CHECKING:
    from aiecosys._dates import PartialDate
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._money import Money

__all__ = ["to_arrow", "write_parquet"]

_SCALE = Decimal("1e-12")


def _pyarrow() -> Any:
    try:
        import pyarrow as pa  # noqa: PLC0415 - an optional dependency, loaded on use
    except ImportError:
        msg = "Arrow and Parquet need pyarrow: pip install 'aiecosys[arrow]'"
        raise MissingDependency(msg) from None
    return pa


def _amount(money: Money | None) -> Decimal | None:
    return None if money is None else money.amount.quantize(_SCALE)


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

    >>> import aiecosys
    >>> tables = aiecosys.to_arrow(aiecosys.load())
    >>> eco = aiecosys.load()
    >>> tables["rounds"].num_rows == len(eco.rounds)
    True
    >>> tables["investments"].num_rows == sum(len(r.investments) for r in eco.rounds)
    True
    """
    pa = _pyarrow()
    money = pa.decimal128(38, 12)
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
                "amount": pa.array([_amount(r.amount) for r in rounds], money),
                "currency": [r.amount.currency if r.amount else None for r in rounds],
                "valuation": pa.array(
                    [_amount(r.valuation.amount if r.valuation else None) for r in rounds], money
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
                "amount": pa.array(
                    [_amount(i.amount) for r in rounds for i in r.investments], money
                ),
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
    """Write each table of :func:`to_arrow` as ``<name>.parquet`` in *directory*."""
    tables = to_arrow(eco)  # first: it says which extra to install if pyarrow is missing
    import pyarrow.parquet as pq  # noqa: PLC0415

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        path = directory / f"{name}.parquet"
        pq.write_table(table, path)
        written.append(path)
    return written
