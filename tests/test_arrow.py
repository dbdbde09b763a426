"""Arrow tables and Parquet files that DuckDB reads to the same answers."""

from decimal import Decimal
from pathlib import Path

import duckdb

from aiecosys import load, to_arrow, write_parquet


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
