"""One column spec per table: CSV, Arrow, pandas and polars hold the same columns and values."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import aiecosys
from aiecosys import Ecosystem, NotFound, to_arrow, to_pandas, to_polars, write_csv
from aiecosys import strategies as aist
from aiecosys._tables import TABLES, Value, columns, rows
from tests.helpers import small


def _typed(value: Any, kind: str) -> Value:
    """Bring a value read from any format to the spec's Python type."""
    if value is None:
        return None
    if kind == "list":
        return tuple(value)
    if kind == "amount":
        return Decimal(value)
    return value  # type: ignore[no-any-return]


def _from_csv(name: str, text: str) -> list[dict[str, Value]]:
    kinds = {c.name: c.kind for c in columns(name)}

    def read(cell: str, kind: str) -> Value:
        if cell == "":
            return None
        if kind == "list":
            return tuple(json.loads(cell))
        if kind == "bool":
            return cell == "true"
        if kind == "day":
            return dt.date.fromisoformat(cell)
        return Decimal(cell) if kind == "amount" else cell

    return [
        {k: read(v, kinds[k]) for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))
    ]


def formats(
    eco: Ecosystem, name: str, currency: str | None
) -> dict[str, tuple[list[str], list[Any]]]:
    """Each format's column names and typed rows for table *name*."""
    kinds = {c.name: c.kind for c in columns(name)}

    def typed(found: list[dict[str, Any]]) -> list[dict[str, Value]]:
        return [{k: _typed(v, kinds[k]) for k, v in row.items()} for row in found]

    out = io.StringIO()
    write_csv(eco, name, out, raw=True, currency=currency)
    header = out.getvalue().splitlines()[0].split(",")
    arrow = to_arrow(eco, currency=currency)[name]
    pandas = to_pandas(eco, name, currency=currency)
    polars = to_polars(eco, name, currency=currency)
    return {
        "spec": (list(kinds), rows(eco, name, currency=currency)),
        "csv": (header, _from_csv(name, out.getvalue())),
        "arrow": (arrow.column_names, typed(arrow.to_pylist())),
        "pandas": (list(pandas.columns), typed(pandas.to_dict("records"))),
        "polars": (polars.columns, typed(polars.rows(named=True))),
    }


def assert_agree(eco: Ecosystem, currency: str | None) -> None:
    for name in TABLES:
        found = formats(eco, name, currency)
        spec = found.pop("spec")
        for fmt, got in found.items():
            assert got[0] == spec[0], (name, fmt)
            assert got[1] == spec[1], (name, fmt)


@pytest.mark.parametrize("currency", [None, "USD", "EUR"])
def test_csv_arrow_pandas_and_polars_agree_on_the_bundled_data(currency: str | None):
    """Every table of the bundled data: same columns, in order, and same values everywhere."""
    assert_agree(aiecosys.load(), currency)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(eco=aist.ecosystems())
def test_csv_arrow_pandas_and_polars_agree_for_any_ecosystem(eco: Ecosystem):
    """For generated ecosystems too, the four formats never disagree."""
    assert_agree(eco, "EUR")


def test_a_round_row_says_what_is_unknown_and_how_it_was_converted():
    """An undisclosed round is flagged with empty amounts; a converted one carries its rate."""
    eco = small()
    by_id = {r["id"]: r for r in rows(eco, "rounds", currency="USD")}
    unknown = by_id["round:acme-b"]
    assert (unknown["undisclosed"], unknown["amount"], unknown["converted_amount"]) == (
        True,
        None,
        None,
    )
    assert (unknown["announced"], unknown["precision"]) == ("2023", "year")
    assert unknown["announced_first_day"] == dt.date(2023, 1, 1)
    seed = by_id["round:acme-seed"]
    conversion = aiecosys.convert(eco.round("round:acme-seed").amount, "USD", on="2020-03-02")  # type: ignore[arg-type]
    assert (seed["converted_amount"], seed["rate"], seed["rate_date"]) == (
        conversion.converted.amount,
        conversion.rate,
        conversion.rate_date,
    )
    assert (seed["company_name"], seed["company_country"]) == (
        eco.company("Acme").name,
        eco.company("Acme").country,
    )


def test_without_currency_the_conversion_columns_are_empty():
    """No currency, no FX: converted_amount, rate and rate_date are missing, not zero."""
    for row in rows(small(), "rounds"):
        assert (row["converted_amount"], row["rate"], row["rate_date"]) == (None, None, None)


def test_an_unknown_table_is_not_found():
    """Asking for a table that does not exist names the tables that do."""
    with pytest.raises(NotFound, match="no table 'bogus'"):
        rows(small(), "bogus")
