"""Preview server: serves the built site on 127.0.0.1, reloads pages, shows build errors.

Only this server adds the live-reload script (``live_reload.js``, injected into
HTML as it is served), so the built files stay exactly what ``digest build``
writes. Pages listen to an event stream (server-sent events) that carries the
current build and the errors of the last rebuild: a page reloads when a newer
build is in place and shows the errors over itself while the rebuild fails.
"""

from __future__ import annotations

import functools
import html
import json
import secrets
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..errors import DigestError
from ..paths import display_path

EVENTS_PATH = "/__digest/events"
SCRIPT_PATH = "/__digest/live-reload.js"
SCRIPT = (Path(__file__).with_name("live_reload.js")).read_bytes()
# An idle event stream sends a comment this often, so a closed tab's thread ends.
KEEPALIVE_S = 15.0
DEFAULT_HOST = "127.0.0.1"


@dataclass(frozen=True)
class Problem:
    """One error of a failed rebuild, as the overlay shows it."""

    where: str  # path:line, or "" when the error names no file
    message: str

    @classmethod
    def of(cls, error: DigestError | str) -> Problem:
        if isinstance(error, str):
            return cls("", error)
        where = display_path(error.path) if error.path else ""
        if where and error.line:
            where = f"{where}:{error.line}"
        return cls(where, error.message)


class LiveState:
    """The build pages are told about: which one is served, and what the last rebuild broke.

    ``build`` changes with every site swapped in (its random prefix also makes pages
    from an earlier run of the server reload).
    """

    def __init__(self) -> None:
        self._run = secrets.token_hex(4)
        self._generation = 0
        self._problems: tuple[Problem, ...] = ()
        self._version = 0  # bumped on every change, for the waiting streams
        self._closed = False
        self._changed = threading.Condition()

    @property
    def build(self) -> str:
        with self._changed:
            return f"{self._run}-{self._generation}"

    def succeeded(self) -> None:
        """A new site is in place: pages reload."""
        with self._changed:
            self._generation += 1
            self._problems = ()
            self._bump()

    def failed(self, errors: Iterable[DigestError | str]) -> None:
        """The rebuild failed: pages keep the last good site and show ``errors``."""
        with self._changed:
            self._problems = tuple(Problem.of(e) for e in errors)
            self._bump()

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._bump()

    def _bump(self) -> None:
        self._version += 1
        self._changed.notify_all()

    def snapshot(self) -> tuple[int, bytes]:
        with self._changed:
            data = {"build": f"{self._run}-{self._generation}",
                    "errors": [{"where": p.where, "message": p.message} for p in self._problems]}
            return self._version, json.dumps(data, ensure_ascii=False).encode()

    def wait(self, seen: int, timeout: float) -> bool:
        """Wait until the state is newer than version ``seen``; False once closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._version != seen or self._closed, timeout)
            return not self._closed


class _Handler(SimpleHTTPRequestHandler):
    server: PreviewServer
    extensions_map: dict[str, str] = {  # noqa: RUF012 (declared so by the base class)
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm", ".js": "text/javascript", ".xml": "application/xml"}

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request drowns the rebuild messages

    def end_headers(self) -> None:
        # Every response, stylesheets included: a reload must show the rebuilt files.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        route = self.path.split("?", 1)[0]
        if route == EVENTS_PATH:
            self._events()
            return
        if route == SCRIPT_PATH:
            self._send(200, "text/javascript; charset=utf-8", SCRIPT)
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not route.endswith("/"):
                super().do_GET()  # the standard redirect to the slash-terminated URL
                return
            path = path / "index.html"
        if path.suffix == ".html":
            try:
                page = path.read_bytes()
            except OSError:  # missing, or gone with the tree a rebuild just replaced
                pass
            else:
                self._send(200, "text/html; charset=utf-8", self._inject(page))
                return
        elif path.is_file():
            super().do_GET()
            return
        self._send(404, "text/html; charset=utf-8", self._inject(self._not_found(route)))

    def _not_found(self, route: str) -> bytes:
        page = Path(self.directory) / "404.html"
        try:
            return page.read_bytes()
        except OSError:  # no site built yet, or one without a 404 page
            return (
                '<!doctype html><html lang="en"><head><meta charset="utf-8">'
                "<title>Not found</title></head><body><h1>Not found</h1>"
                f"<p>Nothing is built at <code>{html.escape(route)}</code>.</p>"
                "</body></html>").encode()

    def _inject(self, page: bytes) -> bytes:
        build = html.escape(self.server.state.build)
        tag = f'<script src="{SCRIPT_PATH}" data-build="{build}"></script>'.encode()
        i = page.rfind(b"</body>")
        return page[:i] + tag + page[i:] if i >= 0 else page + tag

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        state = self.server.state
        try:
            seen, data = state.snapshot()
            self.wfile.write(b"retry: 1000\n\n" + _event(data))
            self.wfile.flush()
            while state.wait(seen, KEEPALIVE_S):
                version, data = state.snapshot()
                if version == seen:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    seen = version
                    self.wfile.write(_event(data))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the tab was closed or reloaded
        finally:
            self.close_connection = True

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _event(data: bytes) -> bytes:
    return b"event: state\ndata: " + data + b"\n\n"  # JSON holds no raw newline


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, output: Path, port: int = 8000, host: str = DEFAULT_HOST):
        handler = functools.partial(_Handler, directory=str(output))
        super().__init__((host, port), handler)
        self.host = host
        self.state = LiveState()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.server_address[1]}/"

    def reloaded(self) -> None:
        """A new site is in place: open pages reload."""
        self.state.succeeded()

    def failed(self, errors: Iterable[DigestError | str]) -> None:
        """The rebuild failed: open pages show ``errors`` over the last good site."""
        self.state.failed(errors)

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a tab closed mid-answer
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    def start(self) -> PreviewServer:
        self._thread = threading.Thread(target=self.serve_forever, args=(0.1,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.state.close()  # ends the open event streams
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
