"""Which file changes rebuild the preview, gathered into one batch per burst of events.

Folders (content, theme) are watched recursively by the OS; single files
(``digest.toml``, the Pelican settings) are polled by modification stamp, so an
editor that saves by renaming a new file over the old one is still seen, and the
folder holding them (often holding ``output/`` too) is never watched as a whole.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# A burst (an editor's save, a checkout, an ingest) ends after this much quiet...
QUIET_MS = 100
# ...or is cut off after this long, so a long burst still shows its first changes.
LONGEST_BURST_MS = 1500
# How often the single files are polled when the folders are quiet.
POLL_MS = 500

_Stamp = tuple[int, int, int] | None


@dataclass(frozen=True)
class Sources:
    """What the preview is built from, and the output it must never react to."""

    folders: tuple[Path, ...]
    files: tuple[Path, ...]
    output: Path


def ignored(path: Path, sources: Sources) -> bool:
    """Changes that are no reason to rebuild: the output, the build's own folders beside
    it (``.output.build-*``, ``.output.old-*``, its lock), hidden and editor files."""
    out = sources.output
    for p in (path, *path.parents):
        if p == out or (p.parent == out.parent and p.name.startswith(f".{out.name}.")):
            return True
    root = next((f for f in sources.folders if f == path or f in path.parents), None)
    if root is None:
        return path not in sources.files
    parts = path.relative_to(root).parts
    # Hidden names cover atomic writes' temporary files, .git and editors' lock files.
    return any(part.startswith(".") or part == "__pycache__" for part in parts) or \
        path.name.endswith(("~", ".swp", ".swx", ".pyc")) or path.name.startswith("#")


def _stamp(path: Path) -> _Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def changed_files(stamps: dict[Path, _Stamp]) -> list[Path]:
    """The polled files whose stamp differs from ``stamps`` (which is updated)."""
    found = []
    for path, old in stamps.items():
        new = _stamp(path)
        if new != old:
            stamps[path] = new
            found.append(path)
    return found


def changes(sources: Sources, stop: threading.Event | None = None,
            on_ready: Callable[[], None] | None = None) -> Iterator[list[Path]]:
    """Yield the sorted relevant paths changed in each burst, until ``stop`` is set.

    ``on_ready`` is called once the OS watches the folders (changes from then on are
    seen). Changes made while the caller handles a batch are gathered into the next one.
    """
    from watchfiles import watch

    stamps = {f: _stamp(f) for f in sources.files}
    folders = [f for f in sources.folders if f.is_dir()]
    stop = stop or threading.Event()

    def relevant(_change: object, name: str) -> bool:
        return not ignored(Path(name), sources)

    if not folders:  # nothing for the OS to watch: poll the files only
        if on_ready is not None:
            on_ready()
        while not stop.wait(POLL_MS / 1000):
            if polled := changed_files(stamps):
                yield sorted(polled)
        return
    # With yield_on_timeout the first (empty) batch comes once the watcher is running.
    for batch in watch(*folders, watch_filter=relevant, debounce=LONGEST_BURST_MS,
                       step=QUIET_MS, rust_timeout=POLL_MS, yield_on_timeout=True,
                       stop_event=stop):
        if on_ready is not None:
            on_ready()
            on_ready = None
        found = {Path(name) for _change, name in batch} | set(changed_files(stamps))
        if found:
            yield sorted(found)


class Watcher:
    """Watches ``sources`` in a thread from creation on, so that nothing changed while a
    build runs is missed; :meth:`batches` merges what piled up meanwhile into one batch."""

    def __init__(self, sources: Sources):
        self._found: queue.Queue[list[Path]] = queue.Queue()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(sources,), daemon=True)
        self._thread.start()

    def _run(self, sources: Sources) -> None:
        for batch in changes(sources, self._stop, self._ready.set):
            self._found.put(batch)

    def ready(self, timeout: float) -> bool:
        """Wait until changes are seen (False if that took longer than ``timeout``)."""
        return self._ready.wait(timeout)

    def batches(self) -> Iterator[list[Path]]:
        """Each batch of changes since the last one, until :meth:`stop`."""
        while not self._stop.is_set():
            try:
                found = set(self._found.get(timeout=POLL_MS / 1000))
            except queue.Empty:
                continue
            while not self._found.empty():
                found.update(self._found.get_nowait())
            yield sorted(found)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def describe(paths: Iterable[Path], most: int = 5) -> str:
    """``a.md, b.md and 3 more``, each as the user would type it."""
    from ..paths import display_path

    names = [display_path(p) for p in paths]
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
