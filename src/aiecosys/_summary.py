"""An overview of an ecosystem: counts, who raised most, who invested most, what is contradicted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiecosys._dates import DateLike, PartialDate
from aiecosys._model import COLLECTIONS, Verdict
from aiecosys._results import CompanyTotal, InvestorActivity, Summary
from aiecosys._timeline import split

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._index import Index

__all__ = ["summary"]


def summary(
    eco: Ecosystem, index: Index, *, currency: str, top: int, as_of: DateLike | None
) -> Summary:
    """See [`Ecosystem.summary`][aiecosys.Ecosystem.summary] (*index* is *eco*'s)."""
    keys = index.name_keys
    ranked: list[CompanyTotal] = []
    unranked: list[CompanyTotal] = []
    for company in eco.companies:
        total = eco.total_raised(company, currency=currency, as_of=as_of)
        if total.disclosed:
            ranked.append(total)
        elif total.rounds or total.uncertain:
            unranked.append(total)
    # Two stable sorts, by name then by amount: negating a Decimal would round it in the
    # caller's decimal context.
    ranked.sort(key=lambda t: keys[t.company.id])
    ranked.sort(key=lambda t: t.known.amount if t.known else 0, reverse=True)
    activity = []
    for investor in eco.investors:
        rounds = split(index.rounds_by_investor.get(investor.id, ()), as_of)
        if rounds.surely or rounds.possibly:
            activity.append(
                InvestorActivity(
                    investor=investor,
                    rounds=len(rounds.surely),
                    leads=sum(investor.id in r.leads for r in rounds.surely),
                    uncertain=len(rounds.possibly),
                )
            )
    activity.sort(key=lambda a: (-a.rounds, -a.leads, *keys[a.investor.id]))
    return Summary(
        version=eco.version,
        currency=currency,
        as_of=None if as_of is None else PartialDate.of(as_of),
        counts={name: len(getattr(eco, name)) for name, _ in COLLECTIONS},
        raised_most=tuple(ranked[:top]),
        unranked=tuple(unranked),
        most_active=tuple(activity[:top]),
        contradicted=eco.find_claims(verdict=Verdict.CONTRADICTED),
    )
