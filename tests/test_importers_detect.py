"""Recognising each Crunchbase table by its columns, and JSON responses by their shape."""

import pytest

from aiecosys._importers._detect import Table, detect_header, detect_json, looks_like_json
from aiecosys._importers._table import header_of
from tests.helpers import TEST_DATA


@pytest.mark.parametrize(
    ("path", "table"),
    [
        ("crunchbase-pro-csv-excerpt/funding-rounds.csv", Table.PRO_ROUNDS),
        ("crunchbase-pro-csv-excerpt/organizations.csv", Table.PRO_ORGANIZATIONS),
        ("crunchbase-v4-bulk-excerpt/organizations.csv", Table.BULK_ORGANIZATIONS),
        ("crunchbase-v4-bulk-excerpt/people.csv", Table.BULK_PEOPLE),
        ("crunchbase-v4-bulk-excerpt/funding_rounds.csv", Table.BULK_ROUNDS),
        ("crunchbase-v4-bulk-excerpt/investments.csv", Table.BULK_INVESTMENTS),
        ("crunchbase-2016-excerpt-importers/funding_rounds.csv", Table.ROUNDS_2016),
        ("crunchbase-2016-excerpt-importers/investors.csv", Table.INVESTORS_2016),
        ("crunchbase-2016-excerpt-importers/investments.csv", Table.INVESTMENTS_2016),
        ("crunchbase-2013-excerpt/investor-rows.csv", Table.INVESTMENTS_2013),
    ],
)
def test_every_shipped_table_is_recognised(path: str, table: Table):
    """Each excerpt's header names its table, whatever the file is called."""
    text = (TEST_DATA / path).read_text(encoding="utf-8")
    assert detect_header(header_of(text)) is table


def test_the_2013_tables_with_cr_line_ends_are_recognised():
    """The Mac Roman, CR-only 2013 files are recognised from their first line."""
    for name, table in (
        ("crunchbase-companies.csv", Table.COMPANIES_2013),
        ("crunchbase-rounds.csv", Table.ROUNDS_2013),
    ):
        text = (TEST_DATA / "crunchbase-2013-excerpt" / name).read_bytes().decode("mac_roman")
        assert detect_header(header_of(text)) is table


def test_json_shapes():
    """Search responses and entity lookups are v4 JSON; other documents say why not."""
    assert detect_json({"count": 1, "entities": []}) is Table.V4_JSON
    assert detect_json({"properties": {}, "cards": {}}) is Table.V4_JSON
    assert isinstance(detect_json([1, 2]), str)
    assert looks_like_json(TEST_DATA, b'\xef\xbb\xbf  {"a": 1}')
    assert not looks_like_json(TEST_DATA, b"uuid,name\n")


def test_tables_not_imported_say_so():
    """Partners and acquisitions are known and passed over with their reason."""
    assert detect_header(("funding_round_uuid", "investor_uuid", "partner_uuid")) == (
        "not read: the partners at investors who did each deal"
    )
    assert "acquisitions" in str(detect_header(("acquirer_permalink", "acquired_at")))
