"""Company colours: fixed, the same in every picture; themes."""

import pytest

from aiecosys import InvalidArgument, company_colour, load, plot_funding
from aiecosys._plots._colours import PINNED, theme


def test_pinned_companies_have_distinct_colours():
    """The six article companies and Anthropic have seven different colours."""
    assert len(set(PINNED.values())) == len(PINNED) == 7


def test_a_company_keeps_its_colour_whatever_else_is_drawn():
    """Mistral AI's line has the same colour alone and among five others."""
    from matplotlib.colors import to_hex

    eco = load()

    def line_colour(companies: list[str]) -> set[str]:
        ax = plot_funding(eco, companies).figure.axes[0]
        return {
            to_hex(line.get_color()).upper()
            for line in ax.lines
            if line.get_label() == "Mistral AI"
        }

    assert (
        line_colour(["Mistral AI"])
        == line_colour(["OpenAI", "Mistral AI", "xAI"])
        == {company_colour("company:mistral-ai")}
    )


def test_other_companies_get_a_hashed_colour():
    """An unpinned id gets a palette colour from its hash: stable, and a #RRGGBB string."""
    colour = company_colour("company:my-startup")
    assert colour == company_colour("company:my-startup")
    assert colour.startswith("#")
    assert len(colour) == 7
    nvidia = load().company("Nvidia")
    assert company_colour(nvidia) == company_colour(nvidia.id)


def test_themes_are_light_and_dark_only():
    """theme() knows light and dark; another name is an InvalidArgument."""
    assert theme("dark").background != theme("light").background
    with pytest.raises(InvalidArgument):
        theme("sepia")
