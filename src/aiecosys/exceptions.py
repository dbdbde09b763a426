"""The errors that ``aiecosys`` raises.

Every error subclasses [`AiecosysError`][aiecosys.AiecosysError] and the builtin that fits it, so
callers can catch either ``aiecosys.DataError`` or plain ``ValueError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiecosys._results import CompanyTotal

__all__ = [
    "AiecosysError",
    "AmbiguousKey",
    "ArgumentTypeError",
    "ConversionError",
    "CurrencyMismatch",
    "DataError",
    "IncompleteTotal",
    "InvalidArgument",
    "MissingDependency",
    "NotFound",
    "Problem",
    "UnsupportedFormat",
    "WriteError",
]


class AiecosysError(Exception):
    """Base class of every error raised by ``aiecosys``."""


class Problem:
    """One thing wrong with some data: where it is (``path``) and what is wrong (``message``).

    Examples:
        >>> Problem("rounds[3].amount.currency", "'EURO' is not an ISO 4217 code")
        Problem('rounds[3].amount.currency', "'EURO' is not an ISO 4217 code")
    """

    __slots__ = ("message", "path")

    def __init__(self, path: str, message: str) -> None:
        """Record that the value at *path* is wrong because of *message*."""
        self.path = path
        self.message = message

    def __str__(self) -> str:
        """Render as ``path: message`` (just the message when the path is empty)."""
        return f"{self.path}: {self.message}" if self.path else self.message

    def __repr__(self) -> str:
        """Render as a constructor call."""
        return f"Problem({self.path!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        """Compare by path and message."""
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.path, self.message) == (other.path, other.message)

    def __hash__(self) -> int:
        """Hash by path and message."""
        return hash((self.path, self.message))

    def under(self, prefix: str) -> Problem:
        """Return this problem with *prefix* put in front of its path.

        Examples:
            >>> print(Problem("currency", "bad").under("rounds[0].amount"))
            rounds[0].amount.currency: bad
        """
        if not prefix:
            return self
        if not self.path:
            return Problem(prefix, self.message)
        sep = "" if self.path.startswith("[") else "."
        return Problem(f"{prefix}{sep}{self.path}", self.message)


class DataError(AiecosysError, ValueError):
    """Some data is invalid; ``problems`` lists every problem found, each with its path.

    Examples:
        >>> err = DataError([Problem("companies[0].name", "must not be empty")])
        >>> print(err)
        1 problem in the data:
          companies[0].name: must not be empty
        >>> isinstance(err, ValueError)
        True
    """

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        """Collect *problems* (at least one) found in *source* (a file name, if any)."""
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            msg = "DataError needs at least one problem"
            raise ValueError(msg)
        self.source = source
        super().__init__(self._render())

    @classmethod
    def single(cls, path: str, message: str) -> DataError:
        """Build an error with one problem."""
        return cls([Problem(path, message)])

    def _render(self) -> str:
        count = len(self.problems)
        where = f" in {self.source}" if self.source else " in the data"
        head = f"{count} problem{'s' if count != 1 else ''}{where}:"
        shown = self.problems[:50]
        lines = [head, *(f"  {p}" for p in shown)]
        if count > len(shown):
            lines.append(f"  … and {count - len(shown)} more")
        return "\n".join(lines)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the problems, not the rendered text."""
        return (_rebuild_data_error, (self.problems, self.source))


def _rebuild_data_error(problems: Sequence[Problem], source: str | None) -> DataError:
    return DataError(problems, source=source)


