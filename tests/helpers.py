"""Small ecosystems built by hand for the tests."""

from __future__ import annotations

from typing import Any

from aiecosys import (
    Company,
    Ecosystem,
    Investment,
    Investor,
    InvestorKind,
    Money,
    PartialDate,
    Round,
    Stage,
)


def day(text: str) -> PartialDate:
    return PartialDate.parse(text)


def usd(amount: int | str) -> Money:
    return Money(amount=amount, currency="USD")


def eur(amount: int | str) -> Money:
    return Money(amount=amount, currency="EUR")


def firm(slug: str, name: str | None = None, **extra: Any) -> Investor:
    return Investor(
        id=f"investor:{slug}", name=name or slug.title(), kind=InvestorKind.FIRM, **extra
    )


def round_(
    slug: str,
    company: str,
    date: str,
    amount: Money | None,
    *investors: str,
    leads: tuple[str, ...] = (),
    stage: Stage = Stage.SERIES_A,
) -> Round:
    investments = tuple(Investment(investor=f"investor:{i}", lead=i in leads) for i in investors)
    return Round(
        id=f"round:{slug}",
        company=f"company:{company}",
        stage=stage,
        announced=day(date),
        amount=amount,
        investments=investments,
    )


def small() -> Ecosystem:
    """Two companies, four investors, five rounds in two currencies."""
    return Ecosystem(
        companies=(
            Company(id="company:acme", name="Acme Café", aliases=("Acme",), founded=day("2019")),
            Company(id="company:bolt", name="Bolt"),
        ),
        investors=(
            firm("alpha", "Alpha Capital"),
            firm("beta", "Beta Ventures"),
            firm("gamma", "Gamma"),
            firm("delta", "Delta"),
        ),
        rounds=(
            round_(
                "acme-seed",
                "acme",
                "2020-03-02",
                eur(1_000_000),
                "alpha",
                "beta",
                leads=("alpha",),
                stage=Stage.SEED,
            ),
            round_(
                "acme-a",
                "acme",
                "2021-06",
                usd(5_000_000),
                "alpha",
                "beta",
                "gamma",
                leads=("gamma",),
            ),
            round_("acme-b", "acme", "2023", None, "delta", stage=Stage.SERIES_B),
            round_("acme-tender", "acme", "2023-09-01", usd(9_000_000), stage=Stage.SECONDARY),
            round_(
                "bolt-seed",
                "bolt",
                "2022-01-15",
                usd(2_000_000),
                "beta",
                "delta",
                leads=("beta",),
                stage=Stage.SEED,
            ),
        ),
    )
