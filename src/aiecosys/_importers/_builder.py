"""The one builder every export format feeds: records, notes and the provider's figures.

A format module reads its rows and hands the builder records; the builder validates each
one where it is made, so that one bad row is skipped and reported with its file, line and
column (or, with ``strict``, stops the import), and it merges what several files say about
the same record. Every step is linear in the rows read: ids are numbered with counters and
investors found in a round with dicts, never by scanning.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from aiecosys._dates import PartialDate
from aiecosys._ecosystem import Ecosystem
from aiecosys._model import Company, Investment, Investor, Person, Reliability, Round, Source
from aiecosys._money import Money
from aiecosys.exceptions import DataError, Problem

from ._cells import padded_date, slug
from ._report import CrunchbaseImport, ImportReport, RowNote
from ._table import Row

__all__ = ["Builder", "Where"]

T = TypeVar("T")
Where = Row | tuple[str, int]
"""A row, or a (file, line) pair for a record that is not a CSV row (a JSON entity)."""

_Record = TypeVar("_Record", Company, Investor, Person)


def _where(at: Where) -> tuple[str, int]:
    return (at.file, at.line) if isinstance(at, Row) else at


def _fatal(note: RowNote) -> DataError:
    where = f"{note.file}:{note.line}" + (f": {note.column}" if note.column else "")
    return DataError([Problem(where, f"{note.reason} (strict import)")])


def _shown(value: object) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def _field_of(problem: Problem) -> str:
    return problem.path.split(".")[0].split("[")[0]


@attrs.define
class _Provider:
    """The provider's own figures, as read, per file (checked in ``_agreement``)."""

    usd: list[tuple[str, str, Money, PartialDate, Decimal]] = attrs.Factory(list)
    """(file, round or investment id, our amount as announced, its date, provider's USD)."""
    totals: list[tuple[str, str, Decimal, str, tuple[str, ...] | None]] = attrs.Factory(list)
    """(file, company id, provider's total in USD, why the file may miss rounds or "", the
    round ids the total is over, or ``None`` for all the company's rounds)."""
    investor_counts: list[tuple[str, str, int]] = attrs.Factory(list)


