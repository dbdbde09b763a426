"""The coverage report: what an ecosystem holds, leaves unknown, and rests on."""

from fractions import Fraction

import aiecosys
from aiecosys import (
    Claim,
    Company,
    Ecosystem,
    Investment,
    Money,
    Reliability,
    Round,
    Source,
    Stage,
    Valuation,
    Verdict,
)
from tests.helpers import day, firm


def _eco() -> Ecosystem:
    sources = (
        Source(id="s:a", title="A", publisher="P", reliability=Reliability.A),
        Source(id="s:c", title="C", publisher="P", reliability=Reliability.C),
    )
    rounds = (
        Round(
            id="r1",
            company="c:x",
            stage=Stage.SEED,
            announced=day("2023-06-13"),
            amount=Money(amount=10, currency="USD"),
            valuation=Valuation(
                amount=Money(amount=50, currency="USD"), reported=True, sources=("s:c",)
            ),
            investments=(
                Investment(investor="investor:a", lead=True),
                Investment(investor="investor:b"),
            ),
            sources=("s:a",),
        ),
        Round(
            id="r2",
            company="c:x",
            stage=Stage.SERIES_A,
            announced=day("2024-01"),
            investments=(Investment(investor="investor:a"),),
            sources=("s:c",),
        ),
        Round(id="r3", company="c:x", stage=Stage.SECONDARY, announced=day("2024")),
    )
    claims = (
        Claim(
            id="k1",
            subject="c:x",
            field="total_raised",
            statement="has raised $10",
            source="s:c",
            verdict=Verdict.SUPPORTED,
            evidence=("s:a",),
        ),
    )
    return Ecosystem(
        sources=sources,
        companies=(Company(id="c:x", name="X"), Company(id="c:y", name="Y")),
        investors=(firm("a", "A"), firm("b", "B")),
        rounds=rounds,
        claims=claims,
    )


def test_rounds_are_split_into_disclosed_undisclosed_and_secondary():
    """A secondary sale is not an undisclosed round: the company raised nothing in it."""
    report = _eco().coverage()
    assert (report.rounds_disclosed, report.rounds_undisclosed, report.rounds_secondary) == (
        1,
        1,
        1,
    )
    assert report.rounds_by_precision == {"day": 1, "month": 1, "year": 1}


def test_participants_leads_and_valuations_are_counted():
    """r2 has an investor but no lead; r3 (secondary) is not counted as missing investors."""
    report = _eco().coverage()
    assert report.rounds_without_investors == 0
    assert report.rounds_without_lead == 1
    assert (report.valuations, report.valuations_reported) == (1, 1)


def test_a_fact_rests_on_a_or_b_when_one_of_its_sources_does():
    """Of 8 facts (2 companies, 2 investors, 3 rounds, 1 valuation), only r1 cites an A source."""
    report = _eco().coverage()
    assert (report.facts, report.facts_on_a_or_b) == (8, 1)
    assert report.facts_without_source == 5  # r2 and the valuation cite a C source
    assert report.share_on_a_or_b == Fraction(1, 8)


def test_companies_with_a_total_check_are_those_with_a_total_raised_claim():
    """Only X has a total_raised claim; Y has neither rounds nor a check."""
    report = _eco().coverage()
    assert report.companies_with_rounds == 1
    assert report.companies_with_total_check == 1


def test_an_empty_ecosystem_has_a_full_share_and_zero_counts():
    """No facts: the share is 1 (nothing unsourced), every count is 0."""
    report = Ecosystem().coverage()
    assert report.share_on_a_or_b == 1
    assert all(
        figure in {"0", "0 / 0 / 0", "0 (0)", "0 of 0 (100.0%)"} for _, figure in report.rows()
    )


def test_the_cli_prints_the_same_rows_as_the_library():
    """`aiecosys coverage` shows each row of Coverage.rows() for the bundled data."""
    from click.testing import CliRunner

    from aiecosys._cli import cli

    out = CliRunner().invoke(cli, ["coverage"]).output
    for what, figure in aiecosys.load().coverage().rows():
        assert what in out
        assert figure in out
