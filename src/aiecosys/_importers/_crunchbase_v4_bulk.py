"""The API v4 bulk CSV export: ``organizations``, ``people``, ``funding_rounds``, ``investments``.

Every table is keyed by uuid. Rounds name their organisation (``org_uuid``) and pack their
leads into one cell (``lead_investor_uuids``); investments name the investor, its name and
whether it is an organisation or a person, with a lead flag. Dates are plain dates: the
provider's precision is lost there, and unknown days are written as the 1st, as in the older
exports, so a first of the month is read as the month.
"""

from __future__ import annotations

import re
from collections import defaultdict

from aiecosys._model import Company, Investor, InvestorKind, Person, Round

from ._builder import Builder
from ._cells import country_from_alpha3, number, stage
from ._common import is_lead, money, rows
from ._table import Table

__all__ = ["read_v4_bulk"]

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def read_v4_bulk(
    b: Builder,
    organisations: Table | None,
    people: Table | None,
    rounds: Table,
    investments: Table | None,
) -> None:
    """Read the bulk tables into *b*."""
    if organisations is not None:
        _organisations(
            b,
            organisations,
            b.file_source(organisations.name, "Crunchbase bulk export: organizations"),
        )
    if people is not None:
        _people(b, people, b.file_source(people.name, "Crunchbase bulk export: people"))
    source = b.file_source(rounds.name, "Crunchbase bulk export: funding rounds")
    leads = _rounds(b, rounds, source)
    if investments is not None:
        _investments(
            b,
            investments,
            leads,
            b.file_source(investments.name, "Crunchbase bulk export: investments"),
        )


def _organisations(b: Builder, table: Table, source: str) -> None:
    for row in rows(b, table):
        if not row.get("uuid"):
            b.skip(row, "no uuid", "uuid")
            continue
        founded = b.founding_date(row, "founded_on")
        company = b.build(
            row,
            Company,
            {"id": "uuid", "name": "name", "founded": "founded_on"},
            id=f"company:{row.get('uuid')}",
            name=row.get("name"),
            founded=founded,
            country=country_from_alpha3(row.get("country_code")),
            sources=b.cite(row, source, row.get("cb_url")),
        )
        if company is None:
            continue
        b.add(company)
        try:
            total = number(row.get("total_funding_usd"))
        except ValueError as error:
            b.change(
                row, f"provider total is not a number: {error}", "total_funding_usd", lossy=False
            )
            continue
        b.provider_totals[company.id] = total
        if row.get("num_funding_rounds").isdigit():
            b.provider_round_counts[company.id] = int(row.get("num_funding_rounds"))


def _people(b: Builder, table: Table, source: str) -> None:
    for row in rows(b, table):
        name = row.get("name") or f"{row.get('first_name')} {row.get('last_name')}".strip()
        person = b.build(
            row,
            Person,
            {"id": "uuid", "name": "name"},
            id=f"person:{row.get('uuid')}",
            name=name,
            sources=b.cite(row, source, row.get("cb_url")),
        )
        if person is not None:
            b.add(person)


def _rounds(  # noqa: C901 - one step per column of the row, in column order
    b: Builder, table: Table, source: str
) -> dict[str, set[str]]:
    """Read the rounds; return each round's lead investor uuids."""
    leads: dict[str, set[str]] = {}
    count: defaultdict[str, int] = defaultdict(int)
    for row in rows(b, table):
        uuid, org_uuid = row.get("uuid"), row.get("org_uuid")
        if not uuid or not org_uuid:
            b.skip(row, "no uuid or org_uuid")
            continue
        company_id = f"company:{org_uuid}"
        if company_id not in b.companies:
            company = b.build(
                row,
                Company,
                {"id": "org_uuid", "name": "org_name"},
                id=company_id,
                name=row.get("org_name") or org_uuid,
                country=country_from_alpha3(row.get("country_code")),
                sources=(source,),
            )
            if company is None:
                continue
            b.add(company)
        try:
            stage_ = stage(row.get("investment_type"))
        except ValueError as error:
            b.skip(row, f"unknown round type: {error}", "investment_type")
            continue
        announced = b.announced_date(row, "announced_on")
        if announced is None:
            continue
        amount, _ = money(
            b,
            row,
            row.get("raised_amount"),
            row.get("raised_amount_currency_code"),
            "raised_amount",
        )
        round_ = b.build(
            row,
            Round,
            {"id": "uuid", "company": "org_uuid"},
            id=f"round:{uuid}",
            company=company_id,
            stage=stage_,
            announced=announced,
            amount=amount,
            sources=b.cite(row, source, row.get("cb_url")),
        )
        if round_ is None:
            continue
        round_id = b.add_round(row, round_)
        count[company_id] += 1
        leads[round_id] = {u.lower() for u in _UUID.findall(row.get("lead_investor_uuids"))}
        try:
            usd = number(row.get("raised_amount_usd"))
        except ValueError as error:
            b.change(
                row, f"provider USD figure not read: {error}", "raised_amount_usd", lossy=False
            )
            usd = None
        if amount is not None and usd is not None:
            b.provider.usd.append((table.name, round_id, amount, announced, usd))
        if row.get("investor_count").isdigit():
            b.provider_investor_counts[round_id] = int(row.get("investor_count"))
            b.provider.investor_counts.append(
                (table.name, round_id, int(row.get("investor_count")))
            )
    for company_id, total in b.provider_totals.items():
        expected = b.provider_round_counts.get(company_id)
        if total is not None and expected is not None:
            complete = (
                ""
                if count[company_id] == expected
                else f"the export holds {count[company_id]} of {expected} rounds"
            )
            b.provider.totals.append((table.name, company_id, total, complete, None))
    return leads


def _investments(b: Builder, table: Table, leads: dict[str, set[str]], source: str) -> None:
    for row in rows(b, table):
        round_id = f"round:{row.get('funding_round_uuid')}"
        uuid = row.get("investor_uuid")
        if round_id not in b.rounds:
            b.skip(row, f"unknown round: {round_id[:80]}", "funding_round_uuid")
            continue
        if not uuid:
            b.skip(row, "no investor_uuid", "investor_uuid")
            continue
        investor_id = f"investor:{uuid}"
        if investor_id not in b.investors:
            person_id = None
            if row.get("investor_type").lower() == "person":
                person_id = f"person:{uuid}"
                if person_id not in b.people:
                    person = b.build(
                        row,
                        Person,
                        {"id": "investor_uuid", "name": "investor_name"},
                        id=person_id,
                        name=row.get("investor_name"),
                        sources=(source,),
                    )
                    if person is None:
                        continue
                    b.add(person)
            investor = b.build(
                row,
                Investor,
                {"id": "investor_uuid", "name": "investor_name"},
                id=investor_id,
                name=row.get("investor_name") or (b.people[person_id].name if person_id else ""),
                kind=InvestorKind.PERSON if person_id else InvestorKind.UNKNOWN,
                person=person_id,
                sources=(source,),
            )
            if investor is None:
                continue
            b.add(investor)
        lead = is_lead(b, row, row.get("is_lead_investor"), "is_lead_investor")
        b.invest(row, round_id, investor_id, lead=lead or uuid.lower() in leads.get(round_id, ()))