class Builder:
    """Collects records, notes and the provider's figures while files are read."""

    def __init__(self, *, strict: bool = False) -> None:
        """Start an empty import; with *strict*, the first bad row raises ``DataError``."""
        self.strict = strict
        self.files: dict[str, str] = {}
        self.rows_read: Counter[str] = Counter()
        self.skipped: list[RowNote] = []
        self.changed: list[RowNote] = []
        self.sources: dict[str, Source] = {}
        self.companies: dict[str, Company] = {}
        self.investors: dict[str, Investor] = {}
        self.people: dict[str, Person] = {}
        self.rounds: dict[str, Round] = {}
        self.investments: defaultdict[str, dict[str, Investment]] = defaultdict(dict)
        self.provider = _Provider()
        self.provider_totals: dict[str, Decimal | None] = {}
        self.provider_round_counts: dict[str, int] = {}
        self.provider_investor_counts: dict[str, int] = {}
        self._next_number: dict[str, int] = {}
        self._source_ids: dict[str, str] = {}

    # Notes --------------------------------------------------------------------------------

    def skip(self, at: Where, reason: str, column: str | None = None) -> None:
        """Pass over a row and say why (with ``strict``: raise ``DataError`` instead)."""
        file, line = _where(at)
        note = RowNote(file=file, line=line, reason=reason, column=column)
        if self.strict:
            raise _fatal(note)
        self.skipped.append(note)

    def change(
        self, at: Where, reason: str, column: str | None = None, *, lossy: bool = True
    ) -> None:
        """Keep a row with a change and say so; a *lossy* change is fatal with ``strict``."""
        file, line = _where(at)
        note = RowNote(file=file, line=line, reason=reason, column=column)
        if self.strict and lossy:
            raise _fatal(note)
        self.changed.append(note)

    def announced_date(self, row: Row, column: str) -> PartialDate | None:
        """Read a round's date from *column*; a row without a readable one is skipped and said."""
        try:
            return padded_date(row.get(column))
        except ValueError as error:
            self.skip(row, f"no date: {error}", column)
            return None

    def founding_date(self, row: Row, column: str) -> PartialDate | None:
        """Read an optional founding date from *column*; an unparsable one is dropped and said."""
        text = row.get(column)
        if not text:
            return None
        try:
            return padded_date(text)
        except ValueError as error:
            self.change(row, f"founding date dropped: {error}", column)
            return None

    def row_shape(self, row: Row) -> bool:
        """Note a ragged row; return False (after skipping it) when it has unknown extra cells."""
        if row.extra:
            self.skip(row, f"ragged row: {len(row.extra)} cell(s) more than the header has")
            return False
        if row.short:
            self.change(row, "short row: cells missing at its end are read as empty", lossy=False)
        return True

    # Records ------------------------------------------------------------------------------

    def build(
        self,
        at: Where,
        record_type: type[T],
        columns: Mapping[str, str],
        /,
        *,
        part: bool = False,
        **fields: Any,
    ) -> T | None:
        """Make a record; if the model refuses it, skip the row, naming the column at fault.

        With *part*, the record is one part of a row whose own record is kept (an investor
        named in a round's row): it is left out, and the row reported as kept with a change.
        """
        try:
            return record_type(**fields)
        except (DataError, TypeError, ValueError) as error:
            problems = error.problems if isinstance(error, DataError) else ()
            field = _field_of(problems[0]) if problems else None
            message = problems[0].message if problems else str(error)
            reason = f"invalid {record_type.__name__.lower()}: {message}"
            column = columns.get(field, field) if field else None
            if part:
                self.change(at, f"{reason} (left out of the row)", column)
            else:
                self.skip(at, reason, column)
            return None

    def add(self, record: _Record, at: Where | None = None) -> _Record:
        """Add a company, investor or person; a second one with the same id adds its sources.

        Where the second one (read at *at*) gives another name, the first is kept and the
        difference reported.
        """
        table: dict[str, Any] = (
            self.companies
            if isinstance(record, Company)
            else self.investors
            if isinstance(record, Investor)
            else self.people
        )
        known = table.get(record.id)
        if known is None:
            table[record.id] = record
            return record
        if at is not None and record.name != known.name:
            self.change(
                at,
                f"{type(record).__name__.lower()} seen twice with different names: {record.id}: "
                f"kept {known.name[:80]!r}, not {record.name[:80]!r}",
                lossy=False,
            )
        extra = tuple(s for s in record.sources if s not in known.sources)
        if extra:
            known = table[record.id] = attrs.evolve(known, sources=known.sources + extra)
        return known  # type: ignore[no-any-return]

    def add_round(self, at: Where, round_: Round, *, numbered: bool = False) -> str:
        """Add a round and return its id.

        With *numbered* (exports whose rounds have no id of their own), a taken id gets the
        next free number (``…/2``, ``…/3``). Otherwise the id is the provider's: the same
        round seen again adds its sources, and any detail it gives differently is reported.
        """
        if numbered:
            base = round_.id
            if base in self.rounds:
                n = self._next_number.get(base, 2)
                while f"{base}/{n}" in self.rounds:
                    n += 1
                self._next_number[base] = n + 1
                round_ = attrs.evolve(round_, id=f"{base}/{n}")
            self.rounds[round_.id] = round_
            return round_.id
        known = self.rounds.get(round_.id)
        if known is None:
            self.rounds[round_.id] = round_
            return round_.id
        differ = [
            f"{name} {_shown(getattr(known, name))} here {_shown(getattr(round_, name))}"
            for name in ("company", "stage", "announced", "amount")
            if getattr(round_, name) != getattr(known, name)
        ]
        if differ:
            self.change(
                at,
                f"round seen twice with different details: {round_.id}: kept "
                + "; ".join(differ).replace(" here ", ", not "),
                lossy=False,
            )
        extra = tuple(s for s in round_.sources if s not in known.sources)
        if extra:
            self.rounds[round_.id] = attrs.evolve(known, sources=known.sources + extra)
        return round_.id

    def invest(
        self,
        at: Where,
        round_id: str,
        investor_id: str,
        *,
        lead: bool,
        amount: Money | None = None,
        repeat_skips: bool = True,
    ) -> None:
        """Add an investor to a round; a repeat is skipped (or, from another file, merged)."""
        investments = self.investments[round_id]
        known = investments.get(investor_id)
        if known is None:
            investments[investor_id] = Investment(investor=investor_id, lead=lead, amount=amount)
        elif repeat_skips:
            self.skip(at, f"investor already in the round: {investor_id} in {round_id}")
        elif (lead and not known.lead) or (amount is not None and known.amount is None):
            investments[investor_id] = Investment(
                investor=investor_id, lead=lead or known.lead, amount=known.amount or amount
            )

    # Sources ------------------------------------------------------------------------------

    def file_source(self, file: str, title: str, *, published: PartialDate | None = None) -> str:
        """Add the Source for one file of the export and return its id."""
        base = f"source:crunchbase-{slug(file)}"
        source_id, n = base, 2
        while source_id in self.sources:
            source_id, n = f"{base}-{n}", n + 1
        self.sources[source_id] = Source(
            id=source_id,
            title=f"{title} ({file[:200]})",
            publisher="Crunchbase",
            url="https://www.crunchbase.com",
            published=published,
            reliability=Reliability.B,
            note=f"Imported from the file {file[:300]}",
        )
        return source_id

    def cite(self, at: Where, file_source: str, url: str | None) -> tuple[str, ...]:
        """Return the sources a record cites: its file's, and its own page where it has one."""
        if not url:
            return (file_source,)
        source_id = self._source_ids.get(url)
        if source_id is None:
            tail = url.split("crunchbase.com/", 1)[-1]
            base = source_id = f"source:crunchbase/{slug(tail)}"
            n = 2
            while source_id in self.sources:  # another page with the same slug
                source_id, n = f"{base}-{n}", n + 1
            try:
                source = Source(
                    id=source_id,
                    title=f"Crunchbase page {tail[:300]}",
                    publisher="Crunchbase",
                    url=url,
                    reliability=Reliability.B,
                    note=f"Entity page named in {_where(at)[0][:300]}",
                )
            except ValueError as error:
                problems = error.problems if isinstance(error, DataError) else ()
                reason = problems[0].message if problems else str(error)
                self.change(at, f"page not cited: {reason}", lossy=False)
                return (file_source,)
            self._source_ids[url] = source_id
            self.sources[source_id] = source
        return (file_source, source_id)

    # Finishing ----------------------------------------------------------------------------

    def finish(self, fmt: str) -> CrunchbaseImport:
        """Check the collected records as one ecosystem and return it with its report."""
        from ._agreement import check_provider  # noqa: PLC0415 - it loads the FX tables

        self._drop_founding_dates_after_rounds()
        rounds = [
            attrs.evolve(r, investments=tuple(self.investments[r.id].values()))
            if self.investments.get(r.id)
            else r
            for r in self.rounds.values()
        ]
        try:
            eco = Ecosystem(
                sources=self.sources.values(),
                people=self.people.values(),
                companies=self.companies.values(),
                investors=self.investors.values(),
                rounds=rounds,
            )
        except DataError as error:  # pragma: no cover - the builder resolves every id
            raise DataError(
                [Problem("", "the import built an invalid ecosystem"), *error.problems]
            ) from None
        report = ImportReport(
            format=fmt,
            files=dict(self.files),
            rows_read=dict(self.rows_read),
            built={
                "companies": len(eco.companies),
                "investors": len(eco.investors),
                "people": len(eco.people),
                "rounds": len(eco.rounds),
                "investments": sum(len(r.investments) for r in eco.rounds),
            },
            skipped=tuple(self.skipped),
            changed=tuple(self.changed),
            provider_totals=self.provider_totals,
            provider_round_counts=self.provider_round_counts,
            provider_investor_counts=self.provider_investor_counts,
            provider_usd={
                record: Money(amount=value, currency="USD")
                for _, record, _, _, value in self.provider.usd
            },
            checks=check_provider(
                eco,
                self.provider.usd,
                self.provider.totals,
                self.provider.investor_counts,
                files=list(self.files),
            ),
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
                self.change(
                    ("(companies)", 0),
                    f"founding date dropped: {company_id} founded {company.founded}, "
                    f"but a round was announced in {earliest}",
                    lossy=False,
                )
