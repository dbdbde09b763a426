"""The ``aiecosys`` command line: a thin twin of the query helpers.

Each command calls the library's query of the same name, with the same option names. Tables
are for people; ``--json`` prints stable JSON for scripts. Exit codes: 0 ok, 1 not found,
2 bad usage, bad data or a file that cannot be read or written, 130 interrupted (Ctrl-C),
141 standard output closed early (``| head``). Errors go to standard error as one message,
never as a traceback. Every file is written atomically (see ``_atomic``).
"""

from __future__ import annotations

import functools
import io
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click

from aiecosys import _bundled, _codec
from aiecosys._arrow import write_parquet
from aiecosys._atomic import write_text
from aiecosys._ecosystem import Ecosystem
from aiecosys._export import TABLES, write_csv
from aiecosys._graph import co_investment_graph, investment_graph, write_graph
from aiecosys._importers import read_crunchbase
from aiecosys._model import Claim, Round, Stage, Verdict
from aiecosys._money import Money
from aiecosys._plots import plot_funding, plot_network
from aiecosys._results import AsOf, CoInvestor, CompanyTotal
from aiecosys._terminal import json_safe, printable, quiet_broken_pipe, tolerant_streams
from aiecosys.exceptions import AiecosysError, AmbiguousKey, DataError, NotFound, WriteError

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_NOT_FOUND = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a writer whose reader went away

# Output helpers -------------------------------------------------------------------------------

# Output helpers -------------------------------------------------------------------------------


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(c) for c in headers], *[[("" if c is None else str(c)) for c in r] for r in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(_is_amount(row[i]) for row in cells[1:] if row[i]) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if n else c.ljust(w) for c, w, n in zip(row, widths, numeric, strict=True)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def _is_amount(text: str) -> bool:
    return (text[:3].isupper() and text[3:4] == " ") or text.replace(",", "").isdigit()


def _money(money: Money | None) -> str:
    """Show an amount for people: whole units from 1,000 up (JSON output stays exact)."""
    if money is None:
        return "undisclosed"
    if abs(money.amount) >= 1000:  # noqa: PLR2004
        return f"{money.currency} {money.amount:,.0f}"
    return f"{money.currency} {money.amount:,.2f}"


def _json_money(money: Money | None) -> dict[str, str] | None:
    return None if money is None else {"amount": str(money.amount), "currency": money.currency}


def _total_json(total: CompanyTotal) -> dict[str, Any]:
    """A total for scripts: the known amount (null when unknown) and what it leaves out."""
    return {
        "total_raised": _json_money(total.known),
        "complete": total.complete,
        "rounds_counted": total.rounds,
        "undisclosed_rounds": total.undisclosed,
        "uncertain_rounds": total.uncertain,
        "uncertain_total": _json_money(total.uncertain_known),
        "uncertain_undisclosed_rounds": total.uncertain_undisclosed,
        "text": str(total),
    }


def _possibly(as_of: object, items: Sequence[str]) -> str:
    """A line naming what holds only possibly by *as_of* (empty when nothing does)."""
    if not items:
        return ""
    return (
        f"\n  possibly by {as_of}, rounds dated to the month or year ({len(items)}): "
        + ", ".join(items)
    )


def _echo(text: str = "") -> None:
    """Print a line for people, with anything a terminal would act on shown as an escape."""
    _write(printable(text) + "\n")


def _emit_json(value: object) -> None:
    _write(json_safe(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)) + "\n")


class _ReaderGone(Exception):
    """Standard output's reader went away; not an OSError, so that click lets it through."""


def _write(text: str) -> None:
    """Write to standard output; a failure other than a closed pipe is a write error."""
    try:
        # Straight to sys.stdout, not click.echo: click would re-wrap an ASCII stream as UTF-8,
        # while tolerant_streams() has made sys.stdout write what it lacks as escapes.
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise _ReaderGone from None
    except OSError as error:
        raise WriteError(error.errno, error.strerror, "standard output") from None


def _record(value: object) -> Any:
    return _codec.make_converter().unstructure(value)


# Shared options ---------------------------------------------------------------------------------


