"""The result types: totals that say what is unknown, answers that keep what is uncertain."""

import pytest

from aiecosys import AsOf, Company, CompanyTotal, Money, PartialDate
from tests.helpers import usd

ACME = Company(id="company:acme", name="Acme")


def total(**fields: object) -> CompanyTotal:
    return CompanyTotal(company=ACME, currency="USD", **fields)  # type: ignore[arg-type]


def test_a_complete_total_reads_as_its_amount():
    """Nothing undisclosed or uncertain: the plain amount, complete, with no notes."""
    t = total(known=usd(490_000_000), rounds=2)
    assert t.complete
    assert (str(t), t.headline, t.notes) == ("USD 490,000,000", "USD 490,000,000", ())


def test_undisclosed_rounds_make_a_lower_bound():
    """One undisclosed round among three: '≥' and the count, not complete."""
    t = total(known=usd(1234), rounds=3, undisclosed=2)
    assert not t.complete
    assert t.disclosed == 1
    assert str(t) == "USD ≥ 1,234 (2 rounds undisclosed)"


def test_nothing_disclosed_reads_unknown_never_zero():
    """A total whose every round is undisclosed says 'unknown' and has no known amount."""
    t = total(known=None, rounds=1, undisclosed=1)
    assert str(t) == "USD unknown (1 round undisclosed)"
    assert "0" not in str(t).replace("1 round", "")


def test_uncertain_rounds_are_named_with_their_amount_and_date():
    """Rounds possibly announced by as_of are a note with their disclosed sum and undisclosed."""
    t = total(
        known=Money.zero("USD"),
        rounds=0,
        as_of=PartialDate.parse("2023-11-30"),
        uncertain=2,
        uncertain_known=usd(126_000_000),
        uncertain_undisclosed=1,
    )
    assert not t.complete
    assert str(t) == (
        "USD ≥ 0 (2 rounds possibly announced by 2023-11-30: USD 126,000,000 + 1 undisclosed)"
    )


def test_no_round_at_all_is_an_exact_zero_that_says_so():
    """A company with no round is complete at zero, and the text says no round is recorded."""
    t = total(known=Money.zero("USD"), rounds=0, as_of=PartialDate.parse("2020"))
    assert t.complete
    assert str(t) == "USD 0 (no round recorded by 2020)"


def test_as_of_reads_as_its_sure_items_and_keeps_the_uncertain_apart():
    """len, indexing, slicing, iteration and 'in' see the sure items; possibly is separate."""
    found = AsOf(as_of=PartialDate.parse("2023-12-15"), surely=("a", "b"), possibly=("c",))
    assert (len(found), found[0], found[-1:], list(found)) == (2, "a", ("b",), ["a", "b"])
    assert "c" not in found
    assert found.possibly == ("c",)
    assert not found.complete
    assert AsOf(as_of=None, surely=("a",)).complete
    with pytest.raises(IndexError):
        found[2]
