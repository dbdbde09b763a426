from typing import Any

import attrs
import pytest

from aiecosys import (
    Claim,
    Company,
    DataError,
    Investment,
    Investor,
    InvestorKind,
    PartialDate,
    Person,
    Role,
    Round,
    Source,
    Stage,
    Verdict,
)
from tests.helpers import day, usd


def test_records_are_frozen_and_keyword_only():
    """Records cannot be changed after construction, nor built positionally."""
    company = Company(id="company:a", name="A")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        company.name = "B"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Company("company:a", "A")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: Company(id="has space", name="A"), "id"),
        (lambda: Company(id="c", name="   "), "name"),
        (lambda: Company(id="c", name="A", country="FRA"), "country"),
        (lambda: Company(id="c", name="A", parent="c"), "parent"),
        (lambda: Company(id="c", name="A", founded="2020"), "founded"),  # type: ignore[arg-type]
        (lambda: Company(id="c", name="A", sources=["s"]), "sources"),  # type: ignore[arg-type]
        (lambda: Company(id="c", name="A", sources=("s", "s")), "sources[1]"),
        (lambda: Company(id="c", name="x" * 501), "name"),
        (lambda: Source(id="s", title="t", publisher="p", url="ftp://x", reliability="A"), "url"),  # type: ignore[arg-type]
        (
            lambda: Round(
                id="r",
                company="c",
                stage="seed",  # type: ignore[arg-type]
                announced=day("2020"),
            ),
            "stage",
        ),
        (
            lambda: Round(
                id="r", company="c", stage=Stage.SEED, announced=day("2020"), amount=usd(0)
            ),
            "amount",
        ),
        (
            lambda: Round(
                id="r", company="c", stage=Stage.SEED, announced=day("2020"), amount=usd(10**15)
            ),
            "amount",
        ),
        (lambda: Investment(investor="i", lead="yes"), "lead"),  # type: ignore[arg-type]
        (lambda: Role(organisation="o", title="CEO", start=day("2020"), end=day("2019")), "end"),
    ],
)
def test_invalid_fields_raise_data_error_naming_the_field(build, path):
    """Every validator names the field that is wrong."""
    with pytest.raises(DataError) as info:
        build()
    assert info.value.problems[0].path == path


def test_investor_kind_decides_which_link_it_needs():
    """A venture arm or company names its company; a person investor names the person."""
    with pytest.raises(DataError, match="company: an investor of kind 'corporate_venture'"):
        Investor(id="i", name="Arm", kind=InvestorKind.CORPORATE_VENTURE)
    with pytest.raises(DataError, match="person: an investor of kind 'person'"):
        Investor(id="i", name="Angel", kind=InvestorKind.PERSON)
    with pytest.raises(DataError, match="names no person"):
        Investor(id="i", name="Firm", kind=InvestorKind.FIRM, person="p")
    Investor(id="i", name="Angel", kind=InvestorKind.PERSON, person="p")


def test_decided_claims_must_cite_evidence():
    """Supported and contradicted claims need evidence; unverified ones may have none."""
    base: dict[str, Any] = {
        "id": "k",
        "subject": "c",
        "field": "founded",
        "statement": "x",
        "source": "s",
    }
    with pytest.raises(DataError, match="evidence: a contradicted claim must cite"):
        Claim(**base, verdict=Verdict.CONTRADICTED)
    Claim(**base, verdict=Verdict.UNVERIFIED)


def test_round_lists_leads_and_investors_in_order():
    """Round.leads and Round.investor_ids follow the order of the investments."""
    r = Round(
        id="r",
        company="c",
        stage=Stage.SEED,
        announced=day("2020"),
        investments=(
            Investment(investor="b", lead=True),
            Investment(investor="a"),
            Investment(investor="c", lead=True),
        ),
    )
    assert r.leads == ("b", "c")
    assert r.investor_ids == ("b", "a", "c")


def test_role_held_on_follows_the_partial_date_rule():
    """Surely held between a known start and end; possibly where a bound straddles the day."""
    role = Role(organisation="o", title="CEO", start=day("2023"), end=day("2023-11-17"))
    assert (role.held_on("2023-11-30"), role.surely_held_on("2023-11-30")) == (False, False)
    assert (role.held_on("2023-06"), role.surely_held_on("2023-06")) == (True, False)
    assert not role.held_on("2023-12-31")
    ended = Role(organisation="o", title="CEO", start=day("2015"), end=day("2023-11-17"))
    assert ended.surely_held_on("2023-11-17")
    assert not ended.held_on("2023-11-18")
    unknown_start = Role(organisation="o", title="CEO")
    assert (unknown_start.held_on("1900"), unknown_start.surely_held_on("1900")) == (True, False)


def test_role_held_on_treats_unknown_bounds_as_open():
    """A role with no end is held on any later day; one ending in 2018 is not held in 2020."""
    assert Role(organisation="o", title="CEO", start=day("2015")).held_on("2020-05")
    assert not Role(organisation="o", title="CEO", end=day("2018")).held_on("2020")
    assert (
        Person(id="p", name="P", roles=(Role(organisation="o", title="x"),))
        .roles[0]
        .held_on(PartialDate.parse("1900"))
    )