def _load(data: Path | None) -> Ecosystem:
    return _bundled.load(data)


def _fail_with(error: Exception) -> None:
    """Report a library or file error as one message and exit with its code (the error map)."""
    if isinstance(error, NotFound | AmbiguousKey):
        _fail(str(error), EXIT_NOT_FOUND)
    if isinstance(error, AiecosysError):  # DataError, WriteError, MissingDependency, …
        _fail(str(error), EXIT_BAD_INPUT)
    if isinstance(error, OSError):
        # Every write goes through _atomic and comes out as a WriteError: this is a read.
        where = f" {error.filename}" if error.filename is not None else ""
        _fail(f"cannot read{where}: {error.strerror or error}", EXIT_BAD_INPUT)
    raise error


def handles_errors(command: F) -> F:
    """Turn library and file errors raised by *command* into one message and an exit code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (AiecosysError, OSError) as error:
            _fail_with(error)
        except KeyboardInterrupt:
            # Here, not in main(): click would print a blank line before its own message.
            _fail("interrupted", EXIT_INTERRUPTED)

    return run  # type: ignore[return-value]


def common(command: F) -> F:
    """Add ``--data`` and ``--json`` to a command and turn library errors into exit codes."""

    @click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
    @click.option(
        "--data",
        type=click.Path(dir_okay=False, path_type=Path),
        help="An aiecosys/1 JSON file to use instead of the bundled dataset.",
    )
    @functools.wraps(command)
    @handles_errors
    def run(*args: Any, data: Path | None, as_json: bool, **kwargs: Any) -> Any:
        return command(*args, eco=_load(data), as_json=as_json, **kwargs)

    return run  # type: ignore[return-value]


def _fail(message: str, code: int) -> None:
    # One message; newlines in it (a data error lists its problems) indent what follows.
    sys.stderr.write(f"aiecosys: {printable(message)}\n")
    sys.stderr.flush()
    sys.exit(code)


_currency = click.option(
    "--currency",
    default="USD",
    show_default=True,
    help="ISO 4217 code of the currency to convert amounts to.",
)
_as_of = click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Only what was surely so by DATE (YYYY, YYYY-MM or YYYY-MM-DD; a month or year means "
    "its last day); what a date known only to the month or year may put either side of DATE "
    "is shown as possibly.",
)


# Commands ---------------------------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="aiecosys")
def cli() -> None:
    """Query the AI startup ecosystem: companies, investors, rounds, people and claims.

    Every command reads the bundled dataset, or the aiecosys/1 JSON file given with --data.
    Exit codes: 0 ok, 1 not found, 2 bad usage or bad data.
    """


@cli.command()
@_currency
@click.option(
    "--top",
    default=5,
    show_default=True,
    type=click.IntRange(1, 100),
    help="How many companies and investors to rank.",
)
@_as_of
@common
def summary(*, eco: Ecosystem, as_json: bool, currency: str, top: int, as_of: str | None) -> None:
    """An overview: counts, who raised most, the most active investors, contradicted claims."""
    s = eco.summary(currency=currency, top=top, as_of=as_of)
    if as_json:
        _emit_json(
            {
                "version": s.version,
                "horizon": _bundled.DATA_HORIZON if s.version == _bundled.DATA_VERSION else None,
                "currency": s.currency,
                "as_of": as_of,
                "counts": s.counts,
                "raised_most": [
                    {"company": t.company.id, "name": t.company.name, **_total_json(t)}
                    for t in s.raised_most
                ],
                "unranked": [
                    {"company": t.company.id, "name": t.company.name, **_total_json(t)}
                    for t in s.unranked
                ],
                "most_active": [
                    {
                        "investor": a.investor.id,
                        "name": a.investor.name,
                        "rounds": a.rounds,
                        "leads": a.leads,
                        "uncertain_rounds": a.uncertain,
                    }
                    for a in s.most_active
                ],
                "contradicted": [_record(c) for c in s.contradicted],
            }
        )
        return
    counts = ", ".join(f"{n} {k}" for k, n in s.counts.items())
    _echo(f"Ecosystem{_data_version(s.version)}: {counts}\n")
    by = f", as of {as_of}" if as_of else ""
    _echo(f"Raised most ({currency}, each round converted at the ECB rate of its date{by})")
    if any(not t.complete for t in s.raised_most):
        _echo("≥ marks a lower bound: rounds undisclosed, or possibly announced by the date.")
    _echo(
        _table(
            ["company", "total raised", "rounds", "undisclosed", "possibly"],
            [
                [t.company.name, t.headline, t.rounds, t.undisclosed, t.uncertain]
                for t in s.raised_most
            ],
        )
    )
    if s.unranked:
        _echo("\nNot ranked, no amount surely known")
        for t in s.unranked:
            _echo(f"- {t.company.name}: {t}")
    _echo("\nMost active investors")
    _echo(
        _table(
            ["investor", "rounds", "leads", "possibly"],
            [[a.investor.name, a.rounds, a.leads, a.uncertain] for a in s.most_active],
        )
    )
    _echo(f"\nContradicted claims ({len(s.contradicted)})")
    for claim in s.contradicted:
        _echo(f"- {_subject(eco, claim)}: “{claim.statement}”")
        if claim.explanation:
            _echo(f"  {claim.explanation}")


@cli.command()
@handles_errors
def schema() -> None:
    """Print the JSON Schema of the aiecosys/1 file format (draft 2020-12)."""
    from aiecosys._schema import schema_text  # noqa: PLC0415 - only this command needs it

    _write(json_safe(schema_text()))


@cli.command()
@common
def coverage(*, eco: Ecosystem, as_json: bool) -> None:
    """How complete and how well sourced the data is: counts, unknowns, source grades."""
    report = eco.coverage()
    if as_json:
        _emit_json(attrs.asdict(report) | {"share_on_a_or_b": float(report.share_on_a_or_b)})
        return
    _echo(_table(["what", "figure"], report.rows()))


def _data_version(version: str | None) -> str:
    """Name the data version, and the horizon where it is the bundled data's."""
    if version is None:
        return ""
    if version == _bundled.DATA_VERSION:
        return f" (data version {version}, searched to {_bundled.DATA_HORIZON})"
    return f" (data version {version})"


