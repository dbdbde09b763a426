import json
import re
from pathlib import Path

import pytest

from aiecosys import (
    DATA_HORIZON,
    DATA_VERSION,
    Ecosystem,
    Person,
    Role,
    dump,
    investment_graph,
    load,
    plot_network,
)
from tests.helpers import TEST_DATA, day, run_cli, small

run = run_cli


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
    assert f"(data version {DATA_VERSION}, searched to {DATA_HORIZON})" in out
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
        "as_of",
        "contradicted",
        "counts",
        "currency",
        "horizon",
        "most_active",
        "raised_most",
        "unranked",
        "version",
    ]
    assert (doc["version"], doc["horizon"]) == (DATA_VERSION, DATA_HORIZON)
    assert len(doc["raised_most"]) == 2
    assert doc["raised_most"][0]["total_raised"]["currency"] == "EUR"


def test_company_profile_lists_rounds_investors_and_claims():
    """company shows founders, the rounds table with conversions, investors and claims."""
    code, out, _ = run("company", "mistral ai", "--currency", "USD")
    assert code == 0
    assert "Arthur Mensch" in out
    assert re.search(r"2023-06-13\s+seed\s+EUR 105,000,000\s+USD 113,326,500", out)
    assert "[contradicted]" in out


def test_total_raised_matches_the_library():
    """total-raised prints what total_raised() returns, in text and JSON."""
    code, out, _ = run("total-raised", "Mistral AI", "--currency", "EUR", "--as-of", "2023-12-31")
    assert (code, out) == (0, "Mistral AI, as of 2023-12-31: EUR 490,000,000\n")
    code, out, _ = run(
        "total-raised", "Mistral AI", "--currency", "EUR", "--as-of", "2023-12-31", "--json"
    )
    doc = json.loads(out)
    assert doc["total_raised"] == {"amount": "490000000", "currency": "EUR"}
    assert (doc["complete"], doc["undisclosed_rounds"], doc["uncertain_rounds"]) == (True, 0, 0)


def test_investor_and_co_investors_commands():
    """investor shows portfolio and co-investors; co-investors ranks them."""
    code, out, _ = run("investor", "Lightspeed")
    portfolio = load().portfolio("Lightspeed")
    assert code == 0
    assert f"Portfolio ({len(portfolio)}): {', '.join(c.name for c in portfolio)}" in out
    code, out, _ = run("co-investors", "Lightspeed Venture Partners", "--json")
    first, expected = json.loads(out)[0], load().co_investors("Lightspeed Venture Partners")[0]
    assert first["name"] == expected.investor.name
    assert len(first["rounds"]) == expected.shared


def test_person_lists_roles_with_dates():
    """person shows each role with its organisation and dates."""
    code, out, _ = run("person", "kai-fu lee")
    assert code == 0
    assert "President of Google China  2005-07" in out


def test_rounds_filters_and_claims_filters():
    """rounds and claims accept the library's filters."""
    _, out, _ = run("rounds", "--stage", "seed", "--json")
    assert [r["id"] for r in json.loads(out)] == [r.id for r in load().find_rounds(stage="seed")]
    _, out, _ = run("rounds", "--stage", "seed", "--until", "2023-12-31", "--json")
    assert "round:mistral-ai-seed" in [r["id"] for r in json.loads(out)]
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
    assert lines[0] == (
        "round,company,company_name,stage,announced,announced_first_day,announced_last_day,"
        "investor,investor_name,lead,amount,currency"
    )
    assert len(lines) - 1 == sum(len(r.investments) for r in load().rounds)


