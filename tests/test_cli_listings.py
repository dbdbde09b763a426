"""How listings read: records, priced rounds, claims and a source's citations."""

from aiecosys import load
from aiecosys._cli import _listings as listings
from aiecosys._cli._output import Table


def test_records_rows_are_the_records_and_the_table_says_unknown():
    """Rows are the records as in the file; a missing founding date reads 'unknown'."""
    eco = load()
    companies = eco.find_records("companies")
    shown = listings.records(eco, "companies", companies)
    assert [r["id"] for r in shown.rows] == [c.id for c in companies]
    (table,) = shown.text
    assert isinstance(table, Table)
    undated = [row for row, c in zip(table.rows, companies, strict=True) if c.founded is None]
    assert undated
    assert all(row[2] == "unknown" for row in undated)


def test_priced_rounds_rows_carry_the_conversion_or_null():
    """Each row is the round with 'converted' exact, or null when the amount is undisclosed."""
    eco = load()
    priced = eco.priced_rounds(currency="EUR")
    shown = listings.priced_rounds(eco, priced, "EUR")
    for row, p in zip(shown.rows, priced, strict=True):
        assert (row["converted"] is None) == (p.round.amount is None)


def test_citations_rows_name_each_citing_record_and_claim():
    """A source's rows are its records then its claims, each with id and label."""
    eco = load()
    cited = eco.citations("source:tnw-mistral-seed")
    shown = listings.citations(eco, cited)
    assert [r["id"] for r in shown.rows] == [r.id for r in cited.records] + [
        c.id for c in cited.claims
    ]
    assert all(r["label"] == eco.label(r["id"]) for r in shown.rows)
