"""The file commands: validate, import and coverage in every format, progress kept off pipes."""

import json
from pathlib import Path

from aiecosys import dump, load
from tests.helpers import TEST_DATA, run_cli, small

run = run_cli


def test_validate_in_every_format(tmp_path: Path):
    """validate prints the counts as text, a JSON document or a CSV row."""
    path = tmp_path / "small.json"
    dump(small(), path)
    assert json.loads(run("validate", str(path), "--format", "json")[1])["valid"] is True
    lines = run("validate", str(path), "--format", "csv")[1].splitlines()
    assert lines[0] == "valid,counts"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "aiecosys/1", "x": 1}')
    code, out, _ = run("validate", str(bad), "--format", "nl")
    assert code == 2
    assert json.loads(out) == {"path": "x", "message": "unknown key"}


def test_import_summary_in_json_and_quiet(tmp_path: Path):
    """import crunchbase --format json prints the report summary; --quiet changes nothing else."""
    sample = TEST_DATA / "crunchbase-2016-excerpt"
    out = tmp_path / "cb.json"
    code, stdout, stderr = run("import", "crunchbase", str(sample), "-o", str(out), "--json", "-q")
    assert (code, stderr) == (0, "")
    doc = json.loads(stdout)
    assert doc["output"] == str(out)
    assert doc["built"]["rounds"] == 3


def test_coverage_rows_are_the_reports_rows():
    """coverage --format nl prints one row per line of Coverage.rows()."""
    lines = run("coverage", "--format", "nl")[1].splitlines()
    assert [json.loads(line)["what"] for line in lines] == [w for w, _ in load().coverage().rows()]