def _subject(eco: Ecosystem, claim: Claim) -> str:
    record = eco.record(claim.subject)
    if isinstance(record, Round):
        return f"{eco.company(record.company).name} {record.stage.value} ({record.announced})"
    return getattr(record, "name", record.id)


@cli.command()
@click.argument("name")
@_currency
@_as_of
@common
def company(*, eco: Ecosystem, as_json: bool, name: str, currency: str, as_of: str | None) -> None:
    """A company's profile: founders, rounds with original and converted amounts, claims."""
    found = eco.company(name)
    breakdown = eco.funding_breakdown(found, currency=currency, as_of=as_of)
    total = breakdown.total
    investors = eco.investors_in(found, as_of=as_of)
    claims = eco.claims_about(found)
    founders = [eco.person(p).name for p in found.founders]
    possibly = breakdown.possibly.rounds if breakdown.possibly else ()
    converted = {f.round.id: f.converted for f in (*breakdown.rounds, *possibly)}
    rounds = eco.rounds_of(found, as_of=as_of)
    if as_json:

        def listed(found: Sequence[Round]) -> list[Any]:
            return [{**_record(r), "converted": _json_money(converted.get(r.id))} for r in found]

        _emit_json(
            {
                "company": _record(found),
                "founders": founders,
                "as_of": as_of,
                "rounds": listed(rounds),
                "possibly_rounds": listed(rounds.possibly),
                "total": _total_json(total),
                "total_raised": _json_money(total.known),
                "currency": currency,
                "investors": [i.id for i in investors],
                "possibly_investors": [i.id for i in investors.possibly],
                "claims": [_record(c) for c in claims],
            }
        )
        return
    _echo(f"{found.name} ({found.id})")
    _echo(f"  founded: {found.founded or 'unknown'}    country: {found.country or '?'}")
    if founders:
        _echo(f"  founders: {', '.join(founders)}")
    _echo()
    _echo(_rounds_table(eco, rounds, converted, currency))
    if rounds.possibly:
        _echo(f"\nPossibly announced by {as_of} (dated only to the month or year)")
        _echo(_rounds_table(eco, rounds.possibly, converted, currency))
    _echo(f"\nTotal raised{f' as of {as_of}' if as_of else ''}: {total}")
    _echo(
        f"Investors ({len(investors)}): {', '.join(i.name for i in investors)}"
        + _possibly(as_of, [i.name for i in investors.possibly])
    )
    _print_claims(eco, claims)


