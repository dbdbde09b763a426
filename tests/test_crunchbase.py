"""Importing Crunchbase exports: messy files by hand, then the real exports, cross-checked."""

import csv
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from aiecosys import DataError, InvestorKind, Money, Stage, read_crunchbase
from tests.figures import report
from tests.helpers import EXTERNAL, external

INVESTMENTS_2013 = EXTERNAL / "crunchbase-2013-investments" / "investments.csv"

COMPANIES_HEADER = (
    "permalink,name,category_code,funding_total_usd,status,country_code,"
    "state_code,region,city,funding_rounds,founded_at,founded_month,"
    "founded_quarter,founded_year,first_funding_at,last_funding_at,"
    "last_milestone_at"
)
ROUNDS_HEADER = (
    "company_permalink,company_name,company_category_code,company_country_code,"
    "company_state_code,company_region,company_city,funding_round_type,funded_at,"
    "funded_month,funded_quarter,funded_year,raised_amount_usd"
)


def write_2013(directory: Path, companies: list[str], rounds: list[str]) -> Path:
    """Write a 2013-style export the way Excel for Mac does: CR line ends, Mac Roman."""
    for name, header, rows in (
        ("crunchbase-companies.csv", COMPANIES_HEADER, companies),
        ("crunchbase-rounds.csv", ROUNDS_HEADER, rounds),
    ):
        (directory / name).write_bytes("\r".join([header, *rows]).encode("mac_roman"))
    return directory


def company(permalink: str, name: str, total: str, rounds: int, founded: str = "") -> str:
    return (
        f"/company/{permalink},{name},web,{total},operating,USA,CA,SF,SF,{rounds},{founded},,,,,,"
    )


def round_row(permalink: str, name: str, kind: str, date: str, amount: str) -> str:
    return f"/company/{permalink},{name},web,USA,CA,SF,SF,{kind},{date},,,,{amount}"


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    return write_2013(
        tmp_path,
        [
            company("cafe", "Café Olé", "1500000", 2, "2010-03-15"),
            company("junk", "Junk Inc", "5/18/27", 1, "2012-06-01"),
            company("late", "Late Co", "", 1, "2013-05-20"),
        ],
        [
            round_row("cafe", "Café Olé", "series-a", "2011-06-01", "1000000"),
            round_row("cafe", "Café Olé", "angel", "2010-09-14", "500000"),
            round_row("junk", "Junk Inc", "venture", "2012-08-01", "#####"),
            round_row("late", "Late Co", "angel", "2013-01-02", ""),
            round_row("ghost", "Ghost", "angel", "2013-01-02", "100"),
            round_row("cafe", "Café Olé", "seedling", "2013-01-02", "100"),
            round_row("cafe", "Café Olé", "angel", "2010-09-14", "500000"),
        ],
    )


def test_cr_line_endings_and_mac_roman_are_read(messy: Path):
    """CR-only lines and Mac Roman accents come through intact."""
    eco = read_crunchbase(messy).ecosystem
    assert eco.company("company:cafe").name == "Café Olé"
    assert eco.company("cafe ole").id == "company:cafe"


def test_empty_amounts_are_undisclosed_and_junk_is_reported(messy: Path):
    """An empty amount is undisclosed (not zero); Excel junk is too, and is reported."""
    result = read_crunchbase(messy)
    eco = result.ecosystem
    assert eco.round("round:late/angel/2013-01-02").amount is None
    assert eco.round("round:junk/venture/2012-08").amount is None
    changed = [(n.file, n.line, n.reason) for n in result.report.changed]
    assert (
        "crunchbase-rounds.csv",
        4,
        "amount read as undisclosed: '#####' is not a number",
    ) in changed
    assert result.report.provider_totals["company:junk"] is None


def test_unknown_companies_and_types_are_skipped_with_line_numbers(messy: Path):
    """Rows naming an unknown company or round type are skipped, each with its line."""
    skipped = [(n.line, n.reason) for n in read_crunchbase(messy).report.skipped]
    assert skipped == [
        (6, "unknown company: '/company/ghost'"),
        (7, "unknown round type: 'seedling'"),
    ]


