"""Bring a local replica's file into the operating system's page cache, in the background.

A card read touches a few pages spread over the whole file (the customer, the phone index,
the purchases, issues and interactions of that customer). When those pages are not in the OS
page cache (after a reboot, or when the OS dropped them), each read waits on the disk: on the
benchmark machine, with 354 MB of a 2.1 GB replica cached, the slowest pops spent 9-20 ms
between the switchboard's publish and the desk's first slot, the bus thread asleep in SQLite's
reads. Asking the OS to read the file ahead once at start-up takes that wait off the pops.

The file is read through once, in 1 MB chunks into one buffer, on the calling (worker) thread
(the GIL is released during each read): about 3.4 s for a 2.1 GB replica not cached, a few
tenths of a second of copying when it is. ``POSIX_FADV_WILLNEED`` alone would cost nothing,
but it is only advice: on the benchmark machine it read nothing. Files larger than a share of
the machine's memory are left alone (the cache would only evict itself, and other programs'
pages).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: at most this share of physical memory is asked for
MAX_SHARE = 0.25
CHUNK = 1 << 20


@dataclass(frozen=True)
class Warmed:
    path: str
    size: int
    how: str  # "read", or why nothing was done ("too large", "missing", "read failed")


def physical_memory() -> int | None:
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        try:
            import psutil

            return int(psutil.virtual_memory().total)
        except Exception:  # pragma: no cover - no way to tell
            return None


def sqlite_file(url: str) -> Path | None:
    """The database file of a ``sqlite:///`` URL (None for memory or other databases)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or ":memory:" in url:
        return None
    return Path(url[len(prefix) :].split("?", 1)[0]).expanduser()


def warm(path: Path, max_bytes: int | None = None) -> Warmed:
    """Ask the OS to cache ``path`` (the database file and its WAL, if any)."""
    try:
        size = path.stat().st_size
    except OSError:
        return Warmed(str(path), 0, "missing")
    limit = max_bytes
    if limit is None:
        memory = physical_memory()
        limit = int(memory * MAX_SHARE) if memory else 0
    if size > limit:
        return Warmed(str(path), size, "too large")
    buf = bytearray(CHUNK)
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            f = open(part, "rb", buffering=0)  # noqa: SIM115 - closed below
        except OSError:
            continue
        try:
            if hasattr(os, "posix_fadvise"):
                os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)
            while f.readinto(buf):
                pass
        except OSError:
            return Warmed(str(path), size, "read failed")
        finally:
            f.close()
    return Warmed(str(path), size, "read")


def warm_url(url: str, max_bytes: int | None = None) -> Warmed | None:
    """``warm`` for a ``sqlite:///`` URL; None when it names no file."""
    path = sqlite_file(url)
    return None if path is None else warm(path, max_bytes)