def _rounds_table(
    eco: Ecosystem, rounds: Sequence[Round], converted: dict[str, Money], currency: str
) -> str:
    rows = []
    for r in rounds:
        leads = ", ".join(eco.investor(i).name for i in r.leads)
        shown = (
            "(secondary)"
            if r.stage is Stage.SECONDARY
            else _money(converted.get(r.id))
            if r.amount
            else ""
        )
        rows.append([r.announced, r.stage.value, _money(r.amount), shown, leads or "-"])
    return _table(["announced", "stage", "amount", f"in {currency}", "lead"], rows)


def _print_claims(eco: Ecosystem, claims: Sequence[Claim]) -> None:
    if not claims:
        return
    _echo(f"\nClaims ({len(claims)})")
    for claim in claims:
        _echo(f"- [{claim.verdict.value}] {_subject(eco, claim)}: “{claim.statement}”")


@cli.command()
@click.argument("name")
@_as_of
@common
def investor(*, eco: Ecosystem, as_json: bool, name: str, as_of: str | None) -> None:
    """An investor's portfolio and co-investors."""
    found = eco.investor(name)
    portfolio = eco.portfolio(found, as_of=as_of)
    partners = eco.co_investors(found, as_of=as_of)
    if as_json:
        _emit_json(
            {
                "investor": _record(found),
                "as_of": as_of,
                "portfolio": [c.id for c in portfolio],
                "possibly_portfolio": [c.id for c in portfolio.possibly],
                "co_investors": _co_investors_json(partners),
            }
        )
        return
    _echo(f"{found.name} ({found.id}, {found.kind.value})")
    _echo(
        f"Portfolio ({len(portfolio)}): {', '.join(c.name for c in portfolio)}"
        + _possibly(as_of, [c.name for c in portfolio.possibly])
    )
    maybe = f", and {len(partners.possibly)} possibly" if partners.possibly else ""
    _echo(f"\nCo-investors ({len(partners)}{maybe})")
    _echo(_co_investor_table(partners))


def _co_investors_json(partners: AsOf[CoInvestor]) -> list[dict[str, Any]]:
    return [
        {
            "investor": c.investor.id,
            "name": c.investor.name,
            "rounds": [r.id for r in c.rounds],
            "uncertain_rounds": [r.id for r in c.uncertain],
            "possibly": possibly,
        }
        for possibly, found in ((False, partners.surely), (True, partners.possibly))
        for c in found
    ]


def _co_investor_table(partners: AsOf[CoInvestor]) -> str:
    def rounds(c: CoInvestor) -> str:
        return ", ".join([r.id for r in c.rounds] + [f"{r.id} (possibly)" for r in c.uncertain])

    rows = [[c.investor.name, c.shared, rounds(c)] for c in partners.surely]
    rows += [[f"{c.investor.name} (possibly)", 0, rounds(c)] for c in partners.possibly]
    return _table(["co-investor", "shared rounds", "rounds"], rows)


@cli.command()
@click.argument("name")
@_as_of
@common
def person(*, eco: Ecosystem, as_json: bool, name: str, as_of: str | None) -> None:
    """A person's roles (those held on --as-of DATE) and the claims about them."""
    found = eco.person(name)
    roles = eco.roles_of(found, as_of=as_of)
    claims = eco.claims_about(found)
    if as_json:
        _emit_json(
            {
                "person": _record(found),
                "as_of": as_of,
                "roles": [_record(r) for r in roles],
                "possibly_roles": [_record(r) for r in roles.possibly],
                "claims": [_record(c) for c in claims],
            }
        )
        return
    _echo(f"{found.name} ({found.id})" + (f", roles held on {as_of}" if as_of else ""))
    rows = [
        [
            getattr(eco.record(r.organisation), "name", r.organisation),
            r.title if sure else f"{r.title} (possibly)",
            r.start or "",
            r.end or "",
        ]
        for sure, listed in ((True, roles.surely), (False, roles.possibly))
        for r in listed
    ]
    _echo(_table(["organisation", "title", "from", "to"], rows))
    _print_claims(eco, claims)


