"""Mechanical docstring fixes for the docs site: run it after merging, from the repo root.

1. Sphinx roles (``:meth:`X```, ``:class:`~a.X```...) become mkdocstrings cross-references,
   ``[`X`][aiecosys.X]``, when X names a public object, else a plain code span.
2. Doctest examples (``>>>`` blocks) not yet in an ``Examples:`` section are moved under one,
   so griffe renders them as Python code blocks instead of Markdown quote marks.

It is idempotent; tests/test_docs.py fails when a docstring needs it. An example line that the
extra indentation pushes past 100 columns is left for you to split (ruff names it).

Usage: python docs/fix_docstrings.py [--check] [FILE_OR_FOLDER...]   (default: src/aiecosys)
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
import textwrap
from pathlib import Path

import aiecosys
from aiecosys._atomic import write_text

ROLE = re.compile(r":(?:py:)?(meth|class|func|attr|data|mod|exc|obj):`(~?)([^`]+)`")
SECTION = re.compile(
    r"^(Args|Arguments|Parameters|Returns|Return|Raises|Yields|Attributes|Examples|Example|"
    r"Note|Notes|Warning|Warnings|See Also|Other Parameters|Receives|Warns|Methods|Classes|"
    r"Functions|Modules|Todo):\s*$"
)
UNRESOLVED: list[str] = []


def resolve(path: str) -> bool:
    """Tell whether the dotted *path* names an object importable from aiecosys."""
    parts = path.split(".")
    if parts[0] != "aiecosys":
        return False
    obj: object
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        rest = parts[i:]
        break
    else:
        return False
    for name in rest:
        if name.startswith("_"):
            return False
        try:
            obj = getattr(obj, name)
        except AttributeError:
            return False
    return True


def target_for(name: str, klass: str | None) -> str | None:
    """Return the public dotted path a role's *name* means, seen from inside *klass*."""
    name = name.removesuffix("()")
    candidates = []
    if name.startswith("aiecosys."):
        candidates.append(name)
    head = name.split(".")[0]
    if head in aiecosys.__all__:
        candidates.append(f"aiecosys.{name}")
    if klass is not None and klass in aiecosys.__all__:
        candidates.append(f"aiecosys.{klass}.{name}")
    candidates.append(f"aiecosys.strategies.{name}")
    candidates.append(f"aiecosys.exceptions.{name}")
    for candidate in candidates:
        if resolve(candidate):
            return candidate
    return None


def convert_roles(text: str, klass: str | None, where: str) -> str:
    """Replace the Sphinx roles in *text*, a docstring inside class *klass* (if any)."""

    def repl(match: re.Match[str]) -> str:
        _, tilde, name = match.groups()
        shown = name.rsplit(".", 1)[-1] if tilde else name
        target = target_for(name, klass)
        if target is None:
            UNRESOLVED.append(f"{where}: {name}")
            return f"`{shown}`"
        return f"[`{shown}`][{target}]"

    return ROLE.sub(repl, text)


def docstring_nodes(tree: ast.Module) -> list[tuple[ast.Constant, str | None]]:
    """Every docstring (module, class, function, attribute) with its enclosing class name."""
    found: list[tuple[ast.Constant, str | None]] = []

    def visit(body: list[ast.stmt], klass: str | None) -> None:
        for i, node in enumerate(body):
            if isinstance(node, ast.ClassDef):
                visit(node.body, node.name)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(node.body, klass)
            is_doc = (
                isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
                and (i == 0 or isinstance(body[i - 1], ast.Assign | ast.AnnAssign))
            )
            if is_doc:
                found.append((node.value, klass))  # type: ignore[attr-defined]

    visit(tree.body, None)
    return found


def sectionize(lines: list[str], indent: str) -> list[str]:
    """Put the docstring's doctest examples under an ``Examples:`` section."""
    out: list[str] = []
    i = 0
    in_examples = False
    while i < len(lines):
        line = lines[i]
        body = line[len(indent) :] if line.startswith(indent) else line.lstrip()
        at_base = line.startswith(indent) and not line[len(indent) :].startswith(" ")
        if at_base and SECTION.match(body):
            in_examples = body.startswith("Example")
            out.append(line)
            i += 1
            continue
        if at_base and body.startswith(">>>") and not in_examples:
            # The block runs to the next section header at base indentation or the end.
            j = i
            while j < len(lines):
                other = lines[j]
                other_body = other[len(indent) :] if other.startswith(indent) else ""
                base = other.startswith(indent) and not other_body.startswith(" ")
                if j > i and base and SECTION.match(other_body):
                    break
                j += 1
            block = lines[i:j]
            while block and not block[-1].strip():
                block.pop()
            trailing = lines[i + len(block) : j]
            if out and out[-1].strip():
                out.append("")
            out.append(f"{indent}Examples:")
            out.extend(f"    {b}" if b.strip() else "" for b in block)
            out.extend(trailing)
            i = j
            in_examples = True
            continue
        out.append(line)
        i += 1
    return out


