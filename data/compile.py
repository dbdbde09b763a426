"""Compile the reviewable data fragments under ``data/`` into the shipped dataset file.

The bundled dataset is kept as small JSON fragments, one per company (``companies/*.json``)
plus shared files (``investors.json``, ``people.json``, ``sources.json``, ``article.json``),
so that a change to one company is a small, reviewable diff. Each fragment has the shape of
an ``aiecosys/1`` document without ``format``: any of the collections ``sources``, ``people``,
``companies``, ``investors``, ``rounds`` and ``claims``.

A record may appear in several fragments (an investor that backs many companies, a source
cited by two of them). Such copies are merged: their ``aliases`` and ``sources`` lists are
united in order of first appearance, and every other field must be equal, else the compiler
stops and names both files.

Run ``python data/compile.py`` (in the project's environment) to rewrite
``src/aiecosys/data/ecosystem.json``;
``python data/compile.py --check`` exits 1 when the shipped file is not what the fragments
compile to (``tests/test_dataset.py`` runs the same check).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHIPPED = HERE.parent / "src" / "aiecosys" / "data" / "ecosystem.json"
COLLECTIONS = ("sources", "people", "companies", "investors", "rounds", "claims")
UNITED = ("aliases", "sources")


class FragmentError(ValueError):
    """Two fragments disagree, or a fragment is not of the expected shape."""


def fragments(root: Path = HERE, only: list[Path] | None = None) -> list[Path]:
    """Return the fragment files in a stable order (shared files first, then by path).

    With *only*, the fragments git tracks and the given ones (files being written elsewhere
    in the tree are left out).
    """
    chosen = None
    if only is not None:
        tracked = subprocess.run(
            ["git", "ls-files", "--full-name", "*.json"],  # noqa: S607 - git from PATH
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        top = root.parent
        chosen = {(top / name).resolve() for name in tracked} | {p.resolve() for p in only}
    return sorted(
        (
            p
            for p in root.rglob("*.json")
            if p.name != "manifest.json" and (chosen is None or p.resolve() in chosen)
        ),
        key=lambda p: (len(p.relative_to(root).parts), p.as_posix()),
    )


def _merge(old: dict[str, Any], new: dict[str, Any], where: str) -> dict[str, Any]:
    merged = dict(old)
    for key in sorted(old.keys() | new.keys()):
        if key in UNITED:
            values = list(old.get(key, []))
            values += [v for v in new.get(key, []) if v not in values]
            merged[key] = values
        elif old.get(key) != new.get(key):
            msg = f"{where}: field {key!r} differs: {old.get(key)!r} != {new.get(key)!r}"
            raise FragmentError(msg)
    return merged


def compile_document(root: Path = HERE, only: list[Path] | None = None) -> dict[str, Any]:
    """Merge the fragments under *root* into one ``aiecosys/1`` document, sorted by id."""
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    records: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in COLLECTIONS}
    origin: dict[str, str] = {}
    for path in fragments(root, only):
        name = path.relative_to(root).as_posix()
        document = json.loads(path.read_text(encoding="utf-8"))
        unknown = set(document) - set(COLLECTIONS)
        if unknown:
            raise FragmentError(f"{name}: unknown keys {sorted(unknown)}")
        for collection in COLLECTIONS:
            for record in document.get(collection, []):
                key = record["id"]
                seen = records[collection].get(key)
                if seen is None:
                    records[collection][key] = record
                    origin[key] = name
                else:
                    where = f"{key} in {origin[key]} and {name}"
                    records[collection][key] = _merge(seen, record, where)
    document = {"format": "aiecosys/1", **manifest}
    for collection in COLLECTIONS:
        document[collection] = [records[collection][k] for k in sorted(records[collection])]
    return document


def render(document: dict[str, Any]) -> str:
    """Check *document* with the library's own loader and return its canonical text.

    Loading reports every problem at once (a dangling id, a bad amount, a claim without
    evidence), so nothing that the library would refuse can be shipped.
    """
    sys.path.insert(0, str(HERE.parent / "src"))
    import aiecosys

    return aiecosys.dumps(aiecosys.loads(json.dumps(document), source="data/"))


def main(argv: list[str]) -> int:
    """Compile, or with ``--check`` compare with the shipped file.

    ``--only FILE…`` checks the committed fragments with the given ones and writes nothing:
    a way to check one company's file while others are being edited.
    """
    if "--only" in argv:
        only = [Path(a) for a in argv[argv.index("--only") + 1 :]]
        render(compile_document(only=only))
        print(f"ok: {len(only)} fragment(s) with the shared files")
        return 0
    text = render(compile_document())
    if "--check" in argv:
        if SHIPPED.read_text(encoding="utf-8") != text:
            print(f"{SHIPPED} is stale: run python data/compile.py", file=sys.stderr)
            return 1
        return 0
    from aiecosys._atomic import write_text  # render() put the library under src/ on the path

    write_text(SHIPPED, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
