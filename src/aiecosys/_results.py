"""What the queries return, beyond plain records."""

from __future__ import annotations

import attrs

from aiecosys._dates import PartialDate
from aiecosys._fx import Conversion
from aiecosys._model import Company, Investor, Round
from aiecosys._money import Money

__all__ = ["CoInvestor", "FundedRound", "FundingBreakdown"]


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
        total = Money.zero(self.currency)
        for funded in self.rounds:
            total += funded.converted
        return total
