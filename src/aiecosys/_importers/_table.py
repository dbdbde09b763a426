"""Reading a CSV export into rows that know their file, line and columns.

Exports come as UTF-8 (with or without a byte-order mark) or as Mac Roman with CR-only line
ends (Excel for Mac); both are read. A file that cannot be read, a header naming a column
twice, or a cell over the csv module's field limit is a [`DataError`][aiecosys.DataError] naming
the file (and line); a row with more or fewer cells than the header is read as far as it can
be, and noted.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

import attrs

from aiecosys.exceptions import DataError, Problem

__all__ = ["Row", "Table", "read_bytes", "read_table"]


@attrs.frozen(kw_only=True, slots=True)
class Row:
    """One data row: its file's display name, the line it starts on, and its cells by column."""

    file: str
    line: int
    cells: dict[str, str]
    extra: tuple[str, ...] = ()
    """Cells beyond the header's columns (empty in a well-formed row)."""
    short: bool = False
    """True when the row had fewer cells than the header (the missing ones read as empty)."""

    def get(self, column: str) -> str:
        """Return the cell of *column*, stripped; empty when the row has none."""
        return self.cells.get(column, "")


@attrs.frozen(kw_only=True)
class Table:
    """A CSV file's header and text, ready to be read row by row."""

    path: Path
    name: str
    header: tuple[str, ...]
    text: str

    def rows(self) -> Iterator[Row]:
        """Yield each non-blank data row (the header is line 1)."""
        reader = csv.reader(io.StringIO(self.text, newline=""))
        width = len(self.header)
        start = 1
        try:
            next(reader, None)
            start = reader.line_num + 1
            for cells in reader:
                line, start = start, reader.line_num + 1
                if not any(c.strip() for c in cells):
                    continue
                stripped = [c.strip() for c in cells]
                yield Row(
                    file=self.name,
                    line=line,
                    cells=dict(zip(self.header, stripped, strict=False)),
                    extra=tuple(c for c in stripped[width:] if c),
                    short=len(stripped) < width,
                )
        except csv.Error as error:
            raise DataError(
                [Problem(f"{self.name}:{start}", f"cannot read this CSV row: {error}")],
                source=str(self.path),
            ) from None


def read_bytes(path: Path) -> bytes:
    """Return a file's bytes, or raise a ``DataError`` that says why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DataError([Problem(str(path), f"cannot read: {reason}")]) from None


def decode(data: bytes) -> tuple[str, str | None]:
    r"""Decode a file; return its text and the encoding it was read in, if not UTF-8.

    UTF-8 (a byte-order mark is dropped) and UTF-16 with its byte-order mark are read as
    such. Other text is what Excel writes: Mac Roman where lines end with a lone CR (Excel
    for Mac), else Windows-1252, else Latin-1 (which reads any bytes).

    Examples:
        >>> decode("Café".encode("mac_roman") + b"\r")
        ('Café\r', 'Mac Roman')
        >>> decode("Café\n".encode("cp1252"))
        ('Café\n', 'Windows-1252')
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    crlf = data.count(b"\r\n")
    if data.count(b"\r") - crlf > data.count(b"\n") - crlf:
        return data.decode("mac_roman"), "Mac Roman"
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def header_of(text: str) -> tuple[str, ...]:
    """Return the stripped cells of the first CSV line of *text* (empty if it has none)."""
    first = text[: text.find("\n", 0, 1 << 20) + 1 or 1 << 20]
    if "\r" in first:
        first = first.split("\r", 1)[0]
    try:
        return tuple(c.strip() for c in next(csv.reader([first]), []))
    except csv.Error:
        return ()


def read_table(path: Path, name: str, text: str) -> Table:
    """Return the table in *text* (read from *path*), checking its header."""
    header = header_of(text)
    seen: set[str] = set()
    for column in header:
        if column and column in seen:
            raise DataError(
                [Problem(f"{name}:1", f"the header names column {column[:40]!r} twice")],
                source=str(path),
            )
        seen.add(column)
    return Table(path=path, name=name, header=header, text=text)
