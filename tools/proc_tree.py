"""Run a command and measure its whole process tree: wall, CPU and peak memory per process.

CPU is user + system time of the process and every descendant it waited for (``wait4``).
Memory is polled from ``/proc``: each process's ``VmHWM`` (its own high-water mark, so a
peak between two polls is not missed while the process lives) grouped by program name,
and the largest sum of ``VmRSS`` over the tree at one moment (what the machine had to
hold). A limit on that sum stops the tree, so a run that would exhaust the machine ends
with a clear mark instead of the kernel's OOM killer.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")


@dataclass
class TreeUsage:
    wall: float
    cpu: float  # user + system, the process and its reaped descendants
    status: int
    peak_tree_mb: float  # largest simultaneous RSS of the whole tree
    max_single_mb: float  # the kernel's figure: the largest one process of the tree
    peak_mb: dict[str, float] = field(default_factory=dict)  # per program: largest VmHWM
    killed: bool = False  # stopped for crossing the memory limit


def _status(pid: int) -> dict[str, str]:
    try:
        text = (PROC / str(pid) / "status").read_text()
    except OSError:  # the process ended between listing and reading
        return {}
    return dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)


def _kb(value: str | None) -> int:
    return int(value.split()[0]) if value else 0


def descendants(pid: int) -> list[int]:
    """``pid`` and every live process below it (from the kernel's children lists)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            tasks = list((PROC / str(current) / "task").iterdir())
        except OSError:
            continue
        for task in tasks:
            with contextlib.suppress(OSError):  # the task ended meanwhile
                queue.extend(int(c) for c in (task / "children").read_text().split())
    return found


def program(pid: int) -> str:
    """A short program name: the executable's base name (``python3.11`` → ``python``)."""
    try:
        name = Path(os.readlink(PROC / str(pid) / "exe")).name
    except OSError:
        name = _status(pid).get("Name", "?").strip()
    return "python" if name.startswith("python") else name


class _Poller(threading.Thread):
    def __init__(self, pid: int, interval: float, limit_mb: float | None):
        super().__init__(daemon=True)
        self.pid, self.interval, self.limit_mb = pid, interval, limit_mb
        self.peak_mb: dict[str, float] = {}
        self.peak_tree_mb = 0.0
        self.killed = False
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            total = 0
            for pid in descendants(self.pid):
                info = _status(pid)
                if not info or info.get("State", "").startswith("Z"):
                    continue
                total += _kb(info.get("VmRSS"))
                name = program(pid)
                hwm = _kb(info.get("VmHWM")) / 1024
                self.peak_mb[name] = max(self.peak_mb.get(name, 0.0), hwm)
            self.peak_tree_mb = max(self.peak_tree_mb, total / 1024)
            if self.limit_mb and total / 1024 > self.limit_mb and not self.killed:
                self.killed = True
                with contextlib.suppress(OSError):  # already gone
                    os.killpg(self.pid, signal.SIGKILL)
            self.done.wait(self.interval)


def run_measured(command: list[str], *, env: dict[str, str] | None = None,
                 cwd: str | Path | None = None, log: Path | None = None,
                 interval: float = 0.1, limit_mb: float | None = None) -> TreeUsage:
    """Run ``command`` to its end (its own process group) and measure its tree."""
    out = log.open("w", encoding="utf-8") if log else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env,
                                cwd=cwd, start_new_session=True)
        poller = _Poller(proc.pid, interval, limit_mb)
        poller.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        poller.done.set()
        poller.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if log:
            out.close()  # type: ignore[union-attr]
    return TreeUsage(wall=wall, cpu=usage.ru_utime + usage.ru_stime,
                     status=proc.returncode, peak_tree_mb=poller.peak_tree_mb,
                     max_single_mb=usage.ru_maxrss / 1024,
                     peak_mb=dict(sorted(poller.peak_mb.items())), killed=poller.killed)
