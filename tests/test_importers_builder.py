"""The shared builder: bad records become reported rows, ids stay unique, merges are reported."""

import pytest

from aiecosys import Company, DataError, PartialDate, Round, Stage
from aiecosys._importers._builder import Builder


def round_(id_: str, stage: Stage = Stage.SEED) -> Round:
    return Round(id=id_, company="company:a", stage=stage, announced=PartialDate.parse("2020"))


def test_a_record_the_model_refuses_is_a_skipped_row_with_its_column():
    """A name over 500 characters skips the row and names the export's column."""
    b = Builder()
    made = b.build(
        ("f.csv", 7), Company, {"name": "Organization Name"}, id="company:a", name="A" * 501
    )
    assert made is None
    [note] = b.skipped
    assert (note.file, note.line, note.column) == ("f.csv", 7, "Organization Name")
    assert note.reason.startswith("invalid company:")


def test_strict_raises_at_the_first_bad_row():
    """With strict, the same row raises DataError naming file, line and column."""
    with pytest.raises(DataError, match=r"f\.csv:7: id: invalid company"):
        Builder(strict=True).build(("f.csv", 7), Company, {}, id="company:a b", name="A")


def test_numbered_ids_stay_unique_in_linear_time():
    """Rounds without an id of their own get /2, /3…; a taken number is skipped over."""
    b = Builder()
    ids = [b.add_round(("f", i), round_("round:a/seed/2020"), numbered=True) for i in range(4)]
    assert ids == [
        "round:a/seed/2020",
        "round:a/seed/2020/2",
        "round:a/seed/2020/3",
        "round:a/seed/2020/4",
    ]


def test_the_same_round_twice_is_merged_and_differences_reported():
    """A provider id seen again is one round; a different stage is reported, the first kept."""
    b = Builder()
    b.add_round(("a.json", 0), round_("round:x"))
    b.add_round(("b.json", 0), round_("round:x", Stage.SERIES_A))
    assert b.rounds["round:x"].stage is Stage.SEED
    [note] = b.changed
    assert note.file == "b.json"
    assert "stage seed, not series_a" in note.reason


def test_investors_in_a_round_are_deduplicated():
    """A repeated investor row is skipped; from another file it is merged, a lead flag kept."""
    b = Builder()
    b.invest(("f", 2), "round:x", "investor:i", lead=False)
    b.invest(("f", 3), "round:x", "investor:i", lead=False)
    b.invest(("g", 0), "round:x", "investor:i", lead=True, repeat_skips=False)
    assert [n.line for n in b.skipped] == [3]
    assert b.investments["round:x"]["investor:i"].lead
