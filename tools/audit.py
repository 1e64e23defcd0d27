"""Audit a built site: internal links, the Nu HTML checker, axe-core and Lighthouse.

    python tools/audit.py [OUTPUT] [--site-url URL] [--skip lighthouse] [--json report.json]

Prints one table. Exits 1 when a target is missed: a broken internal link, a Nu checker
error or an axe violation (Lighthouse scores are reported, not enforced: they vary by machine).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `tools` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.axe_check import axe_available, describe, run_axe
from tools.chromium import chromium_path, launch
from tools.lighthouse_check import lighthouse_available, run_lighthouse
from tools.linkcheck import check_links
from tools.nu_check import check_html, nu_available
from tools.pages import audit_pages
from tools.static_server import serve

CHECKS = ("links", "nu", "axe", "lighthouse")
SCHEMES = ("light", "dark")  # the theme has both: contrast must hold in each


def audit_axe(root: Path, pages: dict[str, str | None]) -> dict[str, dict[str, Any]]:
    """Violations per page and colour scheme."""
    found: dict[str, dict[str, Any]] = {}
    with serve(root) as base, launch() as browser:
        for name, path in pages.items():
            if path is None:
                continue
            found[name] = {}
            for scheme in SCHEMES:
                context = browser.new_context(color_scheme=scheme)
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                found[name][scheme] = run_axe(page)
                context.close()
    return found


def audit_lighthouse(root: Path, pages: dict[str, str | None]) -> dict[str, dict[str, Any]]:
    with serve(root) as base:
        return {name: run_lighthouse(base + path) for name, path in pages.items()
                if path is not None}


def run_audit(root: Path, site_url: str = "", skip: set[str] | frozenset[str] = frozenset(),
              pages: dict[str, str | None] | None = None) -> dict[str, Any]:
    """Every check's findings, as plain data (also written by --json)."""
    pages = {**audit_pages(root), **(pages or {})}
    report: dict[str, Any] = {"site": str(root), "pages": pages, "skipped": {}}
    html_count = sum(1 for _ in root.rglob("*.html"))
    report["html_files"] = html_count
    if "links" not in skip:
        report["links"] = [str(b) for b in check_links(root, site_url)]
    if "nu" not in skip:
        if missing := nu_available():
            report["skipped"]["nu"] = missing
        else:
            report["nu"] = [m.__dict__ for m in check_html(root)]
    browser_missing = None if chromium_path() else "Chromium is missing: run `make browser`"
    if "axe" not in skip:
        if missing := axe_available() or browser_missing:
            report["skipped"]["axe"] = missing
        else:
            report["axe"] = audit_axe(root, pages)
    if "lighthouse" not in skip:
        if missing := lighthouse_available():
            report["skipped"]["lighthouse"] = missing
        else:
            report["lighthouse"] = audit_lighthouse(root, pages)
    return report


def failures(report: dict[str, Any]) -> int:
    """How many enforced targets the report misses."""
    count = len(report.get("links", []))
    count += sum(1 for m in report.get("nu", []) if m["kind"] == "error")
    count += sum(len(v) for page in report.get("axe", {}).values() for v in page.values())
    return count


def table(report: dict[str, Any]) -> str:
    rows: list[tuple[str, str, str]] = []
    every = f"all {report['html_files']} pages"
    if "links" in report:
        rows.append(("links", every, f"{len(report['links'])} broken"))
    if "nu" in report:
        errors = sum(1 for m in report["nu"] if m["kind"] == "error")
        rows.append(("nu", every, f"{errors} errors, {len(report['nu']) - errors} warnings"))
    for name, path in report["pages"].items():
        where = f"{name} /{path}" if path is not None else f"{name} (not in the site)"
        if name in report.get("axe", {}):
            counts = report["axe"][name]
            rows.append(("axe", where, ", ".join(
                f"{len(counts[s])} violations on {sum(len(v['nodes']) for v in counts[s])} "
                f"elements ({s})" for s in SCHEMES)))
        if name in report.get("lighthouse", {}):
            s = report["lighthouse"][name]["scores"]
            rows.append(("lighthouse", where,
                         " ".join(f"{k} {v}" for k, v in s.items())))
    for check, why in report["skipped"].items():
        rows.append((check, "skipped", why))
    width = [max(len(r[i]) for r in [("check", "page", "result"), *rows]) for i in range(2)]
    lines = [f"{'check':<{width[0]}}  {'page':<{width[1]}}  result"]
    lines += [f"{c:<{width[0]}}  {p:<{width[1]}}  {r}" for c, p, r in rows]
    return "\n".join(lines)


def details(report: dict[str, Any], limit: int = 20) -> str:
    """What to fix: the first problems of each kind, with file, line or element."""
    out: list[str] = []
    out += [f"link  {b}" for b in report.get("links", [])[:limit]]
    errors_first = sorted(report.get("nu", []), key=lambda m: m["kind"] != "error")
    out += [f"nu    {m['file']}:{m['line']}: {m['kind']}: {m['message']}"
            for m in errors_first[:limit]]
    for name, by_scheme in report.get("axe", {}).items():
        for scheme, violations in by_scheme.items():
            if violations:
                out += [f"axe   {name} ({scheme}): {line}"
                        for line in describe(violations).splitlines()]
    for name, result in report.get("lighthouse", {}).items():
        if result["failing"]:
            out.append(f"lighthouse {name}: below 1 on {', '.join(result['failing'])}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", default="output", help="built site (default output/)")
    parser.add_argument("--site-url", default="", help="public URL the site was built for "
                        "(absolute links to it count as internal)")
    parser.add_argument("--skip", action="append", default=[], choices=CHECKS,
                        help="leave a check out (repeatable)")
    parser.add_argument("--page", action="append", default=[], metavar="NAME=PATH",
                        help="audit this page as NAME (e.g. actor=tag/hamas.html for a site "
                        "with other URLs); repeatable")
    parser.add_argument("--json", metavar="FILE", help="also write the whole report as JSON")
    args = parser.parse_args(argv)
    pages: dict[str, str | None] = {}
    for item in args.page:
        name, sep, path = item.partition("=")
        if not sep:
            parser.error(f"--page {item!r}: expected NAME=PATH")
        pages[name] = path.lstrip("/") or ""
    root = Path(args.output).resolve()
    if not (root / "index.html").is_file():
        print(f"audit: {root}: no index.html, build the site first", file=sys.stderr)
        return 2
    report = run_audit(root, args.site_url, set(args.skip), pages)
    print(table(report))
    more = details(report)
    if more:
        print("\n" + more)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False),
                                   encoding="utf-8")
    return 1 if failures(report) else 0


if __name__ == "__main__":
    sys.exit(main())
