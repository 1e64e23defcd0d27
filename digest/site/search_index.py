"""The last build step: Pagefind indexes the built pages and the translations.

Pages mark what is indexed (``data-pagefind-body``, ``-meta``, ``-filter``,
``-sort``); each page goes into the index of its ``<html lang>``. Translations are
added as custom records in their own language, pointing at the article.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from pagefind.index import PagefindIndex

from ..errors import DigestError
from .state import SearchRecord


async def _index(output: Path, records: list[SearchRecord]) -> int:
    bundle = output / "pagefind"
    async with PagefindIndex() as index:
        result = await index.add_directory(str(output))
        for r in sorted(records, key=lambda r: (r.url, r.language)):
            await index.add_custom_record(
                url=r.url, content=r.content, language=r.language,
                meta={"title": r.title}, filters=r.filters, sort=r.sort)
        await index.write_files(output_path=str(bundle))
    return int(result.get("page_count", 0))


def build_index(output: Path, records: list[SearchRecord]) -> dict[str, int]:
    """Index ``output``; returns the number of pages indexed per language."""
    shutil.rmtree(output / "pagefind", ignore_errors=True)
    try:
        asyncio.run(_index(output, records))
    except Exception as exc:  # the Pagefind service reports failures as bare exceptions
        raise DigestError(f"search index failed: {exc}", output) from None
    entry = output / "pagefind" / "pagefind-entry.json"
    if not entry.is_file():
        raise DigestError("search index failed: no pagefind-entry.json written", output)
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return {lang: int(info.get("page_count", 0)) for lang, info in sorted(languages.items())}
