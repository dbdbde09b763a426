"""The words on pictures: amounts, stages and notes wrapped to the figure."""

from aiecosys import Stage
from aiecosys._plots._words import amount_text, stage_text, wrap


def test_amounts_are_short_and_keep_three_figures():
    """1,192,092,000 reads 1.19B; 16.3M keeps its decimal; small amounts stay as they are."""
    assert amount_text(1_192_092_000) == "1.19B"
    assert amount_text(16_300_000) == "16.3M"
    assert amount_text(950) == "950"


def test_stages_read_as_people_write_them():
    """series_d is 'Series D'; ipo 'IPO'; seed 'Seed'."""
    assert stage_text(Stage.SERIES_D) == "Series D"
    assert stage_text(Stage.IPO) == "IPO"
    assert stage_text(Stage.SEED) == "Seed"


def test_notes_wrap_to_the_figure_width():
    """A long note on a 4-inch figure wraps into lines of at most 60 characters."""

    class Figure:
        def get_figwidth(self):
            return 4.0

    lines = wrap(["word " * 40], Figure())
    assert len(lines) > 1
    assert all(len(line) <= 60 for line in lines)