@cli.command("total-raised")
@click.argument("name")
@_currency
@_as_of
@click.option(
    "--strict",
    is_flag=True,
    help="Fail (exit 2) unless the total is exact: no round undisclosed or possibly announced.",
)
@common
def total_raised(
    *, eco: Ecosystem, as_json: bool, name: str, currency: str, as_of: str | None, strict: bool
) -> None:
    """How much a company raised, converted at each round's date; ≥ marks a lower bound."""
    found = eco.company(name)
    total = eco.total_raised(found, currency=currency, as_of=as_of, strict=strict)
    if as_json:
        _emit_json(
            {
                "company": found.id,
                "name": found.name,
                "as_of": as_of,
                "currency": currency,
                **_total_json(total),
            }
        )
        return
    _echo(f"{found.name}{f', as of {as_of}' if as_of else ''}: {total}")


@cli.command("co-investors")
@click.argument("name")
@_as_of
@common
def co_investors(*, eco: Ecosystem, as_json: bool, name: str, as_of: str | None) -> None:
    """Who invested in the same rounds as an investor, most shared rounds first."""
    partners = eco.co_investors(name, as_of=as_of)
    if as_json:
        _emit_json(_co_investors_json(partners))
        return
    _echo(_co_investor_table(partners))


@cli.command()
@click.option("--company", help="Only this company's rounds.")
@click.option("--investor", help="Only rounds this investor took part in.")
@click.option("--stage", type=click.Choice([s.value for s in Stage]), help="Only this stage.")
@click.option("--since", metavar="DATE", help="Announced on or after DATE.")
@click.option("--until", metavar="DATE", help="Announced on or before DATE.")
@_currency
@common
def rounds(
    *,
    eco: Ecosystem,
    as_json: bool,
    company: str | None,
    investor: str | None,
    stage: str | None,
    since: str | None,
    until: str | None,
    currency: str,
) -> None:
    """Funding rounds, in announcement order, filtered by any of the options."""
    found = eco.find_rounds(
        company=company, investor=investor, stage=stage, since=since, until=until
    )
    if as_json:
        _emit_json([_record(r) for r in found])
        return
    rows = [
        [
            r.announced,
            eco.company(r.company).name,
            r.stage.value,
            _money(r.amount),
            _money(r.amount.convert(currency, on=r.announced).converted) if r.amount else "",
            ", ".join(eco.investor(i).name for i in r.leads) or "-",
        ]
        for r in found
    ]
    _echo(_table(["announced", "company", "stage", "amount", f"in {currency}", "lead"], rows))


@cli.command()
@click.option(
    "--verdict",
    type=click.Choice([v.value for v in Verdict]),
    help="Only claims with this verdict.",
)
@click.option("--about", metavar="NAME", help="Only claims about this record (by name or id).")
@common
def claims(*, eco: Ecosystem, as_json: bool, verdict: str | None, about: str | None) -> None:
    """Claims made by sources, with their verdicts and the evidence."""
    found = eco.claims_about(about, verdict=verdict) if about else eco.find_claims(verdict=verdict)
    if as_json:
        _emit_json([_record(c) for c in found])
        return
    for claim in found:
        _echo(
            f"[{claim.verdict.value}] {_subject(eco, claim)} · {claim.field}: “{claim.statement}”"
        )
        if claim.explanation:
            _echo(f"    {claim.explanation}")
        if claim.evidence:
            _echo(f"    evidence: {', '.join(claim.evidence)}")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@handles_errors
