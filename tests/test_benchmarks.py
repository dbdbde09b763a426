"""The benchmarks: a deterministic, valid generator, and scripts that run at a tiny size."""

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import aiecosys

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from generate import generate  # type: ignore[import-not-found]


def test_the_generator_is_deterministic_and_valid():
    """The same size gives the same document, and aiecosys loads it."""
    first, second = generate(2_000), generate(2_000)
    assert json.dumps(first) == json.dumps(second)
    eco = aiecosys.loads(json.dumps(first))
    assert (len(eco.rounds), len(eco.companies), len(eco.investors)) == (2_000, 400, 100)


def test_the_generated_shape_is_long_tailed_and_mixed():
    """Investor activity follows a power law; currencies, precisions and gaps all occur."""
    eco = aiecosys.loads(json.dumps(generate(5_000)))
    deals = Counter(i for r in eco.rounds for i in r.investor_ids)
    counts = sorted(deals.values(), reverse=True)
    assert counts[0] > 20 * counts[len(counts) // 2]  # the busiest dwarfs the median investor
    assert {r.amount.currency for r in eco.rounds if r.amount} == {
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CHF",
    }
    assert {r.announced.precision.value for r in eco.rounds} == {"year", "month", "day"}
    assert any(r.amount is None for r in eco.rounds)
    assert all(1 <= len(r.investments) <= 10 for r in eco.rounds)


BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def _script(name: str, *args: str) -> str:
    """Run a benchmark script in a fresh interpreter; return what it printed."""
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_the_scale_benchmark_runs_and_checks_the_engines_agree(tmp_path):
    """At a tiny size, scale.py answers with DuckDB and checks both gave the same answers."""
    pytest.importorskip("duckdb")
    out = _script(
        "scale.py",
        "--sizes",
        "400",
        "--calls",
        "3",
        "--cache",
        str(tmp_path),
        "--engines",
        "aiecosys",
        "duckdb",
        "--json",
        str(tmp_path / "figures.json"),
    )
    assert "DISAGREE" not in out
    figures = json.loads((tmp_path / "figures.json").read_text())["results"]["400"]
    assert figures["disagreements"] == []
    assert (
        figures["aiecosys"]["answers"]["co_investors"]
        == figures["duckdb"]["answers"]["co_investors"]
    )
    assert figures["aiecosys"]["answers"]["portfolio"]
    for engine in ("aiecosys", "duckdb"):
        assert figures[engine]["load_s"] > 0
        assert figures[engine]["co_investors"]["first_us"] > 0


def test_the_load_phases_add_up_to_the_total(tmp_path):
    """load_phases.py prints every phase, and the phases sum to the printed total."""
    path = tmp_path / "eco.json"
    path.write_text(json.dumps(generate(300)), encoding="utf-8")
    lines = _script("load_phases.py", str(path)).splitlines()
    seconds = {line[:48].strip(): float(line[48:].split()[0]) for line in lines[:-1]}
    assert len(seconds) == 12
    total = seconds.pop("total")
    assert abs(sum(seconds.values()) - total) <= 0.01 * len(seconds)


def test_the_small_data_benchmark_times_import_load_and_conversion():
    """small.py prints the median import, first-load and first-conversion times."""
    out = _script("small.py", "--runs", "1")
    assert all(f"{step} " in out for step in ("import", "load", "convert"))


def test_the_scale_benchmark_reads_json_lines_too(tmp_path):
    """With --lines, every engine reads the JSON-lines form of the file and they still agree."""
    pytest.importorskip("duckdb")
    pytest.importorskip("polars")
    _script(
        "scale.py",
        *("--sizes", "400", "--calls", "3", "--cache", str(tmp_path), "--lines"),
        *("--json", str(tmp_path / "figures.json")),
    )
    assert (tmp_path / "eco-400.jsonl").read_text().startswith('{"format":"aiecosys/1"')
    figures = json.loads((tmp_path / "figures.json").read_text())["results"]["400"]
    assert figures["disagreements"] == []
    assert figures["polars"]["answers"]["portfolio"] == figures["aiecosys"]["answers"]["portfolio"]