def test_python_dash_m_runs_the_cli():
    """python -m aiecosys is the same command line."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "aiecosys", "total-raised", "xAI", "--as-of", "2024-12-31"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out == "xAI, as of 2024-12-31: USD 12,134,700,000\n"


def test_import_crunchbase_writes_a_valid_file_and_a_full_report(tmp_path: Path):
    """import crunchbase writes aiecosys/1 JSON and, with --report, every changed row."""
    sample = TEST_DATA / "crunchbase-2016-excerpt"
    out, rep = tmp_path / "cb.json", tmp_path / "report.json"
    code, stdout, _ = run("import", "crunchbase", str(sample), "-o", str(out), "--report", str(rep))
    assert code == 0
    assert "Built: 3 companies, 22 investors, 0 people, 3 rounds, 22 investments" in stdout
    assert "Investors per round: 3 of 3 equal the provider's count" in stdout
    assert run("validate", str(out))[0] == 0
    full = json.loads(rep.read_text())
    assert len(full["changed_rows"]) == 18  # investors no file names (docs/crunchbase.md)
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
    eco = load()
    counts = {
        c: len(eco.funding_breakdown(c).rounds) for c in ("company:mistral-ai", "company:xai")
    }
    assert json.loads(out)["rounds"] == counts
    assert (tmp_path / "f.png").stat().st_size > 1000
    assert run("plot", "funding", "Mistal", "-o", str(tmp_path / "x.svg"))[0] == 1


def test_export_parquet_writes_a_file_per_table(tmp_path: Path):
    """export --format parquet writes one Parquet file per table into a directory."""
    code, out, _ = run("export", "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert code == 0
    assert out == f"Wrote 7 Parquet files to {tmp_path / 'pq'}\n"
    assert (tmp_path / "pq" / "rounds.parquet").exists()
    assert run("export", "--format", "parquet")[0] == 2


AGREEMENT_CASES = [
    (company, as_of)
    for company in ("Mistral AI", "Poolside", "01.AI", "OpenAI", "xAI", "Hugging Face")
    for as_of in (None, "2023", "2023-11-30", "2023-12-15", "2024-06")
]


@pytest.mark.parametrize(("name", "as_of"), AGREEMENT_CASES)
def test_total_raised_json_and_text_agree_with_the_library(name, as_of):
    """total-raised --json carries the library's CompanyTotal field for field; text is str()."""
    eco = load()
    total = eco.total_raised(name, currency="EUR", as_of=as_of)
    dated = ["--as-of", as_of] if as_of else []
    code, out, _ = run("total-raised", name, "--currency", "EUR", *dated, "--json")
    doc = json.loads(out)
    assert code == 0
    known = total.known
    assert doc["total_raised"] == (
        None if known is None else {"amount": str(known.amount), "currency": "EUR"}
    )
    assert (doc["complete"], doc["rounds_counted"], doc["undisclosed_rounds"]) == (
        total.complete,
        total.rounds,
        total.undisclosed,
    )
    assert (doc["uncertain_rounds"], doc["uncertain_undisclosed_rounds"]) == (
        total.uncertain,
        total.uncertain_undisclosed,
    )
    extra = total.uncertain_known
    assert doc["uncertain_total"] == (
        None if extra is None else {"amount": str(extra.amount), "currency": "EUR"}
    )
    assert doc["text"] == str(total)
    code, out, _ = run("total-raised", name, "--currency", "EUR", *dated)
    assert out.endswith(f": {total}\n")


@pytest.mark.parametrize(("name", "as_of"), AGREEMENT_CASES)
def test_company_json_agrees_with_the_library_as_of_a_date(name, as_of):
    """company --json lists the library's sure and possible rounds and investors, and its total."""
    eco = load()
    dated = ["--as-of", as_of] if as_of else []
    code, out, _ = run("company", name, *dated, "--json")
    doc = json.loads(out)
    assert code == 0
    rounds = eco.rounds_of(name, as_of=as_of)
    investors = eco.investors_in(name, as_of=as_of)
    assert [r["id"] for r in doc["rounds"]] == [r.id for r in rounds]
    assert [r["id"] for r in doc["possibly_rounds"]] == [r.id for r in rounds.possibly]
    assert doc["investors"] == [i.id for i in investors]
    assert doc["possibly_investors"] == [i.id for i in investors.possibly]
    assert doc["total"]["text"] == str(eco.total_raised(name, as_of=as_of))


@pytest.mark.parametrize("as_of", [None, "2023-11-30", "2023-12-15"])
def test_investor_co_investors_and_summary_json_agree_with_the_library(as_of):
    """investor, co-investors and summary --json match portfolio, co_investors and summary."""
    eco = load()
    dated = ["--as-of", as_of] if as_of else []
    _, out, _ = run("investor", "Lightspeed Venture Partners", *dated, "--json")
    doc = json.loads(out)
    portfolio = eco.portfolio("Lightspeed Venture Partners", as_of=as_of)
    assert doc["portfolio"] == [c.id for c in portfolio]
    assert doc["possibly_portfolio"] == [c.id for c in portfolio.possibly]
    _, out, _ = run("co-investors", "Lightspeed Venture Partners", *dated, "--json")
    partners = eco.co_investors("Lightspeed Venture Partners", as_of=as_of)
    assert [(c["investor"], c["possibly"]) for c in json.loads(out)] == [
        (c.investor.id, False) for c in partners
    ] + [(c.investor.id, True) for c in partners.possibly]
    _, out, _ = run("summary", *dated, "--json")
    doc = json.loads(out)
    summary = eco.summary(as_of=as_of)
    assert [(r["company"], r["text"]) for r in doc["raised_most"]] == [
        (t.company.id, str(t)) for t in summary.raised_most
    ]
    assert [(r["company"], r["text"]) for r in doc["unranked"]] == [
        (t.company.id, str(t)) for t in summary.unranked
    ]


