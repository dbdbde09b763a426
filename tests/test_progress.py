"""Long work reports progress through a callback; the library itself prints nothing."""

from pathlib import Path

from aiecosys import dump, load, read_crunchbase
from aiecosys._progress import report
from tests.helpers import TEST_DATA, small


def test_report_calls_the_callback_only_when_given():
    """report() passes what, done and total on, and does nothing without a callback."""
    seen: list[tuple[str, int, int]] = []
    report(lambda *step: seen.append(step), "reading", 1, 2)
    report(None, "reading", 1, 2)
    assert seen == [("reading", 1, 2)]


def steps_of(run) -> list[tuple[str, int, int]]:
    seen: list[tuple[str, int, int]] = []
    run(lambda what, done, total: seen.append((what, done, total)))
    return seen


def test_loading_a_file_reports_each_step_then_done(tmp_path: Path, capsys):
    """load(path, progress=) reports reading, checking, and done == total; prints nothing."""
    path = tmp_path / "small.json"
    dump(small(), path)
    seen = steps_of(lambda progress: load(path, progress=progress))
    assert [s[1] for s in seen] == [0, 1, 2]
    assert seen[-1][1] == seen[-1][2]
    assert seen[0][0] == "reading small.json"
    assert capsys.readouterr() == ("", "")


def test_an_import_reports_each_file_then_done(capsys):
    """read_crunchbase(progress=) reports every file it reads, in order, then done == total."""
    folder = TEST_DATA / "crunchbase-2016-excerpt-importers"
    seen = steps_of(lambda progress: read_crunchbase(folder, progress=progress))
    done = [s[1] for s in seen]
    assert done == sorted(done)
    assert seen[-1][1] == seen[-1][2]
    files = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert [s[0] for s in seen if s[0].startswith("reading ")] == [f"reading {f}" for f in files]
    assert capsys.readouterr() == ("", "")
