"""The words on pictures: short amounts, stage names, notes wrapped to the figure's width."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from aiecosys._model import Stage

__all__ = ["amount_text", "stage_text", "wrap"]

_CHARS_PER_INCH = 15  # at the notes' font size


def amount_text(value: float) -> str:
    """Write an amount short: ``1.2B``, ``385M``, ``15k``.

    Examples:
        >>> amount_text(1_192_092_000), amount_text(385e6), amount_text(0)
        ('1.19B', '385M', '0')
    """
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def stage_text(stage: Stage) -> str:
    """Name a stage for people: ``Series A``, ``Late stage``.

    Examples:
        >>> stage_text(Stage.SERIES_A), stage_text(Stage.LATE_STAGE), stage_text(Stage.POST_IPO)
        ('Series A', 'Late stage', 'Post IPO')
    """
    words = ["IPO" if w == "ipo" else w for w in stage.value.split("_")]
    if words[0] == "series":
        return f"Series {' '.join(words[1:]).upper()}"
    return " ".join([words[0][0].upper() + words[0][1:], *words[1:]])


def wrap(lines: Sequence[str], figure: Any) -> list[str]:
    """Wrap note lines to the figure's width."""
    width = int(figure.get_figwidth() * _CHARS_PER_INCH)
    return [wrapped for line in lines for wrapped in textwrap.wrap(line, width)]
