"""Interface catalogs: extraction from the templates, update, in-memory compilation."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.pofile import read_po

from digest.site.i18n import compile_catalog
from digest.site.messages import THEME, extract, update


def test_extracts_template_strings() -> None:
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extract(THEME) if m.id}
    assert {"Skip to content", "Machine translation", "Summary", "%(num)d article"} <= ids


def test_every_interface_string_has_an_indonesian_translation() -> None:
    po = THEME / "translations" / "id" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        catalog = read_po(fh, locale="id")
    untranslated = [m.id for m in catalog if m.id and not all(
        m.string if isinstance(m.string, tuple) else (m.string,))]
    assert untranslated == []
    assert compile_catalog(po).gettext("Summary") == "Ringkasan"


def test_update_adds_new_strings_and_keeps_translations(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme, ignore=shutil.ignore_patterns("*.mo", "static"))
    (theme / "templates" / "extra.html").write_text("{{ _('A brand new string') }}")
    update(theme)
    po = theme / "translations" / "id" / "LC_MESSAGES" / "messages.po"
    translations = compile_catalog(po)
    assert translations.gettext("Summary") == "Ringkasan"
    assert "A brand new string" in po.read_text(encoding="utf-8")
    assert (po.with_suffix(".mo")).is_file()
    assert "A brand new string" in (theme / "translations" / "messages.pot").read_text()
