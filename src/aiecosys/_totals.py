"""What a company raised: its rounds, each converted, and what is unknown about the total."""

from __future__ import annotations

from collections.abc import Iterable

from aiecosys._dates import DateLike, PartialDate
from aiecosys._fx import convert
from aiecosys._model import Company, Round, Stage
from aiecosys._results import AsOf, FundedRound, FundingBreakdown

__all__ = ["funding_breakdown"]


def funding_breakdown(
    company: Company, rounds: AsOf[Round], *, currency: str, as_of: DateLike | None
) -> FundingBreakdown:
    """Break *company*'s *rounds* (split as of *as_of*) down in *currency*."""
    when = None if as_of is None else PartialDate.of(as_of)
    possibly = _breakdown(company, currency, when, rounds.possibly)
    return _breakdown(company, currency, when, rounds.surely, possibly)


def _breakdown(
    company: Company,
    currency: str,
    as_of: PartialDate | None,
    rounds: Iterable[Round],
    possibly: FundingBreakdown | None = None,
) -> FundingBreakdown:
    funded: list[FundedRound] = []
    undisclosed: list[Round] = []
    excluded: list[Round] = []
    for r in rounds:
        if r.stage is Stage.SECONDARY:
            excluded.append(r)
        elif r.amount is None:
            undisclosed.append(r)
        else:
            funded.append(
                FundedRound(round=r, conversion=convert(r.amount, currency, on=r.announced))
            )
    return FundingBreakdown(
        company=company,
        currency=currency,
        as_of=as_of,
        rounds=tuple(funded),
        undisclosed=tuple(undisclosed),
        excluded=tuple(excluded),
        possibly=possibly,
    )
