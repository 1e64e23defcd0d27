"""The last build step: Pagefind indexes the built pages.

Pages mark what is indexed (``data-pagefind-body``, ``-meta``, ``-filter``,
``-sort``); each page goes into the index of its ``<html lang>``. Translations are
pages of their own (``articles/<slug>/<lang>/``), so they land in their language's
index like any page, in the one ``add_directory`` call.
"""

from __future__ import annotations

import asyncio
import errno
import json
import os
import shutil
import time
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from ..errors import DigestError
from .search_canonical import canonicalise

# Pagefind does not report files it failed to write (they are left short or empty):
# after it runs, this little room left on the disk means some of its writes failed.
MIN_FREE_BYTES = 1 << 20


async def _index(output: Path) -> None:
    # Leaving the context writes the bundle, to ``output_path``: without one it would
    # go to ./pagefind in the working directory (and a second explicit write would
    # double the indexing time).
    config = IndexConfig(output_path=str(output / "pagefind"))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(output))


def _run(output: Path) -> None:
    shutil.rmtree(output / "pagefind", ignore_errors=True)
    try:
        asyncio.run(_index(output))
    except Exception as exc:  # the Pagefind service reports failures as bare exceptions
        raise DigestError(f"search index failed: {exc}", output) from None
    if _free_bytes(output) < MIN_FREE_BYTES:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(output / "pagefind"))


def _entry_ready(entry: Path, wait: float = 5.0) -> bool:
    """True once Pagefind's entry file holds JSON. Under heavy load the service has been
    seen to answer before its last file was written: give it a few seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            json.loads(entry.read_text(encoding="utf-8"))
            return True
        except (OSError, ValueError):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)


def build_index(output: Path) -> dict[str, int]:
    """Index ``output``; returns the number of pages indexed per language."""
    entry = output / "pagefind" / "pagefind-entry.json"
    _run(output)
    if not _entry_ready(entry):
        _run(output)  # once more, from scratch: the bundle must be whole
        if not _entry_ready(entry):
            raise DigestError("search index failed: no readable pagefind-entry.json written",
                              output)
    canonicalise(output / "pagefind")  # Pagefind's own output differs from run to run
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return {lang: int(info.get("page_count", 0)) for lang, info in sorted(languages.items())}


def _free_bytes(path: Path) -> int:
    st = os.statvfs(path)
    # root may write into the blocks the filesystem reserves; other users may not.
    blocks = st.f_bfree if os.geteuid() == 0 else st.f_bavail
    return blocks * st.f_frsize
