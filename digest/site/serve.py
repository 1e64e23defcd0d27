"""Preview server: serves the built site on 127.0.0.1 and reloads pages after a rebuild.

Only this server adds the reload script (injected into HTML as it is served), so
the built files stay exactly what ``digest build`` writes.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RELOAD_PATH = "/__digest_reload"
# Polls the build generation once a second; reloads when it changes.
RELOAD_SCRIPT = (
    "<script>(function(){var g=null;setInterval(function(){fetch('" + RELOAD_PATH + "')"
    ".then(function(r){return r.text()}).then(function(t){if(g!==null&&t!==g)"
    "location.reload();g=t}).catch(function(){})},1000)})();</script>"
)


class _Handler(SimpleHTTPRequestHandler):
    server: PreviewServer

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request drowns the rebuild messages

    def do_GET(self) -> None:
        if self.path == RELOAD_PATH:
            self._send(200, "text/plain", str(self.server.generation).encode())
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                super().do_GET()  # the standard redirect to the slash-terminated URL
                return
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            self._send(200, "text/html; charset=utf-8", _inject(path.read_bytes()))
        elif path.is_file():
            super().do_GET()
        else:
            missing = Path(self.directory) / "404.html"
            body = _inject(missing.read_bytes()) if missing.is_file() else b"Not found"
            self._send(404, "text/html; charset=utf-8", body)

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _inject(html: bytes) -> bytes:
    marker = b"</body>"
    i = html.rfind(marker)
    script = RELOAD_SCRIPT.encode()
    return html[:i] + script + html[i:] if i >= 0 else html + script


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, output: Path, port: int = 8000):
        handler = functools.partial(_Handler, directory=str(output))
        super().__init__(("127.0.0.1", port), handler)
        self.generation = 0
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def reloaded(self) -> None:
        self.generation += 1

    def start(self) -> PreviewServer:
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)


def watch(paths: Iterable[Path], rebuild: Callable[[], None],
          stop: threading.Event | None = None) -> None:
    """Call ``rebuild`` after each batch of changes under ``paths`` (until ``stop`` is set)."""
    from watchfiles import watch as watch_changes

    for _changes in watch_changes(*[p for p in paths if p.exists()], stop_event=stop,
                                  debounce=300):
        rebuild()
