"""A smaller ecosystem: the rounds and companies that pass some filters, and what they refer to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from aiecosys._checks import enum_value
from aiecosys._integrity import references
from aiecosys._model import Claim, Company, CompanyKind, Investor, Round, Stage
from aiecosys.exceptions import DataError

if TYPE_CHECKING:
    from aiecosys._ecosystem import DateLike, Ecosystem, Record

__all__ = ["subset"]


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


def subset(
    eco: Ecosystem,
    *,
    companies: Any = None,
    investors: Any = None,
    countries: Any = None,
    stages: Any = None,
    kinds: Any = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
) -> Ecosystem:
    """Return the part of *eco* that passes the filters.

    See [`Ecosystem.subset`][aiecosys.Ecosystem.subset].
    """
    from aiecosys._ecosystem import _COLLECTIONS, Ecosystem  # noqa: PLC0415 - imports us

    filters = (companies, investors, countries, stages, kinds, since, until)
    if all(f is None for f in filters):
        return eco

    chosen = None if companies is None else {eco.company(c).id for c in _one_or_many(companies)}
    backers = None if investors is None else {eco.investor(i).id for i in _one_or_many(investors)}
    codes = None if countries is None else _countries(_one_or_many(countries))
    stage_set = None if stages is None else {enum_value(Stage)(s) for s in _one_or_many(stages)}
    kind_set = None if kinds is None else {enum_value(CompanyKind)(k) for k in _one_or_many(kinds)}

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
        for r in eco.find_rounds(since=since, until=until)
        if round_passes(r) and company_passes(eco.company(r.company))
    ]
    round_filtered = any(f is not None for f in (investors, stages, since, until))
    kept: dict[str, Record] = {r.id: r for r in rounds}
    if not round_filtered:
        kept |= {c.id: c for c in eco.companies if company_passes(c)}
    _close(eco, kept)
    return Ecosystem(
        version=eco.version,
        **{name: [r for r in getattr(eco, name) if r.id in kept] for name, _ in _COLLECTIONS},
    )


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
