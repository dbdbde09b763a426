"""Colours: one fixed colour per company, and the light and dark themes.

A company's colour is the same in every picture, in every theme and in the docs. The six
companies of the bundled dataset's article are pinned to the first six colours of the Okabe-Ito
palette, which readers with the common forms of colour blindness can tell apart, and Anthropic
to a seventh; any other
company gets a colour from a larger qualitative palette chosen by a hash of its id, so the
choice never depends on which other companies a picture shows (two companies may then share a
colour; pass your own ``colours`` where that matters).
"""

from __future__ import annotations

import hashlib

import attrs

from aiecosys._model import Company
from aiecosys.exceptions import InvalidArgument

__all__ = ["DARK", "LIGHT", "PINNED", "Theme", "company_colour", "theme"]

PINNED: dict[str, str] = {
    "company:openai": "#009E73",  # bluish green
    "company:mistral-ai": "#D55E00",  # vermillion
    "company:hugging-face": "#E69F00",  # orange
    "company:xai": "#0072B2",  # blue
    "company:poolside": "#CC79A7",  # reddish purple
    "company:01-ai": "#56B4E9",  # sky blue
    "company:anthropic": "#882255",  # wine (Paul Tol's muted palette)
}

# Tableau 10 without the hues the pinned colours already use (orange, pink, yellow) and its
# grey (kept for "another company").
_HASHED = (
    "#4E79A7",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#B07AA1",
    "#9C755F",
)


def company_colour(company: str | Company) -> str:
    """Return the colour every picture gives a company (a ``#RRGGBB`` string).

    *company* is a [`Company`][aiecosys.Company] or a company id. The bundled article's six
    companies have pinned colours; any other gets one from a qualitative palette by a hash of its
    id, so the colour is the same in every picture, run and machine.

    Examples:
        >>> company_colour("company:mistral-ai")
        '#D55E00'
        >>> company_colour("company:my-startup") == company_colour("company:my-startup")
        True
    """
    company_id = company.id if isinstance(company, Company) else company
    if company_id in PINNED:
        return PINNED[company_id]
    digest = hashlib.sha256(company_id.encode()).digest()
    return _HASHED[int.from_bytes(digest[:4], "big") % len(_HASHED)]


@attrs.frozen(kw_only=True)
class Theme:
    """The colours of a picture's frame: background, text, grid, lines and label backing."""

    name: str
    background: str
    text: str
    muted: str
    grid: str
    edge: str
    other: str

    def rc(self) -> dict[str, str | bool]:
        """The matplotlib settings that draw in this theme."""
        return {
            "figure.facecolor": self.background,
            "axes.facecolor": self.background,
            "savefig.facecolor": self.background,
            "text.color": self.text,
            "axes.labelcolor": self.text,
            "axes.edgecolor": self.muted,
            "xtick.color": self.muted,
            "ytick.color": self.muted,
            "xtick.labelcolor": self.text,
            "ytick.labelcolor": self.text,
            "grid.color": self.grid,
            "legend.labelcolor": self.text,
            "legend.frameon": False,
        }


LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    text="#1A1A1A",
    muted="#5F5F5F",
    grid="#E3E3E3",
    edge="#9A9A9A",
    other="#BDBDBD",
)
DARK = Theme(
    name="dark",
    background="#16181C",
    text="#ECECEC",
    muted="#A6A6A6",
    grid="#33363C",
    edge="#70747B",
    other="#5C6067",
)


def theme(name: str) -> Theme:
    """Return the theme called *name* (``"light"`` or ``"dark"``).

    Raises:
        InvalidArgument: another name.
    """
    for known in (LIGHT, DARK):
        if known.name == name:
            return known
    raise InvalidArgument("theme", f"must be one of light, dark (got {name!r})")
