"""Imports survive real mess: one table of bad-input cases, then fuzzing of the CSV importers.

Each case states what must happen: the row is skipped (``skip``) or kept with a change
(``change``), both reported with file, line and column; or the whole import stops with a
clean ``DataError`` naming the file (``error``). Nothing else may happen: no other exception,
no hang, no silent acceptance.
"""

import csv
import io
import json
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from aiecosys import CrunchbaseImport, DataError, read_crunchbase
from aiecosys._cli import cli
from tests.figures import report

ROUNDS_2016 = (
    "company_name,country_code,funding_round_type,funding_round_code,announced_on,"
    "raised_amount_usd,raised_amount,raised_amount_currency_code,investor_count,"
    "investor_names,cb_url,company_uuid,funding_round_uuid"
)
GOOD_2016 = "Acme,USA,venture,A,2015-03-04,2000000,2000000,USD,1,Fund,,c-1,r-1"
INVESTORS_2016 = "investor_name,investor_type,founded_on,country_code,cb_url,uuid"
COMPANIES_2013 = "permalink,name,funding_total_usd,country_code,funding_rounds,founded_at"
ROUNDS_2013 = "company_permalink,company_name,funding_round_type,funded_at,raised_amount_usd"


def export_2016(tmp: Path, *rounds: str, investments: str = "", investors: str = "") -> Path:
    (tmp / "funding_rounds.csv").write_text("\n".join([ROUNDS_2016, *rounds]) + "\n")
    if investments:
        (tmp / "investments.csv").write_text(
            "funding_round_uuid,investor_uuid,is_lead_investor\n" + investments
        )
    if investors:
        (tmp / "investors.csv").write_text(INVESTORS_2016 + "\n" + investors)
    return tmp


def export_2013(tmp: Path, company: str, *rounds: str) -> Path:
    (tmp / "c.csv").write_text(f"{COMPANIES_2013}\n{company}\n")
    (tmp / "r.csv").write_text("\n".join([ROUNDS_2013, *rounds]) + "\n")
    return tmp


def put(path: Path, content: str | bytes) -> Path:
    """Write *content* to *path*; return its folder."""
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    return path.parent


def lead_flags(tmp: Path) -> Path:
    rows = "".join(
        f"r-1,i-{i},{flag}\n"
        for i, flag in enumerate(["TRUE", "True", "1", "yes", "t", "f", "maybe"])
    )
    return export_2016(tmp, GOOD_2016, investments=rows)


