"""Breaking a company's funding down: converted, undisclosed and secondary rounds apart."""

from aiecosys import convert
from aiecosys._totals import funding_breakdown
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
