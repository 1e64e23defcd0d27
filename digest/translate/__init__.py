"""Machine translation of article titles and summaries (see docs/translation.md).

``translate_article`` is the pipeline step; ``load_backend`` picks the backend named in
``[translate]`` of digest.toml. Backends: ``ctranslate2`` (offline OPUS-MT or Argos
model directories, the ``mt`` extra) and ``openai`` (an OpenAI-compatible endpoint).
"""

from .articles import plan, translate_article, translate_articles
from .backend import Backend, BackendUnavailable
from .load import load_backend

__all__ = [
    "Backend",
    "BackendUnavailable",
    "load_backend",
    "plan",
    "translate_article",
    "translate_articles",
]
