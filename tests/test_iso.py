"""ISO codes read from pycountry's files are the codes pycountry itself gives."""

import pycountry
import pytest

from aiecosys import _iso


@pytest.mark.parametrize(
    ("standard", "code", "database"),
    [("3166-1", "alpha_2", pycountry.countries), ("4217", "alpha_3", pycountry.currencies)],
)
def test_codes_read_from_the_files_are_pycountrys(standard, code, database):
    """Read without importing pycountry, the codes equal those of its own objects."""
    read = _iso.iso_codes(standard, code)
    assert read == {getattr(entry, code) for entry in database}
    assert len(read) > 100  # about 250 countries, 180 currencies


def test_codes_come_from_pycountry_itself_if_its_files_move(monkeypatch):
    """A pycountry release that moves its files still gives the same codes."""
    expected = _iso.iso_codes("3166-1", "alpha_2")

    def moved(standard: str, _code: str) -> frozenset[str]:
        raise FileNotFoundError(f"iso{standard}.json")

    monkeypatch.setattr(_iso, "_read", moved)
    assert _iso.iso_codes("3166-1", "alpha_2") == expected
