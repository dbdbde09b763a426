"""``PartialDate``: a date known to year, month or day, and where it falls against a point.

[`PartialDate.timing`][aiecosys.PartialDate.timing] is the one rule every ``as_of`` query follows.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
from typing import TYPE_CHECKING, Any

import attrs

from aiecosys._checks import fail
from aiecosys.exceptions import DataError, Problem

if TYPE_CHECKING:
    import pendulum

__all__ = ["DateLike", "PartialDate", "Precision", "Timing", "as_day", "days"]

_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class Precision(enum.Enum):
    """How much of a date is known.

    Attributes:
        YEAR: Only the year is known (``2019``).
        MONTH: The year and month are known (``2023-06``).
        DAY: The exact day is known (``2023-06-13``).
    """

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Timing(enum.Enum):
    """Where a partial date falls against a point in time.

    See [`PartialDate.timing`][aiecosys.PartialDate.timing].

    Attributes:
        BEFORE: Every day the date can stand for is on or before the point: it had surely
            happened by then.
        AFTER: Every day the date can stand for is after the point: it had surely not.
        UNCERTAIN: The date's interval straddles the point: the data cannot tell.
    """

    BEFORE = "before"
    UNCERTAIN = "uncertain"
    AFTER = "after"


def _check_month(instance: PartialDate, field: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        if instance.day is not None:
            raise fail(field, "a date with a day needs a month")
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:  # noqa: PLR2004
        raise fail(field, f"must be a month from 1 to 12 (got {value!r})")


def _check_day(instance: PartialDate, field: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or instance.month is None:
        raise fail(field, f"must be a day of the month (got {value!r})")
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= value <= last:
        raise fail(field, f"{instance.year:04d}-{instance.month:02d} has no day {value}")


def _check_year(_: object, field: attrs.Attribute[Any], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:  # noqa: PLR2004
        raise fail(field, f"must be a year from 1 to 9999 (got {value!r})")


@attrs.frozen(kw_only=True, order=False)
class PartialDate:
    """A date known to a year (``2019``), a month (``2023-06``) or a day (``2023-06-13``).

    A partial date stands for an interval of days, from
    [`first_day`][aiecosys.PartialDate.first_day] to
    [`last_day`][aiecosys.PartialDate.last_day]; nothing is invented (``2019`` is not
    1 January 2019). Dates sort by their first day, then by their last, so a date that ends
    before another begins always sorts first. Build one with
    [`parse`][aiecosys.PartialDate.parse] or [`of`][aiecosys.PartialDate.of].

    Attributes:
        year: The year, always known.
        month: The month (1-12), or ``None`` when only the year is known.
        day: The day of the month, or ``None`` when only the year or month is known.

    Examples:
        >>> d = PartialDate.parse("2023-06")
        >>> d.precision, str(d.first_day), str(d.last_day)
        (<Precision.MONTH: 'month'>, '2023-06-01', '2023-06-30')
        >>> sorted([PartialDate.parse("2023-06-13"), PartialDate.parse("2023")])
        [PartialDate.parse('2023'), PartialDate.parse('2023-06-13')]
        >>> PartialDate.parse("2023-02-30")
        Traceback (most recent call last):
        ...
        aiecosys.exceptions.DataError: 1 problem in the data:
          2023-02 has no day 30
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)
    # The interval's ends, computed once: queries sort and filter millions of dates by them.
    # Plain dates (see `days`): pendulum is imported only when a pendulum date is asked for.
    _first: dt.date = attrs.field(init=False, eq=False, repr=False, hash=False)
    _last: dt.date = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        """Compute the first and last day of the interval."""
        first = dt.date(self.year, self.month or 1, self.day or 1)
        if self.day is not None:
            last = first
        else:
            month = self.month or 12
            last = dt.date(self.year, month, calendar.monthrange(self.year, month)[1])
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_last", last)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            DataError: the text is not one of those forms, or names no real day.
        """
        if not isinstance(text, str):
            raise DataError.single("", f"a date must be a string (got {type(text).__name__})")
        return _parse(text)

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        match = _PATTERN.fullmatch(text.strip())
        if not match:
            raise DataError.single("", f"{text[:40]!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None  # noqa: S101 - the pattern makes the year mandatory
        try:
            return cls(year=year, month=month, day=day)
        except DataError as error:
            # The text is one value: report at its own path, not at year/month/day.
            raise DataError(Problem("", p.message) for p in error.problems) from None

    @classmethod
    def of(cls, value: PartialDate | dt.date | str) -> PartialDate:
        """Accept a ``PartialDate``, a ``date`` (day precision) or a string.

        Examples:
            >>> PartialDate.of("2023-06") == PartialDate(year=2023, month=6)
            True
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(year=value.year, month=value.month, day=value.day)
        return cls.parse(value)

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def first_day(self) -> pendulum.Date:
        """The earliest day the date can stand for."""
        return _pendulum_date(self._first)

    @property
    def last_day(self) -> pendulum.Date:
        """The latest day the date can stand for."""
        return _pendulum_date(self._last)

    def contains(self, day: dt.date) -> bool:
        """Tell whether *day* lies within this date's interval.

        Examples:
            >>> PartialDate.parse("2023").contains(dt.date(2023, 6, 13))
            True
        """
        return self._first <= day <= self._last

    def timing(self, point: DateLike) -> Timing:
        """Place this date against *point*: surely on or before it, surely after, or uncertain.

        This is the one rule every ``as_of`` query follows. *point* is a day; a partial
        *point* stands for its last day (``"2023-11"`` is 30 November 2023, the end of the
        month it names). A date known to the day is never uncertain; a date known to the
        month or year is uncertain when its interval straddles the point.

        Examples:
            >>> PartialDate.parse("2023").timing("2023-11-30")
            <Timing.UNCERTAIN: 'uncertain'>
            >>> PartialDate.parse("2023-12").timing("2023-12-15")
            <Timing.UNCERTAIN: 'uncertain'>
            >>> PartialDate.parse("2023-12").timing("2023-12")
            <Timing.BEFORE: 'before'>
            >>> PartialDate.parse("2024").timing("2023")
            <Timing.AFTER: 'after'>
        """
        day = as_day(point)
        if self._last <= day:
            return Timing.BEFORE
        if self._first > day:
            return Timing.AFTER
        return Timing.UNCERTAIN

    def _key(self) -> tuple[dt.date, dt.date]:
        return (self._first, self._last)

    def __lt__(self, other: PartialDate) -> bool:
        """Order by first day, then last day."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        """Order by first day, then last day."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        """Order by first day, then last day."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        """Order by first day, then last day."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        """Render in ISO 8601 form at the date's own precision."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __repr__(self) -> str:
        """Render as a ``parse`` call."""
        return f"PartialDate.parse({str(self)!r})"


