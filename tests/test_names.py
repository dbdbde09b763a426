import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiecosys import AmbiguousKey, Company, NotFound
from aiecosys._names import NameIndex, close, normalise


def test_normalise_folds_case_accents_and_spaces():
    """Matching ignores case, accents and runs of white space."""
    assert normalise("Clément  Delangue") == normalise("CLEMENT DELANGUE")
    assert normalise("Joëlle") == "joelle"


def test_lookup_by_id_name_or_alias():
    """A record is found by its id, its name or any alias."""
    index = NameIndex("company", [Company(id="company:m", name="Mistral AI", aliases=("Mistral",))])
    for key in ("company:m", "mistral ai", "MISTRAL", "Mistral AI"):
        assert index.find(key).id == "company:m"


def test_unknown_key_suggests_close_names():
    """NotFound carries the key and the closest names."""
    index = NameIndex("company", [Company(id="company:m", name="Mistral AI")])
    with pytest.raises(NotFound) as info:
        index.find("Mistal AI")
    assert info.value.key == "Mistal AI"
    assert info.value.suggestions == ("Mistral AI",)
    assert "did you mean 'Mistral AI'?" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_a_name_shared_by_two_records_is_ambiguous():
    """A shared name raises AmbiguousKey listing both ids; the ids still work."""
    index = NameIndex("company", [Company(id="c1", name="Acme"), Company(id="c2", name="ACME")])
    with pytest.raises(AmbiguousKey) as info:
        index.find("acme")
    assert set(info.value.candidates) == {"c1", "c2"}
    assert index.find("c2").id == "c2"


@given(st.text(max_size=20))
def test_normalise_ignores_how_a_name_is_cased(text):
    """Upper- or lower-casing a name never changes what it matches (found: U+0131 vs I)."""
    assert normalise(text.upper()) == normalise(text) == normalise(text.lower())


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_names_fold_as_the_full_unicode_steps_fold_them(name):
    """The ASCII shortcut of normalise() gives what the Unicode steps give."""
    decomposed = unicodedata.normalize("NFKD", name.upper().casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert normalise(name) == " ".join(bare.casefold().split())


def test_close_returns_at_most_three_best_first():
    """close() keeps the three best matches above the cutoff."""
    assert close("acme", ["acme", "acne", "acre", "acmes", "zzz"])[0] == "acme"
    assert len(close("acme", ["acme", "acne", "acre", "acmes"])) == 3
    assert close("acme", ["zzz"]) == []
