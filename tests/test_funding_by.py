"""funding_by: groups that add up, undisclosed counted, uncertain dates never guessed."""

from decimal import Decimal

import pytest

from aiecosys import InvalidArgument, Stage, load


def test_by_company_matches_total_raised():
    """Each company's row is total_raised(): same known amount, rounds and undisclosed count."""
    eco = load()
    for row in eco.funding_by("company", currency="EUR").rows:
        total = eco.total_raised(row.key, currency="EUR")
        assert row.known == total.known
        assert (row.rounds, row.undisclosed) == (total.rounds, total.undisclosed)


def test_by_year_adds_up_to_the_sum_of_every_company():
    """The years' known amounts add up to the sum of all companies' known totals."""
    eco = load()
    years = sum((row.known.amount for row in eco.funding_by("year").rows if row.known), Decimal(0))
    companies = sum(
        (eco.total_raised(c).known.amount for c in eco.companies if eco.total_raised(c).known),  # type: ignore[union-attr]
        Decimal(0),
    )
    assert years == companies


def test_unknown_is_not_zero():
    """2015 holds only OpenAI's undisclosed pledges: known is None, the row is not complete."""
    row = next(row for row in load().funding_by("year").rows if row.key == "2015")
    assert (row.key, row.known, row.rounds, row.undisclosed, row.complete) == (
        "2015",
        None,
        1,
        1,
        False,
    )


def test_a_year_only_round_is_uncertain_by_quarter_and_sure_by_year():
    """Poolside's '2023' seed is in 2023 surely, and uncertain in each quarter of 2023, never Q1."""
    eco = load()
    seed = eco.round("round:poolside-seed")
    by_year = {row.key: row for row in eco.funding_by("year").rows}
    assert seed not in by_year["2023"].uncertain
    quarters = {row.key: row for row in eco.funding_by("quarter").rows}
    for quarter in ("2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"):
        assert seed in quarters[quarter].uncertain
    openai_2023 = eco.round("round:openai-microsoft-2023")  # announced 2023-01-23
    assert openai_2023 not in quarters["2023-Q1"].uncertain
    assert quarters["2023-Q1"].rounds >= 1


def test_as_of_counts_the_sure_and_lists_the_straddling():
    """As of 2023-11-30, Poolside's 2023 seed may or may not be public: uncertain, not counted."""
    eco = load()
    result = eco.funding_by("year", as_of="2023-11-30")
    last = result.rows[-1]
    assert last.key == "2023"
    assert "round:poolside-seed" in [r.id for r in last.uncertain]
    assert all(r.announced.timing("2023-11-30").value == "uncertain" for r in last.uncertain)
    assert str(result.as_of) == "2023-11-30"
    assert all(row.key <= "2023" for row in result.rows)


def test_by_investor_a_round_counts_for_each_of_its_investors():
    """Mistral's seed counts in full for Lightspeed and for Xavier Niel: groups overlap."""
    eco = load()
    rows = {row.key: row for row in eco.funding_by("investor").rows}
    seed = eco.round("round:mistral-ai-seed")
    for investor in seed.investor_ids:
        assert rows[investor].rounds >= 1
    assert sum(row.rounds for row in rows.values()) > len(eco.rounds)


def test_by_stage_and_country_cover_every_counted_round():
    """Every round but secondary sales counts once by stage and once by country."""
    eco = load()
    counted = sum(1 for r in eco.rounds if r.stage is not Stage.SECONDARY)
    for key in ("stage", "country"):
        assert sum(row.rounds for row in eco.funding_by(key).rows) == counted


def test_rows_come_in_a_documented_order():
    """Years in date order; companies largest known total first."""
    eco = load()
    years = [row.key for row in eco.funding_by("year").rows]
    assert years == sorted(years)
    companies = eco.funding_by("company").rows
    amounts = [row.known.amount if row.known else Decimal(0) for row in companies]
    assert amounts == sorted(amounts, reverse=True)


def test_an_unknown_key_is_a_clear_error():
    """funding_by('month') raises InvalidArgument naming the keys it accepts."""
    with pytest.raises(InvalidArgument, match="year, quarter, country, stage, investor, company"):
        load().funding_by("month")


def test_result_flags_summarise_the_rows():
    """complete, undisclosed and uncertain of the result agree with its rows."""
    result = load().funding_by("quarter")
    assert result.complete is False
    assert result.undisclosed == sum(row.undisclosed for row in result.rows)
    assert {r.id for r in result.uncertain} == {r.id for row in result.rows for r in row.uncertain}
    assert {"round:hugging-face-series-a", "round:poolside-seed"} <= {
        r.id for r in result.uncertain
    }
