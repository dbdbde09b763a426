"""Partial dates on a time axis: a day is a point, a month or a year is an interval.

A round known only as "2023" is drawn at the middle of 2023 with a bar spanning the whole year,
never on 1 January (which may be before the company was even founded).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from aiecosys._dates import PartialDate, Precision

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["draw_span", "span"]


def span(date: PartialDate) -> tuple[float, float, float]:
    """The interval a date stands for on a matplotlib date axis: (start, middle, end).

    The end is the end of the last day, so a year spans the whole year.

    Examples:
        >>> start, middle, end = span(PartialDate.parse("2023"))
        >>> round(end - start), round(middle - start, 1)
        (365, 182.5)
    """
    from matplotlib.dates import date2num  # noqa: PLC0415

    first = date.first_day
    end = date.last_day.add(days=1)
    start = float(date2num(dt.date(first.year, first.month, first.day)))  # type: ignore[no-untyped-call]
    stop = float(date2num(dt.date(end.year, end.month, end.day)))  # type: ignore[no-untyped-call]
    return start, (start + stop) / 2, stop


def draw_span(
    ax: Axes, date: PartialDate, y: float, colour: str, **style: Any
) -> list[tuple[float, float]]:
    """Draw a bar over the interval of a month- or year-precise date at height *y*.

    Nothing is drawn for a date known to the day. Returns points along the bar, for labels
    to keep off.
    """
    if date.precision is Precision.DAY:
        return []
    start, _, stop = span(date)
    ax.plot(
        [start, stop],
        [y, y],
        color=colour,
        linewidth=2.2,
        alpha=0.55,
        solid_capstyle="butt",
        marker="|",
        markersize=7,
        zorder=2,
        **style,
    )
    return [(start + (stop - start) * k / 4, y) for k in range(5)]
