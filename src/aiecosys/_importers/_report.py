"""What an import built, passed over and checked against the provider's own figures."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._money import Money

__all__ = ["CrunchbaseImport", "ImportReport", "ProviderCheck", "ProviderDifference", "RowNote"]


@attrs.frozen(kw_only=True)
class RowNote:
    """A row that was skipped, or kept with a change, and why.

    Attributes:
        file: The file the row is in.
        line: The file's line where the row starts (0 for a note about the whole import).
        reason: What was wrong or changed, and why (the part before a colon names its kind).
        column: The column at fault, where one is.

    Examples:
        >>> print(RowNote(file="rounds.csv", line=7, column="currency", reason="'BTC' is not ..."))
        rounds.csv:7: currency: 'BTC' is not ...
    """

    file: str
    line: int
    reason: str
    column: str | None = None

    def __str__(self) -> str:
        """Render as ``file:line: column: reason``."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}"
        )


@attrs.frozen(kw_only=True)
class ProviderDifference:
    """One figure of ours beside the provider's, where they differ (or cannot be compared).

    Attributes:
        record: The id of the round or company.
        ours: Our figure, or ``None`` where we have none.
        provider: The provider's figure, or ``None`` where it has none.
        detail: How ours was computed.
    """

    record: str
    ours: Decimal | None
    provider: Decimal | None
    detail: str


