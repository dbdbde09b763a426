"""The wheel ships the code, the data, the type marker and the entry points."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    return zipfile.ZipFile(next(out.glob("aiecosys-*.whl")))


def test_wheel_ships_the_dataset_and_py_typed(wheel: zipfile.ZipFile):
    """The bundled data and py.typed are in the wheel."""
    names = set(wheel.namelist())
    assert "aiecosys/data/ecosystem.json" in names
    assert "aiecosys/data/aiecosys-1.schema.json" in names
    assert "aiecosys/py.typed" in names
    assert not any(n.startswith("tests/") for n in names)


def test_wheel_declares_the_console_script_and_hypothesis_plugin(wheel: zipfile.ZipFile):
    """The aiecosys command and the hypothesis entry point are declared."""
    entry_points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    text = wheel.read(entry_points).decode()
    assert "aiecosys = aiecosys._cli:main" in text
    assert "[hypothesis]" in text


def test_hypothesis_stays_an_extra(wheel: zipfile.ZipFile):
    """hypothesis is required only by the 'hypothesis' extra."""
    metadata = next(n for n in wheel.namelist() if n.endswith("METADATA"))
    requires = [
        line
        for line in wheel.read(metadata).decode().splitlines()
        if line.startswith("Requires-Dist: hypothesis")
    ]
    assert requires
    assert all(
        "extra == 'hypothesis'" in line or 'extra == "hypothesis"' in line for line in requires
    )
