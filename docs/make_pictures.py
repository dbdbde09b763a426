"""Draw the pictures of the bundled dataset shown in the docs (tests/test_plots.py checks them).

Run: python docs/make_pictures.py

The figures are drawn 8 to 9 inches wide, the width at which the docs show them, so that their
10-point text reads at the size of the page's own small print.
"""

from pathlib import Path

import aiecosys

IMG = Path(__file__).with_name("img")
FUNDING_COMPANIES = ("Hugging Face", "Mistral AI", "Poolside", "OpenAI", "xAI", "01.AI")


def pictures() -> dict[str, aiecosys.Picture]:
    """Return the docs' pictures by file name."""
    eco = aiecosys.load()
    return {
        "network.svg": aiecosys.plot_network(eco),
        "network-nvidia.svg": aiecosys.plot_network(eco, investor="Nvidia"),
        "network-mistral.svg": aiecosys.plot_network(eco, company="Mistral AI"),
        "funding.svg": aiecosys.plot_funding(eco, FUNDING_COMPANIES, currency="USD"),
        "funding-01ai.svg": aiecosys.plot_funding(eco, ["01.AI"]),
        "funding-by-year.svg": aiecosys.plot_funding_by(eco, "year"),
        "funding-by-quarter.svg": aiecosys.plot_funding_by(eco, "quarter", since="2023"),
        "portfolio-nvidia.svg": aiecosys.plot_portfolio(eco, "Nvidia"),
        "funding-dark.svg": aiecosys.plot_funding(eco, FUNDING_COMPANIES, theme="dark"),
    }


if __name__ == "__main__":
    IMG.mkdir(exist_ok=True)
    for name, picture in pictures().items():
        picture.save(IMG / name)
        print(IMG / name)  # noqa: T201 - a script that says what it wrote
