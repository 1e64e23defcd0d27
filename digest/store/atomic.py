"""Write a file so that readers only ever see the old text or the whole new one.

The text goes to a hidden temporary file beside the target (``.<name>.<token>.tmp``),
is flushed to disk, then takes the target's name: ``os.replace`` to rewrite, or
``os.link`` to create, which fails instead of taking a name another writer holds.

The writer holds an ``flock`` on its temporary file for as long as the file exists, so
``remove_leftovers`` can tell what a killed run left behind (nobody holds the lock)
from a live writer's file, and deletes only the former.

Modes: a new file gets 0666 less the umask, as any file a program creates; a rewritten
file keeps the mode it had.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import secrets
import stat
from pathlib import Path

from ..errors import DigestError

# ".<name>.<8 characters>.tmp": this module's names and those of tempfile.mkstemp,
# which earlier versions used (they are never locked, so always count as leftovers).
TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
# Linking is refused by a few filesystems (FAT, some network mounts).
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}


class WriteError(DigestError):
    """The system refused a write (disk full, permissions…); nothing was changed."""

    def __init__(self, reason: str, target: Path):
        super().__init__(f"{reason} writing {target}")
        self.reason = reason
        self.target = target


def os_reason(exc: OSError) -> str:
    """"no space left on device", "permission denied"…: the system's words, lower-case."""
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def write_file(path: Path, text: str, *, exclusive: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically.

    ``exclusive``: create ``path``; if the name is taken, raise ``FileExistsError`` and
    leave everything as it was. Any refusal by the system raises ``WriteError``, after
    removing the temporary file: the old file, if any, is intact.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    data = text.encode("utf-8")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = _open_temp(folder, path.name)
    except OSError as exc:
        raise WriteError(os_reason(exc), path) from None
    named = True  # the temporary name still exists and must go
    try:
        _write_all(fd, data)
        if not exclusive:
            _keep_mode(fd, path)
        os.fsync(fd)
        if exclusive:
            _claim(tmp, path)
        else:
            os.replace(tmp, path)
            named = False
        _sync_folder(folder)
    except FileExistsError:
        raise
    except OSError as exc:
        raise WriteError(os_reason(exc), path) from None
    finally:
        if named:
            _unlink(tmp)
        os.close(fd)  # only now: the lock marks the temporary file as owned until here


def remove_leftovers(root: Path) -> list[Path]:
    """Delete the temporary files under ``root`` that no live writer owns."""
    removed: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if TEMP_NAME.match(name) and _remove_if_orphan(path):
                removed.append(path)
    return removed


def _open_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new, locked temporary file; mode 0666 less the umask (the kernel applies it)."""
    while True:
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue
        fcntl.flock(fd, fcntl.LOCK_EX)
        # remove_leftovers may have taken it between open and flock: then it is gone.
        if os.fstat(fd).st_nlink:
            return fd, tmp
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _keep_mode(fd: int, path: Path) -> None:
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        return
    os.fchmod(fd, mode)


def _claim(tmp: Path, path: Path) -> None:
    """Give ``tmp`` the name ``path`` only if nothing has it (``FileExistsError``)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        # No hard links here: claim the name with an empty file, then fill it.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666))
        os.replace(tmp, path)


def _sync_folder(folder: Path) -> None:
    """Make the new name durable; some filesystems cannot sync a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _remove_if_orphan(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held, now = os.fstat(fd), os.lstat(path)
        if not stat.S_ISREG(held.st_mode) or (held.st_dev, held.st_ino) != (
                now.st_dev, now.st_ino):
            return False  # not a file, or the name now belongs to another one
        os.unlink(path)  # while locked: a writer that opened it sees st_nlink == 0
        return True
    except OSError:  # BlockingIOError: a live writer holds it
        return False
    finally:
        os.close(fd)