def validate(file: Path, as_json: bool) -> None:
    """Check an aiecosys/1 JSON file; list every problem with its path (exit 2 if any)."""
    try:
        eco = _codec.load(file)
    except DataError as error:
        if as_json:
            _emit_json(
                {
                    "valid": False,
                    "problems": [{"path": p.path, "message": p.message} for p in error.problems],
                }
            )
            sys.exit(EXIT_BAD_INPUT)
        _fail(str(error), EXIT_BAD_INPUT)
    else:
        counts = {
            name: len(getattr(eco, name))
            for name in ("companies", "investors", "people", "rounds", "sources", "claims")
        }
        if as_json:
            _emit_json({"valid": True, "counts": counts})
        else:
            _echo(f"{file}: valid ({', '.join(f'{n} {k}' for k, n in counts.items())})")


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
@common
def export(
    *, eco: Ecosystem, as_json: bool, fmt: str, table: str, output: Path | None, raw: bool
) -> None:
    """Write the ecosystem as aiecosys/1 JSON, one of its tables as CSV, or Parquet files."""
    del as_json  # export always writes the chosen format
    if fmt == "parquet":
        if output is None:
            _fail("--format parquet needs --output DIRECTORY", EXIT_BAD_INPUT)
        else:
            written = write_parquet(eco, output)
            _echo(f"Wrote {len(written)} Parquet files to {output}")
        return
    if output is not None:
        if fmt == "json":
            _codec.dump(eco, output)
        else:
            write_csv(eco, table, output, raw=raw)
    elif fmt == "json":
        _write(json_safe(_codec.dumps(eco)))
    else:
        text = io.StringIO()
        write_csv(eco, table, text, raw=raw)
        # The file's bytes go to a pipe as they are; a terminal gets them made harmless (its
        # line ends as plain newlines, so that printable() keeps them).
        csv_text = text.getvalue()
        _write(printable(csv_text.replace("\r\n", "\n")) if sys.stdout.isatty() else csv_text)


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
@click.option("--json", "as_json", is_flag=True, help="Print the report summary as JSON.")
@handles_errors
def import_crunchbase(  # noqa: PLR0917 - click passes one argument per option
    paths: tuple[Path, ...],
    output: Path,
    investments: Path | None,
    report: Path | None,
    strict: bool,
    as_json: bool,
) -> None:
    """Import Crunchbase exports (files or folders; each file recognised by its content)."""
    for target in (output, report):
        if target is not None and not target.resolve().parent.is_dir():
            _fail(f"cannot write {target}: no such folder {target.parent}", EXIT_BAD_INPUT)
    try:
        result = read_crunchbase(paths, investments=investments, strict=strict)
    except DataError as error:
        _fail(str(error), EXIT_BAD_INPUT)
    rep = result.report
    _codec.dump(result.ecosystem, output)
    if report is not None:
        write_text(report, json.dumps(rep.to_json(rows=True), indent=2, ensure_ascii=False))
    if as_json:
        _emit_json({"output": str(output), **rep.to_json()})
        return
    _echo(f"Imported {rep.format} export into {output}")
    _echo("Rows read: " + ", ".join(f"{n} in {f}" for f, n in rep.rows_read.items()))
    _echo("Built: " + ", ".join(f"{n} {k}" for k, n in rep.built.items()))
    _echo(
        f"Skipped rows ({len(rep.skipped)}): "
        + (", ".join(f"{n} {k}" for k, n in rep.reasons().items()) or "none")
    )
    _echo(
        f"Changed rows ({len(rep.changed)}): "
        + (", ".join(f"{n} {k}" for k, n in rep.changes().items()) or "none")
    )
    for check in rep.checks:
        for line in check.lines():
            _echo(line)
    if report is None and (rep.skipped or rep.changed):
        _echo("Every row with its line number and reason: add --report FILE")


