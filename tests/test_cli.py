import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from aiecosys import dump, investment_graph, load, plot_network
from aiecosys._cli import cli
from tests.helpers import small


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.json"
    dump(small(), path)
    return path


def test_summary_shows_counts_rankings_and_contradicted_claims():
    """summary ranks companies by total raised and lists the contradicted claims."""
    code, out, _ = run("summary")
    eco = load()
    assert code == 0
    assert f"{len(eco.rounds)} rounds" in out
    assert f"Contradicted claims ({len(eco.find_claims(verdict='contradicted'))})" in out
    ranked = [t.company.name for t in eco.summary().raised_most]
    assert len(ranked) == 5
    assert [out.index(name) for name in ranked] == sorted(out.index(name) for name in ranked)


def test_summary_json_has_stable_keys():
    """summary --json gives machine-readable counts and exact amounts."""
    code, out, _ = run("summary", "--json", "--currency", "EUR", "--top", "2")
    doc = json.loads(out)
    assert code == 0
    assert sorted(doc) == [
        "contradicted",
        "counts",
        "currency",
        "most_active",
        "raised_most",
        "version",
    ]
    assert len(doc["raised_most"]) == 2
    assert doc["raised_most"][0]["total"]["currency"] == "EUR"


def test_company_profile_lists_rounds_investors_and_claims():
    """company shows founders, the rounds table with conversions, investors and claims."""
    code, out, _ = run("company", "mistral ai", "--currency", "USD")
    assert code == 0
    assert "Arthur Mensch" in out
    assert "EUR 105,000,000  USD 113,326,500" in out
    assert "[contradicted]" in out


def test_total_raised_matches_the_library():
    """total-raised prints what total_raised() returns, in text and JSON."""
    code, out, _ = run("total-raised", "Mistral AI", "--currency", "EUR", "--as-of", "2023-12-31")
    assert (code, out) == (0, "Mistral AI: EUR 490,000,000 (as of 2023-12-31)\n")
    code, out, _ = run(
        "total-raised", "Mistral AI", "--currency", "EUR", "--as-of", "2023-12-31", "--json"
    )
    assert json.loads(out)["total_raised"] == {"amount": "490000000", "currency": "EUR"}


def test_investor_and_co_investors_commands():
    """investor shows portfolio and co-investors; co-investors ranks them."""
    code, out, _ = run("investor", "Lightspeed")
    assert code == 0
    assert "Portfolio (2): Mistral AI, xAI" in out
    code, out, _ = run("co-investors", "Lightspeed Venture Partners", "--json")
    first = json.loads(out)[0]
    assert first["name"] == "Andreessen Horowitz"
    assert len(first["rounds"]) == 4


def test_person_lists_roles_with_dates():
    """person shows each role with its organisation and dates."""
    code, out, _ = run("person", "kai-fu lee")
    assert code == 0
    assert "President of Google China  2005-07" in out


def test_rounds_filters_and_claims_filters():
    """rounds and claims accept the library's filters."""
    _, out, _ = run("rounds", "--stage", "seed", "--json")
    assert [r["id"] for r in json.loads(out)] == ["round:poolside-seed", "round:mistral-ai-seed"]
    _, out, _ = run("claims", "--verdict", "contradicted", "--about", "Thomas Wolf")
    assert out.startswith("[contradicted] Thomas Wolf · roles:")


def test_data_option_reads_a_users_file(data_file: Path):
    """--data makes every command use the given file."""
    code, out, _ = run("total-raised", "Bolt", "--data", str(data_file))
    assert (code, out) == (0, "Bolt: USD 2,000,000\n")


def test_not_found_is_exit_1_with_a_suggestion_on_stderr():
    """An unknown name exits 1 with one line on stderr and no traceback."""
    code, out, err = run("company", "Mistal")
    assert code == 1
    assert out == ""
    assert err.startswith("aiecosys: no company 'Mistal'; did you mean 'Mistral AI'")
    assert "Traceback" not in err


def test_bad_usage_and_bad_data_exit_2(tmp_path: Path):
    """A bad option, a bad file and a missing file all exit 2 with a clear message."""
    assert run("rounds", "--stage", "bogus")[0] == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "aiecosys/1", "rounds": [{"id": "r"}]}')
    code, _, err = run("summary", "--data", str(bad))
    assert code == 2
    assert "rounds[0].company: required field missing" in err
    code, _, err = run("summary", "--data", str(tmp_path / "missing.json"))
    assert code == 2
    assert "cannot read" in err