def test_an_undisclosed_only_company_never_reads_as_zero():
    """01.AI's only 2023 round is undisclosed: 'unknown' in text, null in JSON, never 0."""
    code, out, _ = run("total-raised", "01.AI", "--as-of", "2023-12-31")
    assert (code, out) == (0, "01.AI, as of 2023-12-31: USD unknown (1 round undisclosed)\n")
    _, out, _ = run("total-raised", "01.AI", "--as-of", "2023-12-31", "--json")
    doc = json.loads(out)
    assert (doc["total_raised"], doc["complete"], doc["undisclosed_rounds"]) == (None, False, 1)
    code, _, err = run("total-raised", "01.AI", "--as-of", "2023-12-31", "--strict")
    assert code == 2
    assert "not exact" in err
    assert "Traceback" not in err


def test_company_as_of_lists_only_the_investors_known_by_then():
    """mistral --as-of 2023-07 lists the seed's investors, not the 2023-12 or 2024 backers."""
    eco = load()
    _, out, _ = run("company", "mistral", "--as-of", "2023-07", "--json")
    doc = json.loads(out)
    seed = eco.round("round:mistral-ai-seed")
    assert set(doc["investors"]) == set(seed.investor_ids)
    assert doc["possibly_investors"] == []
    assert "investor:andreessen-horowitz" not in doc["investors"]
    _, out, _ = run("company", "mistral", "--as-of", "2023-12-15")
    assert "Possibly announced by 2023-12-15" in out
    assert "possibly by 2023-12-15" in out
    assert "Andreessen Horowitz" in out.split("possibly by 2023-12-15")[1]


def test_person_as_of_shows_roles_held_on_that_day(tmp_path: Path):
    """person --as-of lists the roles held that day; an uncertain one is marked possibly."""
    base = small()
    person = Person(
        id="person:pat",
        name="Pat",
        roles=(
            Role(organisation="company:acme", title="CEO", start=day("2020-03-02")),
            Role(organisation="company:bolt", title="CTO", start=day("2023")),
        ),
    )
    path = tmp_path / "people.json"
    dump(Ecosystem(companies=base.companies, people=(person,)), path)
    code, out, _ = run("person", "Pat", "--as-of", "2023-11-30", "--data", str(path))
    assert code == 0
    assert "CTO (possibly)" in out
    _, out, _ = run("person", "Pat", "--as-of", "2023-11-30", "--data", str(path), "--json")
    doc = json.loads(out)
    assert [r["title"] for r in doc["roles"]] == ["CEO"]
    assert [r["title"] for r in doc["possibly_roles"]] == ["CTO"]


def test_funding_by_prints_a_table_and_json_that_say_what_is_unknown():
    """funding-by year: 2015 reads 'unknown', not 0; --json has known, undisclosed, uncertain."""
    code, out, _ = run("funding-by", "year")
    assert code == 0
    row_2015 = next(line for line in out.splitlines() if line.startswith("2015"))
    assert "unknown" in row_2015
    assert "Not complete" in out
    code, out, _ = run("funding-by", "quarter", "--as-of", "2023-11-30", "--json")
    result = json.loads(out)
    q4 = next(row for row in result["rows"] if row["key"] == "2023-Q4")
    assert "round:poolside-seed" in q4["uncertain"]
    assert result["complete"] is False
    library = load().funding_by("quarter", as_of="2023-11-30")
    assert [row["key"] for row in result["rows"]] == [row.key for row in library.rows]
    assert run("funding-by", "month")[0] == 2


def test_plot_options_reach_the_picture(tmp_path: Path):
    """--title, --size, --dpi, --theme and a .pdf output; a bad --size is a usage error."""
    output = tmp_path / "p.pdf"
    code, out, _ = run(
        "plot",
        "portfolio",
        "Nvidia",
        "--title",
        "Nvidia",
        "--size",
        "6x4",
        "--dpi",
        "80",
        "--theme",
        "dark",
        "-o",
        str(output),
    )
    assert code == 0, out
    assert output.read_bytes().startswith(b"%PDF")
    rounds = len(load().find_rounds(investor="Nvidia"))
    assert out.startswith(f"Drew {rounds} rounds in ")
    code, _, err = run("plot", "funding-by", "--size", "big", "-o", str(tmp_path / "x.png"))
    assert code == 2
    assert "WxH" in err
    code, out, _ = run("plot", "funding-by", "quarter", "--json", "-o", str(tmp_path / "q.svg"))
    assert json.loads(out)["periods"] > 30
