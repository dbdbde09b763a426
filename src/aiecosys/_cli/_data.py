"""Commands about files: validate, export, import, schema, coverage."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from aiecosys._export import TABLES, write_csv
from aiecosys._terminal import json_safe, printable
from aiecosys.exceptions import DataError

from . import _views as views
from ._app import cli, uses_data, uses_quiet
from ._errors import EXIT_BAD_INPUT, fail, handles_errors
from ._output import Shown, echo, output_options, show, write

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._progress import Progress

__all__ = ["coverage", "export", "import_crunchbase", "schema", "validate"]

_COUNTED = ("companies", "investors", "people", "rounds", "sources", "claims")


@cli.command()
@handles_errors
def schema() -> None:
    """Print the JSON Schema of the aiecosys/1 file format (draft 2020-12)."""
    from aiecosys._schema import schema_text  # noqa: PLC0415 - only this command needs it

    write(json_safe(schema_text()))


@cli.command()
@output_options
@uses_data
def coverage(*, eco: Ecosystem, fmt: str, limit: int | None) -> None:
    """How complete and how well sourced the data is: counts, unknowns, source grades."""
    show(views.coverage(eco.coverage()), fmt, limit)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@output_options
@uses_quiet
@handles_errors
def validate(file: Path, fmt: str, limit: int | None, progress: Progress | None) -> None:
    """Check an aiecosys/1 JSON file; list every problem with its path (exit 2 if any)."""
    from aiecosys._codec import load  # noqa: PLC0415 - loaded when a command runs

    try:
        eco = load(file, progress=progress)
    except DataError as error:
        if fmt == "table":
            fail(str(error), EXIT_BAD_INPUT)
        problems = [{"path": p.path, "message": p.message} for p in error.problems]
        shown = Shown(document={"valid": False, "problems": problems}, rows=problems)
        show(shown, fmt, limit)
        sys.exit(EXIT_BAD_INPUT)
    counts = {name: len(getattr(eco, name)) for name in _COUNTED}
    listed = ", ".join(f"{n} {k}" for k, n in counts.items())
    document = {"valid": True, "counts": counts}
    show(Shown(document=document, rows=[document], text=[f"{file}: valid ({listed})"]), fmt)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "parquet"]),
    default="json",
    show_default=True,
    help="aiecosys/1 JSON (the whole ecosystem), one CSV table, or Parquet files (one per "
    "table, in the --output directory; needs the arrow extra).",
)
@click.option(
    "--table",
    type=click.Choice(sorted(TABLES)),
    default="rounds",
    show_default=True,
    help="With --format csv: which table.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="Write to this file (a directory for parquet) instead of standard output; the file "
    "is replaced atomically, so a failure leaves the old one as it was.",
)
@click.option(
    "--raw",
    is_flag=True,
    help="With --format csv: write cells as they are. By default a cell that starts with "
    "= + - @ ' a tab or a carriage return gets a leading ' so spreadsheets never run it "
    "as a formula.",
)
@uses_data
def export(*, eco: Ecosystem, fmt: str, table: str, output: Path | None, raw: bool) -> None:
    """Write the ecosystem as aiecosys/1 JSON, one of its tables as CSV, or Parquet files.

    Its --format is the file's format: what it writes is the data, not an answer to show.
    """
    from aiecosys import _codec  # noqa: PLC0415 - loaded when a command runs

    if fmt == "parquet":
        if output is None:
            fail("--format parquet needs --output DIRECTORY", EXIT_BAD_INPUT)
        from aiecosys._arrow import write_parquet  # noqa: PLC0415 - needs the arrow extra

        written = write_parquet(eco, output)
        echo(f"Wrote {len(written)} Parquet files to {output}")
        return
    if output is not None:
        if fmt == "json":
            _codec.dump(eco, output)
        else:
            write_csv(eco, table, output, raw=raw)
    elif fmt == "json":
        write(json_safe(_codec.dumps(eco)))
    else:
        text = io.StringIO()
        write_csv(eco, table, text, raw=raw)
        # The file's bytes go to a pipe as they are; a terminal gets them made harmless (its
        # line ends as plain newlines, so that printable() keeps them).
        csv_text = text.getvalue()
        write(printable(csv_text.replace("\r\n", "\n")) if sys.stdout.isatty() else csv_text)


@cli.group("import")
def import_group() -> None:
    """Import another provider's export into an aiecosys/1 file."""


@import_group.command("crunchbase")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The aiecosys/1 JSON file to write.",
)
@click.option(
    "--investments",
    type=click.Path(dir_okay=False, path_type=Path),
    help="One more file to read: the 2013 export's investor rows (company_name, "
    "investor_name, funded_when, amount_usd), or any other export file.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the full import report, every skipped row included, as JSON.",
)
@click.option("--strict", is_flag=True, help="Stop at the first row that cannot be imported.")
@output_options
@uses_quiet
@handles_errors
def import_crunchbase(  # noqa: PLR0917 - click passes one argument per option
    paths: tuple[Path, ...],
    output: Path,
    investments: Path | None,
    report: Path | None,
    strict: bool,
    fmt: str,
    limit: int | None,
    progress: Progress | None,
) -> None:
    """Import Crunchbase exports (files or folders; each file recognised by its content).

    On a terminal a line shows which file is being read; --quiet hides it.
    """
    from aiecosys._atomic import write_text  # noqa: PLC0415 - loaded when a command runs
    from aiecosys._codec import dump  # noqa: PLC0415
    from aiecosys._importers import read_crunchbase  # noqa: PLC0415

    for target in (output, report):
        if target is not None and not target.resolve().parent.is_dir():
            fail(f"cannot write {target}: no such folder {target.parent}", EXIT_BAD_INPUT)
    result = read_crunchbase(paths, investments=investments, strict=strict, progress=progress)
    rep = result.report
    dump(result.ecosystem, output)
    if report is not None:
        write_text(report, json.dumps(rep.to_json(rows=True), indent=2, ensure_ascii=False))
    document = {"output": str(output), **rep.to_json()}
    text = [
        f"Imported {rep.format} export into {output}",
        "Rows read: " + ", ".join(f"{n} in {f}" for f, n in rep.rows_read.items()),
        "Built: " + ", ".join(f"{n} {k}" for k, n in rep.built.items()),
        f"Skipped rows ({len(rep.skipped)}): "
        + (", ".join(f"{n} {k}" for k, n in rep.reasons().items()) or "none"),
        f"Changed rows ({len(rep.changed)}): "
        + (", ".join(f"{n} {k}" for k, n in rep.changes().items()) or "none"),
    ]
    text += [line for check in rep.checks for line in check.lines()]
    if report is None and (rep.skipped or rep.changed):
        text.append("Every row with its line number and reason: add --report FILE")
    show(Shown(document=document, rows=[document], text=text), fmt, limit)
