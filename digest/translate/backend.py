"""The translation backend protocol and how a backend is chosen from the settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from ..config import TranslateConfig
from ..errors import DigestError


class BackendUnavailable(DigestError):
    """The backend cannot work at all (server down, bad key): no article can succeed."""


@runtime_checkable
class Backend(Protocol):
    name: str  # "ctranslate2", "openai"
    model_name: str  # written into ``by: machine:<name>/<model_name>``
    # True: the model wants one sentence per input, and names it loses are split out
    # (sentence-level MT); False: whole texts, with a glossary (instruction-following LLMs).
    sentence_level: bool

    def translate(self, texts: list[str], source: str, target: str,
                  glossary: Mapping[str, str] | None = None) -> list[str]:
        """One translation per text, in order; batched by the backend as it sees fit."""
        ...

    def supports(self, source: str, target: str) -> bool: ...

    def targets(self) -> set[str] | None:
        """Languages it can produce, or None for any (an LLM)."""
        ...


def base_language(code: str) -> str:
    """The primary language subtag: ``pt-BR`` → ``pt``; comparisons ignore regions."""
    return code.replace("_", "-").split("-")[0].lower()


def signature(backend: Backend) -> str:
    return f"machine:{backend.name}/{backend.model_name}"


def load_backend(cfg: TranslateConfig, backend: str | None = None,
                 model: str | None = None) -> Backend:
    """The backend named by ``backend`` (or the settings), ready to translate.

    ``model`` (a directory for ctranslate2, a model name for openai) overrides the
    settings. Raises DigestError saying what to set or install.
    """
    name = backend or cfg.backend
    if not name or name == "none":
        raise DigestError("no translation backend configured: set [translate] backend in "
                          "digest.toml or pass --backend")
    chosen_model = model or cfg.model
    if name == "ctranslate2":
        try:
            from .ctranslate2_backend import Ctranslate2Backend
        except ModuleNotFoundError as exc:
            if exc.name not in ("ctranslate2", "sentencepiece"):
                raise
            raise DigestError("ctranslate2 backend needs the mt extra: "
                              "pip install 'digest[mt]'") from None
        if not chosen_model:
            raise DigestError("ctranslate2 backend needs a model directory: set [translate] "
                              "model in digest.toml or pass --model")
        # ``threads`` is read if the settings grow it; CTranslate2's default otherwise.
        threads = getattr(cfg, "threads", 0) or 0
        return Ctranslate2Backend(chosen_model, threads=threads)
    if name == "openai":
        from .openai_backend import OpenAIBackend

        return OpenAIBackend.from_config(cfg, model=chosen_model)
    raise DigestError(f"unknown translation backend {name!r}: expected ctranslate2 or openai")
