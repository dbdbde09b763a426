"""What a company raised: its rounds, each converted, and what is unknown about the total."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from aiecosys._dates import DateLike, PartialDate, days
from aiecosys._fx import convert, converted
from aiecosys._model import Company, Round, Stage
from aiecosys._money import Money
from aiecosys._results import AsOf, CompanyTotal, FundedRound, FundingBreakdown, company_total

__all__ = ["FIELDS", "funding_breakdown", "total_of"]

FIELDS = ("stage", "amount", "announced")
"""What a total without ``as_of`` reads of each round (``total_of``): read off a round's row,
the round itself need not be built."""


def total_of(
    company: Company, facts: Iterable[tuple[Stage, Money | None, PartialDate]], *, currency: str
) -> CompanyTotal:
    """What ``funding_breakdown(...).total`` is without ``as_of``, from each round's FIELDS.

    Rounds are counted as ``_breakdown`` counts them: a secondary sale never, an undisclosed
    amount as unknown, any other amount converted at the ECB rate of its date (`converted`,
    the figure `convert` gives, without a `Conversion` of each: *currency* is checked).
    """
    counted: list[Decimal] = []
    undisclosed = 0
    for stage, amount, announced in facts:
        if stage is Stage.SECONDARY:
            continue
        if amount is None:
            undisclosed += 1
        else:
            counted.append(converted(amount, currency, days(announced)[0])[0])
    return company_total(company, currency, counted, undisclosed)


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
