"""A smaller ecosystem: the rounds and companies that pass some filters, and what they refer to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypedDict

import attrs

from aiecosys._checks import enum_value
from aiecosys._integrity import references
from aiecosys._model import COLLECTIONS, Claim, Company, CompanyKind, Investor, Round, Stage
from aiecosys.exceptions import DataError

if TYPE_CHECKING:
    from aiecosys._ecosystem import DateLike, Ecosystem, Record

__all__ = ["RecordFilters", "find_records", "subset"]


class RecordFilters(TypedDict, total=False):
    """The filters of `Ecosystem.subset` and `Ecosystem.find_records`."""

    companies: Iterable[str | Company] | str | Company | None
    investors: Iterable[str | Investor] | str | Investor | None
    countries: Iterable[str] | str | None
    stages: Iterable[Stage | str] | Stage | str | None
    kinds: Iterable[CompanyKind | str] | CompanyKind | str | None
    since: DateLike | None
    until: DateLike | None


def _one_or_many(value: Any) -> tuple[Any, ...]:
    return (
        (value,)
        if isinstance(value, str | Company | Investor | Stage | CompanyKind)
        else tuple(value)
    )


def _countries(values: Iterable[str]) -> frozenset[str]:
    codes = frozenset(str(v).upper() for v in values)
    bad = sorted(c for c in codes if len(c) != 2 or not c.isascii() or not c.isalpha())  # noqa: PLR2004
    if bad:
        raise DataError.single("countries", f"{bad[0][:20]!r} is not an ISO 3166-1 alpha-2 code")
    return codes


@attrs.frozen(kw_only=True)
class _Filters:
    companies: Any = None
    investors: Any = None
    countries: Any = None
    stages: Any = None
    kinds: Any = None
    since: DateLike | None = None
    until: DateLike | None = None

    @property
    def none(self) -> bool:
        return all(v is None for v in attrs.astuple(self, recurse=False))

    @property
    def on_rounds(self) -> bool:
        return any(f is not None for f in (self.investors, self.stages, self.since, self.until))


def _selected(eco: Ecosystem, f: _Filters) -> tuple[list[Round], list[Company]]:
    """The rounds that pass *f*, and the companies that pass it (theirs, or by company filters)."""
    chosen = None if f.companies is None else {eco.company(c).id for c in _one_or_many(f.companies)}
    backers = (
        None if f.investors is None else {eco.investor(i).id for i in _one_or_many(f.investors)}
    )
    codes = None if f.countries is None else _countries(_one_or_many(f.countries))
    stage_set = None if f.stages is None else {enum_value(Stage)(s) for s in _one_or_many(f.stages)}
    kind_set = (
        None if f.kinds is None else {enum_value(CompanyKind)(k) for k in _one_or_many(f.kinds)}
    )

    def company_passes(company: Company) -> bool:
        return (
            (chosen is None or company.id in chosen)
            and (codes is None or company.country in codes)
            and (kind_set is None or company.kind in kind_set)
        )

    def round_passes(r: Round) -> bool:
        return (stage_set is None or r.stage in stage_set) and (
            backers is None or not backers.isdisjoint(r.investor_ids)
        )

    rounds = [
        r
        for r in eco.find_rounds(since=f.since, until=f.until)
        if round_passes(r) and company_passes(eco.company(r.company))
    ]
    funded = {r.company for r in rounds}
    companies = [
        c for c in eco.companies if c.id in funded or (not f.on_rounds and company_passes(c))
    ]
    return rounds, companies


def subset(eco: Ecosystem, **filters: Any) -> Ecosystem:
    """Return the part of *eco* that passes the filters.

    See [`Ecosystem.subset`][aiecosys.Ecosystem.subset].
    """
    from aiecosys._ecosystem import Ecosystem  # noqa: PLC0415 - _ecosystem imports us

    given = _Filters(**filters)
    if given.none:
        return eco
    rounds, companies = _selected(eco, given)
    kept: dict[str, Record] = {r.id: r for r in rounds}
    kept |= {c.id: c for c in companies}
    _close(eco, kept)
    return Ecosystem(
        version=eco.version,
        **{name: [r for r in getattr(eco, name) if r.id in kept] for name, _ in COLLECTIONS},
    )


def find_records(eco: Ecosystem, kind: str, **filters: Any) -> tuple[Record, ...]:
    """Return the records of one kind the filters select.

    See [`Ecosystem.find_records`][aiecosys.Ecosystem.find_records].
    """
    if kind not in _KINDS:
        raise DataError.single("kind", f"must be one of {', '.join(_KINDS)} (got {kind!r})")
    given = _Filters(**filters)
    if given.none:
        return tuple(eco.find_rounds()) if kind == "rounds" else tuple(getattr(eco, kind))
    rounds, companies = _selected(eco, given)
    if kind == "rounds":
        return tuple(rounds)
    if kind == "companies":
        return tuple(companies)
    if kind == "investors":
        ids = {i for r in rounds for i in r.investor_ids}
        return tuple(i for i in eco.investors if i.id in ids)
    ids = {c.id for c in companies}
    founders = {p for c in companies for p in c.founders}
    return tuple(
        p for p in eco.people if p.id in founders or any(r.organisation in ids for r in p.roles)
    )


_KINDS = ("companies", "investors", "people", "rounds")


def _close(eco: Ecosystem, kept: dict[str, Record]) -> None:
    """Add to *kept* every record its records refer to, and the claims about them."""
    claims_about: defaultdict[str, list[Claim]] = defaultdict(list)
    for claim in eco.claims:
        claims_about[claim.subject].append(claim)
    todo = list(kept.values())
    while todo:
        record = todo.pop()
        named: list[Record] = [eco.record(i) for i in references(record) if i not in kept]
        named += claims_about.get(record.id, ())
        for other in named:
            if other.id not in kept:
                kept[other.id] = other
                todo.append(other)
