"""Figures that tests measure and the test run prints at its end (see conftest.py)."""

FIGURES: list[str] = []


def report(line: str) -> None:
    """Record a figure to print in the test run's summary."""
    FIGURES.append(line)
