"""``funding_by``: funding grouped by year, quarter, country, stage, investor or company.

Amounts come from [`Ecosystem.funding_breakdown`][aiecosys.Ecosystem.funding_breakdown], so each
disclosed round is converted at the ECB rate of its own date exactly as in
[`Ecosystem.total_raised`][aiecosys.Ecosystem.total_raised], and secondary sales (the company raises
nothing) are left out the same way. What is not known is never read as zero: each group counts its
undisclosed rounds, and a round whose date does not say which group it falls in (a round known only
as "2023", grouped by quarter) is listed as uncertain in every group it may fall in and counted in
none.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from aiecosys._dates import PartialDate, Timing
from aiecosys._model import Round
from aiecosys._money import Money
from aiecosys._results import FundingBy, FundingGroup
from aiecosys.exceptions import InvalidArgument

if TYPE_CHECKING:
    import datetime as dt

    from aiecosys._ecosystem import DateLike, Ecosystem

__all__ = ["GroupKey", "funding_by"]

NO_INVESTOR = "none"  # the group of rounds with no investor on record
NO_COUNTRY = "unknown"  # the group of companies with no country on record


class GroupKey(enum.Enum):
    """What [`Ecosystem.funding_by`][aiecosys.Ecosystem.funding_by] groups rounds by."""

    YEAR = "year"
    QUARTER = "quarter"
    COUNTRY = "country"
    STAGE = "stage"
    INVESTOR = "investor"
    COMPANY = "company"


@attrs.frozen(kw_only=True)
class _Entry:
    """One round's part in the grouping: its converted amount (None if undisclosed)."""

    round: Round
    amount: Decimal | None


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _periods(date: PartialDate, period: Callable[[dt.date], str]) -> list[str]:
    """The periods (years or quarters) a partial date's interval touches, in order."""
    found: list[str] = []
    day = date.first_day
    while day <= date.last_day:
        if not found or found[-1] != period(day):
            found.append(period(day))
        day = day.add(months=1).start_of("month")
    return found


def funding_by(
    eco: Ecosystem,
    key: GroupKey | str,
    *,
    currency: str = "USD",
    as_of: DateLike | None = None,
) -> FundingBy:
    """Group every company's funding by *key*.

    See [`Ecosystem.funding_by`][aiecosys.Ecosystem.funding_by].
    """
    try:
        key = GroupKey(key)
    except ValueError:
        keys = ", ".join(k.value for k in GroupKey)
        raise InvalidArgument("key", f"must be one of {keys} (got {key!r})") from None
    entries: list[_Entry] = []
    for company in eco.companies:
        breakdown = eco.funding_breakdown(company, currency=currency)
        entries += [_Entry(round=f.round, amount=f.converted.amount) for f in breakdown.rounds]
        entries += [_Entry(round=r, amount=None) for r in breakdown.undisclosed]
    labels: dict[str, str] = {}
    sure: defaultdict[str, list[_Entry]] = defaultdict(list)
    maybe: defaultdict[str, list[Round]] = defaultdict(list)
    for entry in entries:
        timing = Timing.BEFORE if as_of is None else entry.round.announced.timing(as_of)
        if timing is Timing.AFTER:
            continue
        groups = _groups_of(eco, key, entry.round)
        # A round counts in a group only when it surely lies in it: known by the cut-off and,
        # for a date key, with a date inside one period. Otherwise it may lie in each group.
        surely = timing is Timing.BEFORE and (key in _UNDATED or len(groups) == 1)
        for group, label in groups:
            labels[group] = label
            if surely:
                sure[group].append(entry)
            else:
                maybe[group].append(entry.round)
    rows = [
        FundingGroup(
            key=group,
            label=labels[group],
            known=_known([e.amount for e in sure[group]], currency),
            rounds=len(sure[group]),
            undisclosed=sum(e.amount is None for e in sure[group]),
            uncertain=tuple(sorted(maybe[group], key=_round_order)),
        )
        for group in labels
    ]
    if key in _UNDATED:
        rows.sort(key=lambda g: (-_amount(g), -g.rounds, g.label.casefold(), g.key))
    else:
        rows.sort(key=lambda g: g.key)
    return FundingBy(
        key=key.value,
        currency=currency,
        as_of=None if as_of is None else PartialDate.of(as_of),
        rows=tuple(rows),
    )


_UNDATED = frozenset({GroupKey.COUNTRY, GroupKey.STAGE, GroupKey.INVESTOR, GroupKey.COMPANY})


def _known(amounts: list[Decimal | None], currency: str) -> Money | None:
    """The sum of the disclosed amounts; None when there are amounts and none is disclosed."""
    disclosed = [a for a in amounts if a is not None]
    if amounts and not disclosed:
        return None
    return Money(amount=sum(disclosed, Decimal(0)), currency=currency)


def _amount(group: FundingGroup) -> Decimal:
    return Decimal(0) if group.known is None else group.known.amount


def _round_order(r: Round) -> tuple[dt.date, dt.date, str]:
    return (r.announced.first_day, r.announced.last_day, r.id)


def _groups_of(eco: Ecosystem, key: GroupKey, r: Round) -> list[tuple[str, str]]:
    """The groups (key, label) a round is in, or may be in for a date key."""
    if key is GroupKey.YEAR:
        return [(y, y) for y in _periods(r.announced, lambda d: f"{d.year}")]
    if key is GroupKey.QUARTER:
        return [(q, q.replace("-", " ")) for q in _periods(r.announced, _quarter)]
    if key is GroupKey.STAGE:
        return [(r.stage.value, r.stage.value.replace("_", " "))]
    company = eco.company(r.company)
    if key is GroupKey.COMPANY:
        return [(company.id, company.name)]
    if key is GroupKey.COUNTRY:
        return [(company.country, company.country) if company.country else (NO_COUNTRY, NO_COUNTRY)]
    investors: Iterable[str] = dict.fromkeys(r.investor_ids)
    return [(i, eco.investor(i).name) for i in investors] or [
        (NO_INVESTOR, "no investor on record")
    ]
