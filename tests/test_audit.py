"""Site quality: the audit tools themselves, then the built site against the targets
(0 broken internal links, 0 Nu HTML checker errors, 0 axe WCAG 2.1 AA violations)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import BuiltSite, build_test_site, require_chromium, require_tool

from tools.axe_check import axe_available, describe, run_axe
from tools.linkcheck import check_links
from tools.nu_check import check_html, nu_available
from tools.pages import audit_pages

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
</head><body><main><h1 id="top-heading">{title}</h1>{body}</main></body></html>"""


def _page(root: Path, rel: str, body: str, title: str = "Page") -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, body=body), encoding="utf-8")


# --- the link checker -----------------------------------------------------------------

def test_link_checker_resolves_folders_files_and_anchors(tmp_path: Path) -> None:
    _page(tmp_path, "index.html", '<a href="articles/one/">one</a> <a href="/feed.xml">feed</a>'
          ' <a href="articles/one/#top-heading">anchor</a> <a href="#top-heading">self</a>'
          ' <img alt="" src="img/a.png" srcset="img/a.png 1x, /img/a.png 2x">'
          ' <a href="https://elsewhere.example/x">out</a> <a href="mailto:a@b.example">m</a>'
          ' <a href="https://digest.example/base/articles/one/">absolute</a>'
          ' <a href="/base/articles/one/">with base path</a>')
    _page(tmp_path, "articles/one/index.html", '<a href="../../">home</a> <a href="?q=x">q</a>')
    (tmp_path / "feed.xml").write_text("<feed/>", encoding="utf-8")
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.png").write_bytes(b"png")
    assert check_links(tmp_path, site_url="https://digest.example/base") == []


def test_link_checker_reports_missing_files_and_anchors(tmp_path: Path) -> None:
    _page(tmp_path, "index.html", '<a href="articles/gone/">gone</a>\n<a href="#nowhere">x</a>'
          '\n<a href="other.html#nope">y</a>\n<link rel="stylesheet" href="/theme/site.css">'
          '\n<a href="https://digest.example/missing/">abs</a>')
    _page(tmp_path, "other.html", "")
    broken = check_links(tmp_path, site_url="https://digest.example")
    found = {(b.url, b.reason) for b in broken}
    assert found == {
        ("articles/gone/", "no such file"), ("#nowhere", "no such anchor"),
        ("other.html#nope", "no such anchor"), ("/theme/site.css", "no such file"),
        ("https://digest.example/missing/", "no such file"),
    }
    assert all(b.page == "index.html" and b.line >= 1 for b in broken)


def test_link_checker_flags_links_above_the_root(tmp_path: Path) -> None:
    _page(tmp_path, "index.html", '<a href="../../etc/passwd">up</a>')
    assert [b.reason for b in check_links(tmp_path)] == ["points above the site root"]


def test_audit_pages_picks_one_of_each(tmp_path: Path) -> None:
    for rel in ("index.html", "articles/b/index.html", "articles/a/index.html",
                "actors/page/2/index.html", "actors/x/index.html", "search/index.html",
                "sources/w/index.html", "id/index.html", "id/topics/index.html",
                "stories/s/index.html"):
        _page(tmp_path, rel, "")
    assert audit_pages(tmp_path) == {"home": "", "article": "articles/a/",
                                     "actor": "actors/x/", "story": "stories/s/",
                                     "search": "search/", "source": "sources/w/",
                                     "interface": "id/"}


# --- the Nu checker and axe on known-bad pages: the tools really detect problems ------

def test_nu_checker_reports_errors_with_lines(tmp_path: Path) -> None:
    require_tool(nu_available())
    _page(tmp_path, "bad.html", '\n<p>open <div>block</p>\n<img src="a.png">')
    _page(tmp_path, "good.html", "<p>fine</p>")
    messages = check_html(tmp_path)
    errors = [m for m in messages if m.kind == "error"]
    assert errors and all(m.file == "bad.html" for m in errors)
    assert any("alt" in m.message for m in errors)
    assert all(m.line >= 2 for m in errors)


@pytest.mark.browser
def test_axe_reports_a_missing_alt(tmp_path: Path) -> None:
    require_chromium()
    require_tool(axe_available())
    from tools.chromium import launch

    _page(tmp_path, "index.html", '<img src="a.png">')
    with launch() as browser:
        page = browser.new_page()
        page.goto((tmp_path / "index.html").as_uri())
        violations = run_axe(page)
    assert "image-alt" in {v["id"] for v in violations}
    assert "image-alt" in describe(violations)


# --- the built site ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    # No hostile-markup probe here: its dead <img src> is the article's, not the theme's.
    return build_test_site(tmp_path_factory.mktemp("audit-site"), hostile=False)


@pytest.mark.slow
def test_site_has_no_broken_internal_links(site: BuiltSite) -> None:
    broken = check_links(site.output)
    assert not broken, "\n".join(map(str, broken[:30]))


@pytest.mark.slow
def test_site_has_no_nu_checker_errors(site: BuiltSite) -> None:
    require_tool(nu_available())
    errors = [m for m in check_html(site.output) if m.kind == "error"]
    assert not errors, "\n".join(map(str, errors[:30]))


@pytest.fixture(scope="module")
def served(site: BuiltSite) -> Iterator[str]:
    from tools.static_server import serve

    with serve(site.output) as url:
        yield url


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    require_chromium()
    require_tool(axe_available())
    from tools.chromium import launch

    with launch() as b:
        yield b


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["home", "article", "actor", "story", "search", "source",
                                  "interface"])
def test_site_has_no_axe_violations(site: BuiltSite, served: str, browser, name: str,  # type: ignore[no-untyped-def]
                                    scheme: str) -> None:
    path = audit_pages(site.output)[name]
    assert path is not None, f"the site has no {name} page"
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(served + path, wait_until="load")
        violations = run_axe(page)
    finally:
        context.close()
    assert not violations, f"{name} ({scheme}):\n{describe(violations)}"
