"""Crunchbase Pro "Export CSV" files: funding rounds and organisations.

Both name an organisation by its page ("Organization Name URL"), which joins them; a round is
named by its own page ("Transaction Name URL"). Investors are listed by name ("Investor
Names", comma-separated), leads in a "Lead Investors" column where the user exported one.
"""

from __future__ import annotations

from collections import defaultdict

from aiecosys._model import Company, Investor, InvestorKind, Round

from ._builder import Builder
from ._cells import country_from_name, day_date, number, slug, stage
from ._common import money, rows, split_names
from ._table import Row, Table

__all__ = ["read_pro_csv"]

ORG_URL = "Organization Name URL"


def _permalink(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1] if url else ""


def _country(location: str) -> str | None:
    for part in reversed(location.split(",")):
        found = country_from_name(part)
        if found:
            return found
    return None


def read_pro_csv(b: Builder, rounds: list[Table], organisations: list[Table]) -> None:
    """Read Pro exports into *b*: organisations first, so that rounds join them."""
    round_counts: dict[str, tuple[str, int, int]] = {}
    for table in organisations:
        _organisations(
            b,
            table,
            b.file_source(table.name, "Crunchbase Pro CSV export: organizations"),
            round_counts,
        )
    count: defaultdict[str, int] = defaultdict(int)
    for table in rounds:
        _rounds(
            b, table, b.file_source(table.name, "Crunchbase Pro CSV export: funding rounds"), count
        )
    for company_id, (file, line, expected) in round_counts.items():
        total = b.provider_totals.get(company_id)
        if total is not None:
            complete = (
                ""
                if count[company_id] == expected
                else f"the export holds {count[company_id]} of {expected} rounds"
            )
            b.provider.totals.append((file, company_id, total, complete, None))
        del line


def _company(b: Builder, row: Row, source: str) -> str | None:
    permalink = _permalink(row.get(ORG_URL))
    if not permalink:
        b.skip(row, "no organisation page", ORG_URL)
        return None
    company_id = f"company:{permalink}"
    if company_id in b.companies:
        return company_id
    founded = None
    if row.get("Founded Date"):
        try:
            founded = day_date(row.get("Founded Date"), row.get("Founded Date Precision") or None)
        except ValueError as error:
            b.change(row, f"founding date dropped: {error}", "Founded Date")
    company = b.build(
        row,
        Company,
        {"id": ORG_URL, "name": "Organization Name", "founded": "Founded Date"},
        id=company_id,
        name=row.get("Organization Name"),
        founded=founded,
        country=_country(row.get("Headquarters Location") or row.get("Organization Location")),
        description=row.get("Description") or row.get("Organization Description") or None,
        sources=b.cite(row, source, row.get(ORG_URL)),
    )
    return None if company is None else b.add(company).id


def _organisations(
    b: Builder, table: Table, source: str, round_counts: dict[str, tuple[str, int, int]]
) -> None:
    for row in rows(b, table):
        company_id = _company(b, row, source)
        if company_id is None:
            continue
        try:
            total = number(row.get("Total Funding Amount Currency (in USD)"))
        except ValueError as error:
            b.change(
                row,
                f"provider total is not a number: {error}",
                "Total Funding Amount Currency (in USD)",
                lossy=False,
            )
            continue
        if total is not None:
            b.provider_totals[company_id] = total
        counted = row.get("Number of Funding Rounds")
        if counted.isdigit():
            b.provider_round_counts[company_id] = int(counted)
            round_counts[company_id] = (table.name, row.line, int(counted))


def _rounds(  # noqa: C901 - one step per column of the row, in column order
    b: Builder, table: Table, source: str, count: defaultdict[str, int]
) -> None:
    for row in rows(b, table):
        company_id = _company(b, row, source)
        if company_id is None:
            continue
        try:
            stage_ = stage(row.get("Funding Type") or row.get("Transaction Name").split(" - ")[0])
        except ValueError as error:
            b.skip(row, f"unknown round type: {error}", "Funding Type")
            continue
        try:
            announced = day_date(
                row.get("Announced Date"), row.get("Announced Date Precision") or None
            )
        except ValueError as error:
            b.skip(row, f"no date: {error}", "Announced Date")
            continue
        amount, _ = money(
            b, row, row.get("Money Raised"), row.get("Money Raised Currency"), "Money Raised"
        )
        permalink = _permalink(row.get("Transaction Name URL"))
        round_ = b.build(
            row,
            Round,
            {"id": "Transaction Name URL"},
            id=f"round:{permalink}"
            if permalink
            else f"round:{company_id[8:]}/{stage_.value}/{announced}",
            company=company_id,
            stage=stage_,
            announced=announced,
            amount=amount,
            sources=b.cite(row, source, row.get("Transaction Name URL")),
        )
        if round_ is None:
            continue
        round_id = b.add_round(row, round_, numbered=not permalink)
        count[company_id] += 1
        try:
            usd = number(row.get("Money Raised Currency (in USD)"))
        except ValueError as error:
            b.change(
                row,
                f"provider USD figure not read: {error}",
                "Money Raised Currency (in USD)",
                lossy=False,
            )
            usd = None
        if amount is not None and usd is not None:
            b.provider.usd.append((table.name, round_id, amount, announced, usd))
        leads = {n.casefold() for n in split_names(row.get("Lead Investors"))}
        for name in split_names(row.get("Investor Names")):
            investor = b.build(
                row,
                Investor,
                {"id": "Investor Names", "name": "Investor Names"},
                part=True,
                id=f"investor:{slug(name)}",
                name=name,
                kind=InvestorKind.UNKNOWN,
                sources=(source,),
            )
            if investor is not None:
                b.invest(
                    row,
                    round_id,
                    b.add(investor).id,
                    lead=name.casefold() in leads,
                    repeat_skips=False,
                )
        if row.get("Number of Investors").isdigit():
            b.provider.investor_counts.append(
                (table.name, round_id, int(row.get("Number of Investors")))
            )
