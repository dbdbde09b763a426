"""Atomic writes: the target is replaced whole or left byte for byte as it was."""

import errno
import os
import stat
from pathlib import Path

import pytest

from aiecosys import WriteError
from aiecosys._atomic import replacing, replacing_folder, write_bytes, write_text

OLD = b"old content\n" * 100


def listing(folder: Path) -> dict[str, bytes | None]:
    """Every entry under *folder*, with the bytes of each file (None for a folder)."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.json"
    path.write_bytes(OLD)
    return path


def test_write_text_replaces_the_file(old_file: Path):
    """write_text puts the new text in place and leaves nothing else in the folder."""
    write_text(old_file, "new ✓")
    assert old_file.read_text(encoding="utf-8") == "new ✓"
    assert listing(old_file.parent) == {"data.json": "new ✓".encode()}


def test_write_text_of_a_lone_surrogate_fails_before_touching_the_file(old_file: Path):
    """Text that is not valid Unicode is refused with the old file intact."""
    with pytest.raises(WriteError, match=r"cannot write .*data.json: character '\\ud800'"):
        write_text(old_file, "ok \ud800 bad")
    assert listing(old_file.parent) == {"data.json": OLD}


def write_half_then(target: Path, failure: BaseException) -> None:
    with replacing(target) as temporary:
        temporary.write_bytes(b"half")
        raise failure


def test_an_exception_inside_the_block_removes_the_temporary_file(old_file: Path):
    """An error while writing leaves the old file and no temporary file."""
    with pytest.raises(RuntimeError, match="serializer broke"):
        write_half_then(old_file, RuntimeError("serializer broke"))
    assert listing(old_file.parent) == {"data.json": OLD}


def test_text_a_library_cannot_encode_is_a_write_error(old_file: Path):
    """A UnicodeError raised by a writer inside the block says "cannot write" too."""
    with pytest.raises(WriteError, match=r"cannot write .*data.json: the text is not valid"):
        write_half_then(old_file, UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogate"))
    assert listing(old_file.parent) == {"data.json": OLD}


def test_ctrl_c_inside_the_block_removes_the_temporary_file(old_file: Path):
    """KeyboardInterrupt passes through; the old file stays and nothing is left behind."""
    with pytest.raises(KeyboardInterrupt):
        write_half_then(old_file, KeyboardInterrupt())
    assert listing(old_file.parent) == {"data.json": OLD}


@pytest.mark.parametrize("step", ["replace", "fsync"])
def test_a_failing_fsync_or_replace_is_a_write_error(
    old_file: Path, monkeypatch: pytest.MonkeyPatch, step: str
):
    """A failure in the last steps says 'cannot write PATH: reason' and changes nothing."""

    def fail(*_args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(WriteError, match=r"cannot write .*data.json: Input/output error"):
        write_bytes(old_file, b"new")
    monkeypatch.undo()
    assert listing(old_file.parent) == {"data.json": OLD}


def test_a_missing_folder_is_named(tmp_path: Path):
    """Writing into a folder that does not exist says which folder."""
    target = tmp_path / "nowhere" / "x.json"
    with pytest.raises(WriteError, match=r"no such folder: .*nowhere$") as caught:
        write_bytes(target, b"x")
    assert caught.value.errno == errno.ENOENT
    assert isinstance(caught.value, OSError)
    assert listing(tmp_path) == {}


def test_a_folder_is_not_replaced_by_a_file(tmp_path: Path):
    """A target that is a folder is refused."""
    (tmp_path / "out").mkdir()
    with pytest.raises(WriteError, match="it is a folder"):
        write_bytes(tmp_path / "out", b"x")
    assert listing(tmp_path) == {"out": None}


def test_a_replaced_file_keeps_its_permissions(old_file: Path):
    """The new file has the old file's permission bits."""
    old_file.chmod(0o640)
    write_bytes(old_file, b"new")
    assert stat.S_IMODE(old_file.stat().st_mode) == 0o640


