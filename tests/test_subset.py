"""Ecosystem.subset: a smaller, valid ecosystem of what passes the filters and what it cites."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiecosys
from aiecosys import InvalidArgument, NotFound, Stage, strategies
from aiecosys._integrity import references
from aiecosys._model import COLLECTIONS
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
    assert cited <= {r.id for name, _ in COLLECTIONS for r in getattr(part, name)}


@pytest.mark.parametrize(
    ("arguments", "error", "fragment"),
    [
        ({"companies": "Mistrall AI"}, NotFound, "Mistral AI"),
        ({"investors": ["Nobody Capital"]}, NotFound, "Nobody Capital"),
        ({"stages": "series_z"}, InvalidArgument, "'series_z' is not one of"),
        ({"kinds": ["lab"]}, InvalidArgument, "'lab' is not one of"),
        ({"countries": "France"}, InvalidArgument, "not an ISO 3166-1 alpha-2 code"),
        ({"since": "yesterday"}, InvalidArgument, "yesterday"),
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


def test_find_records_selects_subsets_rounds_and_companies_without_what_they_cite():
    """find_records gives subset()'s rounds and their companies, not the records they cite."""
    from aiecosys import load

    eco = load()
    rounds = eco.find_records("rounds", countries="FR", stages="seed")
    assert set(rounds) == {
        r
        for r in eco.subset(countries="FR", stages="seed").rounds
        if eco.company(r.company).country == "FR" and r.stage.value == "seed"
    }
    companies = eco.find_records("companies", countries="FR", stages="seed")
    assert {c.id for c in companies} == {r.company for r in rounds}
    investors = eco.find_records("investors", countries="FR", stages="seed")
    assert {i.id for i in investors} == {i for r in rounds for i in r.investor_ids}
    assert all(c.country == "FR" for c in eco.find_records("companies", countries="FR"))


def test_find_records_without_filters_is_the_collection_and_refuses_other_kinds():
    """No filter: every record of the kind (rounds in announcement order); bad kind: DataError."""
    import pytest

    from aiecosys import DataError, load

    eco = load()
    assert eco.find_records("people") == eco.people
    assert eco.find_records("rounds") == eco.find_rounds().surely
    with pytest.raises(DataError, match="kind"):
        eco.find_records("claims")


def test_find_records_people_founded_or_work_at_the_companies():
    """people: founders of the selected companies, and those with a role there."""
    from aiecosys import load

    eco = load()
    people = eco.find_records("people", companies="Mistral AI")
    assert {p.id for p in people} >= set(eco.company("Mistral AI").founders)
    founders = eco.company("Mistral AI").founders
    assert all(
        p.id in founders or any(r.organisation == "company:mistral-ai" for r in p.roles)
        for p in people
    )
