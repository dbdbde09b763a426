"""Write docs/cli-reference.md from the commands' own help (tests/test_docs.py checks it)."""

from pathlib import Path

from aiecosys._cli import reference

if __name__ == "__main__":
    Path(__file__).with_name("cli-reference.md").write_text(reference(), encoding="utf-8")
