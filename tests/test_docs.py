"""The docs stay true: README commands, the CLI reference, and a mention of every public name."""

import re
from pathlib import Path

import aiecosys
from aiecosys._cli import cli, reference

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"


def shell_blocks(markdown: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", markdown, re.DOTALL)


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one():
    """The README shows two commands; .ci/run runs the second one verbatim."""
    blocks = [b.strip() for b in shell_blocks((ROOT / "README.md").read_text())]
    assert len(blocks) == 2
    install_and_run, test = blocks
    assert install_and_run.endswith("aiecosys summary")
    assert test.endswith("python -m pytest")
    assert test in (ROOT / ".ci" / "run").read_text().splitlines()


def test_cli_reference_is_current():
    """docs/cli-reference.md is what `python docs/cli_reference.py` writes now."""
    assert (DOCS / "cli-reference.md").read_text(encoding="utf-8") == reference(), (
        "the CLI reference is stale: run python docs/cli_reference.py"
    )


def test_every_command_is_documented_in_the_cli_guide():
    """Each command appears in docs/cli.md's table."""
    guide = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in cli.list_commands(None):  # type: ignore[arg-type]
        assert f"| `{name}" in guide, f"{name} is not in docs/cli.md"
    assert "| `import crunchbase" in guide
    assert "| `plot network" in guide
    assert "| `plot funding" in guide


def test_every_public_name_has_a_docstring_and_a_mention_in_the_docs():
    """Each name in aiecosys.__all__ is documented in code and named in docs/*.md."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))
    for name in aiecosys.__all__:
        value = getattr(aiecosys, name)
        if callable(value):
            assert value.__doc__, f"{name} has no docstring"
        assert re.search(rf"\b{re.escape(name)}\b", text), f"{name} is not mentioned in docs/"


def test_ci_fails_when_the_test_command_fails_before_pytest(tmp_path: Path):
    """.ci/run stops with an error when creating the venv fails (set -e alone would not)."""
    import os
    import shutil
    import subprocess

    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci" / "run", tmp_path / ".ci" / "run")
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    (bin_ / "python3").write_text("#!/bin/sh\nexit 3\n")
    (bin_ / "python3").chmod(0o755)
    ran = subprocess.run(
        ["bash", str(tmp_path / ".ci" / "run")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PATH": f"{bin_}{os.pathsep}{os.environ['PATH']}"},
    )
    assert ran.returncode == 1
    assert "the README's test command failed" in ran.stderr
    assert not (tmp_path / ".venv").exists()
