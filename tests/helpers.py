"""Small ecosystems built by hand for the tests, and the way to the third-party exports."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

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

EXTERNAL = Path(__file__).resolve().parents[2] / "shared" / "external"
"""The full third-party exports, in ``../shared/external`` beside a clone (not shipped)."""

TEST_DATA = Path(__file__).resolve().parent / "data"
"""Small, licence-clean excerpts of the exports, shipped with the tests."""


def external(name: str) -> Path:
    """Return ``../shared/external/<name>``, or skip the test where it is absent.

    CI has ``../shared`` beside its clone: there (``CI`` set) an absent export fails the test
    instead, so that the cross-checks against real data can never silently stop running.
    """
    path = EXTERNAL / name
    if not path.exists():
        reason = f"needs ../shared/external/{name}, which is not beside this clone"
        if os.environ.get("CI"):
            pytest.fail(f"CI runs every test: {reason}")
        pytest.skip(reason)
    return path


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


def with_amounts(*amounts: str) -> Ecosystem:
    """One company with one seed round per amount (in USD), a year apart."""
    return Ecosystem(
        companies=(Company(id="company:x", name="X"),),
        rounds=tuple(
            Round(
                id=f"round:{i}",
                company="company:x",
                stage=Stage.SEED,
                announced=day(str(2000 + i)),
                amount=usd(a),
            )
            for i, a in enumerate(amounts)
        ),
    )


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run the command line in-process; return its exit code, standard output and error."""
    from click.testing import CliRunner

    from aiecosys._cli import cli

    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def small_file(folder: Path) -> Path:
    """Write the small ecosystem as ``small.json`` in *folder*; return its path."""
    from aiecosys import dump

    path = folder / "small.json"
    dump(small(), path)
    return path
