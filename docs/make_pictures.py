"""Draw the pictures of the bundled dataset shown in the docs (tests/test_plots.py checks them).

Run: python docs/make_pictures.py
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
        "funding.svg": aiecosys.plot_funding(eco, FUNDING_COMPANIES, currency="USD"),
    }


if __name__ == "__main__":
    IMG.mkdir(exist_ok=True)
    for name, picture in pictures().items():
        picture.save(IMG / name)
        print(IMG / name)  # noqa: T201 - a script that says what it wrote
