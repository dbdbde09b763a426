"""Investors, portfolios and co-investors, and the per-investor caches."""

import threading

from hypothesis import given

from aiecosys import AsOf, Company
from aiecosys import strategies as aist
from aiecosys._network import REMEMBERED, co_investors, portfolio
from tests.test_index import index


def test_portfolio_and_co_investors_are_kept_and_equal_when_asked_again():
    """Without as_of, a second call returns the very same kept answer."""
    found = index()
    first = portfolio(found, "investor:beta", None)
    assert [c.id for c in first] == ["company:acme", "company:bolt"]
    assert portfolio(found, "investor:beta", None).surely is first.surely
    ties = co_investors(found, "investor:beta", None)
    assert [(c.investor.id, c.shared) for c in ties][:1] == [("investor:alpha", 2)]


def test_the_cache_keeps_only_the_last_investors_asked():
    """At most REMEMBERED answers are kept per cache, the least recently asked dropped first."""
    found = index()
    for _ in range(2):
        for i in ("alpha", "beta", "gamma", "delta"):
            portfolio(found, f"investor:{i}", None)
    assert len(found.caches["portfolio"]) == 4 <= REMEMBERED
    assert list(found.caches["portfolio"])[-1] == "investor:delta"


def test_threads_asking_at_once_get_equal_answers():
    """Concurrent first calls all get the same companies."""
    found = index()
    answers: list[AsOf[Company]] = []
    threads = [
        threading.Thread(target=lambda: answers.append(portfolio(found, "investor:delta", None)))
        for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({tuple(a) for a in answers}) == 1


def test_with_as_of_the_uncertain_rounds_are_apart():
    """Gamma's only round (2021-06) is possibly before 15 June 2021: its company is possible."""
    found = portfolio(index(), "investor:gamma", "2021-06-15")
    assert (list(found), [c.id for c in found.possibly]) == ([], ["company:acme"])


@given(aist.ecosystems())
def test_answers_without_as_of_equal_those_worked_out_from_the_rounds(eco):
    """Without as_of, answers read off the rows equal those worked out round by round."""
    for investor in eco.investors:
        assert list(eco.co_investors(investor)) == list(eco.co_investors(investor, as_of="2200"))
        assert list(eco.portfolio(investor)) == list(eco.portfolio(investor, as_of="2200"))
