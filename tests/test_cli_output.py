"""The one output layer: every format, --limit, readable labels, long cells cut in tables only."""

import csv
import io
import json
from pathlib import Path

import pytest

from aiecosys import Company, Ecosystem, Investment, Round, Stage, dump, load
from aiecosys._cli._output import CELL_WIDTH, Shown, Table, show, table_text
from tests.helpers import day, firm, run_cli, usd

run = run_cli


ANSWERING = [
    ("summary",),
    ("coverage",),
    ("company", "Mistral AI"),
    ("investor", "Lightspeed"),
    ("person", "Arthur Mensch"),
    ("total-raised", "xAI"),
    ("co-investors", "Nvidia"),
    ("rounds", "--stage", "seed"),
    ("claims", "--verdict", "contradicted"),
    ("list", "companies"),
    ("list", "investors"),
    ("list", "people"),
    ("list", "rounds"),
    ("source", "source:tnw-mistral-seed"),
]


@pytest.mark.parametrize("args", ANSWERING, ids=" ".join)
def test_every_format_prints_the_same_answer(args):
    """json is one document (--json too); nl one object a line; csv a header and rows."""
    code, document, _ = run(*args, "--format", "json")
    assert code == 0
    assert json.loads(document) == json.loads(run(*args, "--json")[1])
    lines = run(*args, "--format", "nl")[1].splitlines()
    rows = [json.loads(line) for line in lines]
    assert all(isinstance(r, dict) for r in rows)
    table = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv")[1])))
    assert len(table) == len(rows)
    assert rows, "every answer has rows"
    assert list(table[0]) == list(dict.fromkeys(k for r in rows for k in r))
    assert run(*args)[0] == 0


@pytest.mark.parametrize("args", ANSWERING, ids=" ".join)
def test_limit_keeps_the_first_rows_in_every_format(args):
    """--limit 1 keeps the first row of nl and csv, and of the json document's main list."""
    every = [json.loads(line) for line in run(*args, "--format", "nl")[1].splitlines()]
    first = [
        json.loads(line) for line in run(*args, "--format", "nl", "--limit", "1")[1].splitlines()
    ]
    assert first == every[:1]
    assert len(
        list(csv.DictReader(io.StringIO(run(*args, "--format", "csv", "--limit", "1")[1])))
    ) == min(1, len(every))


def test_limit_in_a_table_says_how_many_rows_are_left():
    """The table shows N rows and a line counting the rest."""
    partners = load().co_investors("Nvidia")
    _, out, _ = run("co-investors", "Nvidia", "--limit", "2")
    assert out.splitlines()[-1] == f"… {len(partners) - 2} more rows (--limit)"
    assert len(out.splitlines()) == 2 + 2 + 1


def test_tables_name_rounds_never_bare_ids():
    """co-investors and rounds show 'Company · Stage · date' where JSON keeps the id."""
    _, out, _ = run("co-investors", "Lightspeed Venture Partners")
    assert "Mistral AI · Seed · 2023-06-13" in out
    assert "round:" not in out
    _, out, _ = run("rounds", "--company", "Mistral AI")
    assert "Mistral AI · Series A · 2023-12" in out
    assert "round:" not in out
    doc = json.loads(run("co-investors", "Lightspeed Venture Partners", "--json")[1])
    assert any("round:mistral-ai-seed" in c["rounds"] for c in doc)


def test_long_cells_are_cut_in_tables_and_whole_elsewhere(tmp_path: Path):
    """A 405-character name is cut to the cell width in a table, whole in JSON and CSV."""
    long_name = "Acme " + "x" * 400
    eco = Ecosystem(
        companies=[Company(id="company:acme", name=long_name)],
        investors=[firm("a"), firm("b")],
        rounds=[
            Round(
                id="round:acme-a",
                company="company:acme",
                stage=Stage.SERIES_A,
                announced=day("2024-01"),
                amount=usd(1_000_000),
                investments=(Investment(investor="investor:a"), Investment(investor="investor:b")),
            )
        ],
    )
    path = tmp_path / "long.json"
    dump(eco, path)
    _, out, _ = run("co-investors", "investor:a", "--data", str(path))
    assert max(len(line) for line in out.splitlines()) < 2 * CELL_WIDTH
    assert "…" in out
    _, out, _ = run("list", "companies", "--data", str(path), "--format", "csv")
    assert long_name in out
    _, out, _ = run("list", "companies", "--data", str(path), "--json")
    assert json.loads(out)[0]["name"] == long_name


def test_unknown_stays_unknown_in_every_format():
    """01.AI's undisclosed round: 'unknown' in text, null in JSON and nl, empty in CSV."""
    args = ("total-raised", "01.AI", "--as-of", "2023-12-31")
    assert "USD unknown (1 round undisclosed)" in run(*args)[1]
    assert json.loads(run(*args, "--json")[1])["total_raised"] is None
    assert json.loads(run(*args, "--format", "nl")[1])["total_raised"] is None
    row = next(csv.DictReader(io.StringIO(run(*args, "--format", "csv")[1])))
    assert (row["total_raised"], row["complete"], row["undisclosed_rounds"]) == ("", "false", "1")


def test_possibly_stays_possibly_in_every_format():
    """A round dated to the month straddling --as-of is 'possibly' in text, JSON and rows."""
    args = ("company", "Mistral AI", "--as-of", "2023-12-15")
    assert "Possibly announced by 2023-12-15" in run(*args)[1]
    doc = json.loads(run(*args, "--json")[1])
    assert [r["id"] for r in doc["possibly_rounds"]] == ["round:mistral-ai-series-a"]
    rows = [json.loads(line) for line in run(*args, "--format", "nl")[1].splitlines()]
    assert [(r["id"], r["possibly"]) for r in rows] == [
        ("round:mistral-ai-seed", False),
        ("round:mistral-ai-series-a", True),
    ]


def test_csv_cells_are_formula_safe(capsys):
    """A cell starting with = gets a leading quote, as export does."""
    show(Shown(document=[], rows=[{"name": "=HYPERLINK()"}]), "csv")
    assert capsys.readouterr().out.splitlines()[1] == "'=HYPERLINK()"


def test_table_text_aligns_amounts_right_and_cuts_long_cells():
    """Amounts and counts are right-aligned; a cell over the width ends in '…'."""
    text = table_text(("name", "amount"), [("a" * 100, "USD 5"), ("b", "USD 1,000")])
    lines = text.splitlines()
    assert lines[2].startswith("a" * (CELL_WIDTH - 1) + "…")
    assert lines[3].endswith("USD 1,000")
    assert lines[2].endswith("    USD 5")


def test_text_lines_are_escaped_for_the_terminal(capsys):
    """Text and table cells show terminal controls as escapes."""
    show(
        Shown(document={}, text=["a\x1b[2Jb", Table(columns=("x",), rows=(("c\x9bd",),))]), "table"
    )
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\\x1b[2J" in out
    assert "\\x9b" in out
