"""How messages name files: as the user would type them."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: str | Path) -> str:
    """``path`` relative to the working folder when it is inside it, else as given.

    Lexical (no symlink resolution): a file that is a symlink loop must still be named.
    """
    absolute = os.path.abspath(path)
    cwd = os.path.abspath(os.getcwd())
    if absolute == cwd or absolute.startswith(cwd.rstrip(os.sep) + os.sep):
        return os.path.relpath(absolute, cwd)
    return str(path)
