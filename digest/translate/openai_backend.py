"""Translation through any OpenAI-compatible chat-completions endpoint (Ollama, vLLM,
llama.cpp's server, a hosted API)."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx
from babel import Locale, UnknownLocaleError

from ..config import TranslateConfig
from ..errors import DigestError
from .backend import BackendUnavailable

# Statuses worth another try: rate limits and server-side trouble.
_RETRY_STATUS = frozenset((408, 409, 425, 429, 500, 502, 503, 504))
# Statuses no article can get past: wrong key, wrong URL or model name.
_FATAL_STATUS = frozenset((401, 403, 404))
_THINK = re.compile(r"<think>.*?</think>", re.DOTALL)
_LABEL = re.compile(r"^\s*(translation|terjemahan)\s*:\s*", re.IGNORECASE)


def language_name(code: str) -> str:
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code


def prompt(source: str, target: str, glossary: Mapping[str, str] | None) -> str:
    lines = [
        f"Translate the user's text from {language_name(source)} to "
        f"{language_name(target)}.",
        "Answer with the translation only: no notes, no quotation marks, no explanations.",
        "Keep the meaning, the tone and the line breaks.",
    ]
    if glossary:
        lines.append("Write these names exactly as given:")
        lines += [f"- {src} → {dst}" for src, dst in glossary.items()]
    return "\n".join(lines)


def clean(answer: str, original: str) -> str:
    """Drop what chatty models add around a translation."""
    text = _THINK.sub("", answer).strip()
    text = _LABEL.sub("", text)
    for left, right in ('""', "“”", "''", "«»"):
        if (len(text) > 1 and text[0] == left and text[-1] == right
                and not original.strip().startswith(left)):
            text = text[1:-1].strip()
    return text


class OpenAIBackend:
    """Whole texts, one request each, with a glossary of names in the instructions."""

    name = "openai"
    sentence_level = False

    def __init__(self, base_url: str, model: str, api_key: str | None = None,
                 timeout: float = 60.0, retries: int = 3, backoff: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep):
        self.base_url = base_url.rstrip("/")
        self.model_name = model
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=timeout, headers=headers)

    @classmethod
    def from_config(cls, cfg: TranslateConfig, model: str | None = None) -> OpenAIBackend:
        base_url = cfg.base_url or os.environ.get("OPENAI_BASE_URL")
        if not base_url:
            raise DigestError("openai backend needs an endpoint: set [translate] base_url "
                              "in digest.toml (e.g. http://127.0.0.1:11434/v1) or "
                              "OPENAI_BASE_URL")
        if not re.match(r"https?://", base_url):
            raise DigestError(f"[translate] base_url {base_url!r}: expected http(s)://…")
        model = model or cfg.model or os.environ.get("OPENAI_MODEL")
        if not model:
            raise DigestError("openai backend needs a model name: set [translate] model in "
                              "digest.toml or pass --model")
        api_key = cfg.api_key or os.environ.get("OPENAI_API_KEY")
        return cls(base_url, model, api_key=api_key, timeout=cfg.timeout,
                   retries=cfg.retries)

    def supports(self, source: str, target: str) -> bool:
        return True

    def targets(self) -> set[str] | None:
        return None

    def close(self) -> None:
        self._client.close()

    def translate(self, texts: list[str], source: str, target: str,
                  glossary: Mapping[str, str] | None = None) -> list[str]:
        system = prompt(source, target, glossary)
        return [self._one(system, text) if text.strip() else "" for text in texts]

    def _one(self, system: str, text: str) -> str:
        body = {
            "model": self.model_name,
            "temperature": 0,
            "stream": False,
            "messages": [{"role": "system", "content": system},
                         {"role": "user", "content": text}],
        }
        data = self._post(body)
        try:
            answer = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise DigestError(f"{self._url}: answer has no choices[0].message.content") \
                from None
        if not isinstance(answer, str) or not clean(answer, text):
            raise DigestError(f"{self._url}: empty translation")
        return clean(answer, text)

    @property
    def _url(self) -> str:
        return f"{self.base_url}/chat/completions"

    def _post(self, body: dict[str, Any]) -> Any:
        url = self._url
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self._client.post(url, json=body)
            except httpx.ConnectError as exc:
                # Nothing listens there: every article would fail the same way.
                raise BackendUnavailable(f"cannot reach {url}: {exc} (is the server "
                                         "running?)") from None
            except httpx.TimeoutException:
                if last:
                    raise DigestError(f"{url}: no answer after {self.retries + 1} "
                                      "attempts (timed out)") from None
                self._sleep(self.backoff * 2 ** attempt)
                continue
            except httpx.HTTPError as exc:
                raise DigestError(f"{url}: {exc}") from None
            status = response.status_code
            if status in _RETRY_STATUS and not last:
                self._sleep(self._delay(response, attempt))
                continue
            if status >= 400:
                detail = response.text.strip().replace("\n", " ")[:200]
                error = BackendUnavailable if status in _FATAL_STATUS else DigestError
                raise error(f"{url}: HTTP {status}: {detail}")
            try:
                return response.json()
            except ValueError:
                raise DigestError(f"{url}: answer is not JSON: "
                                  f"{response.text[:80]!r}") from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _delay(self, response: httpx.Response, attempt: int) -> float:
        """Exponential back-off, or the server's Retry-After when it gives seconds."""
        retry_after = response.headers.get("retry-after", "")
        if retry_after.isdigit():
            return min(float(retry_after), 60.0)
        return float(self.backoff * 2 ** attempt)
