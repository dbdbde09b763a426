"""Invariants of the model and its queries, over generated ecosystems (our public strategies)."""

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from aiecosys import (
    CompanyTotal,
    Ecosystem,
    FundingBreakdown,
    IncompleteTotal,
    Money,
    Precision,
    Role,
    Round,
    Stage,
    Timing,
    convert,
)
from aiecosys import strategies as aist
from aiecosys._dates import as_day
from aiecosys._money import exact
from aiecosys._names import normalise

T = TypeVar("T")
ecosystems = aist.ecosystems(max_companies=4, max_investors=6, max_rounds=12)


def disclosed_sum(rounds: Sequence[Round], currency: str) -> Money:
    total = Money.zero(currency)
    for r in rounds:
        if r.amount is not None and r.stage is not Stage.SECONDARY:
            total += convert(r.amount, currency, on=r.announced).converted
    return total


def lower_bound(total: CompanyTotal) -> Decimal:
    """The amount surely raised: an unknown total (nothing disclosed) is at least zero."""
    return Decimal(0) if total.known is None else total.known.amount


@given(ecosystems, st.sampled_from(aist.ECB_CURRENCIES))
def test_total_raised_is_the_sum_of_disclosed_rounds_at_their_dates(eco, currency):
    """known = Σ disclosed, non-secondary amounts at each round's date; None if none disclosed."""
    for company in eco.companies:
        total = eco.total_raised(company, currency=currency)
        expected = disclosed_sum(eco.rounds_of(company), currency)
        assert total.known == (None if total.undisclosed and not total.disclosed else expected)


@given(ecosystems, st.data())
def test_total_raised_is_additive_over_disjoint_sets_of_rounds(eco, data):
    """Splitting a company's rounds in two splits its known total in two."""
    company = data.draw(st.sampled_from(eco.companies))
    rounds = eco.rounds_of(company)
    cut = data.draw(st.integers(0, len(rounds)))
    whole = eco.total_raised(company, currency="EUR")
    parts = disclosed_sum(rounds[:cut], "EUR") + disclosed_sum(rounds[cut:], "EUR")
    assert lower_bound(whole) == parts.amount


@given(ecosystems, aist.partial_dates(), aist.partial_dates())
def test_total_raised_is_monotone_in_as_of(eco, a, b):
    """A later as_of never gives a smaller sure total, nor a smaller possible one."""
    early, late = sorted([a, b], key=lambda d: d.last_day)
    for company in eco.companies:
        before = eco.total_raised(company, currency="USD", as_of=early)
        after = eco.total_raised(company, currency="USD", as_of=late)
        assert lower_bound(before) <= lower_bound(after)
        assert upper_known(before) <= upper_known(after)


def upper_known(total: CompanyTotal) -> Decimal:
    """The disclosed amount of every round surely or possibly announced by as_of."""
    extra = total.uncertain_known
    with exact():  # amounts carry up to 38 digits: the default context would round the sum
        return lower_bound(total) + (Decimal(0) if extra is None else extra.amount)


@given(ecosystems, aist.partial_dates(min_year=1999, max_year=2025))
def test_sure_uncertain_and_after_partition_the_rounds_at_any_point(eco, point):
    """Every round is surely announced by the point, possibly, or surely not: exactly one."""
    for company in eco.companies:
        known = eco.rounds_of(company, as_of=point)
        after = [r for r in eco.rounds_of(company) if r.announced.timing(point) is Timing.AFTER]
        ids = [r.id for r in (*known.surely, *known.possibly, *after)]
        assert sorted(ids) == sorted(r.id for r in eco.rounds_of(company))
        assert all(r.announced.first_day > as_day(point) for r in after)
        assert all(r.announced.last_day <= as_day(point) for r in known)
        assert all(r.announced.precision is not Precision.DAY for r in known.possibly)


@given(ecosystems, aist.partial_dates(min_year=1999, max_year=2025))
def test_the_sure_total_never_exceeds_the_total_with_uncertain_rounds(eco, point):
    """known <= known + uncertain_known; a total with uncertain rounds is never complete."""
    for company in eco.companies:
        total = eco.total_raised(company, currency="EUR", as_of=point)
        assert lower_bound(total) <= upper_known(total)
        if total.uncertain:
            assert not total.complete
            assert "≥" in str(total) or "unknown" in str(total)


@given(ecosystems)
def test_a_company_whose_rounds_are_all_undisclosed_has_no_complete_total(eco):
    """Undisclosed-only: known is None, never complete, never '0'; strict mode raises."""
    for company in eco.companies:
        counted = [r for r in eco.rounds_of(company) if r.stage is not Stage.SECONDARY]
        if counted and all(r.amount is None for r in counted):
            total = eco.total_raised(company, currency="USD")
            assert total.known is None
            assert not total.complete
            assert str(total).startswith("USD unknown (")
            with pytest.raises(IncompleteTotal):
                eco.total_raised(company, currency="USD", strict=True)


