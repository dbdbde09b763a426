"""What the queries return, beyond plain records."""

from __future__ import annotations

from decimal import Decimal

import attrs

from aiecosys._dates import PartialDate
from aiecosys._fx import Conversion
from aiecosys._model import Claim, Company, Investor, Round
from aiecosys._money import Money

__all__ = [
    "CoInvestor",
    "CompanyTotal",
    "FundedRound",
    "FundingBreakdown",
    "InvestorActivity",
    "Summary",
]


@attrs.frozen(kw_only=True)
class CoInvestor:
    """An investor who shared at least one round with another, and the rounds they shared.

    ``rounds`` are in announcement order; ``len(rounds)`` is the strength of the tie.
    """

    investor: Investor
    rounds: tuple[Round, ...]

    @property
    def shared(self) -> int:
        """How many rounds the two investors shared."""
        return len(self.rounds)


@attrs.frozen(kw_only=True)
class FundedRound:
    """A round with a disclosed amount, and that amount converted for a total."""

    round: Round
    conversion: Conversion

    @property
    def original(self) -> Money:
        """The amount as announced."""
        return self.conversion.original

    @property
    def converted(self) -> Money:
        """The amount in the total's currency, at the rate of the round's date."""
        return self.conversion.converted


@attrs.frozen(kw_only=True)
class FundingBreakdown:
    """How a company's total raised is made up.

    ``rounds``: the rounds counted, each with its original and converted amount.
    ``undisclosed``: rounds left out of the total because their amount is not known.
    ``excluded``: rounds left out because the company raised nothing in them (secondary sales).
    Rounds announced after ``as_of`` are not listed at all.
    """

    company: Company
    currency: str
    as_of: PartialDate | None
    rounds: tuple[FundedRound, ...]
    undisclosed: tuple[Round, ...]
    excluded: tuple[Round, ...]

    @property
    def total(self) -> Money:
        """The sum of the converted amounts of the counted rounds."""
        amounts = (f.conversion.converted.amount for f in self.rounds)
        return Money(amount=sum(amounts, Decimal(0)), currency=self.currency)


@attrs.frozen(kw_only=True)
class CompanyTotal:
    """A company and its total raised (see :meth:`Ecosystem.total_raised`)."""

    company: Company
    total: Money
    rounds: int
    undisclosed: int


@attrs.frozen(kw_only=True)
class InvestorActivity:
    """An investor and how many rounds it took part in, and led."""

    investor: Investor
    rounds: int
    leads: int


@attrs.frozen(kw_only=True)
class Summary:
    """An overview of an ecosystem (see :meth:`Ecosystem.summary`).

    ``counts`` maps each collection (``companies``, ``rounds``…) to its size;
    ``raised_most`` and ``most_active`` are the top entries, best first; ``contradicted``
    lists every claim the evidence contradicts, by id.
    """

    version: str | None
    currency: str
    counts: dict[str, int]
    raised_most: tuple[CompanyTotal, ...]
    most_active: tuple[InvestorActivity, ...]
    contradicted: tuple[Claim, ...]
