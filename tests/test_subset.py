"""Ecosystem.subset: a smaller, valid ecosystem of what passes the filters and what it cites."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiecosys
from aiecosys import DataError, NotFound, Stage, strategies
from aiecosys._integrity import references
from tests.helpers import small


def test_a_company_filter_keeps_its_rounds_and_their_investors():
    """Acme's rounds come with Acme and every investor in them, and nothing of Bolt."""
    part = small().subset(companies="Acme")
    assert {r.company for r in part.rounds} == {"company:acme"}
    assert {c.id for c in part.companies} == {"company:acme"}
    named = {i for r in part.rounds for i in r.investor_ids}
    assert {i.id for i in part.investors} == named


def test_an_investor_filter_keeps_the_rounds_it_joined_with_all_their_investors():
    """Co-investors stay in the rounds kept, so co_investors() gives the same answer."""
    eco = small()
    part = eco.subset(investors="Gamma")
    assert all("investor:gamma" in r.investor_ids for r in part.rounds)
    assert part.co_investors("Gamma") == eco.co_investors("Gamma")


def test_a_stage_and_date_filter_keeps_only_rounds_surely_in_range():
    """since/until mean what they mean in find_rounds()."""
    eco = small()
    part = eco.subset(stages=Stage.SEED, since="2020", until="2020-12-31")
    assert part.rounds == tuple(
        sorted(
            (r for r in eco.find_rounds(since="2020", until="2020-12-31") if r.stage is Stage.SEED),
            key=lambda r: r.id,
        )
    )


def test_company_filters_alone_keep_companies_without_rounds():
    """With no round filter, a company that passes is kept even with no round."""
    eco = aiecosys.load()
    part = eco.subset(kinds="research_lab")
    assert part.companies
    assert all(
        c.kind.value == "research_lab"
        for c in part.companies
        if c.id in {k.id for k in eco.companies if k.kind.value == "research_lab"}
    )
    assert {c.id for c in eco.companies if c.kind.value == "research_lab"} <= {
        c.id for c in part.companies
    }


def test_claims_about_kept_records_come_along_with_their_sources():
    """Mistral's claims are in a subset about Mistral, and every source they cite."""
    eco = aiecosys.load()
    part = eco.subset(companies="Mistral AI")
    mistral_claims = {c.id for c in eco.claims if c.subject == "company:mistral-ai"}
    assert mistral_claims <= {c.id for c in part.claims}
    cited = {i for c in part.claims for i in references(c)}
    assert cited <= {
        r.id
        for name in ("sources", "people", "companies", "investors", "rounds", "claims")
        for r in getattr(part, name)
    }


@pytest.mark.parametrize(
    ("arguments", "error", "fragment"),
    [
        ({"companies": "Mistrall AI"}, NotFound, "Mistral AI"),
        ({"investors": ["Nobody Capital"]}, NotFound, "Nobody Capital"),
        ({"stages": "series_z"}, DataError, "'series_z' is not one of"),
        ({"kinds": ["lab"]}, DataError, "'lab' is not one of"),
        ({"countries": "France"}, DataError, "not an ISO 3166-1 alpha-2 code"),
        ({"since": "yesterday"}, DataError, "yesterday"),
    ],
)
def test_bad_filters_are_clear_errors(arguments, error, fragment):
    """A misspelled name suggests the right one; a bad value names what was expected."""
    with pytest.raises(error, match=fragment):
        aiecosys.load().subset(**arguments)


def test_no_filter_gives_the_whole_ecosystem():
    """subset() with nothing to filter on changes nothing."""
    eco = aiecosys.load()
    assert eco.subset() == eco


@given(strategies.ecosystems(max_rounds=6), st.data())
def test_a_subset_is_valid_and_its_rounds_pass_the_filter(eco, data):
    """Every subset is a valid ecosystem, and each round in it passes the stage filter."""
    stages = data.draw(st.lists(st.sampled_from(Stage), max_size=3))
    part = eco.subset(stages=stages)
    assert all(r.stage in stages for r in part.rounds)
    assert {r.id for r in part.rounds} == {r.id for r in eco.rounds if r.stage in stages}
    assert all(record in eco.rounds for record in part.rounds)
