"""The text rules and the shared validators (aiecosys._checks)."""

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiecosys import Claim, Company, DataError, Person, Reliability, Round, Source, Stage, Verdict
from aiecosys._checks import ID, NAME, REFUSED_CATEGORIES, TEXT, excerpt
from tests.helpers import day

# One character of each kind the rules refuse, with the category that refuses it.
REFUSED = [
    ("\x00", "Cc"),  # NUL
    ("\x1b", "Cc"),  # ESC: the start of a terminal escape sequence
    ("\x7f", "Cc"),  # DEL
    ("\x9b", "Cc"),  # CSI, the one-character escape sequence introducer
    ("\r", "Cc"),
    ("\u202a", "Cf"),  # bidi embeddings and overrides: U+202A to U+202E
    ("\u202e", "Cf"),
    ("\u2066", "Cf"),  # bidi isolates: U+2066 to U+2069
    ("\u2069", "Cf"),
    ("\u200b", "Cf"),  # zero-width space, non-joiner, joiner, marks: U+200B to U+200F
    ("\u200d", "Cf"),
    ("\u200f", "Cf"),
    ("\u2060", "Cf"),  # word joiner
    ("\ufeff", "Cf"),  # byte-order mark
    ("\U000e0041", "Cf"),  # a tag character
    ("\ud800", "Cs"),  # a lone surrogate
    ("\udfff", "Cs"),
    ("\ue000", "Co"),  # private use
    ("\U000f0000", "Co"),
    ("\u0378", "Cn"),  # unassigned
    ("\U0010ffff", "Cn"),  # a noncharacter
    ("\u2028", "Zl"),
    ("\u2029", "Zp"),
]


@pytest.mark.parametrize(("char", "category"), REFUSED)
def test_every_kind_of_text_refuses_the_refused_categories(char, category):
    """Controls, format, surrogate, private-use, unassigned and separator characters are refused."""
    assert unicodedata.category(char) == category
    for rule in (ID, NAME, TEXT):
        problem = rule.problem(f"ab{char}cd")
        assert problem is not None
        assert f"U+{ord(char):04X}" in problem
        assert "at position 2" in problem
        assert char not in problem  # the message names the character, never prints it


@pytest.mark.parametrize("char", ["\n", "\t"])
def test_free_text_may_hold_newlines_and_tabs_but_names_and_ids_may_not(char):
    """A newline or a tab is allowed in free text only."""
    assert TEXT.problem(f"one{char}two") is None
    assert NAME.problem(f"one{char}two") is not None
    assert ID.problem(f"one{char}two") is not None


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u3000", "\u2009"])
def test_names_may_hold_spaces_ids_may_not(space):
    """Any space separator is allowed in names and text, none in ids."""
    assert NAME.problem(f"Mistral{space}AI") is None
    assert TEXT.problem(f"Mistral{space}AI") is None
    assert "white space" in (ID.problem(f"Mistral{space}AI") or "")


@pytest.mark.parametrize(
    "name",
    ["Mistral AI", "Clément Delangue", "智谱 AI", "Ελληνικά", "عربي", "🦜🔗 LangChain", "a+b=c"],
)
def test_names_of_every_script_and_symbols_are_welcome(name):
    """Letters of every script, marks, digits, punctuation and symbols are allowed."""
    assert NAME.problem(name) is None


def test_length_and_emptiness_are_checked_before_the_characters():
    """Too long and empty text is refused, and a huge string is not scanned."""
    assert NAME.problem("x" * 501) == "a name is 501 characters; at most 500"
    assert ID.problem("x" * 201) == "an id is 201 characters; at most 200"
    assert TEXT.problem("   ") == "text must not be empty"
    assert NAME.problem(7) == "must be a string (got int)"


@given(st.text(st.characters(codec=None), max_size=30))
def test_the_fast_check_agrees_with_the_rule_for_each_character(text):
    """problem() finds nothing exactly when every character is allowed (and the text fits)."""
    for rule in (ID, NAME, TEXT):
        fits = bool(text.strip()) and len(text) <= rule.limit
        assert (rule.problem(text) is None) == (fits and all(map(rule.allows, text)))


@given(st.characters())
def test_allows_is_the_category_rule(char):
    """A character is allowed in a name exactly when its category is not refused."""
    category = unicodedata.category(char)
    assert NAME.allows(char) == (category not in REFUSED_CATEGORIES)
    assert ID.allows(char) == (category not in REFUSED_CATEGORIES | {"Zs"})


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: Company(id="c", name="A\x1b[2JB"), "name"),
        (lambda: Company(id="c", name="A", aliases=("ok", "B\u2066")), "aliases[1]"),
        (lambda: Company(id="c", name="A", description="x\x07"), "description"),
        (lambda: Company(id="c", name="A", founders=("p\u200b",)), "founders[0]"),
        (lambda: Person(id="p", name="\ud800"), "name"),
        (
            lambda: Source(id="s", title="T", publisher="P\ufeff", reliability=Reliability.A),
            "publisher",
        ),
        (
            lambda: Round(
                id="r", company="c", stage=Stage.SEED, announced=day("2023"), note="\x00"
            ),
            "note",
        ),
        (
            lambda: Claim(
                id="k",
                subject="c",
                field="f",
                statement="\u202e",
                source="s",
                verdict=Verdict.UNVERIFIED,
            ),
            "statement",
        ),
    ],
)
def test_every_record_applies_the_rules_to_its_text_fields(build, path):
    """Ids, names, aliases and free text of every record go through the rules."""
    with pytest.raises(DataError) as info:
        build()
    assert info.value.problems[0].path == path


def test_excerpt_is_short_and_safe_for_any_value():
    """An excerpt is bounded, escapes control characters and never converts a huge int."""
    assert excerpt("x" * 10**6) == "'" + "x" * 40 + "'… (1,000,000 characters)"
    assert excerpt("\x1b[31m") == "'\\x1b[31m'"
    big = 10 ** (sys.get_int_max_str_digits() * 2)
    assert excerpt(big).startswith("an integer of about ")
    assert excerpt(object()) == "a object"


@given(
    st.sampled_from([ID, NAME, TEXT]),
    st.lists(
        st.text(max_size=30)
        | st.sampled_from(["", " ", "\n", "a b", "a\tb", "x" * 600])
        | st.sampled_from([None, 1, True, b"ab", ("a",), ["a"]])
    ),
)
def test_a_column_passes_at_once_only_if_each_value_passes(rule, values):
    """all_allowed() answers True only when problem() finds nothing in any value.

    A value that is not text (None, a number, bytes, a list) is a problem too.
    """
    if rule.all_allowed(values):
        assert all(rule.problem(v) is None for v in values)


def test_a_clean_column_passes_at_once():
    """Ordinary ids, names and notes are cleared in one look, without a value-by-value pass."""
    assert ID.all_allowed({"round:acme-a", "company:café"})
    assert NAME.all_allowed({"Acme Café", "Mistral AI"})
    assert TEXT.all_allowed({"Two lines,\nand a tab\there."})
    assert not ID.all_allowed({"has space"})
    assert not NAME.all_allowed({"  "})
