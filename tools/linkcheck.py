"""Internal link checker: every same-site href/src resolves to a file in the output folder,
and every #fragment names an element of its target page."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

# Attributes that point at another resource. srcset holds several comma-separated URLs.
LINK_ATTRS = ("href", "src", "srcset", "poster", "data")
# Schemes that never point into the site.
EXTERNAL_SCHEMES = {"mailto", "tel", "data", "javascript", "about", "blob", "sms", "geo"}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # relative to the output folder
    line: int
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.url}: {self.reason}"


def _urls(element: lxml.html.HtmlElement, attr: str) -> list[str]:
    value = (element.get(attr) or "").strip()
    if not value:
        return []
    if attr == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value]


class _Site:
    """The output folder, with each page's ids parsed once."""

    def __init__(self, root: Path, site_url: str = ""):
        self.root = root.resolve()
        parts = urlsplit(site_url.rstrip("/"))
        self.site_origin = (parts.scheme, parts.netloc) if parts.netloc else None
        self.base_path = parts.path or ""  # e.g. "/digest" when the site lives in a subfolder
        self._ids: dict[Path, set[str]] = {}

    def target(self, page: Path, url: str) -> tuple[Path | None, str, str | None]:
        """(file, fragment, reason) for an internal URL; file None when external."""
        parts = urlsplit(url)
        if parts.scheme in EXTERNAL_SCHEMES:
            return None, "", None
        if parts.scheme or parts.netloc:
            if self.site_origin is None or (parts.scheme or "https", parts.netloc) != \
                    self.site_origin:
                return None, "", None
            path = parts.path
            if not (path + "/").startswith(self.base_path + "/"):
                return None, "", "outside the site's base path"
            path = path[len(self.base_path):] or "/"
        elif parts.path.startswith("/"):
            path = parts.path
            if self.base_path and (path + "/").startswith(self.base_path + "/"):
                path = path[len(self.base_path):] or "/"
        elif parts.path:
            here = "/" + page.parent.relative_to(self.root).as_posix()
            path = posixpath.join(here, parts.path)
        else:  # "#fragment" or "?query" only: this page
            return page, parts.fragment, None
        # Relative to the root, so ".." past it stays visible instead of being collapsed.
        normal = posixpath.normpath(unquote(path).lstrip("/"))
        if normal == ".." or normal.startswith("../"):
            return None, "", "points above the site root"
        file = self.root / normal
        if file.is_dir():  # a static host serves the folder's index.html
            file = file / "index.html"
        return file, parts.fragment, None

    def ids(self, file: Path) -> set[str]:
        if file not in self._ids:
            found: set[str] = set()
            if file.suffix in (".html", ".htm"):
                tree = lxml.html.parse(str(file))
                found = {e.get("id") for e in tree.iter() if isinstance(e.tag, str)
                         and e.get("id")}
                found |= {e.get("name") for e in tree.iter("a") if e.get("name")}
            self._ids[file] = found
        return self._ids[file]


def check_links(root: str | Path, site_url: str = "") -> list[BrokenLink]:
    """Every broken internal link in the HTML files under ``root``.

    ``site_url`` is the public URL the site was built for: absolute links to it are
    internal, and a path prefix in it ("https://host/digest") is the site's base path.
    """
    site = _Site(Path(root), site_url)
    broken: list[BrokenLink] = []
    for page in sorted(site.root.rglob("*.html")):
        rel = page.relative_to(site.root).as_posix()
        tree = lxml.html.parse(str(page))
        base = tree.find(".//base")
        if base is not None and base.get("href"):
            broken.append(BrokenLink(rel, base.sourceline or 0, base.get("href"),
                                     "<base href> is not supported by this checker"))
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for attr in LINK_ATTRS:
                for url in _urls(element, attr):
                    file, fragment, reason = site.target(page, url)
                    line = element.sourceline or 0
                    if reason:
                        broken.append(BrokenLink(rel, line, url, reason))
                    elif file is None:
                        continue
                    elif not file.is_file():
                        broken.append(BrokenLink(rel, line, url, "no such file"))
                    elif fragment and fragment != "top" and \
                            unquote(fragment) not in site.ids(file):
                        broken.append(BrokenLink(rel, line, url, "no such anchor"))
    return broken
