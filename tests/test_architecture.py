"""The layers of docs/architecture.md, checked from each module's imports (parsed with ast)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import aiecosys

PACKAGE = Path(aiecosys.__file__).parent

LAYERS: dict[str, tuple[str, ...]] = {
    "base": (
        "exceptions", "_version", "_checks", "_names", "_atomic", "_optional", "_once", "_progress",
        "_rows", "_iso",
    ),
    "values": ("_dates", "_money"),
    "model": ("_model", "_columns", "_integrity", "_arguments"),
    "services": ("_ecb", "_fx"),
    "queries": (
        "_results", "_pairs", "_index", "_lookups", "_timeline", "_totals", "_network", "_claims",
        "_summary", "_coverage", "_reports", "_funding_by", "_ecosystem", "_combine", "_subset",
    ),
    "formats": (
        "_bulk", "_codec", "_schema", "_tables", "_export", "_arrow", "_frames", "_graph",
        "_plots", "_importers", "_bundled",
    ),
    "interface": ("_cli", "_terminal", "__main__", "strategies", "_hypothesis_plugin", "__init__"),
}  # fmt: skip
"""Each layer's modules, lowest first; a package (``_importers``) stands for all its modules."""

RANK = {module: rank for rank, modules in enumerate(LAYERS.values()) for module in modules}
MODEL = RANK["_model"]
INTERFACE = RANK["_cli"]

# Third-party or stdlib modules a layer may not import: the model knows no file format, no
# CLI and no FX service; below the interface nothing writes to the terminal.
FORBIDDEN: dict[int, frozenset[str]] = {
    MODEL: frozenset({"json", "csv", "click", "currency_converter", "cattrs", "sys"}),
    RANK["_ecosystem"]: frozenset({"json", "csv", "click", "cattrs", "pyarrow", "sys"}),
    RANK["_codec"]: frozenset({"click", "sys"}),
}

KNOWN: set[tuple[str, str]] = set()
"""Imports that break a rule today and are on the way out (each must still exist)."""

READS_A_DEPENDENCYS_DATA = {("_iso", "json")}
"""Forbidden modules allowed where a module reads a file a dependency ships, never one of
ours: ``_iso`` reads pycountry's ISO code lists (JSON) without importing pycountry."""


def _layer(module: str) -> str:
    """The module that names the layer: ``_importers._cells`` is ``_importers``."""
    top = module.split(".", maxsplit=1)[0]
    return top if top in RANK else module


def _modules() -> list[tuple[str, ast.Module]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        found.append((name.removesuffix(".__init__") or "__init__", ast.parse(path.read_text())))
    return found


def _type_only(tree: ast.Module) -> set[int]:
    """The nodes under ``if TYPE_CHECKING:``: they import nothing when the code runs."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside.update(id(n) for n in ast.walk(node))
    return inside


def _from(node: ast.ImportFrom, module: str) -> tuple[set[str], set[str]]:
    if node.level:  # a relative import stays inside the package
        return {module.rpartition(".")[0] or module}, set()
    name = node.module or ""
    if name == "aiecosys":
        return {alias.name for alias in node.names}, set()
    if name.startswith("aiecosys."):
        return {name.removeprefix("aiecosys.")}, set()
    return set(), {name.split(".", maxsplit=1)[0]}


def imports(module: str, tree: ast.Module) -> tuple[set[str], set[str]]:
    """Our modules and the outside modules that *module* imports when it runs."""
    ours: set[str] = set()
    outside: set[str] = set()
    skip = _type_only(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            mine, theirs = _from(node, module)
            ours |= mine
            outside |= theirs
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("aiecosys"):
                    ours.add(alias.name.removeprefix("aiecosys.") or "__init__")
                else:
                    outside.add(alias.name.split(".", maxsplit=1)[0])
    return ours, outside


def test_every_module_has_a_layer():
    """A new module must be placed in a layer (and in docs/architecture.md)."""
    doc = (Path(__file__).parents[1] / "docs" / "architecture.md").read_text()
    for module, _ in _modules():
        assert _layer(module) in RANK, f"{module} is in no layer of LAYERS"
        assert f"`{_layer(module)}`" in doc, f"{module} is not in docs/architecture.md"


def test_no_module_imports_a_layer_above_its_own():
    """Imports go down the stack (or stay level): the model never reaches for FX, files or CLI."""
    broken = set()
    for module, tree in _modules():
        ours, _ = imports(module, tree)
        for other in ours:
            if RANK[_layer(other)] > RANK[_layer(module)]:
                broken.add((_layer(module), _layer(other)))
    assert broken == KNOWN


def test_lower_layers_import_no_file_format_cli_or_terminal():
    """json/csv/click/cattrs/FX tables/sys stay out of the layers that must not know them."""
    for module, tree in _modules():
        rank = RANK[_layer(module)]
        _, outside = imports(module, tree)
        allowed = {name for where, name in READS_A_DEPENDENCYS_DATA if where == module}
        for ceiling, forbidden in FORBIDDEN.items():
            if rank <= ceiling:
                found = (outside - allowed) & forbidden
                assert not found, f"{module} imports {sorted(found)}"


def test_queries_print_nothing():
    """Below the interface no module calls print()."""
    for module, tree in _modules():
        if RANK[_layer(module)] >= INTERFACE:
            continue
        calls = [
            n.lineno
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "print"
        ]
        assert not calls, f"{module} prints at lines {calls}"


def test_import_aiecosys_imports_only_the_errors_and_the_version():
    """aiecosys/__init__.py imports nothing of ours but exceptions and _version when it runs."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text())
    ours, outside = imports("__init__", tree)
    assert ours == {"_version", "exceptions"}
    assert outside <= {"__future__", "importlib", "typing"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from aiecosys._fx import convert", {"_fx"}),
        ("def f():\n    from aiecosys import _codec", {"_codec"}),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from aiecosys._cli import x",
            set(),
        ),
    ],
)
def test_the_checker_sees_lazy_imports_and_skips_type_only_ones(source: str, expected: set[str]):
    """An import inside a function counts; one under TYPE_CHECKING does not."""
    assert imports("_model", ast.parse(source))[0] == expected