# name: (build the export, what must happen, the reason's start, the column, line)
CASES: dict[str, tuple[Callable[[Path], Path], str, str, str | None, int]] = {
    "currency usd": (
        lambda t: export_2016(t, GOOD_2016.replace(",USD,", ",usd,")),
        "change",
        "currency read as USD",
        "raised_amount currency",
        2,
    ),
    "currency BTC": (
        lambda t: export_2016(t, GOOD_2016.replace(",USD,", ",BTC,")),
        "change",
        "amount read as undisclosed",
        "raised_amount currency",
        2,
    ),
    "id with a space": (
        lambda t: export_2013(t, "/company/acme corp,Acme,1,USA,1,"),
        "skip",
        "invalid company",
        "permalink",
        2,
    ),
    "a 501-character name": (
        lambda t: export_2013(t, f"/company/acme,{'A' * 501},1,USA,1,"),
        "skip",
        "invalid company",
        "name",
        2,
    ),
    "a junk amount": (
        lambda t: export_2016(t, GOOD_2016.replace(",2000000,USD", ",1e999,USD")),
        "change",
        "amount read as undisclosed",
        "raised_amount",
        2,
    ),
    "an amount out of range": (
        lambda t: export_2016(t, GOOD_2016.replace(",2000000,USD", ",9" * 1 + "0" * 16 + ",USD")),
        "change",
        "amount read as undisclosed",
        "raised_amount",
        2,
    ),
    "a date that does not exist": (
        lambda t: export_2016(t, GOOD_2016.replace("2015-03-04", "2015-02-30")),
        "skip",
        "no date",
        "announced_on",
        2,
    ),
    "a ragged row": (
        lambda t: export_2016(t, GOOD_2016 + ",extra,cells"),
        "skip",
        "ragged row",
        None,
        2,
    ),
    "a short row": (
        lambda t: export_2013(
            t, "/company/acme,Acme,1,USA,1,", "/company/acme,Acme,angel,2010-09-14"
        ),
        "change",
        "short row",
        None,
        2,
    ),
    "an unreadable lead flag": (
        lead_flags,
        "change",
        "lead flag read as not a lead",
        "is_lead_investor",
        8,
    ),
    "an unparsable founded_on": (
        lambda t: export_2016(
            t, GOOD_2016, investors="Fund,venture_capital,around 1999,USA,,i-1\n"
        ),
        "change",
        "founding date dropped",
        "founded_on",
        2,
    ),
    "an unknown round type": (
        lambda t: export_2016(t, GOOD_2016.replace("venture,A", "spaceship,")),
        "skip",
        "unknown round type",
        "funding_round_type",
        2,
    ),
    "a duplicated header column": (
        lambda t: put(t / "f.csv", ROUNDS_2016 + ",company_uuid\n" + GOOD_2016 + ",x\n"),
        "error",
        "the header names column 'company_uuid' twice",
        None,
        1,
    ),
    "a cell over the csv field limit": (
        lambda t: export_2016(t, GOOD_2016.replace("Acme", '"' + "A" * 200_000 + '"')),
        "error",
        "cannot read this CSV row",
        None,
        2,
    ),
    "a missing file": (lambda t: t / "nope.csv", "error", "cannot read: no such file", None, 0),
    "an empty folder": (lambda t: t, "error", "no Crunchbase export found", None, 0),
    "binary junk": (
        lambda t: put(t / "x.csv", bytes(range(256)) * 40),
        "error",
        "no Crunchbase export found",
        None,
        0,
    ),
    "invalid JSON": (
        lambda t: put(t / "x.json", '{"entities": [\n{"uuid": }'),
        "error",
        "not valid JSON",
        None,
        2,
    ),
    "JSON nested too deeply": (
        lambda t: put(t / "x.json", "[" * 100_000 + "]" * 100_000),
        "error",
        "not valid JSON: nested too deeply",
        None,
        0,
    ),
    "JSON money that is a string": (
        lambda t: put(
            t / "x.json",
            json.dumps(
                {
                    "entities": [
                        {
                            "uuid": "r",
                            "properties": {
                                "identifier": {
                                    "uuid": "r",
                                    "entity_def_id": "funding_round",
                                    "value": "Seed Round - A",
                                },
                                "funded_organization_identifier": {"uuid": "o", "value": "A"},
                                "announced_on": "2020-01-02",
                                "investment_type": "seed",
                                "money_raised": "lots",
                            },
                        }
                    ]
                }
            ),
        ),
        "change",
        "amount read as undisclosed",
        "entities[0].properties.money_raised",
        0,
    ),
    "a JSON key given twice": (
        lambda t: put(t / "x.json", '{"entities": [], "entities": []}'),
        "error",
        "not valid JSON: the key 'entities' appears twice",
        None,
        0,
    ),
    "a JSON integer of 5,000 digits": (
        lambda t: put(t / "x.json", '{"entities": [' + "9" * 5000 + "]}"),
        "error",
        "not valid JSON",
        None,
        0,
    ),
    "a JSON entity of a kind not imported": (
        lambda t: put(
            t / "x.json",
            json.dumps({"entities": [{"properties": {"identifier": {"entity_def_id": "ipo"}}}]}),
        ),
        "skip",
        "not read: an entity of kind 'ipo'",
        "entities[0].properties",
        0,
    ),
    "a JSON lead flag written as text": (
        lambda t: put(
            t / "x.json",
            json.dumps(
                {
                    "properties": {
                        "identifier": {"uuid": "p", "entity_def_id": "person", "value": "P"}
                    },
                    "cards": {
                        "participated_investments": [
                            {
                                "identifier": {"entity_def_id": "investment"},
                                "is_lead_investor": "yes",
                                "announced_on": "2020-01-02",
                                "funding_round_identifier": {
                                    "uuid": "r",
                                    "value": "Seed Round - A",
                                },
                                "organization_identifier": {"uuid": "o", "value": "A"},
                            }
                        ]
                    },
                }
            ),
        ),
        "change",
        "lead flag read as not a lead",
        "cards.participated_investments[0].is_lead_investor",
        0,
    ),
    "the same investor twice in one round": (
        lambda t: export_2016(t, GOOD_2016, investments="r-1,i-1,t\nr-1,i-1,f\n"),
        "skip",
        "investor already in the round",
        None,
        3,
    ),
    "an investment naming an unknown round": (
        lambda t: export_2016(t, GOOD_2016, investments="r-9,i-1,t\n"),
        "skip",
        "unknown round",
        "funding_round_uuid",
        2,
    ),
    "a Pro round with an impossible date": (
        lambda t: put(t / "p.csv", PRO_HEADER + "\n" + PRO_ROW.replace("2020-04-30", "2020-13-01")),
        "skip",
        "no date",
        "Announced Date",
        2,
    ),
    "a Pro round of an unknown funding type": (
        lambda t: put(t / "p.csv", PRO_HEADER + "\n" + PRO_ROW.replace(",Seed,", ",Lottery Win,")),
        "skip",
        "unknown round type",
        "Funding Type",
        2,
    ),
    "a Pro amount with a thousands separator": (
        lambda t: put(
            t / "p.csv", PRO_HEADER + "\n" + PRO_ROW.replace(",1000000,USD", ',"1,000,000",USD')
        ),
        "change",
        "amount read as undisclosed",
        "Money Raised",
        2,
    ),
    "a bulk round with a junk investor count and a lone lead flag 'maybe'": (
        lambda t: (
            put(
                t / "i.csv",
                "uuid,funding_round_uuid,investor_uuid,investor_name,investor_type,is_lead_investor\n"
                "x,r,i,Fund,organization,maybe\n",
            )
            and put(
                t / "f.csv",
                "uuid,org_uuid,org_name,investment_type,announced_on,raised_amount,"
                "raised_amount_currency_code,investor_count\nr,o,Org,seed,2020-01-02,5,USD,lots\n",
            )
        ),
        "change",
        "lead flag read as not a lead",
        "is_lead_investor",
        2,
    ),
}

