"""Answers that gather several queries: profiles, priced rounds, citations and labels."""

import pytest

import aiecosys
from aiecosys import NotFound, load


def test_profile_gathers_the_queries_it_stands_for():
    """profile() holds rounds_of, funding_breakdown, investors_in and claims_about, as of."""
    eco = load()
    p = eco.profile("Mistral AI", currency="EUR", as_of="2023-12-15")
    assert p.company == eco.company("Mistral AI")
    assert p.rounds == eco.rounds_of("Mistral AI", as_of="2023-12-15")
    assert p.funding == eco.funding_breakdown("Mistral AI", currency="EUR", as_of="2023-12-15")
    assert p.investors == eco.investors_in("Mistral AI", as_of="2023-12-15")
    assert p.claims == eco.claims_about("Mistral AI")
    assert [f.name for f in p.founders] == [eco.person(i).name for i in p.company.founders]
    assert p.total == eco.total_raised("Mistral AI", currency="EUR", as_of="2023-12-15")


def test_profile_converts_sure_and_possible_rounds_and_never_an_undisclosed_one():
    """converted() gives the breakdown's amount for any counted round, None when unknown."""
    eco = load()
    p = eco.profile("Mistral AI", currency="EUR", as_of="2023-12-15")
    assert str(p.converted(p.rounds[0])) == "EUR 105,000,000"
    assert str(p.converted(p.rounds.possibly[0])) == "EUR 385,000,000"
    undisclosed = eco.profile("01.AI", as_of="2023-12-31")
    assert [undisclosed.converted(r) for r in undisclosed.rounds] == [None]


def test_investor_and_person_profiles_gather_their_queries():
    """investor_profile and person_profile hold what portfolio, co_investors, roles_of give."""
    eco = load()
    i = eco.investor_profile("Lightspeed", as_of="2023-12-15")
    assert i.portfolio == eco.portfolio("Lightspeed", as_of="2023-12-15")
    assert i.co_investors == eco.co_investors("Lightspeed", as_of="2023-12-15")
    p = eco.person_profile("Eiso Kant", as_of="2023-11-30")
    assert p.roles == eco.roles_of("Eiso Kant", as_of="2023-11-30")
    assert p.claims == eco.claims_about("Eiso Kant")


def test_priced_rounds_convert_at_each_rounds_date_and_keep_unknown_unknown():
    """priced_rounds are find_rounds' rounds; an undisclosed amount has no conversion."""
    eco = load()
    priced = eco.priced_rounds(currency="USD", stage="seed")
    assert [p.round for p in priced] == list(eco.find_rounds(stage="seed"))
    for p in priced:
        if p.round.amount is None:
            assert (p.conversion, p.converted) == (None, None)
        else:
            assert p.conversion == aiecosys.convert(p.round.amount, "USD", on=p.round.announced)


def test_citations_list_every_record_and_claim_citing_the_source():
    """citations() finds records by their sources and valuations, claims by source or evidence."""
    eco = load()
    for source in eco.sources[:40]:
        cited = eco.citations(source.id)
        expected = {c.id for c in eco.companies if source.id in c.sources}
        expected |= {i.id for i in eco.investors if source.id in i.sources}
        expected |= {p.id for p in eco.people if source.id in p.sources}
        expected |= {
            r.id
            for r in eco.rounds
            if source.id in r.sources or (r.valuation and source.id in r.valuation.sources)
        }
        assert {r.id for r in cited.records} == expected
        assert {c.id for c in cited.claims} == {
            c.id for c in eco.claims if source.id in (c.source, *c.evidence)
        }
    with pytest.raises(NotFound, match="source"):
        eco.citations("source:nope")


def test_labels_name_records_for_people():
    """A round reads 'Company · Stage · date'; people, companies and investors by name."""
    eco = load()
    assert eco.label("round:mistral-ai-series-a") == "Mistral AI · Series A · 2023-12"
    assert eco.label("company:mistral-ai") == "Mistral AI"
    assert eco.label(eco.investor("Lightspeed")) == "Lightspeed Venture Partners"
    claim = eco.claims[0]
    assert eco.label(claim) == f"{eco.label(claim.subject)} · {claim.field}"
    source = eco.sources[0]
    assert eco.label(source) == f"{source.publisher}: {source.title}"
