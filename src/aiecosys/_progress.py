"""How long work reports its progress: a callback the caller gives, never a print.

The library calls ``progress(what, done, total)`` as it goes (``what`` says what is being done,
``done`` of ``total`` steps are finished); the command line draws it on a terminal. Nothing is
imported for it, so it costs nothing when no callback is given.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Progress", "report"]

Progress = Callable[[str, int, int], None]
"""A callback told of long work: ``(what is being done, steps done, steps in all)``."""


def report(progress: Progress | None, what: str, done: int, total: int) -> None:
    """Tell *progress*, if given, that *done* of *total* steps of *what* are finished."""
    if progress is not None:
        progress(what, done, total)