def test_duplicate_rounds_are_kept_and_noted(messy: Path):
    """A repeated round row is kept as its own round (as the provider counts it) and noted."""
    result = read_crunchbase(messy)
    ids = [r.id for r in result.ecosystem.rounds_of("company:cafe")]
    assert ids == [
        "round:cafe/angel/2010-09-14",
        "round:cafe/angel/2010-09-14/2",
        "round:cafe/series_a/2011-06",
    ]
    assert any(n.line == 8 and n.reason.startswith("duplicate kept") for n in result.report.changed)


def test_first_of_the_month_is_read_as_month_precision(messy: Path):
    """Exports pad unknown days with 01: those dates keep only their month."""
    eco = read_crunchbase(messy).ecosystem
    assert str(eco.round("round:cafe/series_a/2011-06").announced) == "2011-06"
    assert str(eco.company("company:cafe").founded) == "2010-03-15"


def test_a_round_before_the_founding_drops_the_founding_date(messy: Path):
    """Late Co 'founded' 2013-05-20 raised in January 2013: the founding date goes, noted."""
    result = read_crunchbase(messy)
    assert result.ecosystem.company("company:late").founded is None
    assert any("founding date dropped: company:late" in n.reason for n in result.report.changed)


def test_every_row_is_accounted_for(messy: Path):
    """Rows read = records built + rows skipped, file by file."""
    rep = read_crunchbase(messy).report
    assert rep.rows_read == {"crunchbase-companies.csv": 3, "crunchbase-rounds.csv": 7}
    assert rep.built["companies"] == 3
    assert rep.built["rounds"] + len(rep.skipped) == 7


def test_reimporting_gives_the_same_ecosystem(messy: Path):
    """Ids are stable: the same files give an equal ecosystem."""
    assert read_crunchbase(messy).ecosystem == read_crunchbase(messy).ecosystem


def test_a_directory_without_an_export_is_a_data_error(tmp_path: Path):
    """An empty directory says which files it expected."""
    with pytest.raises(DataError, match="no Crunchbase export found"):
        read_crunchbase(tmp_path)


# The real exports ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def oct_2013():
    external("crunchbase-2013-investments")
    return read_crunchbase(external("crunchbase-2013-oct"), investments=INVESTMENTS_2013)


def test_2013_import_report_is_complete(oct_2013):
    """Every row of the three real files is built or listed with its reason."""
    rep = oct_2013.report
    assert rep.rows_read == {
        "crunchbase-companies.csv": 17_727,
        "crunchbase-rounds.csv": 31_679,
        "investments.csv": 80_245,
    }
    skipped_by_file: defaultdict[str, int] = defaultdict(int)
    for note in rep.skipped:
        skipped_by_file[note.file] += 1
    assert rep.built["companies"] + skipped_by_file["crunchbase-companies.csv"] == 17_727
    assert rep.built["rounds"] + skipped_by_file["crunchbase-rounds.csv"] == 31_679
    assert rep.built["investments"] + skipped_by_file["investments.csv"] == 80_245
    assert rep.reasons()["duplicate"] == 161  # the 161 exact duplicate investor rows
    report(f"crunchbase 2013: built {rep.built}; skipped {rep.reasons()}; changed {rep.changes()}")


def test_total_raised_matches_the_providers_funding_total(oct_2013):
    """16,144 companies match funding_total_usd to the dollar; the 65 others lack rounds.

    Every mismatch is a company whose export has fewer round rows than the provider's own
    funding_rounds count: rounds missing from the export, not an error of ours.
    """
    eco, rep = oct_2013.ecosystem, oct_2013.report
    matches, mismatches = 0, []
    for company_id, provider_total in rep.provider_totals.items():
        if provider_total is None:
            continue
        # The provider sums the disclosed amounts: "none disclosed" is its 0.
        known = eco.total_raised(company_id, currency="USD").known
        ours = Decimal(0) if known is None else known.amount
        if abs(ours - provider_total) <= 1:
            matches += 1
        else:
            mismatches.append(company_id)
    unexplained = [c for c in mismatches if rep.provider_round_counts[c] <= len(eco.rounds_of(c))]
    numeric = sum(1 for t in rep.provider_totals.values() if t is not None)
    report(
        f"crunchbase 2013 total raised vs funding_total_usd: {matches}/{numeric} match "
        f"({matches / numeric:.2%}); {len(mismatches)} mismatches, {len(unexplained)} "
        "unexplained"
    )
    assert (matches, len(mismatches), unexplained) == (16_144, 65, [])


