"""What a translation backend is: the protocol every backend implements."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

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


def signature(backend: Backend) -> str:
    return f"machine:{backend.name}/{backend.model_name}"
