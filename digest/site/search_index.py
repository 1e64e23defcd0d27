"""The last build step: Pagefind indexes the built pages and the translations.

Pages mark what is indexed (``data-pagefind-body``, ``-meta``, ``-filter``,
``-sort``); each page goes into the index of its ``<html lang>``.

Translations are indexed in their own language as small generated pages in a
temporary folder, indexed with one ``add_directory`` call: the Python API answers
one message per 0.1 s, so a custom record per translation would cost minutes at
10,000 articles. Pagefind keeps one record per URL, so each translation lives at
``articles/<slug>/translation-<lang>/``; the search page sends readers from there
to the article's ``#translation-<lang>`` (theme/static/js/search.js).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
from html import escape
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from ..errors import DigestError
from .search_canonical import canonicalise
from .state import SearchRecord


def translation_page(record: SearchRecord) -> str:
    marks = "".join(
        f'<span data-pagefind-filter="{escape(name)}:{escape(value)}"></span>'
        for name, values in sorted(record.filters.items()) for value in values)
    sorts = "".join(f'<span data-pagefind-sort="{escape(k)}:{escape(v)}"></span>'
                    for k, v in sorted(record.sort.items()))
    return (f'<!doctype html><html lang="{escape(record.language)}"><head><meta charset="utf-8">'
            f"<title>{escape(record.title)}</title></head><body data-pagefind-body>"
            f'<h1 data-pagefind-meta="title">{escape(record.title)}</h1>'
            f"<p>{escape(record.content)}</p>{marks}{sorts}</body></html>\n")


def write_translation_pages(folder: Path, records: list[SearchRecord]) -> None:
    for record in records:
        path = folder / record.url / f"translation-{record.language}" / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(translation_page(record), encoding="utf-8")


async def _index(output: Path, records: list[SearchRecord]) -> None:
    with tempfile.TemporaryDirectory(prefix="digest-search-") as tmp:
        write_translation_pages(Path(tmp), records)
        # Leaving the context writes the bundle, to ``output_path``: without one it would
        # go to ./pagefind in the working directory (and a second explicit write would
        # double the indexing time).
        config = IndexConfig(output_path=str(output / "pagefind"))
        async with PagefindIndex(config=config) as index:
            await index.add_directory(str(output))
            if records:
                await index.add_directory(tmp)


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
    canonicalise(output / "pagefind")  # Pagefind's own output differs from run to run
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return {lang: int(info.get("page_count", 0)) for lang, info in sorted(languages.items())}
