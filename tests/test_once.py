"""Load once, thread-safe: one call to the loader, one object for every caller."""

import threading
import time

import pytest

from aiecosys._once import once


def test_threads_asking_at_once_share_one_load():
    """Eight threads asking together: the loader runs once and all get the same object."""
    calls: list[int] = []

    @once
    def slow() -> object:
        calls.append(1)
        time.sleep(0.05)
        return object()

    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(slow())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len({id(g) for g in got}) == 1


def test_a_failed_load_is_not_kept():
    """When the loader raises, the next call tries again."""
    attempts: list[int] = []

    @once
    def flaky() -> int:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("not yet")
        return 42

    with pytest.raises(OSError, match="not yet"):
        flaky()
    assert flaky() == 42
    assert flaky() == 42
    assert len(attempts) == 2


def test_the_bundled_data_is_loaded_once():
    """aiecosys.load() returns the same ecosystem every time."""
    import aiecosys

    assert aiecosys.load() is aiecosys.load()
