"""Atomic writes: a file (or a folder of files) is replaced whole, or not at all.

Every writer in aiecosys goes through this module. The new content is written to a temporary
file in the target's own folder (so that the final rename never crosses a file system), flushed
and ``fsync``-ed, then moved over the target with `os.replace`, which is atomic on POSIX
and Windows. If anything fails before that (an exception, a full disk, a permission error,
Ctrl-C) the temporary file is removed and the old target is left byte for byte as it was.

A new file gets the permissions a plain ``open(path, "w")`` would give it (``0o666`` less the
umask); a replaced file keeps its permission bits. A symbolic link is followed: the file it
points to is replaced, the link stays.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from aiecosys.exceptions import WriteError

__all__ = ["replacing", "replacing_folder", "write_bytes", "write_text"]


def _target(path: str | Path) -> Path:
    """The file to replace: *path*, or what it links to when it is a symbolic link."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _temporary_name(target: Path) -> Path:
    # Hidden, beside the target, and unmistakably ours if a power cut ever leaves one behind.
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.aiecosys-tmp")


def _create_beside(target: Path) -> Path:
    """Create an empty temporary file beside *target*."""
    for _ in range(100):
        temporary = _temporary_name(target)
        try:
            # 0o666 less the umask, as open() would give a new file (mkstemp would give 0o600).
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temporary
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))  # pragma: no cover


def _keep_mode(old: Path, new: Path) -> None:
    """Give *new* the permission bits of *old*, if *old* exists."""
    try:
        mode = stat.S_IMODE(old.stat().st_mode)
    except FileNotFoundError:
        return
    new.chmod(mode)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    """Make a rename in *folder* durable (where the platform allows opening a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open a folder
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _error(path: str | Path, error: OSError) -> WriteError:
    if isinstance(error, WriteError):
        return error
    reason = error.strerror or str(error) or type(error).__name__
    return WriteError(error.errno or errno.EIO, reason, str(path))


def _check_folder(path: str | Path, target: Path) -> None:
    folder = target.parent
    if not folder.is_dir():
        reason = "no such folder" if not folder.exists() else "not a folder"
        raise WriteError(errno.ENOENT, f"{reason}: {folder}", str(path))


@contextlib.contextmanager
def _removed_on_failure(path: str | Path, temporary: Path) -> Iterator[None]:
    """Remove *temporary* if the block fails in any way (Ctrl-C too); OSError becomes WriteError."""
    try:
        yield
    except BaseException as error:
        _remove(temporary)
        if isinstance(error, OSError):
            raise _error(path, error) from error
        if isinstance(error, UnicodeError):  # a library writing text no encoding can hold
            reason = f"the text is not valid Unicode ({error})"
            raise WriteError(errno.EINVAL, reason, str(path)) from error
        raise


def _remove(path: Path) -> None:
    # Tidying up must never hide the error that made it necessary.
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside *path*; when the block ends, move it over *path*.

    The block writes the new content to the yielded path (by name: open it, or hand it to a
    library that writes files). On a clean exit the file is fsync-ed and renamed over *path*;
    on any exception, ``KeyboardInterrupt`` included, it is removed and *path* is untouched.

    Raises:
        WriteError: the file cannot be written ("cannot write PATH: reason"); an ``OSError``
            raised inside the block comes out as a ``WriteError`` too.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "hello.txt"
        >>> with replacing(target) as temporary:
        ...     _ = temporary.write_text("hello")
        >>> target.read_text()
        'hello'
    """
    target = _target(path)
    _check_folder(path, target)
    if target.is_dir():
        raise WriteError(errno.EISDIR, "it is a folder", str(path))
    if target.exists() and not os.access(target, os.W_OK):
        # Renaming over it would work, but a read-only file says "do not change me".
        raise WriteError(errno.EACCES, "Permission denied", str(path))
    try:
        temporary = _create_beside(target)
    except OSError as error:
        raise _error(path, error) from None
    with _removed_on_failure(path, temporary):
        yield temporary
        _keep_mode(target, temporary)
        _fsync(temporary)
        temporary.replace(target)
    _fsync_folder(target.parent)


def write_bytes(path: str | Path, data: bytes) -> None:
    """Replace the file at *path* with *data*, atomically (see `replacing`)."""
    with replacing(path) as temporary, temporary.open("wb") as stream:
        stream.write(data)


def write_text(path: str | Path, text: str) -> None:
    r"""Replace the file at *path* with *text* as UTF-8, atomically.

    The text is encoded before the file system is touched, so text that cannot be written
    (a lone surrogate such as ``"\\ud800"``) fails with the target unchanged.

    Raises:
        WriteError: the file cannot be written, or *text* is not encodable as UTF-8.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = text[error.start]
        reason = f"character {bad!r} at offset {error.start} is not valid Unicode text"
        raise WriteError(errno.EINVAL, reason, str(path)) from None
    write_bytes(path, data)


_ALLOWED = Callable[[str], bool]


@contextlib.contextmanager
def replacing_folder(path: str | Path, *, ours: _ALLOWED) -> Iterator[Path]:
    """Yield a new folder beside *path*; when the block ends, swap it in for *path* whole.

    Every file written in the block is fsync-ed, then the old folder (if any) is moved aside,
    the new one moved in, and the old one removed; if moving the new one in fails, the old
    one is moved back. Readers see either the old set of files or the new one, never a mix.

    *ours* says which names in an existing folder this writer owns: a folder holding anything
    else is refused, so that replacing it never deletes a user's other files.

    Raises:
        WriteError: *path* is a file, holds files that are not ours, or cannot be written.
    """
    target = _target(path)
    _check_folder(path, target)
    if target.exists() and not target.is_dir():
        raise WriteError(errno.ENOTDIR, "it is a file, not a folder", str(path))
    if target.is_dir():
        foreign = sorted(p.name for p in target.iterdir() if not (ours(p.name) and p.is_file()))
        if foreign:
            shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")  # noqa: PLR2004
            reason = f"the folder holds other files ({shown}); choose an empty or new folder"
            raise WriteError(errno.ENOTEMPTY, reason, str(path))
    building = _temporary_name(target)
    try:
        building.mkdir()
    except OSError as error:
        raise _error(path, error) from None
    with _removed_on_failure(path, building):
        yield building
        for written in building.iterdir():
            _fsync(written)
        _swap_in(building, target)
    _fsync_folder(target.parent)


def _swap_in(building: Path, target: Path) -> None:
    if not target.exists():
        building.rename(target)
        return
    aside = _temporary_name(target)
    target.rename(aside)
    try:
        building.rename(target)
    except BaseException:
        aside.rename(target)
        raise
    with contextlib.suppress(OSError):
        _keep_mode(aside, target)
    # The new folder is in place: failing to tidy the old one away must not undo that.
    shutil.rmtree(aside, ignore_errors=True)
