"""The overview: counts, top raisers by sure amounts, most active investors, contradictions."""

from aiecosys import Verdict
from tests.helpers import small


def test_summary_counts_ranks_and_lists_contradictions():
    """Counts every collection, ranks by known amount then name, investors by rounds then leads."""
    eco = small()
    found = eco.summary(currency="USD", top=2)
    assert found.counts == {
        "sources": 0, "people": 0, "companies": 2, "investors": 4, "rounds": 5, "claims": 0,
    }  # fmt: skip
    assert [t.company.id for t in found.raised_most] == ["company:acme", "company:bolt"]
    assert [(a.investor.id, a.rounds) for a in found.most_active] == [
        ("investor:beta", 3),
        ("investor:alpha", 2),
    ]
    assert found.contradicted == eco.find_claims(verdict=Verdict.CONTRADICTED)


def test_as_of_keeps_uncertain_rounds_out_of_the_ranking():
    """On 15 June 2021 Gamma's only round is uncertain: it joined 0 sure rounds, 1 possible."""
    found = small().summary(as_of="2021-06-15", top=10)
    gamma = next(a for a in found.most_active if a.investor.id == "investor:gamma")
    assert (gamma.rounds, gamma.uncertain) == (0, 1)