PRO_HEADER = (
    "Transaction Name,Transaction Name URL,Organization Name,Organization Name URL,Funding Type,"
    "Money Raised,Money Raised Currency,Money Raised Currency (in USD),Announced Date,"
    "Investor Names,Number of Investors"
)
PRO_ROW = (
    "Seed Round - K,https://www.crunchbase.com/funding_round/k-seed,K,"
    "https://www.crunchbase.com/organization/k,Seed,1000000,USD,1000000,2020-04-30,A,1"
)

# Inputs that must be read correctly (and how to tell), not refused.
READ_CASES: dict[str, tuple[Callable[[Path], Path], Callable[[CrunchbaseImport], bool]]] = {
    "a UTF-16 file with its byte-order mark": (
        lambda t: put(
            t / "f.csv",
            (ROUNDS_2016 + "\n" + GOOD_2016.replace("Acme", "Café") + "\n").encode("utf-16"),
        ),
        lambda r: r.ecosystem.company("company:c-1").name == "Café",
    ),
    "a Windows-1252 file": (
        lambda t: put(
            t / "f.csv",
            (ROUNDS_2016 + "\n" + GOOD_2016.replace("Acme", "Café") + "\n").encode("cp1252"),
        ),
        lambda r: (
            r.ecosystem.company("company:c-1").name == "Café"
            and "read as Windows-1252" in r.report.files["f.csv"]
        ),
    ),
    "a Mac Roman file with CR line ends": (
        lambda t: put(
            t / "f.csv",
            (ROUNDS_2016 + "\r" + GOOD_2016.replace("Acme", "Café") + "\r").encode("mac_roman"),
        ),
        lambda r: r.ecosystem.company("company:c-1").name == "Café",
    ),
    "CRLF line ends and a BOM": (
        lambda t: put(t / "f.csv", "\ufeff" + ROUNDS_2016 + "\r\n" + GOOD_2016 + "\r\n"),
        lambda r: len(r.ecosystem.rounds) == 1,
    ),
    "a header and no rows": (
        lambda t: put(t / "f.csv", ROUNDS_2016 + "\n"),
        lambda r: r.ecosystem.rounds == () and r.report.rows_read == {"f.csv": 0},
    ),
    "a quoted cell holding a newline": (
        lambda t: export_2016(t, GOOD_2016.replace("Acme", '"Acme\nLabs"')),
        lambda r: (  # a name holds no line break (the text rules): the row is reported
            any(s.line == 2 for s in r.report.skipped)
            or r.ecosystem.company("company:c-1").name == "Acme\nLabs"
        ),
    ),
}


