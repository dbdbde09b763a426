"""Partial dates on a time axis: an interval, never its first day."""

from aiecosys import PartialDate
from aiecosys._plots._timeline import span


def test_a_day_spans_one_day_and_a_month_its_month():
    """'2023-06-13' spans one day; '2023-06' the 30 days of June, its middle on 16 June."""
    start, middle, end = span(PartialDate.parse("2023-06-13"))
    assert end - start == 1
    start, middle, end = span(PartialDate.parse("2023-06"))
    assert end - start == 30
    assert middle - start == 15
