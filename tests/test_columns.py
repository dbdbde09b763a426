"""The rounds as integer columns: references resolved once, both layouts equal, faults found."""

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiecosys import Ecosystem, Investment, PartialDate
from aiecosys import strategies as aist
from aiecosys._columns import Columns
from aiecosys._integrity import rounds_at_fault
from tests.helpers import small


def numbered(eco: Ecosystem, rounds=None) -> Columns | None:
    return Columns.of(tuple(eco.rounds if rounds is None else rounds), eco.companies, eco.investors)


def layouts(eco: Ecosystem, rounds=None) -> tuple[Columns | None, Columns | None]:
    """The columns of *rounds* in the list layout and in the numpy layout."""
    listed = numbered(eco, rounds)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("aiecosys._columns.LARGE", 0)
        arrays = numbered(eco, rounds)
    return listed, arrays


def test_each_reference_is_numbered_by_its_place():
    """A round's company and an investment's investor are their places among their kind."""
    eco = small()
    columns = numbered(eco)
    assert columns is not None
    assert not columns.large
    companies, investors = [c.id for c in eco.companies], [v.id for v in eco.investors]
    assert [companies[i] for i in columns.company_of] == [r.company for r in eco.rounds]
    flat = [i.investor for r in eco.rounds for i in r.investments]
    assert [investors[i] for i in columns.investor_of] == flat
    assert [eco.rounds[i].id for i in columns.round_of] == [
        r.id for r in eco.rounds for _ in r.investments
    ]


def test_a_reference_to_nothing_is_not_numbered():
    """An unknown company or investor gives no columns (the record path then says where)."""
    eco = small()
    first = eco.rounds[0]
    stray_company = attrs.evolve(first, company="company:nobody")
    stray_investor = attrs.evolve(first, investments=(Investment(investor="investor:nobody"),))
    for stray in (stray_company, stray_investor):
        for columns in layouts(eco, [stray, *eco.rounds[1:]]):
            assert columns is None


@settings(max_examples=40)
@given(aist.ecosystems())
def test_both_layouts_hold_the_same_numbers(eco):
    """The numpy layout of a large ecosystem holds what the list layout holds."""
    listed, arrays = layouts(eco)
    assert listed is not None
    assert arrays is not None
    assert arrays.large
    for field in ("company_of", "date_rank", "last_days", "order", "rank", "counts"):
        assert list(getattr(arrays, field)) == list(getattr(listed, field)), field
    assert list(arrays.round_of) == list(listed.round_of)
    assert list(arrays.investor_of) == list(listed.investor_of)
    assert list(arrays.investment_companies()) == list(listed.investment_companies())


@settings(max_examples=40)
@given(aist.ecosystems(), st.data())
def test_faults_are_found_in_both_layouts(eco, data):
    """An investor listed twice or a round before its company was founded is found; else none."""
    for columns in layouts(eco):
        assert columns is not None
        assert rounds_at_fault(columns, eco.companies) is False
    funded = [i for i, r in enumerate(eco.rounds) if r.investments]
    founded = [i for i, r in enumerate(eco.rounds) if eco.company(r.company).founded is not None]
    choices = [k for k, found in (("twice", funded), ("early", founded)) if found]
    if not choices:
        return
    fault = data.draw(st.sampled_from(choices))
    rounds = list(eco.rounds)
    if fault == "twice":
        at = data.draw(st.sampled_from(funded))
        investments = rounds[at].investments
        rounds[at] = attrs.evolve(rounds[at], investments=(*investments, investments[-1]))
    else:
        at = data.draw(st.sampled_from(founded))
        start = eco.company(rounds[at].company).founded
        assert start is not None
        before = PartialDate.parse(str(start.first_day.year - 1))
        rounds[at] = attrs.evolve(rounds[at], announced=before)
    for columns in layouts(eco, rounds):
        assert columns is not None
        assert rounds_at_fault(columns, eco.companies) is True
