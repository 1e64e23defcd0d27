"""Debian's Chromium driven by Playwright, launched with flags that keep it offline and quiet."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# Without the background-networking flags Chromium floods a closed network with refused
# connections; --no-sandbox because CI and this machine run it as root.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> Path | None:
    """The Chromium binary: $CHROMIUM, /usr/bin/chromium, or one on PATH; None if absent."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate)
    return None


@contextmanager
def launch() -> Iterator[Browser]:
    """A headless Chromium (Playwright's own browser download fails offline)."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise FileNotFoundError("Chromium not found: run `make browser` "
                                "(apt-get install chromium) or set $CHROMIUM")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(path), headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