@functools.lru_cache(maxsize=1 << 16)
def _parse(text: str) -> PartialDate:
    # Dates repeat a great deal in real data, and a PartialDate is immutable: share them.
    return PartialDate._parse(text)  # noqa: SLF001 - the cache wraps the class's own parser


DateLike = PartialDate | dt.date | str
"""What a date argument accepts: a `PartialDate`, a ``date`` or ``YYYY[-MM[-DD]]`` text."""


def days(date: PartialDate) -> tuple[dt.date, dt.date]:
    """The first and last day *date* can stand for, as plain dates (``first_day``, ``last_day``).

    What the library's own code compares and sorts by: loading a file needs no pendulum.

    Examples:
        >>> days(PartialDate.parse("2024-02"))
        (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    return date._first, date._last  # noqa: SLF001 - the interval's ends, read where they live


def as_day(value: DateLike, *, end: bool = True) -> dt.date:
    """Turn a cut-off date into a day: a partial date stands for its last day (first if not *end*).

    Examples:
        >>> str(as_day("2023")), str(as_day("2023-06", end=False))
        ('2023-12-31', '2023-06-01')
    """
    if type(value) is dt.date:
        return value  # already a day: the queries pass one for every round they place
    first, last = days(PartialDate.of(value))
    return last if end else first


def _pendulum_date(day: dt.date) -> pendulum.Date:
    import pendulum  # noqa: PLC0415 - only when a pendulum date is asked for: it costs 20 ms

    return pendulum.Date(day.year, day.month, day.day)