def test_companies_with_an_empty_provider_total_raised_nothing_disclosed(oct_2013):
    """An empty funding_total_usd goes with rounds of undisclosed amount only."""
    eco, rep = oct_2013.ecosystem, oct_2013.report
    empty = [c for c, t in rep.provider_totals.items() if t is None]
    junk = {n.line for n in rep.changed if n.reason.startswith("provider total")}
    assert (len(empty), len(junk)) == (17_727 - 16_209, 13)
    disclosed = [c for c in empty if eco.total_raised(c).disclosed]
    assert len(disclosed) <= len(junk)


def test_co_investors_checked_by_hand_against_the_rows(oct_2013):
    """Facebook's rows say who shared which round; the import agrees.

    Thiel and Hoffman shared the 2004 angel round; Li Ka-shing and Horizons Ventures shared
    two rounds (2007-11-30 and 2008-03-27); Accel, Mark Pincus and Hoffman the Series A.
    """
    eco = oct_2013.ecosystem
    thiel = {c.investor.name: [r.id for r in c.rounds] for c in eco.co_investors("Peter Thiel")}
    assert "round:facebook/angel/2004-09" in thiel["Reid Hoffman"]
    li = {c.investor.name: {r.id for r in c.rounds} for c in eco.co_investors("Li Ka-shing")}
    assert {"round:facebook/late_stage/2007-11-30", "round:facebook/late_stage/2008-03-27"} <= li[
        "Horizons Ventures"
    ]
    accel = {
        c.investor.name
        for c in eco.co_investors("Accel Partners")
        if any(r.company == "company:facebook" for r in c.rounds)
    }
    assert {"Mark Pincus", "Reid Hoffman"} <= accel


@pytest.mark.parametrize(
    "name", ["Sequoia Capital", "Peter Thiel", "Kleiner Perkins Caufield & Byers"]
)
def test_co_investors_agree_with_a_plain_grouping_of_the_rows(oct_2013, name):
    """Every co-investor found is in the same (company, date, amount) group of the raw rows."""
    groups: defaultdict[tuple[str, str, str], set[str]] = defaultdict(set)
    with INVESTMENTS_2013.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            groups[(row["company_name"], row["funded_when"], row["amount_usd"])].add(
                row["investor_name"]
            )
    raw: defaultdict[str, int] = defaultdict(int)
    for members in groups.values():
        if name in members:
            for other in members - {name}:
                raw[other] += 1
    ours = oct_2013.ecosystem.co_investors(name)
    assert ours
    for co in ours:
        assert co.shared <= raw[co.investor.name], co.investor.name
    report(
        f"co-investors of {name}: {len(ours)} in the import, {len(raw)} in the raw rows "
        f"(rows that match no October 2013 round are not imported)"
    )


def test_2016_investor_counts_match_the_provider():
    """All 50 rounds of the uuid sample have as many investors as investor_count says."""
    result = read_crunchbase(external("crunchbase-export-sample-2016"))
    eco, rep = result.ecosystem, result.report
    agree = sum(
        1
        for round_id, count in rep.provider_investor_counts.items()
        if len(eco.round(round_id).investments) == count
    )
    report(
        f"crunchbase 2016 sample: investor_count agrees for {agree}/"
        f"{len(rep.provider_investor_counts)} rounds"
    )
    assert agree == len(rep.provider_investor_counts) == 50
    # investors.csv describes 50 investors; of the 280 others, the rounds' investor_names
    # name 15 with certainty (the only name left for the uuid in every round it is in).
    assert rep.changes() == {"investor not named by the export": 265}
    assert sum(1 for i in eco.investors if i.name.count("-") != 4) == 330 - 265
    assert eco.investor("Sequoia Capital").kind is InvestorKind.FIRM
    assert {r.stage for r in eco.rounds} >= {Stage.SEED, Stage.SERIES_A}
    assert any(r.leads for r in eco.rounds)
    assert eco.total_raised("GuestDriven").known == Money(amount=3_000_000, currency="USD")