def test_a_read_only_file_is_not_replaced(old_file: Path, monkeypatch: pytest.MonkeyPatch):
    """A file its owner made read-only is refused, as open(path, 'w') would refuse it."""
    old_file.chmod(0o444)
    # Root may write anything: show write_bytes what any other user would be told.
    monkeypatch.setattr(os, "access", lambda *_args, **_kwargs: False)
    with pytest.raises(WriteError, match=r"cannot write .*data.json: Permission denied"):
        write_bytes(old_file, b"new")
    monkeypatch.undo()
    assert listing(old_file.parent) == {"data.json": OLD}


def test_a_new_file_gets_the_permissions_open_would_give(tmp_path: Path):
    """A new file is 0o666 less the umask, like open(path, 'w'), not mkstemp's 0o600."""
    umask = os.umask(0o022)
    try:
        write_bytes(tmp_path / "new.txt", b"x")
        open(tmp_path / "plain.txt", "w").close()  # noqa: PTH123 - the reference
    finally:
        os.umask(umask)
    modes = {stat.S_IMODE((tmp_path / n).stat().st_mode) for n in ("new.txt", "plain.txt")}
    assert modes == {0o644}


def test_a_symbolic_link_is_followed_and_kept(old_file: Path):
    """Writing through a link replaces the file it points to; the link stays a link."""
    link = old_file.parent / "link.json"
    link.symlink_to(old_file.name)
    write_bytes(link, b"new")
    assert link.is_symlink()
    assert old_file.read_bytes() == b"new"


def test_a_folder_is_swapped_in_whole(tmp_path: Path):
    """replacing_folder replaces the old files with the new set, and nothing else is left."""
    target = tmp_path / "tables"
    target.mkdir()
    (target / "a.parquet").write_bytes(b"old a")
    (target / "b.parquet").write_bytes(b"old b")
    with replacing_folder(target, ours=lambda name: name.endswith(".parquet")) as building:
        (building / "a.parquet").write_bytes(b"new a")
    assert listing(tmp_path) == {"tables": None, "tables/a.parquet": b"new a"}


def test_a_failed_folder_write_leaves_the_old_folder(tmp_path: Path):
    """An error while the new folder is built leaves the old folder whole, not mixed."""
    target = tmp_path / "tables"
    target.mkdir()
    (target / "a.parquet").write_bytes(b"old a")
    before = listing(tmp_path)

    def fill_the_disk() -> None:
        with replacing_folder(target, ours=lambda _: True) as building:
            (building / "a.parquet").write_bytes(b"new a")
            raise OSError(errno.ENOSPC, "disk full")

    with pytest.raises(OSError, match="disk full"):
        fill_the_disk()
    assert listing(tmp_path) == before


def test_a_folder_with_other_files_is_refused(tmp_path: Path):
    """A folder holding files the writer does not own is not replaced (nor deleted)."""
    target = tmp_path / "tables"
    target.mkdir()
    (target / "notes.txt").write_bytes(b"mine")
    with (
        pytest.raises(WriteError, match=r"holds other files \(notes.txt\)"),
        replacing_folder(target, ours=lambda name: name.endswith(".parquet")),
    ):
        pass  # pragma: no cover - never entered
    assert listing(tmp_path) == {"tables": None, "tables/notes.txt": b"mine"}


def test_a_failed_swap_puts_the_old_folder_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """If the new folder cannot be moved in, the old one is moved back."""
    target = tmp_path / "tables"
    target.mkdir()
    (target / "a.parquet").write_bytes(b"old a")
    before = listing(tmp_path)
    real_rename = os.rename
    calls = []

    def rename(src: object, dst: object) -> None:
        calls.append((src, dst))
        if len(calls) == 2:  # the first moves the old folder aside, the second moves the new in
            raise OSError(errno.EIO, "Input/output error")
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", rename)
    with (
        pytest.raises(WriteError, match="Input/output error"),
        replacing_folder(target, ours=lambda _: True) as building,
    ):
        (building / "a.parquet").write_bytes(b"new a")
    monkeypatch.undo()
    assert listing(tmp_path) == before
