"""Language codes as the digest compares them."""

from __future__ import annotations


def base_language(code: str) -> str:
    """The primary language subtag: ``pt-BR``, ``pt_BR`` → ``pt``; comparisons ignore
    regions and scripts."""
    return code.replace("_", "-").split("-")[0].lower()
