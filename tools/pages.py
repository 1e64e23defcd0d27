"""The pages every audit looks at: home, an article, an actor, a story, the search page,
an outlet's page and the home of another interface language."""

from __future__ import annotations

from pathlib import Path


def _first_page(root: Path, section: str) -> str | None:
    folder = root / section
    if not folder.is_dir():
        return None
    for child in sorted(p for p in folder.iterdir() if p.is_dir()):
        # Skip pagination folders ("page/2/") and keep real items.
        if child.name != "page" and (child / "index.html").is_file():
            return f"{section}/{child.name}/"
    return None


def audit_pages(root: str | Path) -> dict[str, str | None]:
    """Name -> URL path relative to the site root ("" is home); None when the site lacks it."""
    root = Path(root)
    return {
        "home": "" if (root / "index.html").is_file() else None,
        "article": _first_page(root, "articles"),
        "actor": _first_page(root, "actors"),
        "story": _first_page(root, "stories"),
        "search": "search/" if (root / "search" / "index.html").is_file() else None,
        "source": _first_page(root, "sources"),
        "interface": _interface_home(root),
    }


def _interface_home(root: Path) -> str | None:
    """The home of the first interface language other than the default ("id/")."""
    for child in sorted(p for p in root.iterdir() if p.is_dir()):
        if len(child.name) in (2, 3) and child.name.isalpha() and \
                (child / "index.html").is_file() and (child / "topics").is_dir():
            return f"{child.name}/"
    return None