def test_validate_reports_every_problem(tmp_path: Path, data_file: Path):
    """validate says valid with counts, or lists each problem and exits 2."""
    code, out, _ = run("validate", str(data_file))
    assert code == 0
    assert "valid (2 companies, 4 investors" in out
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "aiecosys/1", "companies": [{"id": "c", "name": 1}], "x": 2}')
    code, out, _ = run("validate", str(bad), "--json")
    assert code == 2
    assert json.loads(out)["problems"] == [
        {"path": "x", "message": "unknown key"},
        {"path": "companies[0].name", "message": "must be a string (got a number)"},
    ]


def test_export_json_round_trips_and_csv_has_a_header(tmp_path: Path, data_file: Path):
    """export writes aiecosys/1 JSON that validates, or a CSV table."""
    out_file = tmp_path / "out.json"
    assert run("export", "--data", str(data_file), "-o", str(out_file))[0] == 0
    assert run("validate", str(out_file))[0] == 0
    code, out, _ = run("export", "--format", "csv", "--table", "investments")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "round,company,investor,investor_name,lead,amount,currency"
    assert len(lines) - 1 == sum(len(r.investments) for r in load().rounds)


def test_python_dash_m_runs_the_cli():
    """python -m aiecosys is the same command line."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "aiecosys", "total-raised", "xAI"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out == "xAI: USD 12,134,700,000\n"


def test_import_crunchbase_writes_a_valid_file_and_a_full_report(tmp_path: Path):
    """import crunchbase writes aiecosys/1 JSON and, with --report, every skipped row."""
    sample = Path(__file__).parent.parent.parent / "shared/external/crunchbase-export-sample-2016"
    out, rep = tmp_path / "cb.json", tmp_path / "report.json"
    code, stdout, _ = run("import", "crunchbase", str(sample), "-o", str(out), "--report", str(rep))
    assert code == 0
    assert "Built: 50 companies, 330 investors, 50 rounds, 347 investments" in stdout
    assert run("validate", str(out))[0] == 0
    full = json.loads(rep.read_text())
    assert len(full["changed_rows"]) == 280
    assert full["changed_rows"][0]["file"] == "investments.csv"


def test_import_of_a_directory_without_an_export_exits_2(tmp_path: Path):
    """A directory with no export is bad input."""
    code, _, err = run("import", "crunchbase", str(tmp_path), "-o", str(tmp_path / "x.json"))
    assert code == 2
    assert "no Crunchbase export found" in err


def test_graph_writes_gephi_files(tmp_path: Path):
    """graph writes the co-investment network (or the bipartite graph) and counts it."""
    code, out, _ = run("graph", "-o", str(tmp_path / "g.gexf"), "--json")
    assert code == 0
    assert json.loads(out)["kind"] == "co-investment"
    code, out, _ = run("graph", "--kind", "investment", "-o", str(tmp_path / "g.graphml"))
    graph = investment_graph(load())
    assert out.startswith(f"Wrote {graph.number_of_nodes()} nodes")


def test_plot_commands_draw_pictures(tmp_path: Path):
    """plot network and plot funding write the picture and say what they drew."""
    code, out, _ = run("plot", "network", "--investor", "Nvidia", "-o", str(tmp_path / "n.svg"))
    assert code == 0
    drawn = plot_network(load(), investor="Nvidia").content["nodes"]
    assert out.startswith(f"Drew {sum(n.startswith('investor:') for n in drawn)} investors")
    code, out, _ = run(
        "plot",
        "funding",
        "Mistral AI",
        "xAI",
        "--currency",
        "EUR",
        "--json",
        "-o",
        str(tmp_path / "f.png"),
    )
    assert json.loads(out)["rounds"] == {"company:mistral-ai": 4, "company:xai": 3}
    assert (tmp_path / "f.png").stat().st_size > 1000
    assert run("plot", "funding", "Mistal", "-o", str(tmp_path / "x.svg"))[0] == 1


def test_export_parquet_writes_a_file_per_table(tmp_path: Path):
    """export --format parquet writes one Parquet file per table into a directory."""
    code, out, _ = run("export", "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert code == 0
    assert out == f"Wrote 7 Parquet files to {tmp_path / 'pq'}\n"
    assert (tmp_path / "pq" / "rounds.parquet").exists()
    assert run("export", "--format", "parquet")[0] == 2
