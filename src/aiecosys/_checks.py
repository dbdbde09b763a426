"""attrs validators shared by the record classes, and the rules for text.

Each validator raises [`DataError`][aiecosys.DataError] whose single problem's path is the field
name, so that loading can put the record's own path in front of it.

Text comes in three kinds, each with one rule (`ID`, `NAME`, `TEXT`). No
kind may hold a character of these Unicode general categories:

- ``Cc`` control characters (NUL, ESC and the rest: raw terminal escape sequences), except
  that free text may hold a newline (U+000A) and a tab (U+0009);
- ``Cf`` format characters: invisible, and able to make text look like other text (the
  bidi overrides and isolates U+202A to 202E, U+2066 to 2069, the zero-width U+200B to
  200F, U+2060 and the byte-order mark U+FEFF, the tag characters);
- ``Cs`` surrogates: a lone surrogate is not a character and cannot be written as UTF-8;
- ``Co`` private-use characters: their meaning is private to whoever wrote them;
- ``Cn`` code points unassigned in the Unicode version of this Python: what they will be is
  unknown (a file using a character newer than it cannot be read here);
- ``Zl``, ``Zp``: the line and paragraph separators U+2028, U+2029.

Ids hold no white space at all (category ``Zs`` either); names and free text may hold spaces.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Callable, Collection
from typing import Any, TypeVar

import attrs

from aiecosys.exceptions import DataError

E = TypeVar("E", bound=enum.Enum)

MAX_ID = 200
MAX_NAME = 500
MAX_TEXT = 20_000

CATEGORIES = frozenset(
    [
        "Lu",
        "Ll",
        "Lt",
        "Lm",
        "Lo",
        "Mn",
        "Mc",
        "Me",
        "Nd",
        "Nl",
        "No",
        "Pc",
        "Pd",
        "Ps",
        "Pe",
        "Pi",
        "Pf",
        "Po",
        "Sm",
        "Sc",
        "Sk",
        "So",
        "Zs",
        "Zl",
        "Zp",
        "Cc",
        "Cf",
        "Cs",
        "Co",
        "Cn",
    ]
)
"""Every Unicode general category."""

REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""The Unicode general categories no id, name or text may hold (see the module docstring)."""

_WHY = {
    "Cc": "a control character",
    "Cf": "an invisible format character",
    "Cs": "a lone surrogate, which is not a character",
    "Co": "a private-use character",
    "Cn": f"a code point unassigned in Unicode {unicodedata.unidata_version}",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
    "Zs": "white space",
}


def excerpt(value: Any, limit: int = 40) -> str:
    """Quote at most *limit* characters of *value*, safely for any value and any size.

    Examples:
        >>> excerpt("x" * 1000, limit=5)
        "'xxxxx'… (1,000 characters)"
        >>> excerpt(10**5000)
        'an integer of about 5,000 digits'
    """
    if isinstance(value, str):
        if len(value) <= limit:
            return repr(value)
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:  # noqa: PLR2004
        # str() of a huge int is slow, and refused past 4,300 digits.
        return f"an integer of about {round(value.bit_length() * 0.30103):,} digits"
    if isinstance(value, int | float | bool | type(None)):
        return repr(value)
    return f"a {type(value).__name__}"


