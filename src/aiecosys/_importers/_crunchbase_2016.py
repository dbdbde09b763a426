"""The 2016 uuid-keyed export: ``funding_rounds``, with ``investors`` and ``investments``.

Rounds name their company by uuid and carry ``investor_names`` (every investor's name, in
alphabetical order); ``investments`` link rounds to investors by uuid, with a lead flag;
``investors`` describes some of them. An investor that ``investors`` does not describe is
named from the rounds' ``investor_names``: a name is given to a uuid when it is the only name
that fits every round the uuid is in (after the names already known are set aside).
"""

from __future__ import annotations

from collections import defaultdict

from aiecosys._model import Company, Investor, InvestorKind, Person, Round, Stage

from ._builder import Builder
from ._cells import country_from_alpha3, stage
from ._common import duplicates_noted, is_lead, money, split_names
from ._table import Row, Table

__all__ = ["read_2016"]

_KINDS = {"government_office": InvestorKind.GOVERNMENT}
_PEOPLE = frozenset({"individual", "angel"})
"""Investor types that are people: they become Person-linked investors."""
_SERIES = {x: Stage[f"SERIES_{x}"] for x in "ABCDEFGH"}
_ROUND_COLUMNS = {"id": "funding_round_uuid", "company": "company_uuid"}


def read_2016(
    b: Builder, rounds: Table, investors: Table | None, investments: Table | None
) -> None:
    """Read the 2016 tables into *b*."""
    source = b.file_source(rounds.name, "Crunchbase 2016 export: funding rounds")
    names = _rounds(b, rounds, source)
    if investors is not None:
        _investors(b, investors, b.file_source(investors.name, "Crunchbase 2016 export: investors"))
    if investments is not None:
        source = b.file_source(investments.name, "Crunchbase 2016 export: investments")
        _investments(b, investments, names, source)


def _stage(row: Row) -> Stage:
    kind = row.get("funding_round_type")
    if kind == "venture":
        return _SERIES.get(row.get("funding_round_code").upper(), Stage.VENTURE)
    return stage(kind)


def _rounds(b: Builder, table: Table, source: str) -> dict[str, list[str]]:
    """Read the rounds; return each round's investor names, by round id."""
    names: dict[str, list[str]] = {}
    for row in duplicates_noted(b, table, keep=False):
        uuid, company_uuid = row.get("funding_round_uuid"), row.get("company_uuid")
        if not uuid or not company_uuid:
            b.skip(row, "no funding_round_uuid or company_uuid")
            continue
        try:
            stage_ = _stage(row)
        except ValueError:
            b.skip(
                row,
                f"unknown round type: {row.get('funding_round_type')[:40]!r}",
                "funding_round_type",
            )
            continue
        announced = b.announced_date(row, "announced_on")
        if announced is None:
            continue
        company = b.build(
            row,
            Company,
            {"id": "company_uuid", "name": "company_name"},
            id=f"company:{company_uuid}",
            name=row.get("company_name") or company_uuid,
            country=country_from_alpha3(row.get("country_code")),
            sources=b.cite(row, source, row.get("cb_url")),
        )
        if company is None:
            continue
        b.add(company)
        if row.get("raised_amount") or row.get("raised_amount_currency_code"):
            amount, _ = money(
                b,
                row,
                row.get("raised_amount"),
                row.get("raised_amount_currency_code"),
                "raised_amount",
            )
        else:
            amount, _ = money(b, row, row.get("raised_amount_usd"), "USD", "raised_amount_usd")
        round_ = b.build(
            row,
            Round,
            _ROUND_COLUMNS,
            id=f"round:{uuid}",
            company=company.id,
            stage=stage_,
            announced=announced,
            amount=amount,
            sources=(source,),
        )
        if round_ is None:
            continue
        round_id = b.add_round(row, round_)
        provider_usd, _ = money(
            b, row, row.get("raised_amount_usd"), "USD", "raised_amount_usd", zero_ok=True
        )
        if provider_usd is not None and amount is not None:
            b.provider.usd.append((table.name, round_id, amount, announced, provider_usd.amount))
        if row.get("investor_count").isdigit():
            b.provider_investor_counts[round_id] = int(row.get("investor_count"))
            b.provider.investor_counts.append(
                (table.name, round_id, int(row.get("investor_count")))
            )
        names[round_id] = split_names(row.get("investor_names"))
    return names


