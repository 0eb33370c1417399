"""Memory and speed helpers."""

import gc
import platform
import sys

import pytest

from innonlp import perf


def test_paused_gc_restores_the_collector() -> None:
    assert gc.isenabled()
    with perf.paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_release_memory_empties_the_arrow_pool() -> None:
    pa = pytest.importorskip("pyarrow")
    buf = pa.allocate_buffer(50_000_000)
    assert pa.default_memory_pool().bytes_allocated() >= 50_000_000
    del buf
    perf.release_memory()
    assert pa.default_memory_pool().bytes_allocated() == 0


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="malloc_trim is glibc's")
def test_freed_c_heap_is_given_back() -> None:
    blocks = [bytearray(100_000) for _ in range(500)]  # heap blocks, below mmap's threshold
    del blocks
    assert perf._trim_c_heap()  # glibc says it gave memory back
