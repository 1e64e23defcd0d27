"""Pages written by two processes: the same site as one process writes, each page written
once, and a failure in either process reported as one process would report it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pelican.writers import Writer
from test_site_build import FIXTURE, SETTINGS, TOML

from digest.config import load_config
from digest.errors import DigestError
from digest.site.build import BuildResult, build_site
from digest.site.staging import leftovers

ROOT = Path(__file__).resolve().parents[1]


def _build(root: Path, jobs: int, settings: Path = SETTINGS) -> BuildResult:
    root.mkdir(parents=True, exist_ok=True)
    (root / "digest.toml").write_text(TOML.format(content=FIXTURE), encoding="utf-8")
    return build_site(load_config(root / "digest.toml"), settings_file=settings,
                      overrides={"DIGEST_RENDER_JOBS": jobs, "DEFAULT_PAGINATION": 3,
                                 "DIGEST_SEARCH_SHARD_PAGES": 4})


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_processes_write_the_site_one_process_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "writes.log"
    real = Writer.write_file

    def logged(self: Writer, name: str, *args: object, **kwargs: object) -> None:
        with log.open("a", encoding="utf-8") as fh:  # one line per call, both processes
            fh.write(f"{os.getpid()} {name}\n")
        real(self, name, *args, **kwargs)

    monkeypatch.setattr(Writer, "write_file", logged)
    parallel = _build(tmp_path / "parallel", jobs=2).output
    writes = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    log.unlink()
    serial = _build(tmp_path / "serial", jobs=1).output
    assert len({pid for pid, _ in writes}) == 2  # both processes wrote pages…
    names = [name for _, name in writes]
    assert len(names) == len(set(names))  # …each page once
    assert sorted(names) == sorted(line.split(" ", 1)[1] for line in
                                   log.read_text(encoding="utf-8").splitlines())
    assert _files(parallel) == _files(serial)  # search bundles (pages of both) included
    assert not any(".render-scratch" in k for k in _files(parallel))


def _writers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Which pages the second process writes ("child") and which the first ("parent")."""
    log = tmp_path / "who.log"
    real = Writer.write_file
    me = os.getpid()

    def logged(self: Writer, name: str, *args: object, **kwargs: object) -> None:
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"{'parent' if os.getpid() == me else 'child'} {name}\n")
        real(self, name, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Writer, "write_file", logged)
        _build(tmp_path / "probe", jobs=2)
    lines = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    return {who: next(n for w, n in lines if w == who and n.startswith("articles/"))
            for who in ("parent", "child")}


def test_a_template_error_in_either_process_is_reported_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _writers(tmp_path, monkeypatch)
    for who, page in pages.items():
        theme = tmp_path / f"theme-{who}"
        shutil.copytree(ROOT / "theme", theme)
        base = theme / "templates" / "base.html"
        # Fails while rendering that one page only.
        base.write_text(f"{{% if output_file == {page!r} %}}{{{{ {{}}['x'].y }}}}{{% endif %}}\n"
                        + base.read_text(encoding="utf-8"), encoding="utf-8")
        settings = tmp_path / f"broken-{who}.py"
        settings.write_text(f"from pelicanconf import *  # noqa\nTHEME = {str(theme)!r}\n",
                            encoding="utf-8")
        messages = []
        monkeypatch.syspath_prepend(str(ROOT))
        for jobs in (1, 2):
            root = tmp_path / f"site-{who}-{jobs}"
            with pytest.raises(DigestError) as caught:
                _build(root, jobs, settings)
            messages.append(str(caught.value))
            out = root / "out"
            assert not out.exists() and leftovers(out) == []
        assert messages[0] == messages[1], who
        assert "template error" in messages[0] and "base.html" in messages[0], messages