def fix_file(path: Path) -> str:
    """Return the text of the module at *path* with its docstrings fixed."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.split("\n")
    # Work bottom-up so earlier line numbers stay valid.
    nodes = sorted(docstring_nodes(tree), key=lambda n: n[0].lineno, reverse=True)
    for node, klass in nodes:
        start, end = node.lineno - 1, node.end_lineno  # type: ignore[operator]
        chunk = lines[start:end]
        text = "\n".join(chunk)
        text = convert_roles(text, klass, f"{path}:{node.lineno}")
        chunk = text.split("\n")
        if any(">>>" in c for c in chunk) and len(chunk) > 1:
            indent = re.match(r"\s*", lines[start]).group()  # type: ignore[union-attr]
            # The docstring's own first and last lines hold the quotes: keep them as they are.
            first, middle, last = chunk[0], chunk[1:-1], chunk[-1]
            if last.strip() == '"""':
                chunk = [first, *sectionize(middle, indent), last]
            else:
                chunk = [first, *sectionize([*middle, last], indent)]
        lines[start:end] = reflow(shorten_summary(chunk))
    return "\n".join(lines)


LINK = re.compile(r"\[(`[^`]+`)\]\[[\w.]+\]")
SEE = re.compile(r'^(\s*"""[^(]*?)\s*\((see (?:also )?)(\[`[^`]+`\]\[[\w.]+\])\)(\.?)("""|)$')


def shorten_summary(chunk: list[str], width: int = 100) -> list[str]:
    """Keep a summary line within *width*: move its "(see X)" out, else unlink its references."""
    first = chunk[0]
    if len(first) <= width:
        return chunk
    indent = re.match(r"\s*", first).group()  # type: ignore[union-attr]
    see = SEE.match(first)
    if see:
        head, word, link, _, closing = see.groups()
        summary = f"{head}." if not head.rstrip().endswith((".", ":")) else head
        if len(summary) <= width:
            note = f"{indent}{word[0].upper()}{word[1:]}{link}."
            if closing:  # a one-line docstring grows a body
                return [summary, "", note, f'{indent}"""']
            return [summary, "", note, *chunk[1:]]
    return [LINK.sub(r"\1", first), *chunk[1:]]


def _prose(line: str, indent: str) -> bool:
    """Tell whether *line* belongs to a prose paragraph at *indent*."""
    return (
        bool(line.strip())
        and re.match(r"\s*", line).group() == indent  # type: ignore[union-attr]
        and not SECTION.match(line.strip())
        and not line.lstrip().startswith((">>>", "- ", '"""'))
    )


def reflow(chunk: list[str], width: int = 100) -> list[str]:
    """Rewrap each prose paragraph that has a line over *width* (links made it longer)."""
    out = list(chunk)
    i = 0
    while i < len(out):
        line = out[i]
        if len(line) <= width or line.lstrip().startswith((">>>", "...")):
            i += 1
            continue
        indent = re.match(r"\s*", line).group()  # type: ignore[union-attr]
        a = i
        while a > 0 and _prose(out[a - 1], indent):
            a -= 1
        b = i
        while b + 1 < len(out) and _prose(out[b + 1], indent):
            b += 1
        if out[a].lstrip().startswith('"""'):
            a += 1  # never move the summary line
        words = " ".join(x.strip() for x in out[a : b + 1]).split()
        wrapped = textwrap.wrap(
            " ".join(words),
            width=width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        out[a : b + 1] = wrapped
        i = a + len(wrapped)
    return out


def main(argv: list[str]) -> int:
    """Fix (or with ``--check``, list) the modules named or found under the folders named."""
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")] or ["src/aiecosys"]
    paths = sorted(
        p
        for name in names
        for p in (Path(name).rglob("*.py") if Path(name).is_dir() else [Path(name)])
    )
    changed = []
    for path in paths:
        new = fix_file(path)
        if new != path.read_text(encoding="utf-8"):
            changed.append(str(path))
            if not check:
                write_text(path, new)
    for line in UNRESOLVED:
        sys.stdout.write(f"no public target, left as code: {line}\n")
    done = "to change" if check else "changed"
    sys.stdout.write(f"{len(changed)} files {done}: {' '.join(changed)}\n")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
