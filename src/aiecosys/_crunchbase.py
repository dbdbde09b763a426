"""Import Crunchbase CSV exports into an :class:`~aiecosys.Ecosystem`, with a full report.

Two export formats are read: the 2013 export (``crunchbase-companies.csv`` and
``crunchbase-rounds.csv``, keyed by permalink, with investor rows from a separate file keyed
by company name, date and amount) and the uuid-keyed export (``funding_rounds.csv``, with
``investments.csv`` and ``investors.csv`` when present). Real-world mess is handled: CR-only
line endings, Mac Roman text, empty amounts (undisclosed, not zero), Excel junk in numeric
columns, duplicate rows, rows that name unknown companies, rounds with no id. Every row read
is either built into a record or listed in the report with its line number and reason.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

import attrs

from aiecosys._dates import PartialDate
from aiecosys._ecosystem import Ecosystem
from aiecosys._model import (
    MAX_ROUND_AMOUNT,
    Company,
    Investment,
    Investor,
    InvestorKind,
    Reliability,
    Round,
    Source,
    Stage,
)
from aiecosys._money import Money
from aiecosys._names import normalise
from aiecosys.exceptions import DataError, Problem

__all__ = ["CrunchbaseImport", "ImportReport", "RowNote", "read_crunchbase"]

_AMOUNT = re.compile(r"\d+(\.\d+)?")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SOURCE_ID = "source:crunchbase-export"

_STAGES_2013 = {
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
_STAGES_2016 = {
    "angel": Stage.ANGEL,
    "seed": Stage.SEED,
    "pre_seed": Stage.PRE_SEED,
    "private_equity": Stage.PRIVATE_EQUITY,
    "debt_financing": Stage.DEBT,
    "convertible_note": Stage.CONVERTIBLE_NOTE,
    "grant": Stage.GRANT,
    "equity_crowdfunding": Stage.CROWDFUNDING,
    "product_crowdfunding": Stage.CROWDFUNDING,
    "post_ipo_equity": Stage.POST_IPO,
    "post_ipo_debt": Stage.POST_IPO,
    "secondary_market": Stage.SECONDARY,
    "undisclosed": Stage.UNDISCLOSED,
    "corporate_round": Stage.STRATEGIC,
    "non_equity_assistance": Stage.GRANT,
}
_SERIES = {
    "A": Stage.SERIES_A,
    "B": Stage.SERIES_B,
    "C": Stage.SERIES_C,
    "D": Stage.SERIES_D,
    "E": Stage.SERIES_E,
    "F": Stage.SERIES_F,
    "G": Stage.SERIES_G,
    "H": Stage.SERIES_H,
}
_INVESTOR_KINDS_2016 = {"government_office": InvestorKind.GOVERNMENT}


@attrs.frozen(kw_only=True)
class RowNote:
    """A row that was skipped, or kept with a change, and why."""

    file: str
    line: int
    reason: str


@attrs.frozen(kw_only=True)
class ImportReport:
    """What an import read, built and passed over.

    ``rows_read`` counts data rows per file; ``built`` counts records per kind; ``skipped``
    lists every row not built into a record; ``changed`` every row kept with a change (a junk
    amount read as undisclosed, a founding date dropped because a round precedes it).
    ``provider_totals`` (company id → the export's own ``funding_total_usd``, ``None`` where
    empty or junk), ``provider_round_counts`` and ``provider_investor_counts`` (round id →
    the export's ``investor_count``) keep the provider's figures for cross-checks.
    """

    format: str
    rows_read: dict[str, int]
    built: dict[str, int]
    skipped: tuple[RowNote, ...]
    changed: tuple[RowNote, ...]
    provider_totals: dict[str, Decimal | None]
    provider_round_counts: dict[str, int]
    provider_investor_counts: dict[str, int]

    def reasons(self) -> dict[str, int]:
        """Count skipped rows by kind of reason (the part of the reason before its colon)."""
        return dict(Counter(n.reason.split(":")[0] for n in self.skipped).most_common())

    def changes(self) -> dict[str, int]:
        """Count changed rows by kind of change (the part of the reason before its colon)."""
        return dict(Counter(n.reason.split(":")[0] for n in self.changed).most_common())


@attrs.frozen(kw_only=True)
class CrunchbaseImport:
    """An imported ecosystem and its report."""

    ecosystem: Ecosystem
    report: ImportReport


def _read(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row of a CSV file in UTF-8 or Mac Roman."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("mac_roman")  # what Excel for Mac writes
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return
    header = [h.strip() for h in header]
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        yield reader.line_num, dict(zip(header, (c.strip() for c in row), strict=False))


def _amount(text: str) -> Decimal | None:
    """Read an amount: None when empty; raise ValueError on junk."""
    if not text:
        return None
    if not _AMOUNT.fullmatch(text):
        raise ValueError(text)
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise ValueError(text) from None


def _date(text: str) -> PartialDate:
    """Read YYYY-MM-DD; a first of the month is read as the month (exports pad unknown days)."""
    match = _DATE.fullmatch(text)
    if not match:
        return PartialDate.parse(text)
    year, month, day = (int(g) for g in match.groups())
    if day == 1:
        return PartialDate(year=year, month=month)
    return PartialDate(year=year, month=month, day=day)


def _country(alpha3: str) -> str | None:
    if not alpha3:
        return None
    import pycountry  # noqa: PLC0415 - only an import needs the alpha-3 table

    found = pycountry.countries.get(alpha_3=alpha3)
    return None if found is None else str(found.alpha_2)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "x"


class _Builder:
    """Collects records and notes while files are read."""

    def __init__(self, fmt: str) -> None:
        self.format = fmt
        self.rows_read: Counter[str] = Counter()
        self.skipped: list[RowNote] = []
        self.changed: list[RowNote] = []
        self.companies: dict[str, Company] = {}
        self.rounds: dict[str, Round] = {}
        self.investors: dict[str, Investor] = {}
        self.investments: defaultdict[str, list[Investment]] = defaultdict(list)
        self.provider_totals: dict[str, Decimal | None] = {}
        self.provider_round_counts: dict[str, int] = {}
        self.provider_investor_counts: dict[str, int] = {}

    def rows(
        self,
        path: Path,
        *,
        keep_duplicates: bool = False,
    ) -> Iterator[tuple[int, dict[str, str]]]:
        """Yield the data rows; a row repeating an earlier one is skipped, or kept and noted."""
        seen: dict[tuple[str, ...], int] = {}
        for line, row in _read(path):
            self.rows_read[path.name] += 1
            key = tuple(row.values())
            if key in seen and not keep_duplicates:
                self.skip(path, line, f"duplicate: the same as line {seen[key]}")
                continue
            if key in seen:
                self.change(
                    path,
                    line,
                    f"duplicate kept: the same as line {seen[key]}, kept as "
                    "a separate round, as the export's own round counts do",
                )
            seen.setdefault(key, line)
            yield line, row

    def skip(self, path: Path, line: int, reason: str) -> None:
        self.skipped.append(RowNote(file=path.name, line=line, reason=reason))

    def change(self, path: Path, line: int, reason: str) -> None:
        self.changed.append(RowNote(file=path.name, line=line, reason=reason))

    def money(self, path: Path, line: int, text: str, currency: str) -> Money | None:
        try:
            amount = _amount(text)
        except ValueError:
            self.change(path, line, f"amount read as undisclosed: {text[:30]!r} is not a number")
            return None
        if amount is None:
            return None
        if not 0 < amount < MAX_ROUND_AMOUNT:
            self.change(path, line, f"amount read as undisclosed: {text} is out of range")
            return None
        return Money(amount=amount, currency=currency)

    def stage_and_date(
        self,
        path: Path,
        line: int,
        row: dict[str, str],
        stage: Stage | None,
        *,
        type_column: str,
        date_column: str,
    ) -> PartialDate | None:
        """Return the round's date; skip the row (and return None) if its type or date is bad."""
        if stage is None:
            self.skip(path, line, f"unknown round type: {row.get(type_column)!r}")
            return None
        try:
            return _date(row.get(date_column, ""))
        except DataError:
            self.skip(path, line, f"no date: {date_column} {row.get(date_column)!r}")
            return None

    def add_round(self, round_: Round) -> str:
        """Add a round, numbering its id (``…/2``, ``…/3``) if taken; return the id."""
        base, n = round_.id, 2
        while round_.id in self.rounds:
            round_ = attrs.evolve(round_, id=f"{base}/{n}")
            n += 1
        self.rounds[round_.id] = round_
        return round_.id

    def finish(self, source: Source) -> CrunchbaseImport:
        self._drop_founding_dates_after_rounds()
        rounds = [
            attrs.evolve(r, investments=tuple(self.investments.get(r.id, ())))
            for r in self.rounds.values()
        ]
        try:
            eco = Ecosystem(
                sources=[source],
                companies=self.companies.values(),
                investors=self.investors.values(),
                rounds=rounds,
            )
        except DataError as error:  # pragma: no cover - the builder resolves every id
            raise DataError(
                [Problem("", "the import built an invalid ecosystem"), *error.problems]
            ) from None
        report = ImportReport(
            format=self.format,
            rows_read=dict(self.rows_read),
            built={
                "companies": len(eco.companies),
                "investors": len(eco.investors),
                "rounds": len(eco.rounds),
                "investments": sum(len(r.investments) for r in eco.rounds),
            },
            skipped=tuple(self.skipped),
            changed=tuple(self.changed),
            provider_totals=self.provider_totals,
            provider_round_counts=self.provider_round_counts,
            provider_investor_counts=self.provider_investor_counts,
        )
        return CrunchbaseImport(ecosystem=eco, report=report)

    def _drop_founding_dates_after_rounds(self) -> None:
        first: dict[str, PartialDate] = {}
        for r in self.rounds.values():
            if r.company not in first or r.announced.last_day < first[r.company].last_day:
                first[r.company] = r.announced
        for company_id, earliest in first.items():
            company = self.companies[company_id]
            if company.founded and earliest.last_day < company.founded.first_day:
                self.companies[company_id] = attrs.evolve(company, founded=None)
                self.changed.append(
                    RowNote(
                        file="(companies)",
                        line=0,
                        reason=f"founding date dropped: {company_id} founded {company.founded}, "
                        f"but a round was announced in {earliest}",
                    )
                )


def _source(directory: Path, files: list[Path]) -> Source:
    return Source(
        id=_SOURCE_ID,
        title=f"Crunchbase CSV export ({directory.name})",
        publisher="Crunchbase",
        url="https://www.crunchbase.com",
        reliability=Reliability.B,
        note="Imported from " + ", ".join(f.name for f in files),
    )


def _find(directory: Path, *names: str) -> Path | None:
    for name in names:
        if (directory / name).is_file():
            return directory / name
    return None


def read_crunchbase(
    directory: str | Path,
    *,
    investments: str | Path | None = None,
) -> CrunchbaseImport:
    """Import the Crunchbase CSV export in *directory*; see the module docstring.

    For the 2013 export, *investments* names a CSV of investor rows
    (``company_name,investor_name,funded_when,amount_usd``) joined to rounds by company name,
    date and amount. Ids are stable: importing the same files again gives an equal ecosystem.

    Raises:
        DataError: the directory holds no export this function knows.
    """
    directory = Path(directory)
    extra = None if investments is None else Path(investments)
    companies = _find(directory, "crunchbase-companies.csv", "companies.csv")
    rounds = _find(directory, "crunchbase-rounds.csv", "rounds.csv")
    if companies and rounds:
        return _read_2013(directory, companies, rounds, extra)
    funding_rounds = _find(directory, "funding_rounds.csv")
    if funding_rounds:
        return _read_2016(directory, funding_rounds, extra)
    raise DataError(
        [
            Problem(
                str(directory),
                "no Crunchbase export found: expected "
                "crunchbase-companies.csv and crunchbase-rounds.csv, or "
                "funding_rounds.csv",
            )
        ]
    )


def _read_2013(
    directory: Path, companies_csv: Path, rounds_csv: Path, investments_csv: Path | None
) -> CrunchbaseImport:
    b = _Builder("crunchbase-2013")
    _read_2013_companies(b, companies_csv)
    by_key = _read_2013_rounds(b, rounds_csv)
    if investments_csv is not None:
        _read_2013_investments(b, investments_csv, by_key)
    files = [companies_csv, rounds_csv, *([investments_csv] if investments_csv else [])]
    return b.finish(_source(directory, files))


def _read_2013_companies(b: _Builder, path: Path) -> None:
    for line, row in b.rows(path):
        permalink = row.get("permalink", "").removeprefix("/company/")
        if not permalink or not row.get("name"):
            b.skip(path, line, "no permalink or name")
            continue
        company_id = f"company:{permalink}"
        founded = None
        if row.get("founded_at"):
            try:
                founded = _date(row["founded_at"])
            except DataError:
                b.change(path, line, f"founding date dropped: {row['founded_at']!r}")
        b.companies[company_id] = Company(
            id=company_id,
            name=row["name"],
            founded=founded,
            country=_country(row.get("country_code", "")),
            sources=(_SOURCE_ID,),
        )
        try:
            b.provider_totals[company_id] = _amount(row.get("funding_total_usd", ""))
        except ValueError:
            b.provider_totals[company_id] = None
            b.change(
                path,
                line,
                "provider total is not a number: funding_total_usd "
                f"{row['funding_total_usd'][:20]!r}",
            )
        if row.get("funding_rounds", "").isdigit():
            b.provider_round_counts[company_id] = int(row["funding_rounds"])


def _read_2013_rounds(b: _Builder, path: Path) -> dict[tuple[str, str, str], list[str]]:
    """Read the rounds; return their ids by (company name, date, amount), to join investors."""
    by_key: defaultdict[tuple[str, str, str], list[str]] = defaultdict(list)
    for line, row in b.rows(path, keep_duplicates=True):
        company_id = "company:" + row.get("company_permalink", "").removeprefix("/company/")
        if company_id not in b.companies:
            b.skip(path, line, f"unknown company: {row.get('company_permalink')!r}")
            continue
        stage = _STAGES_2013.get(row.get("funding_round_type", ""))
        announced = b.stage_and_date(
            path, line, row, stage, type_column="funding_round_type", date_column="funded_at"
        )
        if stage is None or announced is None:
            continue
        round_id = b.add_round(
            Round(
                id=f"round:{company_id.removeprefix('company:')}/{stage.value}/{announced}",
                company=company_id,
                stage=stage,
                announced=announced,
                amount=b.money(path, line, row.get("raised_amount_usd", ""), "USD"),
                sources=(_SOURCE_ID,),
            )
        )
        by_key[
            (
                normalise(row.get("company_name", "")),
                row.get("funded_at", ""),
                row.get("raised_amount_usd", ""),
            )
        ].append(round_id)
    return by_key


def _read_2013_investments(
    b: _Builder, path: Path, by_key: dict[tuple[str, str, str], list[str]]
) -> None:
    ids_by_name: dict[str, str] = {}
    for line, row in b.rows(path):
        name = row.get("investor_name", "")
        if not name:
            b.skip(path, line, "no investor name")
            continue
        key = (
            normalise(row.get("company_name", "")),
            row.get("funded_when", ""),
            row.get("amount_usd", ""),
        )
        matches = by_key.get(key, [])
        if len(matches) != 1:
            b.skip(
                path,
                line,
                (
                    "no matching round"
                    if not matches
                    else f"ambiguous: matches {len(matches)} rounds"
                )
                + f": {key[0]!r} on {key[1]!r} for {key[2] or 'an undisclosed amount'}",
            )
            continue
        investor_id = ids_by_name.get(normalise(name))
        if investor_id is None:
            investor_id = f"investor:{_slug(name)}"
            n = 2
            while investor_id in b.investors:
                investor_id = f"investor:{_slug(name)}-{n}"
                n += 1
            ids_by_name[normalise(name)] = investor_id
            b.investors[investor_id] = Investor(
                id=investor_id, name=name, kind=InvestorKind.UNKNOWN, sources=(_SOURCE_ID,)
            )
        round_id = matches[0]
        if any(i.investor == investor_id for i in b.investments[round_id]):
            b.skip(path, line, f"investor already in the round: {name!r} in {round_id}")
            continue
        b.investments[round_id].append(Investment(investor=investor_id))


def _read_2016(directory: Path, rounds_csv: Path, extra: Path | None) -> CrunchbaseImport:
    b = _Builder("crunchbase-2016")
    _read_2016_rounds(b, rounds_csv)
    investors_csv = _find(directory, "investors.csv")
    if investors_csv is not None:
        _read_2016_investors(b, investors_csv)
    investments_csv = extra or _find(directory, "investments.csv")
    if investments_csv is not None:
        _read_2016_investments(b, investments_csv)
    files = [p for p in (rounds_csv, investors_csv, investments_csv) if p is not None]
    return b.finish(_source(directory, files))


def _stage_2016(kind: str, code: str) -> Stage | None:
    return _SERIES.get(code, Stage.VENTURE) if kind == "venture" else _STAGES_2016.get(kind)


def _read_2016_rounds(b: _Builder, path: Path) -> None:
    for line, row in b.rows(path):
        uuid, company_uuid = row.get("funding_round_uuid", ""), row.get("company_uuid", "")
        if not uuid or not company_uuid:
            b.skip(path, line, "no funding_round_uuid or company_uuid")
            continue
        stage = _stage_2016(row.get("funding_round_type", ""), row.get("funding_round_code", ""))
        announced = b.stage_and_date(
            path, line, row, stage, type_column="funding_round_type", date_column="announced_on"
        )
        if stage is None or announced is None:
            continue
        company_id = f"company:{company_uuid}"
        b.companies.setdefault(
            company_id,
            Company(
                id=company_id,
                name=row.get("company_name") or company_uuid,
                country=_country(row.get("country_code", "")),
                sources=(_SOURCE_ID,),
            ),
        )
        currency = row.get("raised_amount_currency_code", "")
        amount = (
            b.money(path, line, row["raised_amount"], currency)
            if currency and row.get("raised_amount")
            else b.money(path, line, row.get("raised_amount_usd", ""), "USD")
        )
        round_id = b.add_round(
            Round(
                id=f"round:{uuid}",
                company=company_id,
                stage=stage,
                announced=announced,
                amount=amount,
                sources=(_SOURCE_ID,),
            )
        )
        if row.get("investor_count", "").isdigit():
            b.provider_investor_counts[round_id] = int(row["investor_count"])


def _read_2016_investors(b: _Builder, path: Path) -> None:
    for line, row in b.rows(path):
        if not row.get("uuid") or not row.get("investor_name"):
            b.skip(path, line, "no uuid or investor_name")
            continue
        investor_id = f"investor:{row['uuid']}"
        b.investors[investor_id] = Investor(
            id=investor_id,
            name=row["investor_name"],
            kind=_INVESTOR_KINDS_2016.get(row.get("investor_type", ""), InvestorKind.FIRM),
            founded=_optional_date(row.get("founded_on", "")),
            country=_country(row.get("country_code", "")),
            sources=(_SOURCE_ID,),
        )


def _read_2016_investments(b: _Builder, path: Path) -> None:
    for line, row in b.rows(path):
        round_id = f"round:{row.get('funding_round_uuid', '')}"
        investor_id = f"investor:{row.get('investor_uuid', '')}"
        if round_id not in b.rounds:
            b.skip(path, line, f"unknown round: {round_id}")
            continue
        if investor_id not in b.investors:
            b.investors[investor_id] = Investor(
                id=investor_id,
                name=investor_id.removeprefix("investor:"),
                kind=InvestorKind.UNKNOWN,
                sources=(_SOURCE_ID,),
            )
            b.change(
                path,
                line,
                f"investor not in investors.csv: {investor_id} is named by its uuid, kind unknown",
            )
        if any(i.investor == investor_id for i in b.investments[round_id]):
            b.skip(path, line, f"investor already in the round: {investor_id}")
            continue
        lead = row.get("is_lead_investor", "") in {"t", "true", "1"}
        b.investments[round_id].append(Investment(investor=investor_id, lead=lead))


def _optional_date(text: str) -> PartialDate | None:
    try:
        return _date(text) if text else None
    except DataError:
        return None
