"""Checking an import against the provider's figures: FX thresholds, totals, investor counts."""

from decimal import Decimal

from aiecosys import Ecosystem, Money, PartialDate
from aiecosys._importers._agreement import check_provider
from tests.helpers import round_, small, usd


def test_fx_counts_each_threshold_and_lists_amounts_outside_1pct():
    """An amount at the ECB rate is within 0.5%; one 1.5% off is within 2% only and listed."""
    eur = Money(amount=1_000_000, currency="EUR")
    day = PartialDate.parse("2020-03-16")  # ECB: 1 EUR = 1.1157 USD
    usd_figures = [
        ("f", "round:a", eur, day, Decimal(1_115_700)),
        ("f", "round:b", eur, day, Decimal(1_115_700) * Decimal("1.015")),
    ]
    [check] = check_provider(small(), usd_figures, [], [], files=["f"])
    assert check.fx_checked == 2
    assert check.fx_within == {"0.5%": 1, "1%": 1, "2%": 2}
    assert [d.record for d in check.fx_outside_1pct] == ["round:b"]
    assert check.fx_worst is not None
    assert round(check.fx_worst, 4) == Decimal("0.0148")


def test_usd_amounts_need_no_conversion_and_are_not_counted():
    """USD amounts are the provider's figures already: nothing to convert."""
    figures = [("f", "round:a", usd(5), PartialDate.parse("2020"), Decimal(5))]
    [check] = check_provider(small(), figures, [], [], files=["f"])
    assert (check.fx_checked, check.fx_within, check.fx_worst) == (0, {}, None)


def test_totals_count_unknown_amounts_as_unknown_and_include_secondaries():
    """Acme's total sums its known amounts (the secondary included) as the provider does."""
    eco = small()
    seed_usd = Decimal("1097560.00")  # not what our ECB conversion gives: reported, not hidden
    totals = [("f", "company:acme", Decimal(14_000_000) + seed_usd, "", None)]
    [check] = check_provider(eco, [], totals, [], files=["f"])
    assert check.totals_checked == 1
    [diff] = check.totals_differ
    assert "1 rounds without an amount are unknown" in diff.detail


def test_incomplete_files_are_not_checked_and_counts_compare_investors():
    """A total over a file missing rounds is not checked; investor counts are compared."""
    eco = Ecosystem(
        companies=small().companies,
        investors=small().investors,
        rounds=[round_("r", "acme", "2020", None, "alpha", "beta")],
    )
    totals = [("f", "company:acme", Decimal(1), "rounds missing", None)]
    [check] = check_provider(eco, [], totals, [("f", "round:r", 3)], files=["f"])
    assert check.totals_checked == 0
    assert check.investor_counts_checked == 1
    assert check.investor_counts_differ[0].ours == 2