def run_case(tmp_path: Path, name: str) -> str:
    """Run one case; return 'clean', or what went wrong ('escape: …', 'silent', 'hang')."""
    build, expected, reason, column, line = CASES[name]
    target = build(tmp_path)

    def hang(*_: object) -> None:
        raise TimeoutError

    signal.signal(signal.SIGALRM, hang)
    signal.alarm(20)
    try:
        result = read_crunchbase(target)
    except DataError as error:
        text = str(error)
        return (
            "clean"
            if expected == "error" and reason in text and (not line or f":{line}" in text)
            else f"wrong error: {text[:200]}"
        )
    except TimeoutError:
        return "hang"
    except Exception as error:  # noqa: BLE001 - counting escapes is the point
        return f"escape: {type(error).__name__}: {error}"[:200]
    finally:
        signal.alarm(0)
    if expected == "error":
        return "silent: no error"
    notes = result.report.skipped if expected == "skip" else result.report.changed
    for note in notes:
        if note.reason.startswith(reason) and note.column == column and note.line == line:
            return "clean"
    return f"silent: {[str(n) for n in (*result.report.skipped, *result.report.changed)]}"[:300]


def run_read_case(tmp_path: Path, name: str) -> str:
    """Run one case that must be read; return 'clean' or what went wrong."""
    build, check = READ_CASES[name]
    try:
        result = read_crunchbase(build(tmp_path))
    except Exception as error:  # noqa: BLE001 - counting escapes is the point
        return f"escape: {type(error).__name__}: {error}"[:200]
    return "clean" if check(result) else "silent: read wrongly"


@pytest.mark.parametrize("name", list(READ_CASES))
def test_messy_but_valid_input_is_read(tmp_path: Path, name: str):
    """Encodings, line ends, BOMs, empty tables and multi-line cells are read correctly."""
    assert run_read_case(tmp_path, name) == "clean"


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_reported_or_refused_cleanly(tmp_path: Path, name: str):
    """Every case ends as its table says: a reported row or a clean DataError with its place."""
    assert run_case(tmp_path, name) == "clean"


def test_audit_table(tmp_path_factory: pytest.TempPathFactory):
    """The audit table of this family: every case clean (no escape, hang or silent acceptance)."""
    outcomes = [run_case(tmp_path_factory.mktemp("case"), name).split(":")[0] for name in CASES]
    outcomes += [
        run_read_case(tmp_path_factory.mktemp("case"), name).split(":")[0] for name in READ_CASES
    ]
    counts = {
        kind: outcomes.count(kind) for kind in ("clean", "escape", "hang", "silent", "wrong error")
    }
    report(f"import audit: {len(outcomes)} cases: {counts}")
    assert counts["clean"] == len(outcomes)


def test_lead_flags_in_every_spelling(tmp_path: Path):
    """TRUE, True, 1, yes and t are leads; f is not; 'maybe' is reported, not guessed."""
    result = read_crunchbase(lead_flags(tmp_path))
    [round_] = result.ecosystem.rounds
    assert sorted(round_.leads) == [f"investor:i-{i}" for i in range(5)]


def test_strict_makes_the_first_bad_row_fatal(tmp_path: Path):
    """With strict, a bad row stops the import with its file, line and column."""
    export_2016(tmp_path, GOOD_2016.replace(",USD,", ",BTC,"))
    with pytest.raises(DataError, match=r"funding_rounds.csv:2: raised_amount currency"):
        read_crunchbase(tmp_path, strict=True)