@attrs.frozen(kw_only=True)
class ProviderCheck:
    """How one file's records agree with the figures the provider computed for that file.

    Every amount not in US dollars that the provider also gives in US dollars is converted at
    the ECB reference rate of its announced date ([`convert`][aiecosys.convert]). Company totals
    are compared for each company whose rounds the file holds completely: the sum of its round
    amounts in US dollars, secondary sales included, as the provider sums them; rounds without
    an amount are unknown and left out, as the provider leaves them out.

    Attributes:
        file: The file checked.
        fx_checked: Amounts converted and compared with the provider's US-dollar figure.
        fx_within: How many of them are within ``"0.5%"``, ``"1%"`` and ``"2%"`` of it.
        fx_worst: The largest relative difference, or ``None`` when none was compared.
        fx_outside_1pct: Each amount more than 1% from the provider's figure.
        fx_not_converted: Each amount the ECB table cannot convert.
        totals_checked: Company totals compared with the provider's.
        totals_differ: The companies whose total differs.
        investor_counts_checked: Rounds whose investor count was compared with the provider's.
        investor_counts_differ: The rounds whose count differs.
    """

    file: str
    fx_checked: int = 0
    fx_within: dict[str, int] = attrs.field(factory=dict)
    fx_worst: Decimal | None = None
    fx_outside_1pct: tuple[ProviderDifference, ...] = ()
    fx_not_converted: tuple[ProviderDifference, ...] = ()
    totals_checked: int = 0
    totals_differ: tuple[ProviderDifference, ...] = ()
    investor_counts_checked: int = 0
    investor_counts_differ: tuple[ProviderDifference, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Return the check as a JSON-ready dict (decimals as strings, exact)."""

        def diffs(items: tuple[ProviderDifference, ...]) -> list[dict[str, Any]]:
            return [
                {
                    "record": d.record,
                    "ours": None if d.ours is None else str(d.ours),
                    "provider": None if d.provider is None else str(d.provider),
                    "detail": d.detail,
                }
                for d in items
            ]

        return {
            "file": self.file,
            "fx": {
                "checked": self.fx_checked,
                "within": self.fx_within,
                "worst": None if self.fx_worst is None else f"{self.fx_worst:.4%}",
                "outside_1pct": diffs(self.fx_outside_1pct),
                "not_converted": diffs(self.fx_not_converted),
            },
            "totals": {
                "checked": self.totals_checked,
                "equal": self.totals_checked - len(self.totals_differ),
                "differ": diffs(self.totals_differ),
            },
            "investor_counts": {
                "checked": self.investor_counts_checked,
                "equal": self.investor_counts_checked - len(self.investor_counts_differ),
                "differ": diffs(self.investor_counts_differ),
            },
        }

    def lines(self) -> list[str]:
        """Describe the check in a few lines of text, one per kind of figure."""
        out = []
        if self.fx_checked or self.fx_not_converted:
            within = ", ".join(f"{n} within {k}" for k, n in self.fx_within.items())
            worst = "" if self.fx_worst is None else f", worst {self.fx_worst:.2%}"
            out.append(
                f"FX against the provider's USD: {self.fx_checked} amounts, {within}{worst}"
                + (
                    f"; {len(self.fx_not_converted)} not convertible at ECB rates"
                    if self.fx_not_converted
                    else ""
                )
            )
            out.extend(
                f"  outside 1%: {d.record}: ours {d.ours}, provider {d.provider} ({d.detail})"
                for d in self.fx_outside_1pct
            )
        if self.totals_checked:
            equal = self.totals_checked - len(self.totals_differ)
            out.append(f"Totals per company: {equal} of {self.totals_checked} equal the provider's")
            out.extend(
                f"  {d.record}: ours {d.ours}, provider {d.provider} ({d.detail})"
                for d in self.totals_differ[:20]
            )
        if self.investor_counts_checked:
            equal = self.investor_counts_checked - len(self.investor_counts_differ)
            out.append(
                f"Investors per round: {equal} of {self.investor_counts_checked} equal the "
                "provider's count"
            )
            out.extend(
                f"  {d.record}: ours {d.ours}, provider {d.provider} ({d.detail})"
                for d in self.investor_counts_differ[:20]
            )
        return [f"{self.file}: {line}" if not line.startswith("  ") else line for line in out]


def _kind(note: RowNote) -> str:
    return note.reason.split(":")[0]


@attrs.frozen(kw_only=True)
class ImportReport:
    """What an import read, built and passed over, and how it agrees with the provider.

    Attributes:
        format: The kind of export read, such as ``"crunchbase-2016"``.
        rows_read: Data rows read, per file.
        built: Records built, per kind.
        skipped: Every row not built into a record.
        changed: Every row kept with a change (a junk amount read as unknown, a founding date
            dropped because a round precedes it).
        provider_totals: Company id → the export's own total in USD (``None`` where empty or
            junk).
        provider_round_counts: The provider's own count of rounds per company.
        provider_investor_counts: The provider's own count of investors per round.
        files: Each file read and the table it was recognised as (or why it was not read).
        provider_usd: Round id → the provider's own US-dollar figure for the round's amount,
            kept beside our amount as announced, never in its place.
        checks: How each file agrees with the provider's figures.
    """

    format: str
    rows_read: dict[str, int]
    built: dict[str, int]
    skipped: tuple[RowNote, ...]
    changed: tuple[RowNote, ...]
    provider_totals: dict[str, Decimal | None]
    provider_round_counts: dict[str, int]
    provider_investor_counts: dict[str, int]
    files: dict[str, str] = attrs.field(factory=dict)
    provider_usd: dict[str, Money] = attrs.field(factory=dict)
    checks: tuple[ProviderCheck, ...] = ()

    def reasons(self) -> dict[str, int]:
        """Count skipped rows by kind of reason (the part of the reason before its colon)."""
        return dict(Counter(map(_kind, self.skipped)).most_common())

    def changes(self) -> dict[str, int]:
        """Count changed rows by kind of change (the part of the reason before its colon)."""
        return dict(Counter(map(_kind, self.changed)).most_common())

    def to_json(self, *, rows: bool = False) -> dict[str, Any]:
        """Return the report as a JSON-ready dict; with *rows*, every skipped and changed row."""
        doc: dict[str, Any] = {
            "format": self.format,
            "files": self.files,
            "rows_read": self.rows_read,
            "built": self.built,
            "skipped": self.reasons(),
            "changed": self.changes(),
            "checks": [c.to_json() for c in self.checks],
        }
        if rows:
            doc["skipped_rows"] = [attrs.asdict(n) for n in self.skipped]
            doc["changed_rows"] = [attrs.asdict(n) for n in self.changed]
        return doc


@attrs.frozen(kw_only=True)
class CrunchbaseImport:
    """An imported ecosystem and its report.

    Attributes:
        ecosystem: The records built from the export, checked like any ecosystem.
        report: What was read, built, skipped and changed, and how it agrees with the provider.
    """

    ecosystem: Ecosystem
    report: ImportReport