@given(ecosystems)
def test_as_of_far_in_the_future_is_the_same_as_no_as_of(eco):
    """Every query of rounds gives the same answer with as_of=9999-12-31 as without as_of.

    Roles are the exception by meaning: without as_of every role is listed, with it the roles
    held on that day, which far in the future are those that never ended.
    """
    far = "9999-12-31"
    for company in eco.companies:
        assert attrs.evolve(eco.total_raised(company, as_of=far), as_of=None) == eco.total_raised(
            company
        )
        assert list(eco.rounds_of(company, as_of=far)) == list(eco.rounds_of(company))
        assert eco.investors_in(company, as_of=far).surely == eco.investors_in(company).surely
    for investor in eco.investors:
        assert eco.portfolio(investor, as_of=far).surely == eco.portfolio(investor).surely
        assert eco.co_investors(investor, as_of=far).surely == eco.co_investors(investor).surely
        assert not eco.co_investors(investor, as_of=far).possibly
    for person in eco.people:
        held = eco.roles_of(person, as_of=far)
        assert {*held.surely, *held.possibly} == {r for r in person.roles if r.end is None}


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


@given(ecosystems, aist.partial_dates(min_year=1999, max_year=2025))
def test_breakdown_accounts_for_every_known_round(eco, point):
    """Counted, undisclosed and excluded rounds partition the rounds sure (or possible) by as_of."""

    def parts(b: FundingBreakdown) -> list[str]:
        return sorted([f.round.id for f in b.rounds] + [r.id for r in b.undisclosed + b.excluded])

    for company in eco.companies:
        b = eco.funding_breakdown(company, currency="GBP", as_of=point)
        known = eco.rounds_of(company, as_of=point)
        assert parts(b) == sorted(r.id for r in known.surely)
        assert b.possibly is not None
        assert parts(b.possibly) == sorted(r.id for r in known.possibly)
        assert b.total.known is None or b.total.known.amount >= 0


@given(aist.partial_dates(), aist.partial_dates())
def test_timing_is_decided_by_the_interval_against_the_points_last_day(a, b):
    """Before: a ends by b's last day; after: a starts later; uncertain: a straddles it."""
    point = b.last_day
    expected = (
        Timing.BEFORE
        if a.last_day <= point
        else Timing.AFTER
        if a.first_day > point
        else Timing.UNCERTAIN
    )
    assert a.timing(b) is expected
    assert a.timing(point) is expected
    assert (a.timing(b) is Timing.UNCERTAIN) <= (a.precision is not Precision.DAY)


@given(aist.partial_dates(), aist.partial_dates(), aist.partial_dates())
def test_timing_only_moves_forward_as_the_point_moves_later(a, p, q):
    """Later points never turn 'surely before' into uncertain, or uncertain into 'after'."""
    early, late = sorted([p, q], key=lambda d: d.last_day)
    order = [Timing.AFTER, Timing.UNCERTAIN, Timing.BEFORE]
    assert order.index(a.timing(early)) <= order.index(a.timing(late))


@given(
    st.none() | aist.partial_dates(),
    st.none() | aist.partial_dates(),
    aist.partial_dates(min_year=1999, max_year=2025),
)
def test_a_role_is_placed_against_a_day_by_its_start_and_end(start, end, point):
    """Surely held: started by the day, not ended before it; surely not: starts after or ended."""
    assume(start is None or end is None or end.last_day >= start.first_day)
    role = Role(organisation="o", title="CEO", start=start, end=end)
    day = as_day(point)
    surely = start is not None and start.last_day <= day and (end is None or end.first_day >= day)
    not_held = (start is not None and start.first_day > day) or (
        end is not None and end.last_day < day
    )
    assert role.surely_held_on(point) == surely
    assert role.held_on(point) == (not not_held)


@given(ecosystems, aist.partial_dates(min_year=1999, max_year=2025), aist.partial_dates())
def test_find_rounds_in_a_range_drops_only_rounds_surely_outside_it(eco, since, until):
    """Every round is surely in [since, until], possibly (straddling a bound), or surely out."""
    found = eco.find_rounds(since=since, until=until)
    start, end = as_day(since, end=False), as_day(until)
    for r in eco.rounds:
        first, last = r.announced.first_day, r.announced.last_day
        inside, overlaps = start <= first and last <= end, first <= end and last >= start
        assert (r in found.surely, r in found.possibly) == (inside, overlaps and not inside)
    kept = eco.subset(since=since, until=until).rounds
    assert {r.id for r in kept} == {r.id for r in found.surely}
