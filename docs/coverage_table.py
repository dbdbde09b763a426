"""Write the coverage table of docs/dataset.md from the bundled data (tests/test_docs.py checks it).

Run ``python docs/coverage_table.py`` after changing the data; the table sits between the
``coverage:start`` and ``coverage:end`` markers, and everything else in the page is kept.
"""

import re
from pathlib import Path

import aiecosys

PAGE = Path(__file__).with_name("dataset.md")
START, END = "<!-- coverage:start -->", "<!-- coverage:end -->"


def table() -> str:
    """Return the Markdown table of the bundled data's coverage report."""
    rows = aiecosys.load().coverage().rows()
    lines = ["| what | figure |", "|---|---|", *(f"| {what} | {fig} |" for what, fig in rows)]
    return "\n".join(lines)


def page(text: str) -> str:
    """Return *text* with the table between the markers replaced by the current one."""
    block = f"{START}\n{table()}\n{END}"
    return re.sub(f"{re.escape(START)}.*?{re.escape(END)}", lambda _: block, text, flags=re.DOTALL)


if __name__ == "__main__":
    from aiecosys._atomic import write_text

    write_text(PAGE, page(PAGE.read_text(encoding="utf-8")))
