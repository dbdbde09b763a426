"""Reading CSV files: encodings, line numbers, ragged rows, bad headers, the field limit."""

import csv
from pathlib import Path

import pytest

from aiecosys import DataError
from aiecosys._importers._table import decode, read_bytes, read_table


def table(text: str) -> list[tuple[int, dict[str, str], tuple[str, ...], bool]]:
    found = read_table(Path("t.csv"), "t.csv", text)
    return [(r.line, r.cells, r.extra, r.short) for r in found.rows()]


def test_line_numbers_are_where_each_row_starts():
    """A row after a multi-line cell is numbered by its own first line; blank rows are left out."""
    rows = table('a,b\n1,"x\ny"\n\n2,z\n')
    assert [(line, cells["a"]) for line, cells, *_ in rows] == [(2, "1"), (5, "2")]


def test_ragged_rows_say_what_is_extra_or_missing():
    """Extra non-empty cells are kept aside; a short row is marked; trailing empties are fine."""
    rows = table("a,b\n1,2,3\n1\n1,2,,\n")
    assert [(extra, short) for _, _, extra, short in rows] == [
        (("3",), False),
        ((), True),
        ((), False),
    ]


def test_a_header_naming_a_column_twice_is_refused():
    """Two columns with one name: which one is meant cannot be known."""
    with pytest.raises(DataError, match=r"t\.csv:1: the header names column 'a' twice"):
        read_table(Path("t.csv"), "t.csv", "a,b,a\n1,2,3\n")


def test_a_cell_over_the_field_limit_names_its_line():
    """The csv module's field limit is a clean error with the row's line."""
    text = "a,b\n1,2\n3," + "x" * (csv.field_size_limit() + 1) + "\n"
    with pytest.raises(DataError, match=r"t\.csv:3: cannot read this CSV row"):
        table(text)


def test_encodings_are_recognised():
    """UTF-8 with a BOM, UTF-16, Mac Roman (CR lines) and Windows-1252 all decode to the text."""
    assert decode("\ufeffCafé".encode()) == ("Café", None)
    assert decode("Café".encode("utf-16")) == ("Café", "UTF-16")
    assert decode("Café\rx\r".encode("mac_roman")) == ("Café\rx\r", "Mac Roman")
    assert decode("Café\n".encode("cp1252")) == ("Café\n", "Windows-1252")
    assert decode(b"\x81\x8d\n")[1] == "Latin-1"


def test_a_missing_file_is_a_clean_error(tmp_path: Path):
    """read_bytes names the file and why it cannot be read."""
    with pytest.raises(DataError, match="cannot read"):
        read_bytes(tmp_path / "nope.csv")
