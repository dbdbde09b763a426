"""The one error map: library and file errors become one line on standard error and an exit code.

Exit codes: 0 ok, 1 not found, 2 bad usage, bad data or a file that cannot be read or written,
130 interrupted (Ctrl-C), 141 standard output closed early (``| head``).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from aiecosys._terminal import printable
from aiecosys.exceptions import AiecosysError, AmbiguousKey, NotFound

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "EXIT_NOT_FOUND",
    "ReaderGone",
    "exit_code",
    "fail",
    "handles_errors",
    "one_line",
]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_NOT_FOUND = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a writer whose reader went away


class ReaderGone(Exception):
    """Standard output's reader went away; not an OSError, so that click lets it through."""


def exit_code(error: Exception) -> int:
    """The exit code of a library or file error: 1 for not found, 2 for anything else."""
    return EXIT_NOT_FOUND if isinstance(error, NotFound | AmbiguousKey) else EXIT_BAD_INPUT


def message(error: Exception) -> str:
    """The one-line message of a library or file error."""
    if isinstance(error, OSError) and not isinstance(error, AiecosysError):
        # Every write goes through _atomic and comes out as a WriteError: this is a read.
        where = f" {error.filename}" if error.filename is not None else ""
        return f"cannot read{where}: {error.strerror or error}"
    return str(error)


def fail(text: str, code: int) -> NoReturn:
    """Print *text* as the one message on standard error and exit with *code*."""
    # One message; newlines in it (a data error lists its problems) indent what follows.
    sys.stderr.write(f"aiecosys: {printable(text)}\n")
    sys.stderr.flush()
    sys.exit(code)


def handles_errors(command: F) -> F:
    """Turn library and file errors raised by *command* into one message and an exit code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (AiecosysError, OSError) as error:
            fail(message(error), exit_code(error))
        except KeyboardInterrupt:
            # Here, not in main(): click would print a blank line before its own message.
            fail("interrupted", EXIT_INTERRUPTED)

    return run  # type: ignore[return-value]


def one_line(error: click.ClickException) -> str:
    """A click usage error as one line, pointing at the command's help."""
    text = " ".join(error.format_message().split())
    context = getattr(error, "ctx", None)
    if isinstance(error, click.UsageError) and context is not None:
        text += f" (see '{context.command_path} --help')"
    return text
