"""Interface catalogs: extract from the theme's templates, update the .po files, compile.

``python -m digest.site.messages [THEME_DIR]`` (``make messages``):
templates → ``translations/messages.pot`` → each ``<lang>/LC_MESSAGES/messages.po``
(created for the site languages when missing) → ``messages.mo`` beside it. The build
itself compiles the .po files in memory, so the .mo files are a convenience.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from ..store.frontmatter import write_atomic

THEME = Path(__file__).resolve().parents[2] / "theme"
DOMAIN = "messages"
DEFAULT_LANGUAGES = ("en", "id")
HEADER = "# Interface strings of the digest theme (theme/templates)."


def extract(theme: Path) -> Catalog:
    with (theme / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(  # type: ignore[no-untyped-call]
            fh, str(theme / "babel.cfg"))
    catalog = Catalog(project="digest", charset="utf-8", fuzzy=False,
                      header_comment=HEADER)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(theme), method_map, options_map, keywords={
                "_": None, "gettext": None, "ngettext": (1, 2), "_in": (2,),
                "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def _write_catalog(path: Path, catalog: Catalog) -> None:
    from io import BytesIO

    buf = BytesIO()
    # No dates or line numbers in the files: re-running changes nothing unless strings do.
    write_po(buf, catalog, omit_header=False, sort_output=True, include_lineno=False,
             width=100)
    text = buf.getvalue().decode("utf-8")
    text = "\n".join(line for line in text.split("\n")
                     if not line.startswith(('"POT-Creation-Date:', '"PO-Revision-Date:')))
    write_atomic(path, text)


def update(theme: Path = THEME, languages: tuple[str, ...] = ()) -> list[Path]:
    """Extract, merge into every catalog, compile. Returns the .po files written."""
    translations = theme / "translations"
    template = extract(theme)
    _write_catalog(translations / f"{DOMAIN}.pot", template)
    found = {p.parent.parent.name for p in translations.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    written = []
    for lang in sorted(found | set(languages or DEFAULT_LANGUAGES)):
        po_path = translations / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po_path.is_file():
            with po_path.open("rb") as fh:
                catalog = read_po(fh, locale=lang)
        else:
            catalog = Catalog(locale=lang, project="digest", charset="utf-8", fuzzy=False,
                              header_comment=HEADER)
        catalog.update(template, update_header_comment=False)
        catalog.obsolete.clear()
        _write_catalog(po_path, catalog)
        with po_path.with_suffix(".mo").open("wb") as fh:
            write_mo(fh, catalog)
        written.append(po_path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    theme = Path(args[0]) if args else THEME
    for path in update(theme):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
