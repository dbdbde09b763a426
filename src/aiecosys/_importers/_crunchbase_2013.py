"""The October 2013 export: ``companies``, ``rounds`` and, optionally, investor rows.

Companies are keyed by permalink; rounds have no id and join their company by permalink;
investor rows (``company_name,investor_name,funded_when,amount_usd``, a third-party
flattening) join rounds by company name, date and amount. Amounts are in US dollars.
"""

from __future__ import annotations

from collections import defaultdict

from aiecosys._model import Company, Investor, InvestorKind, Round, Stage
from aiecosys._names import normalise

from ._builder import Builder
from ._cells import country_from_alpha3, number, slug
from ._common import duplicates_noted, round_money
from ._table import Table

__all__ = ["read_2013"]

_STAGES = {
    "angel": Stage.ANGEL,
    "venture": Stage.VENTURE,
    "series-a": Stage.SERIES_A,
    "series-b": Stage.SERIES_B,
    "series-c+": Stage.LATE_STAGE,
    "other": Stage.UNDISCLOSED,
    "private-equity": Stage.PRIVATE_EQUITY,
    "post-ipo": Stage.POST_IPO,
    "crowdfunding": Stage.CROWDFUNDING,
}
_COMPANY_COLUMNS = {"id": "permalink", "name": "name", "founded": "founded_at"}
_ROUND_COLUMNS = {"id": "company_permalink", "company": "company_permalink"}


def read_2013(b: Builder, companies: Table, rounds: Table, investments: Table | None) -> None:
    """Read the 2013 tables into *b*."""
    source = b.file_source(companies.name, "Crunchbase 2013 export: companies")
    _companies(b, companies, source)
    source = b.file_source(rounds.name, "Crunchbase 2013 export: rounds")
    by_key = _rounds(b, rounds, source)
    if investments is not None:
        source = b.file_source(investments.name, "Crunchbase 2013 investor rows")
        _investments(b, investments, by_key, source)


def _companies(b: Builder, table: Table, source: str) -> None:
    for row in duplicates_noted(b, table, keep=False):
        permalink = row.get("permalink").removeprefix("/company/")
        if not permalink or not row.get("name"):
            b.skip(row, "no permalink or name")
            continue
        founded = b.founding_date(row, "founded_at")
        company = b.build(
            row,
            Company,
            _COMPANY_COLUMNS,
            id=f"company:{permalink}",
            name=row.get("name"),
            founded=founded,
            country=country_from_alpha3(row.get("country_code")),
            sources=(source,),
        )
        if company is None:
            continue
        b.add(company)
        try:
            b.provider_totals[company.id] = number(row.get("funding_total_usd"))
        except ValueError as error:
            b.provider_totals[company.id] = None
            b.change(
                row, f"provider total is not a number: {error}", "funding_total_usd", lossy=False
            )
        if row.get("funding_rounds").isdigit():
            b.provider_round_counts[company.id] = int(row.get("funding_rounds"))


def _rounds(b: Builder, table: Table, source: str) -> dict[tuple[str, str, str], list[str]]:
    """Read the rounds; return their ids by (company name, date, amount), to join investors."""
    by_key: defaultdict[tuple[str, str, str], list[str]] = defaultdict(list)
    count: defaultdict[str, int] = defaultdict(int)
    for row in duplicates_noted(b, table, keep=True):
        company_id = "company:" + row.get("company_permalink").removeprefix("/company/")
        if company_id not in b.companies:
            b.skip(
                row, f"unknown company: {row.get('company_permalink')[:80]!r}", "company_permalink"
            )
            continue
        kind = row.get("funding_round_type")
        stage_ = _STAGES.get(kind)
        if stage_ is None:
            b.skip(row, f"unknown round type: {kind[:40]!r}", "funding_round_type")
            continue
        announced = b.announced_date(row, "funded_at")
        if announced is None:
            continue
        round_ = b.build(
            row,
            Round,
            _ROUND_COLUMNS,
            id=f"round:{company_id.removeprefix('company:')}/{stage_.value}/{announced}",
            company=company_id,
            stage=stage_,
            announced=announced,
            amount=round_money(b, row, row.get("raised_amount_usd"), "USD", "raised_amount_usd"),
            sources=(source,),
        )
        if round_ is None:
            continue
        round_id = b.add_round(row, round_, numbered=True)
        count[company_id] += 1
        key = (
            normalise(row.get("company_name")),
            row.get("funded_at"),
            row.get("raised_amount_usd"),
        )
        by_key[key].append(round_id)
    for company_id, total in b.provider_totals.items():
        rounds = b.provider_round_counts.get(company_id)
        if total is not None:
            complete = "" if rounds == count[company_id] else "rounds missing from the export"
            b.provider.totals.append((table.name, company_id, total, complete, None))
    return by_key


def _investments(
    b: Builder, table: Table, by_key: dict[tuple[str, str, str], list[str]], source: str
) -> None:
    ids_by_name: dict[str, str] = {}
    taken: dict[str, int] = {}
    for row in duplicates_noted(b, table, keep=False):
        name = row.get("investor_name")
        if not name:
            b.skip(row, "no investor name", "investor_name")
            continue
        key = (normalise(row.get("company_name")), row.get("funded_when"), row.get("amount_usd"))
        matches = by_key.get(key, [])
        if len(matches) != 1:
            b.skip(
                row,
                (
                    "no matching round"
                    if not matches
                    else f"ambiguous: matches {len(matches)} rounds"
                )
                + f": {key[0][:80]!r} on {key[1][:20]!r} for "
                + (key[2][:20] or "an undisclosed amount"),
            )
            continue
        investor_id = ids_by_name.get(normalise(name))
        if investor_id is None:
            base = f"investor:{slug(name)}"
            n = taken.get(base, 0) + 1
            taken[base] = n
            investor = b.build(
                row,
                Investor,
                {"name": "investor_name", "id": "investor_name"},
                id=base if n == 1 else f"{base}-{n}",
                name=name,
                kind=InvestorKind.UNKNOWN,
                sources=(source,),
            )
            if investor is None:
                continue
            investor_id = ids_by_name[normalise(name)] = b.add(investor).id
        b.invest(row, matches[0], investor_id, lead=False)
