"""What extracting one input gives: an Article, or a Failure saying why not."""

from __future__ import annotations

from dataclasses import dataclass

from ..article import Article


@dataclass(frozen=True)
class Failure:
    """An input (or one entry of it) that gave no article, and why, in one line."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Result = Article | Failure
