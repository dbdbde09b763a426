"""Write docs/cli-reference.md from the commands' own help (tests/test_docs.py checks it)."""

from pathlib import Path

from aiecosys._atomic import write_text
from aiecosys._cli import reference

if __name__ == "__main__":
    write_text(Path(__file__).with_name("cli-reference.md"), reference())
