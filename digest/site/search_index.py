"""The last build step: Pagefind indexes the article and translation pages.

Pages mark what is indexed (``data-pagefind-body``, ``-meta``, ``-filter``,
``-sort``); each page goes into the index of its ``<html lang>``. A large digest is
indexed as several bundles (``search_shards``): the newest one holding every interface
language is ``pagefind/`` itself, the others ``pagefind/shards/<name>/``, listed newest
first in ``pagefind/shards.json``, which the search page reads to merge them. Each
bundle is indexed by its own Pagefind process over a folder of hard links to its pages
(so it reads nothing else), several at once, and a bundle whose pages are byte for byte
those of a bundle in the previous output is copied from there instead of indexed again.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path

from ..errors import DigestError
from . import search_shards
from .search_canonical import ENTRY, canonicalise

# Pagefind does not report files it failed to write (they are left short or empty):
# after it runs, this little room left on the disk means some of its writes failed.
MIN_FREE_BYTES = 1 << 20
BUNDLE = "pagefind"
SHARDS = "shards"  # beside the primary bundle's own files
MANIFEST = "shards.json"
WORK = ".search-work"  # inside the staged output, removed before it is swapped in
FORMAT = "1"  # bumped when what goes into a bundle changes, so old bundles are not reused


@dataclass(frozen=True)
class _Job:
    shard: search_shards.Shard
    key: str
    bundle: Path  # where the finished bundle is assembled, under the work folder


def _binary() -> str:
    from pagefind_bin import get_executable  # type: ignore[import-untyped]  # `pagefind[bin]`

    return str(get_executable())


def _salt() -> str:
    return f"{FORMAT}:pagefind {version('pagefind')}"


def _bundle_in(output: Path, name: str, primary: bool) -> Path:
    return output / BUNDLE if primary else output / BUNDLE / SHARDS / name


def _previous_bundles(previous: Path | None) -> dict[str, Path]:
    """Fingerprint → bundle folder, from the previous output's manifest."""
    if previous is None:
        return {}
    try:
        manifest = json.loads((previous / BUNDLE / MANIFEST).read_text(encoding="utf-8"))
        found = {manifest["primary"]["key"]: previous / BUNDLE}
        for shard in manifest["shards"]:
            found[shard["key"]] = previous / BUNDLE / shard["bundle"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {key: path for key, path in found.items()
            if isinstance(key, str) and (path / ENTRY).is_file()}


def _reuse_bundle(source: Path, target: Path) -> None:
    """Hard links to a bundle's own files (the primary's folder also holds the others'):
    no room taken, and the files keep their inode and mtime for uploads that compare.
    Nothing writes to a reused bundle's files, so the live site never changes."""
    top = source.name == BUNDLE
    for folder, dirs, files in os.walk(source):
        here = Path(folder)
        if top and here == source:
            dirs[:] = [d for d in dirs if d != SHARDS]
            files = [f for f in files if f != MANIFEST]
        into = target / here.relative_to(source)
        into.mkdir(parents=True, exist_ok=True)
        for name in files:
            _link(here / name, into / name)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise
        shutil.copy2(source, target)  # a filesystem without hard links


def _link_pages(output: Path, pages: tuple[str, ...], site: Path) -> None:
    for page in pages:
        target = site / page
        target.parent.mkdir(parents=True, exist_ok=True)
        _link(output / page, target)


def _pagefind(site: Path, bundle: Path) -> None:
    """Index the pages under ``site`` into ``bundle``; RuntimeError with what it said."""
    ran = subprocess.run([_binary(), "--site", str(site), "--output-path", str(bundle),
                          "--silent"], capture_output=True, text=True, check=False)
    if ran.returncode != 0:
        said = (ran.stderr or ran.stdout).strip().splitlines()
        raise RuntimeError(said[-1] if said else f"exit status {ran.returncode}")


def _index(output: Path, job: _Job, work: Path) -> None:
    site = work / "pages" / job.shard.name
    if job.shard.pages:
        _link_pages(output, job.shard.pages, site)
    else:  # no articles: Pagefind writes no bundle for no pages, so it indexes the others
        site = output
    try:
        _pagefind(site, job.bundle)
    except Exception as exc:
        failed: Exception | None = exc
    else:
        failed = None
    finally:
        if site != output:
            shutil.rmtree(site, ignore_errors=True)
    if _free_bytes(output) < MIN_FREE_BYTES:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(output / BUNDLE))
    if failed is not None:
        raise DigestError(f"search index failed: {failed}", output) from None
    try:
        json.loads((job.bundle / ENTRY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise DigestError(f"search index failed: no readable {ENTRY} written", output) from None
    canonicalise(job.bundle)  # Pagefind's own output differs from run to run


def _languages(bundle: Path) -> dict[str, int]:
    languages = json.loads((bundle / ENTRY).read_text(encoding="utf-8")).get("languages", {})
    return {lang: int(info.get("page_count", 0)) for lang, info in sorted(languages.items())}


def build_index(output: Path, pages: Mapping[str, date], *, max_pages: int = 0,
                jobs: int = 1, previous: Path | None = None,
                languages: tuple[str, ...] = ()) -> dict[str, int]:
    """Index ``pages`` (output-relative path → publication date) of ``output``.

    Bundles of at most ``max_pages`` pages (0: one bundle), ``jobs`` Pagefind processes
    at a time; bundles found unchanged in ``previous`` (the last output) are copied.
    ``languages``: the search pages' languages, wanted in the primary bundle.
    Returns the number of pages indexed per language.
    """
    shutil.rmtree(output / BUNDLE, ignore_errors=True)
    work = output / WORK
    shutil.rmtree(work, ignore_errors=True)
    plan = search_shards.plan(pages, max_pages)
    salt = _salt()
    reuse = _previous_bundles(previous)
    built = [_Job(shard, search_shards.fingerprint(output, shard.pages, salt),
                  work / "bundles" / shard.name) for shard in plan]
    try:
        fresh = []
        for job in built:
            if job.key in reuse:
                _reuse_bundle(reuse[job.key], job.bundle)
            else:
                fresh.append(job)
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            for done in [pool.submit(_index, output, job, work) for job in fresh]:
                done.result()
        return _assemble(output, built, languages)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _primary(jobs: list[_Job], languages: dict[str, dict[str, int]],
             wanted: tuple[str, ...]) -> _Job:
    """The newest bundle holding every interface language (else the newest): a search
    page's own language must be in the primary bundle, or Pagefind falls back to
    another language of it, which is then also merged in: its results twice."""
    for job in reversed(jobs):
        if set(wanted) <= set(languages[job.shard.name]):
            return job
    return jobs[-1]


def _assemble(output: Path, built: list[_Job], wanted: tuple[str, ...]) -> dict[str, int]:
    """Move the bundles into place and write the manifest, bundles newest first."""
    languages = {job.shard.name: _languages(job.bundle) for job in built}
    primary = _primary(built, languages, wanted)
    counts: dict[str, int] = {}
    entries = []
    for job in [primary, *(j for j in reversed(built) if j is not primary)]:
        for lang, n in languages[job.shard.name].items():
            counts[lang] = counts.get(lang, 0) + n
        target = _bundle_in(output, job.shard.name, primary=job is primary)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(job.bundle, target)
        entries.append({"name": job.shard.name, "bundle": "" if job is primary else
                        f"{SHARDS}/{job.shard.name}/", "key": job.key,
                        "pages": len(job.shard.pages),
                        "languages": sorted(languages[job.shard.name])})
    manifest = {"primary": entries[0], "shards": entries[1:]}
    (output / BUNDLE / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8")
    return dict(sorted(counts.items()))


def _free_bytes(path: Path) -> int:
    st = os.statvfs(path)
    # root may write into the blocks the filesystem reserves; other users may not.
    blocks = st.f_bfree if os.geteuid() == 0 else st.f_bavail
    return blocks * st.f_frsize
