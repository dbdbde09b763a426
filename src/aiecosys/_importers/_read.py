"""``read_crunchbase``: find what each file holds, then hand each export to its reader."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aiecosys._codec import _collector_paused
from aiecosys._progress import Progress, report
from aiecosys.exceptions import DataError, Problem

from ._builder import Builder
from ._crunchbase_2013 import read_2013
from ._crunchbase_2016 import read_2016
from ._crunchbase_pro_csv import read_pro_csv
from ._crunchbase_v4_bulk import read_v4_bulk
from ._crunchbase_v4_json import load_json, read_v4_json
from ._detect import Table, detect_header, detect_json, looks_like_json
from ._report import CrunchbaseImport
from ._table import Table as CsvTable
from ._table import decode, header_of, read_bytes, read_table

__all__ = ["read_crunchbase"]

PathLike = str | Path


def read_crunchbase(
    source: PathLike | Iterable[PathLike],
    *,
    investments: PathLike | None = None,
    strict: bool = False,
    progress: Progress | None = None,
) -> CrunchbaseImport:
    """Import Crunchbase exports: a folder, a file, or several of either.

    Each file is recognised by what it holds, not by its name: API v4 JSON (search
    responses and entity lookups with cards), Pro "Export CSV" files (funding rounds and
    organizations), the v4 bulk CSV tables, and the 2013 and 2016 CSV exports. Files that
    hold none of these are listed in ``report.files`` and passed over.

    One bad row never stops the import: it is skipped (or kept with a change) and listed
    in the report with its file, line, column and reason. With *strict*, the first row that
    cannot be imported as written raises ``DataError`` instead. *investments* adds one more
    file (the 2013 export's investor rows, for instance); it is read like any other.
    *progress*, if given, is called as ``progress(what, done, total)`` as each file is read
    and once the records are built (see ``docs/cli.md``: the command line draws it).

    Returns:
        A [`CrunchbaseImport`][aiecosys.CrunchbaseImport]: the ecosystem, and the report with the
        agreement of every file with the provider's own figures (``report.checks``).

    Raises:
        DataError: a file is missing or unreadable, is malformed beyond one row (a header
            naming a column twice, a cell over the csv field limit, invalid JSON), or no
            file holds a Crunchbase export.

    Examples:
        >>> result = read_crunchbase("tests/data/crunchbase-2016-excerpt-importers")
        >>> result.report.format
        'crunchbase-2016'
    """
    paths = _files(source, investments)
    with _collector_paused():  # millions of new records: no collection passes while building
        return _read(source, paths, strict=strict, progress=progress)


def _read(
    source: PathLike | Iterable[PathLike],
    paths: list[tuple[Path, str]],
    *,
    strict: bool,
    progress: Progress | None,
) -> CrunchbaseImport:
    b = Builder(strict=strict)
    tables: defaultdict[Table, list[CsvTable]] = defaultdict(list)
    documents: list[tuple[str, Any]] = []
    steps = len(paths) + 1
    for done, (path, name) in enumerate(paths):
        report(progress, f"reading {name}", done, steps)
        data = read_bytes(path)
        text, encoding = decode(data)
        kind: Table | str
        if looks_like_json(path, data[:64]):
            document = load_json(name, text)
            kind = detect_json(document)
            if kind is Table.V4_JSON:
                documents.append((name, document))
        else:
            kind = detect_header(header_of(text))
            if isinstance(kind, Table):
                tables[kind].append(read_table(path, name, text))
        b.files[name] = kind.value if isinstance(kind, Table) else kind
        if encoding is not None:
            b.files[name] += f" (not UTF-8: read as {encoding})"
    report(progress, "building records", len(paths), steps)
    exports = _read_exports(b, tables, documents)
    if not exports:
        listed = "; ".join(f"{name}: {what}" for name, what in b.files.items()) or "no files"
        raise DataError([Problem(_shown(source), f"no Crunchbase export found ({listed[:2000]})")])
    result = b.finish(" + ".join(exports))
    report(progress, "imported", steps, steps)
    return result


def _read_exports(  # noqa: C901 - one branch per export
    b: Builder, tables: dict[Table, list[CsvTable]], documents: list[tuple[str, Any]]
) -> list[str]:
    """Hand each export found to its reader; return the exports read, in a fixed order."""
    read: list[str] = []

    def one(kind: Table) -> CsvTable | None:
        found = tables.get(kind, [])
        for extra in found[1:]:
            b.files[extra.name] = f"not read: a second {kind.value} table ({found[0].name} is read)"
        return found[0] if found else None

    companies, rounds = one(Table.COMPANIES_2013), one(Table.ROUNDS_2013)
    if companies is not None and rounds is not None:
        read_2013(b, companies, rounds, one(Table.INVESTMENTS_2013))
        read.append("crunchbase-2013")
    rounds_2016 = one(Table.ROUNDS_2016)
    if rounds_2016 is not None:
        read_2016(b, rounds_2016, one(Table.INVESTORS_2016), one(Table.INVESTMENTS_2016))
        read.append("crunchbase-2016")
    bulk_rounds = one(Table.BULK_ROUNDS)
    if bulk_rounds is not None:
        read_v4_bulk(
            b,
            one(Table.BULK_ORGANIZATIONS),
            one(Table.BULK_PEOPLE),
            bulk_rounds,
            one(Table.BULK_INVESTMENTS),
        )
        read.append("crunchbase-v4-bulk")
    if tables.get(Table.PRO_ROUNDS) or tables.get(Table.PRO_ORGANIZATIONS):
        read_pro_csv(b, tables.get(Table.PRO_ROUNDS, []), tables.get(Table.PRO_ORGANIZATIONS, []))
        read.append("crunchbase-pro-csv")
    if documents:
        read_v4_json(b, documents)
        read.append("crunchbase-v4-json")
    for kind, found in tables.items():
        for table in found:
            if table.name not in b.rows_read and not b.files[table.name].startswith("not"):
                b.files[table.name] = f"not read: {kind.value} without the table it joins"
    return read


def _shown(source: PathLike | Iterable[PathLike]) -> str:
    if isinstance(source, str | Path):
        return str(source)
    return ", ".join(map(str, source))[:300]


def _files(
    source: PathLike | Iterable[PathLike], investments: PathLike | None
) -> list[tuple[Path, str]]:
    """List the files to read (a folder's files, by name), each with the name shown for it."""
    given = [source] if isinstance(source, str | Path) else list(source)
    if investments is not None:
        given.append(investments)
    paths: list[Path] = []
    for item in given:
        path = Path(item)
        if path.is_dir():
            paths.extend(
                p for p in sorted(path.iterdir()) if p.is_file() and not p.name.startswith(".")
            )
        elif path.exists():
            paths.append(path)
        else:
            raise DataError([Problem(str(path), "cannot read: no such file or folder")])
    unique = list(dict.fromkeys(paths))
    names = [p.name for p in unique]
    return [(p, p.name if names.count(p.name) == 1 else str(p)) for p in unique]
