"""Writing the pages on two cores.

Reading the content and grouping it happen once; then, when the writer is made, the
build forks. Both processes run every generator's output step over the same data, in
the same order, and each renders every other page written through Pelican's writer (the
n-th ``write_file`` call belongs to worker n mod 2), so together they write each page
once, as one process would. Whatever a generator writes by itself (feeds, sitemap,
copied files) only the first process writes where it belongs: the second one's
generators write such files into a scratch folder it removes.

The second process never returns into the build: when Pelican finishes it sends the
pages it wrote (for the search index) and the errors it logged to the first, and exits;
an exception in it becomes the first process's error. The first process waits for it
before carrying on, and stops it if the build fails first.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import signal
import threading
from datetime import date
from pathlib import Path
from typing import Any

from pelican.writers import Writer

from ..errors import DigestError
from . import state
from .template_errors import template_errors

SCRATCH = ".render-scratch"
AUTO_ARTICLES = 500  # the default forks from this many articles on
_generators: list[Any] = []
_child: dict[str, Any] = {}  # in the first process: pid and pipe of the second


def remember(generators: list[Any]) -> None:
    """``all_generators_finalized``: the generators whose output the fork shares."""
    _generators[:] = list(generators)


class _Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class ForkedWriter(Writer):
    """Pelican's writer, writing its share of the pages in one of two processes."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.worker, self.workers, self.calls = 0, 1, 0
        self.pipe: int | None = None
        self.logged: _Logged | None = None
        if threading.active_count() == 1 and hasattr(os, "fork"):
            self._fork()

    def _fork(self) -> None:
        read, write = os.pipe()
        pid = os.fork()
        self.workers = 2
        if pid:
            os.close(write)
            _child.update(pid=pid, pipe=read)
            return
        os.close(read)
        self.worker, self.pipe = 1, write
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: the first process reports
        self.logged = _Logged()
        logging.getLogger("pelican").addHandler(self.logged)
        scratch = Path(self.output_path) / SCRATCH
        scratch.mkdir(exist_ok=True)
        for generator in _generators:
            generator.output_path = str(scratch)  # what a generator writes by itself
            generator.generate_output = _guarded(self, generator.generate_output)

    def write_file(self, *args: Any, **kwargs: Any) -> None:
        mine = self.calls % self.workers == self.worker
        self.calls += 1
        if mine:
            super().write_file(*args, **kwargs)

    def finish(self) -> None:
        """In the second process, at the end of Pelican's run: report and exit."""
        shutil.rmtree(Path(self.output_path) / SCRATCH, ignore_errors=True)
        _report(self, {"pages": state.current().search_pages,
                       "logged": self.logged.messages if self.logged else []})
        os._exit(0)


def _guarded(writer: ForkedWriter, step: Any) -> Any:
    def run(*args: Any) -> None:
        try:
            with template_errors():  # the messages the first process would give
                step(*args)
        except DigestError as exc:
            _fail(writer, {"error": (exc.message, exc.path, exc.line)})
        except Exception as exc:  # a template error: the first process names it
            _fail(writer, {"raise": exc})
        except BaseException:
            os._exit(130)
    return run


def _fail(writer: ForkedWriter, report: dict[str, Any]) -> None:
    shutil.rmtree(Path(writer.output_path) / SCRATCH, ignore_errors=True)
    _report(writer, report)
    os._exit(1)


def _report(writer: ForkedWriter, report: dict[str, Any]) -> None:
    assert writer.pipe is not None
    try:
        data = pickle.dumps(report)
    except Exception:  # an exception that does not pickle: its text will do
        exc = report.get("raise")
        data = pickle.dumps({"error": (f"{type(exc).__name__}: {exc}", None, None)})
    try:
        with os.fdopen(writer.pipe, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # the first process is gone: nobody to report to
        os._exit(1)


def finished(pelican: Any) -> None:
    """``finalized``: the second process reports and exits; the first merges its work."""
    writer = _current_writer.pop("writer", None)
    if writer is not None and writer.worker == 1:
        writer.finish()
    if "pid" not in _child:
        return
    with os.fdopen(_child.pop("pipe"), "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(_child.pop("pid"), 0)
    report: dict[str, Any] = pickle.loads(data) if data else {}
    if "raise" in report:
        raise report["raise"]
    if "error" in report:
        raise DigestError(*report["error"])
    if os.waitstatus_to_exitcode(status) != 0 or not data:
        raise DigestError("the build's second process failed "
                          f"(exit status {os.waitstatus_to_exitcode(status)})")
    pages: dict[str, date] = report["pages"]
    state.current().search_pages.update(pages)
    for message in report["logged"]:
        logging.getLogger("pelican").error("%s", message)


def stop() -> None:
    """The build failed in the first process: end the second one before the stage goes."""
    _current_writer.clear()
    pid = _child.pop("pid", None)
    pipe = _child.pop("pipe", None)
    if pipe is not None:
        os.close(pipe)
    if pid is not None:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


_current_writer: dict[str, ForkedWriter] = {}


def writer_class(jobs: int) -> type[Writer] | None:
    """``get_writer``: the forking writer when two processes are wanted."""
    if jobs < 2:
        return None

    class Current(ForkedWriter):
        def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
            super().__init__(output_path, settings)
            _current_writer["writer"] = self

    return Current
