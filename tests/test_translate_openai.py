"""The openai backend against a chat-completions server started on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import time
from http.server import BaseHTTPRequestHandler

import pytest

from digest.article import Article
from digest.config import TranslateConfig
from digest.errors import DigestError
from digest.translate import BackendUnavailable, load_backend, translate_article
from digest.translate.openai_backend import OpenAIBackend
from tools.static_server import loopback


class Handler(BaseHTTPRequestHandler):
    """``/<mode>/v1/chat/completions``; the mode picks the (mis)behaviour."""

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: str | bytes, headers: dict | None = None) -> None:
        data = body.encode() if isinstance(body, str) else body
        try:
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting: that is the point of the slow mode

    def do_POST(self):
        state = self.server.state  # type: ignore[attr-defined]
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        state["requests"].append((self.path, request, self.headers.get("Authorization")))
        mode = self.path.split("/")[1]
        count = sum(1 for p, _, _ in state["requests"] if p == self.path)
        user = request["messages"][-1]["content"]
        answer = "EN " + user  # keeps the source spelling of names, like a lazy model
        if mode == "slow":
            time.sleep(1.0)
        elif mode == "flaky" and count == 1:
            return self._send(500, "overloaded")
        elif mode == "ratelimit" and count == 1:
            return self._send(429, "slow down", {"Retry-After": "3"})
        elif mode == "down":
            return self._send(503, "down")
        elif mode == "badjson":
            return self._send(200, "<html>not json</html>")
        elif mode == "nochoices":
            return self._send(200, json.dumps({"choices": []}))
        elif mode == "empty":
            answer = "  "
        elif mode == "auth":
            return self._send(401, json.dumps({"error": "bad key"}))
        elif mode == "chatty":
            answer = f"<think>hmm</think>\nTranslation: \"EN {user}\""
        self._send(200, json.dumps({"choices": [{"message": {"role": "assistant",
                                                             "content": answer}}]}))


@pytest.fixture
def server():
    with loopback(Handler) as httpd:
        httpd.state = {"requests": []}  # type: ignore[attr-defined]
        yield httpd


def backend(server, mode: str, **kw) -> tuple[OpenAIBackend, list[float]]:
    delays: list[float] = []
    options = {"timeout": 5.0, "retries": 2, "backoff": 0.5, **kw}
    url = f"http://127.0.0.1:{server.server_address[1]}/{mode}/v1"
    return OpenAIBackend(url, "test-model", sleep=delays.append, **options), delays


def test_translates_each_text_with_instructions(server):
    b, _ = backend(server, "ok", api_key="sk-test")
    assert b.translate(["Satu.", "", "Dua."], "id", "en") == ["EN Satu.", "", "EN Dua."]
    [(path, request, auth), _] = server.state["requests"]
    assert path == "/ok/v1/chat/completions" and auth == "Bearer sk-test"
    assert request["model"] == "test-model" and request["temperature"] == 0
    assert "from Indonesian to English" in request["messages"][0]["content"]


def test_article_names_glossary_and_post_check(server, ctx):
    b, _ = backend(server, "ok")
    article = Article(title="Hizbullah dan Hamas bertemu", lang="id",
                      summary="Sayyid Hassan Nasrallah berbicara.", origin="a.md")
    en = translate_article(article, ctx, ["en"], backend=b).translations["en"]
    system = server.state["requests"][0][1]["messages"][0]["content"]
    assert "Hizbullah → Hezbollah" in system
    # The server kept the source spellings; the post-check restores the registry's.
    assert en.title == "EN Hezbollah dan Hamas bertemu"
    assert en.summary == "EN Hassan Nasrallah berbicara."
    assert en.by == "machine:openai/test-model"


def test_retries_after_500_with_backoff(server):
    b, delays = backend(server, "flaky")
    assert b.translate(["Satu."], "id", "en") == ["EN Satu."]
    assert delays == [0.5]


def test_retry_after_header_is_honoured(server):
    b, delays = backend(server, "ratelimit")
    assert b.translate(["Satu."], "id", "en") == ["EN Satu."]
    assert delays == [3.0]


def test_gives_up_after_retries(server):
    b, delays = backend(server, "down")
    with pytest.raises(DigestError, match="HTTP 503"):
        b.translate(["Satu."], "id", "en")
    assert delays == [0.5, 1.0] and len(server.state["requests"]) == 3


def test_slow_server_times_out(server):
    b, delays = backend(server, "slow", timeout=0.2, retries=1)
    with pytest.raises(DigestError, match="timed out"):
        b.translate(["Satu."], "id", "en")
    assert delays == [0.5]


@pytest.mark.parametrize("mode, message", [
    ("badjson", "answer is not JSON"),
    ("nochoices", r"no choices\[0\]\.message\.content"),
    ("empty", "empty translation"),
])
def test_nonsense_answers_are_clear_errors(server, mode, message):
    b, _ = backend(server, mode)
    with pytest.raises(DigestError, match=message):
        b.translate(["Satu."], "id", "en")


def test_bad_key_stops_the_run(server):
    b, _ = backend(server, "auth")
    with pytest.raises(BackendUnavailable, match="HTTP 401"):
        b.translate(["Satu."], "id", "en")


def test_chatty_answer_is_cleaned(server):
    b, _ = backend(server, "chatty")
    assert b.translate(["Satu."], "id", "en") == ["EN Satu."]


def test_unreachable_server():
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    b = OpenAIBackend(f"http://127.0.0.1:{port}/v1", "m", timeout=2, sleep=lambda _: None)
    with pytest.raises(BackendUnavailable, match=r"cannot reach .*is the server running"):
        b.translate(["Satu."], "id", "en")


def test_settings_and_environment(monkeypatch):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(DigestError, match="needs an endpoint"):
        load_backend(TranslateConfig(backend="openai", model="m"))
    with pytest.raises(DigestError, match="needs a model name"):
        load_backend(TranslateConfig(backend="openai", base_url="http://127.0.0.1:1/v1"))
    monkeypatch.setenv("DIGEST_OPENAI_API_KEY", "k")
    b = load_backend(TranslateConfig(backend="openai", base_url="http://127.0.0.1:1/v1/"),
                     model="llama")
    assert (b.model_name, b.base_url) == ("llama", "http://127.0.0.1:1/v1")
