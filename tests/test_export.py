"""CSV export: formulas neutralised by default, lists unambiguous, files written atomically."""

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from aiecosys import Company, Ecosystem, NotFound, Reliability, Source, table, write_csv
from aiecosys import strategies as aist
from aiecosys._export import neutralise

TRIGGERS = ["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", "'=quoted"]


@pytest.mark.parametrize("cell", TRIGGERS)
def test_cells_a_spreadsheet_would_run_get_a_leading_quote(cell: str):
    """=, +, -, @, tab, CR (and ' itself, to stay reversible) get a leading quote."""
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Acme", "", "1,000", "2023-06", "[]", " =x", "a=b"])
def test_ordinary_cells_are_unchanged(cell: str):
    """Only the first character matters; everything else is written as it is."""
    assert neutralise(cell) == cell


def eco_with(name: str, aliases: tuple[str, ...] = ()) -> Ecosystem:
    return Ecosystem(companies=(Company(id="company:x", name=name, aliases=aliases),))


def read_back(text: str) -> list[dict[str, str]]:
    """Read our CSV as a careful user would: drop one leading quote, then parse lists."""
    return [
        {k: v.removeprefix("'") for k, v in row.items()}
        for row in csv.DictReader(io.StringIO(text))
    ]


def test_the_real_export_name_at_pay_is_neutralised_or_raw_on_request():
    """'@Pay - Two-Click Checkout' (Crunchbase 2013) is quoted by default, raw with raw=True."""
    eco = eco_with("@Pay - Two-Click Checkout")
    safe, raw = io.StringIO(), io.StringIO()
    write_csv(eco, "companies", safe)
    write_csv(eco, "companies", raw, raw=True)
    assert "company:x,'@Pay - Two-Click Checkout," in safe.getvalue()
    assert "company:x,@Pay - Two-Click Checkout," in raw.getvalue()


@pytest.mark.parametrize(
    "aliases",
    [
        ("a;b", "c,d"),
        ('say "hi"', "[x]", "=SUM(A1)"),
        ("line break", "tab here", "'quote"),  # a name holds no line break or tab
        (),
    ],
)
def test_list_cells_are_json_arrays_that_read_back_exactly(aliases: tuple[str, ...]):
    """Aliases holding separators, quotes, brackets or formulas read back unchanged."""
    out = io.StringIO()
    write_csv(eco_with("Acme", aliases), "companies", out)
    (row,) = read_back(out.getvalue())
    assert tuple(json.loads(row["aliases"])) == aliases


def test_every_cell_reads_back_to_table():
    """Dropping one leading quote gives back exactly what table() holds, for every table."""
    import aiecosys

    eco = aiecosys.load()
    for name in ("companies", "investors", "people", "rounds", "investments", "sources"):
        out = io.StringIO()
        write_csv(eco, name, out)
        assert read_back(out.getvalue()) == table(eco, name), name


def test_people_roles_are_objects():
    """A person's roles are a JSON array of objects with organisation, title and dates."""
    import aiecosys

    row = next(r for r in table(aiecosys.load(), "people") if r["name"] == "Arthur Mensch")
    roles = json.loads(row["roles"])
    assert roles[-1] == {
        "organisation": "company:mistral-ai",
        "title": "Co-founder and CEO",
        "start": "2023-04",
        "end": None,
    }


def test_write_csv_to_a_path_is_atomic_and_counts_rows(tmp_path: Path):
    """A path is written whole; an unknown table raises NotFound and leaves the file."""
    eco = Ecosystem(
        sources=(
            Source(
                id="source:a", title="=cmd|' /C calc'!A0", publisher="P", reliability=Reliability.C
            ),
        )
    )
    path = tmp_path / "sources.csv"
    path.write_text("old")
    assert write_csv(eco, "sources", path) == 1
    assert "source:a,'=cmd|' /C calc'!A0,P" in path.read_text()
    with pytest.raises(NotFound, match="no table 'bogus'"):
        write_csv(eco, "bogus", path)
    assert "source:a" in path.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources.csv"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(eco=aist.ecosystems())
def test_csv_reads_back_to_table_for_any_ecosystem(eco: Ecosystem):
    """For generated ecosystems, every table's CSV reads back to table() exactly."""
    for name in ("companies", "investors", "people", "rounds", "investments", "sources", "claims"):
        out = io.StringIO()
        write_csv(eco, name, out)
        assert read_back(out.getvalue()) == table(eco, name), name
