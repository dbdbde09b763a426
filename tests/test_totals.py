"""Breaking a company's funding down: converted, undisclosed and secondary rounds apart."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiecosys import ConversionError, convert, dumps, loads
from aiecosys import strategies as aist
from aiecosys._totals import FIELDS, funding_breakdown, total_of
from tests.helpers import small, usd


def test_each_kind_of_round_has_its_place():
    """Disclosed rounds are converted at their date; undisclosed and secondary are apart."""
    eco = small()
    acme = eco.company("Acme")
    found = funding_breakdown(acme, eco.rounds_of(acme), currency="USD", as_of=None)
    assert [f.round.id for f in found.rounds] == ["round:acme-seed", "round:acme-a"]
    assert [r.id for r in found.undisclosed] == ["round:acme-b"]
    assert [r.id for r in found.excluded] == ["round:acme-tender"]
    seed = eco.round("round:acme-seed")
    assert seed.amount is not None
    assert found.rounds[0].conversion == convert(seed.amount, "USD", on=seed.announced)
    assert found.possibly is not None
    assert found.possibly.rounds == ()


def test_rounds_possibly_announced_are_broken_down_in_possibly():
    """The round straddling as_of is counted only in possibly."""
    eco = small()
    acme = eco.company("Acme")
    found = funding_breakdown(
        acme, eco.rounds_of(acme, as_of="2021-06-15"), currency="USD", as_of="2021-06-15"
    )
    assert [f.round.id for f in found.rounds] == ["round:acme-seed"]
    assert found.possibly is not None
    assert [f.conversion.converted for f in found.possibly.rounds] == [usd(5_000_000)]


@settings(max_examples=40, deadline=None)
@given(aist.ecosystems(), st.sampled_from(["USD", "EUR", "JPY"]))
def test_a_total_read_off_the_rows_is_the_breakdowns_total(eco, currency):
    """total_raised without as_of reads each round's row; it equals the breakdown's total.

    Both for rounds read in bulk (rows) and for rounds given as records.
    """
    read = loads(dumps(eco))
    for company in eco.companies:
        try:
            expected = eco.funding_breakdown(company, currency=currency).total
        except ConversionError:
            with pytest.raises(ConversionError):
                read.total_raised(company.id, currency=currency)
            continue
        assert eco.total_raised(company, currency=currency) == expected
        assert read.total_raised(company.id, currency=currency) == expected


def test_the_fields_a_total_reads_are_what_total_of_needs():
    """total_of reads the fields FIELDS names, in that order, from a round or its row."""
    eco = small()
    acme = eco.company("Acme")
    facts = [(r.stage, r.amount, r.announced) for r in eco.rounds_of(acme)]
    assert FIELDS == ("stage", "amount", "announced")
    assert total_of(acme, facts, currency="USD") == eco.total_raised(acme, currency="USD")
    assert total_of(acme, facts, currency="USD").undisclosed == 1
