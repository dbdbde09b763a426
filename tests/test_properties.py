"""Invariants of the model and its queries, over generated ecosystems (our public strategies)."""

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from hypothesis import given
from hypothesis import strategies as st

from aiecosys import Ecosystem, Money, PartialDate, Round, Stage, convert
from aiecosys import strategies as aist
from aiecosys._names import normalise

T = TypeVar("T")
ecosystems = aist.ecosystems(max_companies=4, max_investors=6, max_rounds=12)


def disclosed_sum(rounds: Sequence[Round], currency: str) -> Money:
    total = Money.zero(currency)
    for r in rounds:
        if r.amount is not None and r.stage is not Stage.SECONDARY:
            total += convert(r.amount, currency, on=r.announced).converted
    return total


@given(ecosystems, st.sampled_from(aist.ECB_CURRENCIES))
def test_total_raised_is_the_sum_of_disclosed_rounds_at_their_dates(eco, currency):
    """total_raised = Σ disclosed, non-secondary amounts converted at each round's date."""
    for company in eco.companies:
        expected = disclosed_sum(eco.rounds_of(company), currency)
        assert eco.total_raised(company, currency=currency) == expected


@given(ecosystems, st.data())
def test_total_raised_is_additive_over_disjoint_sets_of_rounds(eco, data):
    """Splitting a company's rounds in two splits its total in two."""
    company = data.draw(st.sampled_from(eco.companies))
    rounds = eco.rounds_of(company)
    cut = data.draw(st.integers(0, len(rounds)))
    whole = eco.total_raised(company, currency="EUR")
    assert whole == disclosed_sum(rounds[:cut], "EUR") + disclosed_sum(rounds[cut:], "EUR")


@given(ecosystems, aist.partial_dates(), aist.partial_dates())
def test_total_raised_is_monotone_in_as_of(eco, a, b):
    """A later as_of never gives a smaller total."""
    early, late = sorted([a, b], key=lambda d: d.last_day)
    for company in eco.companies:
        assert (
            eco.total_raised(company, currency="USD", as_of=early).amount
            <= eco.total_raised(company, currency="USD", as_of=late).amount
        )


@given(ecosystems, st.randoms())
def test_results_do_not_depend_on_the_order_records_were_given(eco, rnd):
    """Shuffling the input gives an equal ecosystem with identical query results."""

    def shuffled(items: Sequence[T]) -> list[T]:
        out = list(items)
        rnd.shuffle(out)
        return out

    other = Ecosystem(
        sources=shuffled(eco.sources),
        people=shuffled(eco.people),
        companies=shuffled(eco.companies),
        investors=shuffled(eco.investors),
        rounds=shuffled(eco.rounds),
        claims=shuffled(eco.claims),
    )
    assert other == eco
    for company in eco.companies:
        assert other.total_raised(company.id) == eco.total_raised(company.id)
        assert other.rounds_of(company.id) == eco.rounds_of(company.id)
    for investor in eco.investors:
        assert other.co_investors(investor.id) == eco.co_investors(investor.id)


@given(ecosystems)
def test_co_investment_is_symmetric_and_shared_rounds_hold_both(eco):
    """A lists B with rounds R exactly when B lists A with R; never itself; R holds both."""
    table = {i.id: {c.investor.id: c.rounds for c in eco.co_investors(i)} for i in eco.investors}
    for a, partners in table.items():
        assert a not in partners
        for b, rounds in partners.items():
            assert table[b][a] == rounds
            for r in rounds:
                assert {a, b} <= set(r.investor_ids)


@given(ecosystems)
def test_co_investors_counts_every_shared_round(eco):
    """The shared rounds are exactly the rounds both investors are in."""
    for a in eco.investors:
        for co in eco.co_investors(a):
            both = {
                r.id
                for r in eco.rounds
                if a.id in r.investor_ids and co.investor.id in r.investor_ids
            }
            assert {r.id for r in co.rounds} == both


@given(ecosystems)
def test_portfolio_and_investors_in_are_inverse(eco):
    """C is in the portfolio of I exactly when I is among the investors in C."""
    for investor in eco.investors:
        for company in eco.companies:
            in_portfolio = company in eco.portfolio(investor)
            assert in_portfolio == (investor in eco.investors_in(company))


@given(ecosystems)
def test_every_lead_is_an_investor_in_its_round(eco):
    """Leads are a subset of the round's investors, and lead_only lists a subset."""
    for r in eco.rounds:
        assert set(r.leads) <= set(r.investor_ids)
    for company in eco.companies:
        assert set(eco.investors_in(company, lead_only=True)) <= set(eco.investors_in(company))


@given(ecosystems)
def test_every_name_alias_and_id_resolves_to_its_record(eco):
    """Each company, investor and person is found by id, name and alias, in any case."""
    for find, records in (
        (eco.company, eco.companies),
        (eco.investor, eco.investors),
        (eco.person, eco.people),
    ):
        for record in records:
            for key in (record.id, record.name, record.name.upper(), *record.aliases):
                assert find(key) == record


@given(ecosystems)
def test_results_come_back_in_their_documented_order(eco):
    """Rounds by date then id; investors and companies by name; co-investors by count."""

    def round_key(r):
        return (r.announced.first_day, r.announced.last_day, r.id)

    for company in eco.companies:
        rounds = eco.rounds_of(company)
        assert list(rounds) == sorted(rounds, key=round_key)
        names = [normalise(i.name) for i in eco.investors_in(company)]
        assert names == sorted(names)
    for investor in eco.investors:
        co = eco.co_investors(investor)
        keys = [(-c.shared, normalise(c.investor.name)) for c in co]
        assert keys == sorted(keys)
        names = [normalise(c.name) for c in eco.portfolio(investor)]
        assert names == sorted(names)
    assert [c.id for c in eco.claims] == sorted(c.id for c in eco.claims)


@given(ecosystems)
def test_breakdown_accounts_for_every_known_round(eco):
    """Counted, undisclosed and excluded rounds partition the rounds known by as_of."""
    for company in eco.companies:
        b = eco.funding_breakdown(company, currency="GBP", as_of="2015")
        parts = [f.round for f in b.rounds] + list(b.undisclosed) + list(b.excluded)
        assert sorted(parts, key=lambda r: r.id) == sorted(
            eco.rounds_of(company, as_of="2015"), key=lambda r: r.id
        )
        assert b.total.amount >= Decimal(0)


@given(aist.partial_dates(), aist.partial_dates())
def test_as_of_partial_dates_count_whole_intervals(a, b):
    """A round is known by as_of only when its whole interval has ended by as_of's last day."""
    known = a.last_day <= b.last_day
    assert known == (PartialDate.of(a).last_day <= PartialDate.of(b).last_day)
