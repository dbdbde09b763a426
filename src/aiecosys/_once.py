"""The one idiom for "load once, thread-safe": what is expensive and never changes."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["once"]

T = TypeVar("T")


class once(Generic[T]):  # noqa: N801 - used as a decorator, named like functools.cache
    """Call *load* on the first call only, then return its result every time.

    Threads calling at once wait for the first to finish: *load* runs once, and every caller
    gets the same object. If *load* raises, nothing is kept and the next call tries again.
    ``loaded`` tells whether it has run, without running it.

    Examples:
        >>> calls = []
        >>> @once
        ... def table() -> dict[str, int]:
        ...     calls.append(1)
        ...     return {"rows": 3}
        >>> table.loaded
        False
        >>> table() is table(), len(calls), table.loaded
        (True, 1, True)
    """

    def __init__(self, load: Callable[[], T]) -> None:
        """Wrap *load*."""
        self._load = load
        self._lock = threading.Lock()
        self._kept: list[T] = []
        functools.update_wrapper(self, load)

    @property
    def loaded(self) -> bool:
        """True once *load* has returned."""
        return bool(self._kept)

    def __call__(self) -> T:
        """Return what *load* returned, calling it on the first call."""
        if not self._kept:
            with self._lock:
                if not self._kept:
                    self._kept.append(self._load())
        return self._kept[0]
