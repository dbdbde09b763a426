"""The indexes every query reads: records by id and by name, rounds by company and investor.

Built once, when an ecosystem is built, from records already checked; the query modules
(``_timeline``, ``_totals``, ``_network``, ``_claims``, ``_summary``) read nothing else, so
what sits under them can change (a columnar core, say) without touching a query.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from aiecosys._model import COLLECTIONS, Claim, Company, Investor, Person, Record, Round
from aiecosys._names import NameIndex

__all__ = ["Index", "round_order"]

N = TypeVar("N", Company, Investor)


def round_order(r: Round) -> tuple[dt.date, dt.date, str]:
    """The announcement order of rounds: first day, last day, id."""
    return (r.announced.first_day, r.announced.last_day, r.id)


def _grouped(pairs: Iterable[tuple[str, Any]]) -> dict[str, tuple[Any, ...]]:
    groups: defaultdict[str, list[Any]] = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return {k: tuple(v) for k, v in groups.items()}


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Index:
    """What the queries look records up by; the per-investor caches live here too."""

    by_id: Mapping[str, Record]
    companies: NameIndex[Company]
    investors: NameIndex[Investor]
    people: NameIndex[Person]
    name_keys: Mapping[str, tuple[str, str]]
    """Each named record's sort key (folded name, id), folded once here."""
    rounds_in_order: tuple[Round, ...]
    rounds_by_company: Mapping[str, tuple[Round, ...]]
    rounds_by_investor: Mapping[str, tuple[Round, ...]]
    claims_by_subject: Mapping[str, tuple[Claim, ...]]
    caches: Mapping[str, OrderedDict[str, Any]] = attrs.field(
        factory=lambda: {"portfolio": OrderedDict(), "co_investors": OrderedDict()}
    )
    lock: threading.Lock = attrs.field(factory=threading.Lock)

    @classmethod
    def build(cls, collections: Mapping[str, tuple[Any, ...]]) -> Index:
        """Index checked *collections* (by name, as in ``COLLECTIONS``)."""
        companies = NameIndex("company", collections["companies"])
        investors = NameIndex("investor", collections["investors"])
        people = NameIndex("person", collections["people"])
        rounds = tuple(sorted(collections["rounds"], key=round_order))
        return cls(
            by_id={r.id: r for name, _ in COLLECTIONS for r in collections[name]},
            companies=companies,
            investors=investors,
            people=people,
            name_keys={**companies.sort_keys, **investors.sort_keys, **people.sort_keys},
            rounds_in_order=rounds,
            rounds_by_company=_grouped((r.company, r) for r in rounds),
            rounds_by_investor=_grouped((i, r) for r in rounds for i in r.investor_ids),
            claims_by_subject=_grouped((c.subject, c) for c in collections["claims"]),
        )

    def by_name(self, index: NameIndex[N], ids: Iterable[str]) -> tuple[N, ...]:
        """Return the records *ids* of *index*, sorted by name then id."""
        return tuple(index.by_id[i] for i in sorted(ids, key=self.name_keys.__getitem__))
