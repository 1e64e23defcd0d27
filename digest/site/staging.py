"""A build fills a fresh folder beside the output, swapped in only once it is whole.

The live output folder is never written to. A build writes into
``.<name>.build-XXXX`` next to it (the same filesystem, so the swap is a rename)
and, only when every step succeeded, exchanges the two folders in one atomic step
(Linux ``renameat2(RENAME_EXCHANGE)``; elsewhere two renames), then removes the old
tree. A failed or interrupted build removes its folder; one killed outright leaves
it behind for the next build to remove. A lock file beside the output lets one
build at a time touch these folders, so leftovers are only removed by the build
holding the lock, never from under a running one.
"""

from __future__ import annotations

import contextlib
import contextvars
import ctypes
import errno
import fcntl
import functools
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..errors import DigestError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
# What renameat2 answers where the kernel, libc or filesystem cannot exchange.
_NO_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


class DiskFull(DigestError):
    """The disk filled up while the build was writing; nothing was swapped in."""

    def __init__(self, path: str | Path):
        super().__init__(f"no space left on device writing {path}")


# A failed write() names no file: the last file this build opened for writing is the one.
_last_opened: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "digest_last_opened", default=None)
_WRITING = os.O_WRONLY | os.O_RDWR


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event != "open":
        return
    record = _last_opened.get()
    if record is None:
        return
    path, mode, flags = args
    writes = any(c in mode for c in "wax+") if isinstance(mode, str) else \
        isinstance(flags, int) and bool(flags & _WRITING)
    if writes and isinstance(path, (str, bytes, os.PathLike)):
        record[:] = [os.fsdecode(path)]


@functools.cache
def _watch_opens() -> None:
    sys.addaudithook(_audit)  # once per process; idle unless a build is recording


@contextlib.contextmanager
def _recording_opens() -> Iterator[list[str]]:
    _watch_opens()
    record: list[str] = []
    token = _last_opened.set(record)
    try:
        yield record
    finally:
        _last_opened.reset(token)


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


def _prefix(out: Path, kind: str) -> str:
    return f".{out.name}.{kind}-"