@cli.command()
@click.option(
    "--kind",
    type=click.Choice(["co-investment", "investment"]),
    default="co-investment",
    show_default=True,
    help="Investors linked by shared rounds, or the bipartite investor-company graph.",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A .graphml or .gexf file (Gephi reads both).",
)
@common
def graph(*, eco: Ecosystem, as_json: bool, kind: str, output: Path) -> None:
    """Write the co-investment network or the investor-company graph for Gephi."""
    built = co_investment_graph(eco) if kind == "co-investment" else investment_graph(eco)
    write_graph(built, output)
    counts = {"nodes": built.number_of_nodes(), "edges": built.number_of_edges()}
    if as_json:
        _emit_json({"output": str(output), "kind": kind, **counts})
    else:
        _echo(f"Wrote {counts['nodes']} nodes and {counts['edges']} edges to {output}")


@cli.group()
def plot() -> None:
    """Draw pictures of the ecosystem (needs the plot extra: matplotlib and networkx)."""


_picture = click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="An .svg or .png file to write.",
)


@plot.command("network")
@click.option("--investor", metavar="NAME", help="Only this investor and its co-investors.")
@click.option("--company", metavar="NAME", help="Only this company's investors.")
@_picture
@common
def plot_network_command(
    *, eco: Ecosystem, as_json: bool, investor: str | None, company: str | None, output: Path
) -> None:
    """Draw the co-investment network: investors sized by deals, edges by shared rounds."""
    picture = plot_network(eco, investor=investor, company=company)
    picture.save(output)
    drawn = picture.content
    if as_json:
        _emit_json(
            {"output": str(output), "nodes": len(drawn["nodes"]), "edges": len(drawn["edges"])}
        )
    else:
        _echo(
            f"Drew {len(drawn['nodes'])} investors and {len(drawn['edges'])} "
            f"co-investment links to {output}"
        )


@plot.command("funding")
@click.argument("companies", nargs=-1, required=True)
@_currency
@_picture
@common
def plot_funding_command(
    *, eco: Ecosystem, as_json: bool, companies: tuple[str, ...], currency: str, output: Path
) -> None:
    """Draw cumulative funding over time for one or more companies, in one currency."""
    picture = plot_funding(eco, companies, currency=currency)
    picture.save(output)
    points = picture.content["points"]
    if as_json:
        _emit_json({"output": str(output), "rounds": {c: len(p) for c, p in points.items()}})
    else:
        _echo(
            f"Drew {sum(len(p) for p in points.values())} rounds of "
            f"{len(points)} companies to {output}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``aiecosys`` console script) and exit with its code.

    Usage errors are one line (exit 2); Ctrl-C is "interrupted" (exit 130); a reader that
    stops reading early (``aiecosys summary | head -1``) ends the command quietly (exit 141).
    """
    tolerant_streams()
    try:
        code = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="aiecosys",
            standalone_mode=False,
        )
        _flush()  # inside the try: the last lines may meet a closed pipe here
    except (BrokenPipeError, _ReaderGone):
        quiet_broken_pipe()
        code = EXIT_BROKEN_PIPE
    except (KeyboardInterrupt, click.exceptions.Abort):
        _fail("interrupted", EXIT_INTERRUPTED)
    except click.ClickException as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # click 8.2+: a bare group shows help
            error.show()
            sys.exit(error.exit_code)
        _fail(_one_line(error), error.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


def _flush() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _fail(f"cannot write standard output: {error.strerror or error}", EXIT_BAD_INPUT)


def _one_line(error: click.ClickException) -> str:
    message = " ".join(error.format_message().split())
    context = getattr(error, "ctx", None)
    if isinstance(error, click.UsageError) and context is not None:
        message += f" (see '{context.command_path} --help')"
    return message


def reference() -> str:
    """Render the Markdown reference of every command from its ``--help`` text."""
    lines = [
        "# Command line reference",
        "",
        "Generated from the commands' help by `python docs/cli_reference.py`.",
        "",
    ]
    context = click.Context(cli, info_name="aiecosys", terminal_width=100, **cli.context_settings)
    lines += ["```text", cli.get_help(context), "```", ""]
    for name in sorted(cli.list_commands(context)):
        command = cli.get_command(context, name)
        assert command is not None  # noqa: S101 - listed names always resolve
        sub = click.Context(command, info_name=name, parent=context, terminal_width=100)
        lines += [f"## `aiecosys {name}`", "", "```text", command.get_help(sub), "```", ""]
    return "\n".join(lines)
