"""An exclusive lock on a folder for one check-then-write step, across processes.

``digest ingest`` chooses a new article's slug by looking at what the folder holds;
two runs doing that at once would choose the same one. Each takes the lock around
the choice and the write. The lock file also counts the writes made under it, so a
run can tell cheaply whether anyone else wrote since it last looked.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .atomic import WriteError, os_reason

LOCK_NAME = ".digest.lock"


class FolderLock:
    def __init__(self, folder: Path):
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def generation(self) -> int:
        """The count of writes so far, read without the lock (0 if nobody wrote yet)."""
        try:
            return _parse(self.path.read_bytes())
        except OSError:
            return 0

    @contextmanager
    def held(self) -> Iterator[int]:
        """Hold the lock for the block; yields the write count as the block starts."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise WriteError(os_reason(exc), self.path) from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                count = _parse(os.pread(fd, 32, 0))
            except OSError as exc:
                raise WriteError(os_reason(exc), self.path) from None
            self._fd = fd
            yield count
        finally:
            self._fd = None
            os.close(fd)

    def bump(self) -> int:
        """Count one more write (inside ``held``, before writing); returns the new count."""
        assert self._fd is not None, "bump() outside held()"
        count = max(_parse(os.pread(self._fd, 32, 0)), 0) + 1
        data = f"{count}\n".encode()
        try:
            os.pwrite(self._fd, data, 0)
            os.ftruncate(self._fd, len(data))
        except OSError as exc:
            raise WriteError(os_reason(exc), self.path) from None
        return count


def _parse(data: bytes) -> int:
    """The count in the file; -1 for anything unreadable, so readers look again."""
    text = data.strip()
    if not text:
        return 0
    return int(text) if text.isdigit() else -1
