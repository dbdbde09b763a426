"""The ``aiecosys`` command line: a thin twin of the query helpers.

Each command calls one library function and hands its answer to the one output layer
(``_output``: ``--format table|json|csv|nl``, ``--limit``); library errors become one line
and an exit code in one place (``_errors``). Commands live by theme: ``_queries`` (questions),
``_data`` (files), ``_pictures`` (graphs and plots); ``_views`` and ``_listings`` say how each
answer reads in each format; ``_app`` holds the group and the shared ``--data`` and ``--quiet``.
Every file is written atomically.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from aiecosys._terminal import quiet_broken_pipe, tolerant_streams

from . import _data, _pictures, _queries  # noqa: F401 - importing them registers the commands
from ._app import cli
from ._errors import (
    EXIT_BAD_INPUT,
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    ReaderGone,
    fail,
    one_line,
)

__all__ = ["cli", "main", "reference"]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``aiecosys`` console script) and exit with its code.

    Usage errors are one line (exit 2); Ctrl-C is "interrupted" (exit 130); a reader that
    stops reading early (``aiecosys summary | head -1``) ends the command quietly (exit 141).
    """
    tolerant_streams()
    try:
        code = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="aiecosys",
            standalone_mode=False,
        )
        _flush()  # inside the try: the last lines may meet a closed pipe here
    except (BrokenPipeError, ReaderGone):
        quiet_broken_pipe()
        code = EXIT_BROKEN_PIPE
    except (KeyboardInterrupt, click.exceptions.Abort):
        fail("interrupted", EXIT_INTERRUPTED)
    except click.ClickException as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # click 8.2+: a bare group shows help
            error.show()
            sys.exit(error.exit_code)
        fail(one_line(error), error.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


def _flush() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        fail(f"cannot write standard output: {error.strerror or error}", EXIT_BAD_INPUT)


def _commands(group: click.Group, context: click.Context, path: str) -> list[str]:
    lines: list[str] = []
    for name in sorted(group.list_commands(context)):
        command = group.get_command(context, name)
        assert command is not None  # noqa: S101 - listed names always resolve
        sub = click.Context(command, info_name=name, parent=context, terminal_width=100)
        lines += [f"## `{path} {name}`", "", "```text", command.get_help(sub), "```", ""]
        if isinstance(command, click.Group):
            lines += _commands(command, sub, f"{path} {name}")
    return lines


def reference() -> str:
    """Render the Markdown reference of every command from its ``--help`` text."""
    lines = [
        "# Command line reference",
        "",
        "Generated from the commands' help by `python docs/cli_reference.py`.",
        "",
    ]
    context = click.Context(cli, info_name="aiecosys", terminal_width=100, **cli.context_settings)
    lines += ["```text", cli.get_help(context), "```", ""]
    return "\n".join(lines + _commands(cli, context, "aiecosys"))
