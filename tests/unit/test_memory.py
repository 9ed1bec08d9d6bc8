"""Memory a dropped knowledge base held goes back to the system (evcards.kb.memory), on glibc."""

from __future__ import annotations

import os
import platform

from evcards.kb.memory import keep_big_blocks_apart, return_free_memory

GLIBC = platform.libc_ver()[0] == "glibc"
MB = 2**20


def resident_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB


def test_the_c_library_takes_the_settings_exactly_on_glibc() -> None:
    assert keep_big_blocks_apart() is GLIBC
    assert isinstance(return_free_memory(), bool)


def test_big_blocks_freed_between_lasting_small_ones_leave_no_resident_memory() -> None:
    """What a reload does to the C heap: big blocks (a file's bytes, long lists) made between
    small ones that outlive them. Once freed, their memory is the system's again."""
    if not GLIBC:  # elsewhere the functions do nothing, and say so
        assert not keep_big_blocks_apart() and not return_free_memory()
        return
    file_bytes = b"{" * (8 * MB)  # freed, it makes glibc serve later big blocks from its heap
    del file_bytes
    keep_big_blocks_apart()
    before = resident_mb()
    big, lasting = [], []
    for index in range(64):
        big.append(bytes([index % 251]) * (MB // 2))  # filled, so every page is resident
        lasting.append(bytearray(600))  # above Python's small-object size: from the C heap
    grown = resident_mb() - before
    del big
    return_free_memory()
    assert grown > 24
    assert resident_mb() - before < 4
    del lasting