@attrs.frozen(kw_only=True)
class TextRule:
    r"""What one kind of text may hold: its name, longest length, spaces and controls allowed.

    Examples:
        >>> NAME.problem("Mistral\u202eIA")
        'must not contain U+202E RIGHT-TO-LEFT OVERRIDE (an invisible format character) at position
        7'
        >>> ID.allows(" "), NAME.allows(" "), TEXT.allows("\n"), NAME.allows("\n")
        (False, True, True, False)
    """

    what: str
    limit: int
    spaces: bool
    controls: frozenset[str] = frozenset()
    categories: frozenset[str] = attrs.field(init=False)
    """The Unicode general categories this kind of text may hold."""

    @categories.default
    def _categories(self) -> frozenset[str]:
        return CATEGORIES - REFUSED_CATEGORIES - (frozenset() if self.spaces else {"Zs"})

    def _without_controls(self, text: str) -> str:
        # str.replace, not str.translate: translate looks each character up in a dict, 3 us
        # for a note of a few hundred characters, a third of the bundled data's text checks.
        for control in self.controls:
            text = text.replace(control, "")
        return text

    def allows(self, char: str) -> bool:
        """Tell whether this kind of text may hold the character *char*."""
        return char in self.controls or unicodedata.category(char) in self.categories

    def all_allowed(self, values: Collection[Any]) -> bool:
        """Tell whether every one of *values* surely passes (``problem`` is ``None`` for each).

        A quick look at a whole column at once, in C; ``False`` means "look at each": some
        value may be wrong.
        """
        if not values:
            return True
        try:
            joined = "".join(values)  # the type check too: join takes nothing but text
        except TypeError:
            return False
        lengths = set(map(len, values))
        if not 0 < min(lengths) <= max(lengths) <= self.limit:
            return False
        probe = self._without_controls(joined)
        if not probe.isprintable() or (not self.spaces and " " in joined):
            return False
        return not (self.spaces or self.controls) or not any(map(str.isspace, values))

    def problem(self, value: Any) -> str | None:
        """Say what is wrong with *value* as this kind of text (``None``: nothing)."""
        if not isinstance(value, str):
            return f"must be a string (got {type(value).__name__})"
        if len(value) > self.limit:
            return f"{self.what} is {len(value):,} characters; at most {self.limit:,}"
        if not value or value.isspace():
            return f"{self.what} must not be empty"
        # isprintable() is false for every category refused, and for white space but the
        # ASCII space: checked in C, it clears almost all text without a look at each character.
        probe = self._without_controls(value)
        if probe.isprintable() and (self.spaces or " " not in value):
            return None
        for position, char in enumerate(value):
            if not self.allows(char):
                category = unicodedata.category(char)
                label = unicodedata.name(char, "")
                named = f"U+{ord(char):04X}{' ' + label if label else ''}"
                return f"must not contain {named} ({_WHY[category]}) at position {position}"
        return None


ID = TextRule(what="an id", limit=MAX_ID, spaces=False)
"""Ids: 1 to 200 characters, no white space, no refused character."""

NAME = TextRule(what="a name", limit=MAX_NAME, spaces=True)
"""Names, titles, aliases: one line of at most 500 characters, no refused character."""

TEXT = TextRule(what="text", limit=MAX_TEXT, spaces=True, controls=frozenset("\n\t"))
"""Free text (notes, statements, descriptions): may also hold newlines and tabs."""


def fail(attribute: attrs.Attribute[Any], message: str) -> DataError:
    """Build the error for a bad value of *attribute*."""
    return DataError.single(attribute.name, message)


def _text(rule: TextRule) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        problem = rule.problem(value)
        if problem is not None:
            raise fail(attribute, problem)

    check.text_rule = rule  # type: ignore[attr-defined]  # read by checks over whole columns
    return check


record_id = _text(ID)
name = _text(NAME)
text = _text(TEXT)


def optional(
    check: Callable[[Any, attrs.Attribute[Any], Any], None],
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """Allow ``None`` besides what *check* allows."""

    def check_optional(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return check_optional


optional_text = optional(text)
optional_id = optional(record_id)


def _each(
    rule: TextRule, what: str, *, unique: bool
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise fail(attribute, f"must be a tuple of {what} (got {type(value).__name__})")
        seen: set[str] = set()
        for i, item in enumerate(value):
            problem = rule.problem(item)
            if problem is not None:
                raise DataError.single(f"{attribute.name}[{i}]", problem)
            if unique and item in seen:
                raise DataError.single(f"{attribute.name}[{i}]", f"{excerpt(item)} is listed twice")
            seen.add(item)

    return check


ids = _each(ID, "ids", unique=True)
"""Check a tuple of ids: each one valid, none repeated."""

names = _each(NAME, "names", unique=False)
"""Check a tuple of names (aliases): each one a valid name."""


def instance(
    kind: type[Any],
    *,
    optional: bool = False,
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """Check that a value is a *kind* (or ``None`` when *optional*)."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            raise fail(
                attribute,
                f"must be a {kind.__name__}{' or None' if optional else ''} "
                f"(got {type(value).__name__})",
            )

    # Read by checks over whole columns: a value decoded as this type passes (_bulk).
    check.only_type = kind | None if optional else kind  # type: ignore[attr-defined]
    return check


def tuple_of(kind: type[Any]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """Check that a value is a tuple of *kind* items."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise fail(attribute, f"must be a tuple (got {type(value).__name__})")
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise DataError.single(
                    f"{attribute.name}[{i}]",
                    f"must be a {kind.__name__} (got {type(item).__name__})",
                )

    return check


def enum_value(kind: type[E]) -> Callable[[Any], E]:
    """Return a function that reads a member of *kind* from its value."""

    def read(value: Any) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except (ValueError, TypeError):
            allowed = ", ".join(repr(m.value) for m in kind)
            raise DataError.single("", f"{excerpt(value)} is not one of {allowed}") from None

    return read
