"""The group's shared options: --data and --quiet before or after the command; progress."""

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli, small_file

run = run_cli


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    """The small ecosystem of tests.helpers, as a file."""
    return small_file(tmp_path)


def test_data_works_before_or_after_the_command(data_file: Path):
    """aiecosys --data F cmd and aiecosys cmd --data F read the same file."""
    before = run("--data", str(data_file), "total-raised", "Bolt")
    after = run("total-raised", "Bolt", "--data", str(data_file))
    assert before == after == (0, "Bolt: USD 2,000,000\n", "")


def test_data_after_the_command_wins_over_before(tmp_path: Path, data_file: Path):
    """Given twice, the --data after the command is the one read."""
    code, _, err = run(
        "--data", str(tmp_path / "nowhere.json"), "summary", "--data", str(data_file)
    )
    assert (code, err) == (0, "")
    code, _, err = run("--data", str(tmp_path / "nowhere.json"), "summary")
    assert code == 2
    assert "cannot read" in err


def test_quiet_is_accepted_before_or_after_the_command():
    """--quiet (-q) is an option of the group and of every command that reads data."""
    assert run("-q", "total-raised", "xAI")[0] == 0
    assert run("total-raised", "xAI", "--quiet")[0] == 0


def on_terminal(*args: str) -> bytes:
    """Run the CLI with standard error on a pseudo-terminal; return what it drew there."""
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "aiecosys", *args],
        stdout=subprocess.DEVNULL,
        stderr=follower,
    ) as process:
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the pty's writer is gone
                break
            if not chunk:
                break
            drawn += chunk
        assert process.wait(timeout=60) == 0
    os.close(leader)
    return drawn


def test_progress_is_drawn_on_a_terminal_and_cleared(data_file: Path):
    """Reading --data on a terminal draws 'reading …' on stderr, then clears the line."""
    drawn = on_terminal("summary", "--data", str(data_file))
    assert b"reading small.json (0/2)" in drawn
    assert b"checking small.json (1/2)" in drawn
    assert drawn.endswith(b"\r")
    assert b"\x1b" not in drawn


def test_quiet_draws_nothing_on_a_terminal(data_file: Path):
    """With --quiet, before or after the command, stderr stays empty on a terminal."""
    assert on_terminal("summary", "--data", str(data_file), "--quiet") == b""
    assert on_terminal("-q", "summary", "--data", str(data_file)) == b""


def test_progress_is_silent_in_a_pipe(data_file: Path):
    """With stderr a pipe, nothing but errors is written there."""
    ran = subprocess.run(
        [sys.executable, "-m", "aiecosys", "summary", "--data", str(data_file)],
        capture_output=True,
        check=True,
    )
    assert ran.stderr == b""


def test_the_cli_starts_without_loading_data_code():
    """aiecosys --help loads no decoder, importer, FX table, plotting or graph library."""
    code = (
        "import sys; from aiecosys._cli import main; sys.argv = ['aiecosys', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ['cattrs', 'aiecosys._codec', 'aiecosys._importers', 'aiecosys._ecosystem', "
        "'currency_converter', 'matplotlib', 'networkx', 'pyarrow']\n"
        "sys.stderr.write(repr([m for m in heavy if m in sys.modules]))"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stderr == "[]"
