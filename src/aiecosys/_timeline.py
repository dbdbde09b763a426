"""Rounds and roles placed in time, by the one rule of `PartialDate.timing`.

A date known to the month or year is an interval of days. Against a point in time it is
surely before, surely after, or uncertain (it straddles the point); every query that takes a
date sorts what it finds into what surely holds and what possibly does ([`AsOf`][aiecosys.AsOf]).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from aiecosys._dates import DateLike, PartialDate, Timing, as_day
from aiecosys._model import Role, Round, Stage
from aiecosys._results import AsOf

if TYPE_CHECKING:
    from aiecosys._index import Index

__all__ = ["find_rounds", "roles_at", "split"]

_ONE_DAY = dt.timedelta(days=1)


def split(rounds: Iterable[Round], as_of: DateLike | None) -> AsOf[Round]:
    """Split *rounds* by the one rule: surely announced by *as_of*, possibly, or surely not."""
    if as_of is None:
        return AsOf(as_of=None, surely=tuple(rounds))
    day = as_day(as_of)
    sure: list[Round] = []
    maybe: list[Round] = []
    for r in rounds:
        timing = r.announced.timing(day)
        if timing is Timing.BEFORE:
            sure.append(r)
        elif timing is Timing.UNCERTAIN:
            maybe.append(r)
    return AsOf(as_of=PartialDate.of(as_of), surely=tuple(sure), possibly=tuple(maybe))


def between(rounds: Iterable[Round], since: DateLike | None, until: DateLike | None) -> AsOf[Round]:
    """Split *rounds* by whether their announced interval lies within [*since*, *until*].

    *since* stands for its first day, *until* for its last. A round is surely in range when it is
    surely announced on or after the first day (its interval is surely after the day before) and
    surely by the last ([`PartialDate.timing`][aiecosys.PartialDate.timing]); possibly when its
    interval straddles a bound; it is left out when it surely falls outside.
    """
    if since is None and until is None:
        return AsOf(as_of=None, surely=tuple(rounds))
    before_start = None if since is None else as_day(since, end=False) - _ONE_DAY
    end = None if until is None else as_day(until)
    sure: list[Round] = []
    maybe: list[Round] = []
    for r in rounds:
        after = Timing.AFTER if before_start is None else r.announced.timing(before_start)
        by = Timing.BEFORE if end is None else r.announced.timing(end)
        if after is Timing.BEFORE or by is Timing.AFTER:
            continue
        (sure if after is Timing.AFTER and by is Timing.BEFORE else maybe).append(r)
    as_of = None if until is None else PartialDate.of(until)
    return AsOf(as_of=as_of, surely=tuple(sure), possibly=tuple(maybe))


def find_rounds(
    index: Index,
    *,
    company: str | None,
    investor: str | None,
    stage: Stage | None,
    since: DateLike | None,
    until: DateLike | None,
) -> AsOf[Round]:
    """The rounds of *company* and *investor* (ids) at *stage*, between *since* and *until*."""
    found: Iterable[Round]
    if company is not None:
        found = index.rounds_by_company.get(company, ())
        if investor is not None:
            found = (r for r in found if investor in r.investor_ids)
    elif investor is not None:
        found = index.rounds_by_investor.get(investor, ())
    else:
        found = index.rounds_in_order
    if stage is not None:
        found = (r for r in found if r.stage is stage)
    return between(found, since, until)


def roles_at(roles: tuple[Role, ...], as_of: DateLike | None) -> AsOf[Role]:
    """Split a person's *roles* into those surely held on *as_of* and those possibly held."""
    if as_of is None:
        return AsOf(as_of=None, surely=roles)
    return AsOf(
        as_of=PartialDate.of(as_of),
        surely=tuple(r for r in roles if r.surely_held_on(as_of)),
        possibly=tuple(r for r in roles if r.held_on(as_of) and not r.surely_held_on(as_of)),
    )
