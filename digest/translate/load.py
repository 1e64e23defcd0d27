"""How a translation backend is chosen from the settings and loaded."""

from __future__ import annotations

from ..config import TranslateConfig
from ..errors import DigestError
from .backend import Backend


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
