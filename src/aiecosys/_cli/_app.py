"""The ``aiecosys`` group, and the options every command shares: ``--data`` and ``--quiet``.

Both work before the subcommand (``aiecosys --data f.json summary``) or after it
(``aiecosys summary --data f.json``); given in both places, the one after wins.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ._errors import handles_errors

if TYPE_CHECKING:
    from aiecosys._progress import Progress

__all__ = ["cli", "progress_bar", "uses_data", "uses_quiet"]

F = TypeVar("F", bound=Callable[..., Any])

_data_option = click.option(
    "--data",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An aiecosys/1 JSON file to use instead of the bundled dataset.",
)
_quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="Draw no progress on the terminal."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="aiecosys")
@_data_option
@_quiet_option
def cli(data: Path | None, quiet: bool) -> None:
    """Query the AI startup ecosystem: companies, investors, rounds, people and claims.

    Every command reads the bundled dataset, or the aiecosys/1 JSON file given with --data
    (before or after the command). Every answer prints as a table, or with --format
    json|csv|nl for scripts. Exit codes: 0 ok, 1 not found, 2 bad usage or bad data,
    130 interrupted, 141 output closed early.
    """


def _global(name: str) -> Any:
    context = click.get_current_context(silent=True)
    return None if context is None else context.find_root().params.get(name)


def progress_bar(quiet: bool) -> Progress | None:
    """A progress callback drawing on standard error, or None in a pipe or with ``--quiet``."""
    if quiet or _global("quiet") or not sys.stderr.isatty():
        return None
    width = 0

    def draw(what: str, done: int, total: int) -> None:
        nonlocal width
        from aiecosys._terminal import printable  # noqa: PLC0415 - only on a terminal

        line = "" if done >= total else printable(f"{what} ({done}/{total})")[:70]
        sys.stderr.write("\r" + line.ljust(width) + ("\r" if done >= total else ""))
        sys.stderr.flush()
        width = len(line)

    return draw


def uses_quiet(command: F) -> F:
    """Add ``--quiet``; pass the command ``progress``, a callback or None."""

    @_quiet_option
    @functools.wraps(command)
    def run(*args: Any, quiet: bool, **kwargs: Any) -> Any:
        return command(*args, progress=progress_bar(quiet), **kwargs)

    return run  # type: ignore[return-value]


def uses_data(command: F) -> F:
    """Add ``--data`` and ``--quiet``; pass the command ``eco``, the ecosystem to ask.

    Library and file errors the command raises become one message and an exit code.
    """

    @_data_option
    @uses_quiet
    @functools.wraps(command)
    @handles_errors
    def run(*args: Any, data: Path | None, progress: Progress | None, **kwargs: Any) -> Any:
        from aiecosys import _bundled  # noqa: PLC0415 - the data loads when a command runs

        path = data if data is not None else _global("data")
        return command(*args, eco=_bundled.load(path, progress=progress), **kwargs)

    return run  # type: ignore[return-value]