@contextlib.contextmanager
def locked(out: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the build lock of ``out``; calls ``on_wait`` once if another build has it."""
    fd = os.open(lock_path(out), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def leftovers(out: Path) -> list[Path]:
    """Folders that earlier builds of ``out`` left beside it."""
    return sorted(p for p in out.parent.iterdir()
                  if p.name.startswith((_prefix(out, "build"), _prefix(out, "old")))
                  and p.is_dir() and not p.is_symlink())


def remove_leftovers(out: Path) -> None:
    """Remove what killed builds left (call with the lock held)."""
    found = leftovers(out)
    aside = [p for p in found if p.name.startswith(_prefix(out, "old"))]
    if aside and not out.exists():
        # A swap by two renames stopped between them: the previous site goes back.
        os.rename(aside[0], out)
        found.remove(aside[0])
    for path in found:
        shutil.rmtree(path, ignore_errors=True)


def _unique(out: Path, kind: str) -> Path:
    return out.parent / f"{_prefix(out, kind)}{secrets.token_hex(4)}"


def new_stage(out: Path, retain: Sequence[str] | None) -> Path:
    """A fresh folder beside ``out`` holding copies of the entries a build keeps.

    ``retain`` names the entries of the old output carried over (Pelican's
    ``OUTPUT_RETENTION``); ``None`` carries everything over (``DELETE_OUTPUT_DIRECTORY``
    off). Copies, not moves: the live site keeps its own until the swap.
    """
    while True:
        stage = _unique(out, "build")
        try:
            stage.mkdir(0o777)  # the umask applies, as for any folder the build makes
            break
        except FileExistsError:
            continue
    if not out.is_dir():
        return stage
    os.chmod(stage, stat.S_IMODE(out.stat().st_mode))  # the served folder keeps its mode
    names = sorted(os.listdir(out)) if retain is None else list(retain)
    for name in names:
        source, target = out / name, stage / name
        if not os.path.lexists(source):
            continue
        if source.is_dir() and not source.is_symlink():
            _copy_tree(source, target)
        else:
            shutil.copy2(source, target, follow_symlinks=False)
    return stage


def _copy_tree(source: Path, target: Path) -> None:
    try:
        shutil.copytree(source, target, symlinks=True)
    except shutil.Error as exc:  # copytree gathers each file's failure into one error
        for _src, dst, why in exc.args[0]:
            if os.strerror(errno.ENOSPC) in str(why):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), dst) from None
        raise


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one atomic step; False where this system cannot."""
    fn = _renameat2()
    if fn is None:
        return False
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in _NO_EXCHANGE:
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def swap_in(stage: Path, out: Path, on_swapped: Callable[[], None] | None = None) -> None:
    """Make ``stage`` the output and remove the old output.

    ``on_swapped`` is called as soon as the new output is in place, before the old
    tree (slow to delete at scale) is removed.
    """
    old: Path | None = None
    if not os.path.lexists(out):
        os.rename(stage, out)
    elif exchange(stage, out):
        old = stage
    else:
        old = _unique(out, "old")
        os.rename(out, old)
        try:
            os.rename(stage, out)
        except BaseException:
            os.rename(old, out)
            raise
    with contextlib.suppress(OSError):  # the renames reach the disk before the old tree goes
        fd = os.open(out.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    try:
        if on_swapped is not None:
            on_swapped()
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def keep_unchanged(stage: Path, out: Path) -> int:
    """Give each file of ``stage`` that is byte for byte the old output's file the old
    file itself (a hard link): unchanged files keep their inode and mtime, so a deploy
    that compares them uploads only what changed. Run after every write to ``stage``
    (nothing writes into these files again: a build only ever writes new files).
    Returns the number of files kept; a file that cannot be linked stays the new one."""
    if not out.is_dir():
        return 0
    kept = 0
    for folder, _dirs, files in os.walk(stage):
        here = Path(folder)
        old_folder = out / here.relative_to(stage)
        for name in files:
            new, old = here / name, old_folder / name
            try:
                a, b = new.lstat(), old.lstat()
            except OSError:
                continue
            if not (stat.S_ISREG(a.st_mode) and stat.S_ISREG(b.st_mode)) \
                    or a.st_size != b.st_size or a.st_mode != b.st_mode:
                continue
            if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino):
                kept += 1
                continue
            if _same_bytes(new, old) and _relink(old, new):
                kept += 1
    return kept


def _same_bytes(a: Path, b: Path, chunk: int = 1 << 16) -> bool:
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            x, y = fa.read(chunk), fb.read(chunk)
            if x != y:
                return False
            if not x:
                return True


def _relink(old: Path, new: Path) -> bool:
    temporary = new.with_name(f".{new.name}.keep-{secrets.token_hex(4)}")
    try:
        os.link(old, temporary)
    except OSError:
        return False
    try:
        os.replace(temporary, new)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True


def write_problem(exc: OSError, stage: Path | None, out: Path,
                  last_opened: str | None = None) -> DigestError | None:
    """The user's message for a failed write, naming the path in the output (not the stage)."""
    if exc.errno not in _NO_SPACE:
        return None
    name = exc.filename if exc.filename is not None else last_opened
    if name is None:
        return DiskFull(out)
    path = Path(os.fsdecode(name))
    if stage is not None and (path == stage or stage in path.parents):
        path = out / path.relative_to(stage)
    return DiskFull(path)


@contextlib.contextmanager
def staged_output(out: Path, retain: Sequence[str] | None = None,
                  on_wait: Callable[[], None] | None = None,
                  on_swapped: Callable[[], None] | None = None) -> Iterator[Path]:
    """Yield a fresh folder to build into; it replaces ``out`` if the block succeeds.

    On any exception the folder is removed and ``out`` is left as it was; a full
    disk becomes :class:`DiskFull`.
    """
    if os.path.lexists(out) and not out.is_dir():
        raise DigestError("the output is not a folder", out)
    stage: Path | None = None
    opened: list[str] = []
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with locked(out, on_wait), _recording_opens() as opened:
            remove_leftovers(out)
            try:
                stage = new_stage(out, retain)
                yield stage
                keep_unchanged(stage, out)
                swap_in(stage, out, on_swapped)
            except BaseException:
                if stage is not None and stage.exists():
                    shutil.rmtree(stage, ignore_errors=True)
                raise
    except OSError as exc:
        problem = write_problem(exc, stage, out, opened[0] if opened else None)
        if problem is None:
            raise
        raise problem from None