class NotFound(AiecosysError, LookupError):
    """No record matches ``key``; ``suggestions`` holds the closest names, best first.

    Examples:
        >>> err = NotFound("company", "Mistal", ["Mistral AI"])
        >>> print(err)
        no company 'Mistal'; did you mean 'Mistral AI'?
        >>> err.key, err.suggestions
        ('Mistal', ('Mistral AI',))
    """

    def __init__(self, kind: str, key: str, suggestions: Iterable[str] = ()) -> None:
        """Say that no *kind* (company, investor, …) matches *key*."""
        self.kind = kind
        self.key = key
        self.suggestions = tuple(suggestions)
        message = f"no {kind} {_quote(key)}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        """Render the message (``LookupError`` would quote it)."""
        return str(self.args[0])


class AmbiguousKey(AiecosysError, LookupError):
    """A name matches more than one record; ``candidates`` holds their ids.

    Examples:
        >>> print(AmbiguousKey("company", "Acme", ["company:acme-1", "company:acme-2"]))
        'Acme' names more than one company: 'company:acme-1', 'company:acme-2'; use an id
    """

    def __init__(self, kind: str, key: str, candidates: Iterable[str]) -> None:
        """Say that *key* names several records of *kind*."""
        self.kind = kind
        self.key = key
        self.candidates = tuple(candidates)
        listed = ", ".join(repr(c) for c in self.candidates)
        super().__init__(f"{_quote(key)} names more than one {kind}: {listed}; use an id")

    def __str__(self) -> str:
        """Render the message (``LookupError`` would quote it)."""
        return str(self.args[0])


class InvalidArgument(AiecosysError, ValueError):
    """A function was given an argument outside its range or vocabulary.

    ``argument`` names it; ``suggestions`` holds the closest valid values, best first.

    Examples:
        >>> err = InvalidArgument("stage", "'seeed' is not a stage", ["seed"])
        >>> print(err)
        stage: 'seeed' is not a stage; did you mean 'seed'?
        >>> isinstance(err, ValueError)
        True
    """

    def __init__(self, argument: str, message: str, suggestions: Iterable[str] = ()) -> None:
        """Say what is wrong with *argument*, and what it may have meant."""
        self.argument = argument
        self.suggestions = tuple(suggestions)
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(f"{argument}: {message}")


class ArgumentTypeError(AiecosysError, TypeError):
    """A function was given an argument of the wrong type; ``argument`` names it.

    Examples:
        >>> print(ArgumentTypeError("top", "must be an int (got str)"))
        top: must be an int (got str)
        >>> isinstance(ArgumentTypeError("top", "…"), TypeError)
        True
    """

    def __init__(self, argument: str, message: str) -> None:
        """Say what *argument* should have been."""
        self.argument = argument
        super().__init__(f"{argument}: {message}")


class CurrencyMismatch(AiecosysError, ValueError):
    """Two amounts in different currencies were combined without a conversion.

    Examples:
        >>> print(CurrencyMismatch("EUR", "USD"))
        cannot combine EUR and USD amounts; convert one first
    """

    def __init__(self, left: str, right: str) -> None:
        """Say that *left* and *right* currencies were mixed."""
        self.currencies = (left, right)
        super().__init__(f"cannot combine {left} and {right} amounts; convert one first")


class ConversionError(AiecosysError, ValueError):
    """No reference rate exists for a conversion (unknown currency or date out of range)."""


class IncompleteTotal(AiecosysError, ValueError):
    """A total asked for with ``strict=True`` is not exact: some amount or date is unknown.

    ``total`` is the [`CompanyTotal`][aiecosys.CompanyTotal] that was not complete; the message
    names the company and what is missing.
    """

    def __init__(self, total: CompanyTotal) -> None:
        """Say which total is a lower bound, and why."""
        self.total = total
        super().__init__(f"the total raised by {total.company.name} is not exact: {total}")


class MissingDependency(AiecosysError, ImportError):
    """An optional dependency is needed; the message names the extra to install."""


class UnsupportedFormat(AiecosysError, ValueError):
    """A file format aiecosys cannot write or read (the message lists those it can)."""


class WriteError(AiecosysError, OSError):
    """A file could not be written; the file that was there before is left as it was.

    ``filename``, ``errno`` and ``strerror`` are those of ``OSError``.

    Examples:
        >>> err = WriteError(28, "No space left on device", "out.json")
        >>> print(err)
        cannot write out.json: No space left on device
        >>> isinstance(err, OSError), err.filename
        (True, 'out.json')
    """

    def __str__(self) -> str:
        """Render as ``cannot write PATH: reason``."""
        return f"cannot write {self.filename}: {self.strerror}"


def _quote(key: object) -> str:
    """Quote a key the user gave, cut short if it is long (an error message stays short)."""
    text = key if isinstance(key, str) else type(key).__name__
    return repr(text) if len(text) <= 80 else f"{text[:80]!r}… ({len(text):,} characters)"  # noqa: PLR2004