def test_an_unreadable_file_is_a_clean_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A file the system refuses to read is a DataError naming it and the reason."""
    path = export_2016(tmp_path, GOOD_2016) / "funding_rounds.csv"

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(DataError, match=r"funding_rounds\.csv: cannot read: Permission denied"):
        read_crunchbase(path)


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_cli_output_into_a_missing_folder_is_one_line(tmp_path: Path, option: str):
    """-o or --report into a folder that does not exist: one line on stderr, exit 2."""
    export_2016(tmp_path, GOOD_2016)
    args = ["import", "crunchbase", str(tmp_path), "-o", str(tmp_path / "out.json")]
    args += [option, str(tmp_path / "missing" / "x.json")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.output.strip().startswith("aiecosys: cannot write")
    assert "Traceback" not in result.output


def test_cli_strict_flag(tmp_path: Path):
    """--strict turns a reported row into a one-line error and writes nothing."""
    export_2016(tmp_path, GOOD_2016.replace(",USD,", ",BTC,"))
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        cli, ["import", "crunchbase", str(tmp_path), "-o", str(out), "--strict"]
    )
    assert result.exit_code == 2
    assert "strict import" in result.output
    assert not out.exists()


# Fuzzing ----------------------------------------------------------------------------------

cells = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from(',"\r\n\t '),
    max_size=12,
) | st.sampled_from(["", "USD", "usd", "BTC", "venture", "seed", "A", "2015-03-04", "t", "0", "-1"])
rows_2016 = st.lists(st.lists(cells, min_size=0, max_size=15), min_size=1, max_size=8)


def write_rows(path: Path, header: str, rows: list[list[str]]) -> None:
    out = io.StringIO()
    out.write(header + "\n")
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=rows_2016, strict=st.booleans())
def test_fuzzed_2016_rounds_never_escape_and_every_row_is_accounted(
    tmp_path: Path, rows: list[list[str]], strict: bool
):
    """Random rows: only DataError may be raised; each row is a round or a skipped row."""
    write_rows(tmp_path / "funding_rounds.csv", ROUNDS_2016, rows)
    try:
        result = read_crunchbase(tmp_path, strict=strict)
    except DataError:
        return
    rep = result.report
    read = rep.rows_read.get("funding_rounds.csv", 0)
    skipped = sum(1 for n in rep.skipped if n.file == "funding_rounds.csv")
    assert len(result.ecosystem.rounds) + skipped == read
    if strict:
        assert rep.skipped == ()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(companies=rows_2016, rounds=rows_2016)
def test_fuzzed_2013_export_never_escapes(
    tmp_path: Path, companies: list[list[str]], rounds: list[list[str]]
):
    """Random 2013 tables: only DataError; every round row is a round or a skipped row."""
    write_rows(tmp_path / "c.csv", COMPANIES_2013, companies)
    write_rows(tmp_path / "r.csv", ROUNDS_2013, rounds)
    try:
        result = read_crunchbase(tmp_path)
    except DataError:
        return
    rep = result.report
    skipped = sum(1 for n in rep.skipped if n.file == "r.csv")
    assert len(result.ecosystem.rounds) + skipped == rep.rows_read.get("r.csv", 0)


BULK_ROUNDS = (
    "uuid,org_uuid,org_name,investment_type,announced_on,raised_amount,"
    "raised_amount_currency_code,raised_amount_usd,investor_count,lead_investor_uuids"
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=rows_2016)
# A Pro round row naming an invalid investor: the round is kept, the row reported as changed.
@example(rows=[["0", "0", "", "", "", "", "0001-01-01", "\uaaf7"]])
def test_fuzzed_pro_and_bulk_rounds_never_escape(tmp_path: Path, rows: list[list[str]]):
    """Random Pro and bulk round rows (each with its own id): only DataError; none unreported."""
    for header, name, prefix in (
        (PRO_HEADER, "pro.csv", ["Seed Round - X", "https://www.crunchbase.com/funding_round/r{}"]),
        (BULK_ROUNDS, "bulk.csv", ["r{}"]),
    ):
        folder = tmp_path / name.removesuffix(".csv")
        folder.mkdir(exist_ok=True)
        own = [[c.format(i) for c in prefix] + row for i, row in enumerate(rows)]
        write_rows(folder / name, header, own)
        try:
            result = read_crunchbase(folder)
        except DataError:
            continue
        rep = result.report
        skipped = sum(1 for n in rep.skipped if n.file == name)
        assert len(result.ecosystem.rounds) + skipped == rep.rows_read.get(name, 0)
