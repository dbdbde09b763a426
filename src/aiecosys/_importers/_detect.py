"""Recognising a Crunchbase file by what it holds, never by its name.

A JSON file is an API v4 response when it has ``entities`` (a search) or ``properties``
(an entity lookup, with or without ``cards``). A CSV file is recognised by its header: each
table is known by columns that only it has.
"""

from __future__ import annotations

import enum
from pathlib import Path

__all__ = ["Table", "detect_header", "detect_json"]


class Table(enum.Enum):
    """The tables this importer reads, by export; the value names the export."""

    V4_JSON = "crunchbase-v4-json/response"
    PRO_ROUNDS = "crunchbase-pro-csv/funding-rounds"
    PRO_ORGANIZATIONS = "crunchbase-pro-csv/organizations"
    BULK_ORGANIZATIONS = "crunchbase-v4-bulk/organizations"
    BULK_ROUNDS = "crunchbase-v4-bulk/funding-rounds"
    BULK_INVESTMENTS = "crunchbase-v4-bulk/investments"
    BULK_PEOPLE = "crunchbase-v4-bulk/people"
    COMPANIES_2013 = "crunchbase-2013/companies"
    ROUNDS_2013 = "crunchbase-2013/rounds"
    INVESTMENTS_2013 = "crunchbase-2013/investments"
    ROUNDS_2016 = "crunchbase-2016/funding-rounds"
    INVESTORS_2016 = "crunchbase-2016/investors"
    INVESTMENTS_2016 = "crunchbase-2016/investments"

    @property
    def export(self) -> str:
        """The export this table belongs to (``crunchbase-2013``, ``crunchbase-v4-json``…)."""
        return self.value.split("/")[0]


# Most specific first: the first table whose columns are all in the header wins.
_SIGNATURES: tuple[tuple[Table, frozenset[str]], ...] = (
    (Table.PRO_ROUNDS, frozenset({"Transaction Name URL", "Organization Name URL"})),
    (Table.PRO_ORGANIZATIONS, frozenset({"Organization Name URL", "Total Funding Amount"})),
    (Table.PRO_ORGANIZATIONS, frozenset({"Organization Name", "Organization Name URL"})),
    (Table.BULK_ROUNDS, frozenset({"uuid", "org_uuid", "investment_type", "announced_on"})),
    (Table.BULK_INVESTMENTS, frozenset({"uuid", "funding_round_uuid", "investor_uuid"})),
    (Table.BULK_PEOPLE, frozenset({"uuid", "first_name", "last_name"})),
    (Table.BULK_ORGANIZATIONS, frozenset({"uuid", "name", "roles"})),
    (Table.ROUNDS_2016, frozenset({"funding_round_uuid", "company_uuid", "funding_round_type"})),
    (Table.INVESTMENTS_2016, frozenset({"funding_round_uuid", "investor_uuid"})),
    (Table.INVESTORS_2016, frozenset({"uuid", "investor_name", "investor_type"})),
    (Table.COMPANIES_2013, frozenset({"permalink", "name", "funding_total_usd"})),
    (Table.ROUNDS_2013, frozenset({"company_permalink", "funding_round_type", "funded_at"})),
    (Table.INVESTMENTS_2013, frozenset({"company_name", "investor_name", "funded_when"})),
)
_PARTNERS = frozenset({"funding_round_uuid", "investor_uuid", "partner_uuid"})
_ACQUISITIONS = frozenset({"acquirer_permalink", "acquired_at"})


def detect_header(header: tuple[str, ...]) -> Table | str:
    """Return the table a CSV header belongs to, or why it is not read.

    Examples:
        >>> detect_header(("funding_round_uuid", "investor_uuid", "is_lead_investor"))
        <Table.INVESTMENTS_2016: 'crunchbase-2016/investments'>
        >>> detect_header(("name", "email"))
        'not a Crunchbase table this importer knows'
    """
    columns = frozenset(header)
    if columns >= _PARTNERS:
        return "not read: the partners at investors who did each deal"
    if columns >= _ACQUISITIONS:
        return "not read: acquisitions"
    for table, needed in _SIGNATURES:
        if needed <= columns:
            return table
    return "not a Crunchbase table this importer knows"


def detect_json(document: object) -> Table | str:
    """Return ``Table.V4_JSON`` for an API v4 response, or why the document is not read."""
    if isinstance(document, dict) and (
        isinstance(document.get("entities"), list) or isinstance(document.get("properties"), dict)
    ):
        return Table.V4_JSON
    return "not a Crunchbase API v4 response (no 'entities' or 'properties')"


def looks_like_json(path: Path, head: bytes) -> bool:
    """Tell whether a file's first bytes open a JSON object or array."""
    del path
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in {b"{", b"["}
