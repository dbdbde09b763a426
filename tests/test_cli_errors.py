"""The one error map: every library or file error is one line and a documented exit code."""

import pytest
from click.testing import CliRunner

from aiecosys import AmbiguousKey, DataError, NotFound, WriteError
from aiecosys._cli import cli
from aiecosys._cli._errors import (
    EXIT_BAD_INPUT,
    EXIT_NOT_FOUND,
    exit_code,
    message,
)
from aiecosys.exceptions import Problem


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (NotFound("company", "x", []), EXIT_NOT_FOUND),
        (DataError([Problem("a", "b")]), EXIT_BAD_INPUT),
        (WriteError(28, "No space left on device", "out.json"), EXIT_BAD_INPUT),
        (FileNotFoundError(2, "No such file or directory", "in.json"), EXIT_BAD_INPUT),
    ],
)
def test_each_error_has_its_exit_code(error, code):
    """Not found is 1; bad data, unwritable and unreadable files are 2."""
    assert exit_code(error) == code


def test_an_ambiguous_name_is_not_found():
    """AmbiguousKey, a LookupError, exits 1 like NotFound."""
    assert issubclass(AmbiguousKey, LookupError)
    assert exit_code(AmbiguousKey.__new__(AmbiguousKey)) == EXIT_NOT_FOUND


def test_a_read_error_says_cannot_read_and_a_write_error_cannot_write():
    """An OSError from reading names the file; a WriteError keeps its own message."""
    assert message(FileNotFoundError(2, "No such file or directory", "in.json")) == (
        "cannot read in.json: No such file or directory"
    )
    assert message(WriteError(28, "No space left on device", "out.json")).startswith(
        "cannot write out.json"
    )


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("company", "Mistal"), 1, "aiecosys: no company 'Mistal'"),
        (("source", "source:nope"), 1, "aiecosys: no source 'source:nope'"),
        (("list", "companies", "--country", "France"), 2, "aiecosys: 1 problem"),
        (("list", "rounds", "--investor", "Nobody At All"), 1, "aiecosys: no investor"),
    ],
)
def test_new_commands_go_through_the_error_map(args, code, says):
    """list and source errors are one line on stderr with the mapped exit code."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code
    assert result.stderr.startswith(says)
    lines = result.stderr.splitlines()
    assert all(line.startswith("  ") for line in lines[1:])
    assert result.stdout == ""
