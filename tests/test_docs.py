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


def cookbook_commands(markdown: str) -> list[str]:
    """The `aiecosys ...` lines of the ```sh blocks, the outputs shown as comments left out."""
    return [
        line.strip()
        for block in shell_blocks(markdown)
        for line in block.splitlines()
        if line.strip().startswith("aiecosys ")
    ]


def test_every_cookbook_command_runs(tmp_path, monkeypatch):
    """Each `aiecosys` line of the cookbook and home page exits 0, with the files they show."""
    import shlex

    from click.testing import CliRunner

    text = "\n".join((DOCS / p).read_text(encoding="utf-8") for p in ("cookbook.md", "index.md"))
    work = tmp_path / "work"
    work.mkdir()
    # The page's files (```json title="mine.json") are written where the commands run, and
    # tests/data/ is there too, as it is for the Python examples run from the project's root.
    for name, body in re.findall(r'```json title="([^"]+)"\n(.*?)```', text, re.DOTALL):
        (work / name).write_text(body, encoding="utf-8")
    (work / "tests").symlink_to(ROOT / "tests")
    monkeypatch.chdir(work)
    commands = cookbook_commands(text)
    assert len(commands) >= 10
    for command in commands:
        result = CliRunner().invoke(cli, shlex.split(command)[1:])
        assert result.exit_code == 0, f"{command}\n{result.output}"


def test_every_public_name_has_an_api_reference_entry():
    """Each public name has a `::: aiecosys.NAME` entry in docs/api/ (errors: by module).

    A bundled-data shortcut instead has a row linking the method it asks.
    """
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (DOCS / "api").glob("*.md"))
    entries = set(re.findall(r"^::: aiecosys\.(\w+)$", pages, re.MULTILINE))
    import aiecosys.exceptions

    covered = entries | (set(aiecosys.exceptions.__all__) if "exceptions" in entries else set())
    # A bundled-data shortcut is the method asked of load(): its entry links the method.
    from aiecosys._bundled import SHORTCUTS

    covered |= {n for n in SHORTCUTS if f"| `aiecosys.{n}()` | [`Ecosystem.{n}`]" in pages}
    missing = sorted(set(aiecosys.__all__) - covered - {"__version__"})
    assert not missing, f"add these to a page of docs/api/: {missing}"


def test_no_sphinx_roles_or_stray_doctests_in_docstrings():
    """Docstrings use Markdown cross-references, and put `>>>` examples under `Examples:`."""
    import ast

    roles = re.compile(r":(meth|class|func|attr|exc|mod|data|obj):`")
    for path in sorted((ROOT / "src" / "aiecosys").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not roles.search(text), f"{path.name}: run python docs/fix_docstrings.py"
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
                continue
            doc = ast.get_docstring(node)
            # get_docstring strips the common indentation: an example at the left margin is
            # outside any section, and griffe renders it as Markdown quote marks.
            stray = [line for line in (doc or "").splitlines() if line.startswith(">>>")]
            name = getattr(node, "name", "module")
            assert not stray, f"{path.name}: {name}: run python docs/fix_docstrings.py"