def _investors(b: Builder, table: Table, source: str) -> None:
    for row in duplicates_noted(b, table, keep=False):
        if not row.get("uuid") or not row.get("investor_name"):
            b.skip(row, "no uuid or investor_name")
            continue
        founded = b.founding_date(row, "founded_on")
        person_id = None
        if row.get("investor_type") in _PEOPLE:
            person = b.build(
                row,
                Person,
                {"id": "uuid", "name": "investor_name"},
                id=f"person:{row.get('uuid')}",
                name=row.get("investor_name"),
                sources=b.cite(row, source, row.get("cb_url")),
            )
            if person is None:
                continue
            person_id = b.add(person).id
        investor = b.build(
            row,
            Investor,
            {"id": "uuid", "name": "investor_name", "founded": "founded_on"},
            id=f"investor:{row.get('uuid')}",
            name=row.get("investor_name"),
            kind=InvestorKind.PERSON
            if person_id
            else _KINDS.get(row.get("investor_type"), InvestorKind.FIRM),
            person=person_id,
            founded=None if person_id else founded,
            country=country_from_alpha3(row.get("country_code")),
            sources=b.cite(row, source, row.get("cb_url")),
        )
        if investor is not None:
            b.add(investor)


def _investments(b: Builder, table: Table, names: dict[str, list[str]], source: str) -> None:
    unnamed: dict[str, Row] = {}
    rounds_of: defaultdict[str, list[str]] = defaultdict(list)
    for row in duplicates_noted(b, table, keep=False):
        round_id = f"round:{row.get('funding_round_uuid')}"
        investor_id = f"investor:{row.get('investor_uuid')}"
        if round_id not in b.rounds:
            b.skip(row, f"unknown round: {round_id[:80]}", "funding_round_uuid")
            continue
        if not row.get("investor_uuid") or " " in investor_id:
            b.skip(row, f"not an investor uuid: {row.get('investor_uuid')[:80]!r}", "investor_uuid")
            continue
        if investor_id not in b.investors:
            unnamed.setdefault(investor_id, row)
        rounds_of[investor_id].append(round_id)
        b.invest(
            row,
            round_id,
            investor_id,
            lead=is_lead(b, row, row.get("is_lead_investor"), "is_lead_investor"),
        )
    found = _names_from_rounds(b, unnamed, rounds_of, names)
    for investor_id, row in unnamed.items():
        name = found.get(investor_id)
        if name is None:
            b.change(
                row,
                f"investor not named by the export: {investor_id} is named by its uuid, "
                "kind unknown",
                "investor_uuid",
                lossy=False,
            )
        investor = b.build(
            row,
            Investor,
            {"id": "investor_uuid"},
            id=investor_id,
            name=name or investor_id.removeprefix("investor:"),
            kind=InvestorKind.UNKNOWN,
            sources=(source,),
        )
        if investor is None:  # pragma: no cover - the uuid was checked above
            continue
        b.add(investor)


def _names_from_rounds(
    b: Builder,
    unnamed: dict[str, Row],
    rounds_of: dict[str, list[str]],
    names: dict[str, list[str]],
) -> dict[str, str]:
    """Name each unnamed investor by the only name that fits all its rounds (propagated)."""
    free: dict[str, set[str]] = {}
    for round_id, listed in names.items():
        known = {b.investors[i].name for i in b.investments[round_id] if i in b.investors}
        free[round_id] = set(listed) - known
    candidates = {
        investor_id: set.intersection(*(free[r] for r in rounds_of[investor_id]))
        for investor_id in unnamed
    }
    found: dict[str, str] = {}
    ready = [i for i, left in candidates.items() if len(left) == 1]
    while ready:  # a worklist: each investor is named at most once
        investor_id = ready.pop()
        if investor_id in found or len(candidates[investor_id]) != 1:
            continue
        name = found[investor_id] = next(iter(candidates[investor_id]))
        for round_id in rounds_of[investor_id]:
            for other in b.investments[round_id]:
                if other != investor_id and other in candidates and other not in found:
                    candidates[other].discard(name)
                    if len(candidates[other]) == 1:
                        ready.append(other)
    return found
