"""Arrow tables and Parquet files that DuckDB reads to the same answers."""

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings

from aiecosys import Ecosystem, UnsupportedFormat, load, to_arrow, write_parquet
from aiecosys import strategies as aist
from tests.helpers import with_amounts


def test_tables_have_one_row_per_record_and_investment():
    """Rounds, investments and companies come out whole, with exact decimal amounts."""
    eco = load()
    tables = to_arrow(eco)
    assert tables["rounds"].num_rows == len(eco.rounds)
    assert tables["investments"].num_rows == sum(len(r.investments) for r in eco.rounds)
    assert tables["companies"].num_rows == len(eco.companies)
    assert str(tables["rounds"].schema.field("amount").type) == "decimal128(38, 12)"
    assert str(tables["rounds"].schema.field("announced_first_day").type) == "date32[day]"


def test_duckdb_reads_the_parquet_export_to_the_same_total_raised(tmp_path: Path):
    """DuckDB summing the exported rounds gets total_raised, for one-currency companies."""
    eco = load()
    write_parquet(eco, tmp_path)
    con = duckdb.connect()
    sql = f"""SELECT sum(amount) FROM '{tmp_path / "rounds.parquet"}'
              WHERE company = ? AND stage <> 'secondary' AND currency = ?"""
    single = {
        c.id: currencies.pop()
        for c in eco.companies
        if len(currencies := {r.amount.currency for r in eco.rounds_of(c) if r.amount}) == 1
    }
    assert len(single) > 20
    assert {"company:hugging-face", "company:openai"} <= single.keys()
    for company, currency in single.items():
        (total,) = con.execute(sql, [company, currency]).fetchone()  # type: ignore[misc]
        known = eco.total_raised(company, currency=currency).known
        assert known is not None
        assert Decimal(total) == known.amount, company


def test_duckdb_finds_the_same_co_investors_in_the_parquet_export(tmp_path: Path):
    """A self-join on the exported investments gives co_investors() for Nvidia."""
    eco = load()
    write_parquet(eco, tmp_path)
    rows = (
        duckdb.connect()
        .execute(f"""
        SELECT b.investor, count(*) FROM '{tmp_path / "investments.parquet"}' a
        JOIN '{tmp_path / "investments.parquet"}' b ON a.round = b.round
        WHERE a.investor = 'investor:nvidia' AND b.investor <> a.investor
        GROUP BY b.investor""")
        .fetchall()
    )
    assert dict(rows) == {c.investor.id: c.shared for c in eco.co_investors("Nvidia")}


@pytest.mark.parametrize(
    ("amounts", "arrow_type"),
    [
        # Money holds at most 18 decimal places and less than 10**20: every amount fits
        # decimal128(38, 18); 1E-30 is refused before it reaches an export.
        (("1E-18", "5"), "decimal128(38, 18)"),
        (("0.000000000000000001", "105000000"), "decimal128(38, 18)"),
        (("999999999999999", "0.5"), "decimal128(38, 12)"),
        (("123456789012345.123456789012345678",), "decimal128(38, 18)"),
        (("999999999999999.999999999999999999", "1E-18"), "decimal128(38, 18)"),
    ],
)
def test_parquet_keeps_tiny_and_huge_amounts_exact(
    tmp_path: Path, amounts: tuple[str, ...], arrow_type: str
):
    """Amounts round-trip through Parquet unchanged: the decimal widens, it never rounds."""
    import pyarrow.parquet as pq

    eco = with_amounts(*amounts)
    write_parquet(eco, tmp_path / "pq")
    read = pq.read_table(tmp_path / "pq" / "rounds.parquet")
    assert str(read.schema.field("amount").type) == arrow_type
    assert sorted(read.column("amount").to_pylist()) == sorted(Decimal(a) for a in amounts)


def test_an_amount_no_parquet_decimal_can_hold_is_an_error():
    """Amounts needing more than 76 digits in one column are refused, not rounded."""
    import pyarrow as pa

    from aiecosys._arrow import _decimal_type

    with pytest.raises(UnsupportedFormat, match="more than the 76 digits"):
        _decimal_type(pa, [Decimal("1E+50"), Decimal("1E-30"), None])
    assert str(_decimal_type(pa, [None])) == "decimal128(38, 12)"


def test_duckdb_sums_tiny_amounts_exactly(tmp_path: Path):
    """A decimal128 column with a wider scale still reads in DuckDB, to the exact sum."""
    write_parquet(with_amounts("1E-18", "2E-18", "7"), tmp_path)
    (total,) = duckdb.execute(f"SELECT sum(amount) FROM '{tmp_path / 'rounds.parquet'}'").fetchone()  # type: ignore[misc]
    assert Decimal(total) == Decimal("7.000000000000000003")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(eco=aist.ecosystems())
def test_parquet_amounts_read_back_exactly_for_any_ecosystem(eco: Ecosystem):
    """For generated ecosystems, every round amount read back from Parquet is the same Decimal."""
    import tempfile

    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory() as folder:
        write_parquet(eco, folder)
        read = pq.read_table(f"{folder}/rounds.parquet").to_pylist()
    by_id = {r.id: r for r in eco.rounds}
    for row in read:
        amount = by_id[row["id"]].amount
        assert row["amount"] == (None if amount is None else amount.amount)
