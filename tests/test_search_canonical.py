"""The Pagefind bundle rewritten in canonical form: same search data, names Pagefind would
give, one byte sequence whatever order Pagefind wrote things in; search still works."""

from __future__ import annotations

import asyncio
import gzip
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import cbor2
import pytest
from browser_helpers import SHARED_SLUGS, SHARED_WORD, BuiltSite, build_test_site, require_chromium
from pagefind.index import IndexConfig, PagefindIndex

from digest.errors import DigestError
from digest.site.search_canonical import (
    MAGIC,
    canonicalise,
    encode,
    meta_name,
    pagefind_hash,
    read_bundle_file,
)

ACTORS = ["Hamas", "Hezbollah", "Ismail Haniyeh", "Hassan Nasrallah", "Joko Widodo",
          "Prabowo Subianto", "ASEAN", "António Guterres", "UNIFIL", "Qatar"]


def _page(lang: str, n: int) -> str:
    # Three actors per page, so every value sits on several pages.
    actors = "".join(f'<span data-pagefind-filter="actor:{ACTORS[(n + k) % len(ACTORS)]}">'
                     "</span>" for k in range(3))
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title>'
            f'</head><body><main data-pagefind-body><h1 data-pagefind-meta="title">Page {n}</h1>'
            f"<p>Common words for page number {n} of the sample.</p>{actors}"
            f'<span data-pagefind-filter="topic:Topic {n % 3}"></span>'
            f'<span data-pagefind-sort="date:2021-06-{10 + n:02d}"></span></main></body></html>')


async def _pagefind(site: Path, bundle: Path) -> None:
    async with PagefindIndex(config=IndexConfig(output_path=str(bundle))) as index:
        await index.add_directory(str(site))


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle exactly as Pagefind wrote it, for two languages."""
    root = tmp_path_factory.mktemp("pagefind")
    for lang, count in (("en", 8), ("id", 5)):
        for n in range(count):
            path = root / "site" / lang / str(n) / "index.html"
            path.parent.mkdir(parents=True)
            path.write_text(_page(lang, n), encoding="utf-8")
    asyncio.run(_pagefind(root / "site", root / "pagefind"))
    return root / "pagefind"


@pytest.fixture
def bundle(raw: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "pagefind"
    shutil.copytree(raw, copy)
    return copy


def _entry(bundle: Path) -> dict:
    return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))


def _body(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(MAGIC)
    return data[len(MAGIC):]


def _metas(bundle: Path) -> Iterator[tuple[str, Path]]:
    for lang, info in _entry(bundle)["languages"].items():
        yield lang, bundle / f"pagefind.{info['hash']}.pf_meta"


def _filter_values(bundle: Path) -> dict[tuple[str, str], dict[str, set[int]]]:
    """(language, filter) -> value -> pages, however the files are ordered and named."""
    found = {}
    for lang, meta_path in _metas(bundle):
        for name, fhash in read_bundle_file(meta_path)[3]:
            f_name, values = read_bundle_file(bundle / "filter" / f"{fhash}.pf_filter")
            assert f_name == name
            found[(lang, name)] = {v: set(pages) for v, pages in values}
    return found


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _as_pagefind_would_write(bundle: Path, reorder) -> None:  # type: ignore[no-untyped-def]
    """Rewrite ``bundle`` as another Pagefind run might: ``reorder`` applied to every list
    Pagefind fills from a hash map, files named by Pagefind's hash of their new bytes."""
    entry = _entry(bundle)
    for lang, meta_path in list(_metas(bundle)):
        meta = read_bundle_file(meta_path)
        filters = []
        for name, fhash in reorder(meta[3]):
            old = bundle / "filter" / f"{fhash}.pf_filter"
            f_name, values = read_bundle_file(old)
            body, data = encode([f_name, reorder(values)])
            old.unlink()
            new_hash = f"{lang}_{pagefind_hash(body)}"[:len(lang) + 8]
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
            filters.append([name, new_hash])
        meta[3] = filters
        body, data = encode(meta)
        meta_path.unlink()
        entry["languages"][lang]["hash"] = meta_name(lang, body)
        (bundle / f"pagefind.{meta_name(lang, body)}.pf_meta").write_bytes(data)
    entry["languages"] = dict(reorder(list(entry["languages"].items())))
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")


def test_names_follow_pagefinds_own_hash(raw: Path) -> None:
    metas = list(_metas(raw))
    assert {lang for lang, _ in metas} == {"en", "id"}
    for lang, meta_path in metas:
        assert meta_path.name == f"pagefind.{meta_name(lang, _body(meta_path))}.pf_meta"
        for _name, fhash in read_bundle_file(meta_path)[3]:
            body = _body(raw / "filter" / f"{fhash}.pf_filter")
            assert fhash == f"{lang}_{pagefind_hash(body)}"[:len(lang) + 8]


def test_pagefind_hash_keeps_bytes_unpadded() -> None:
    # sha1(b"") = da39a3ee5e6b4b0d3255bfef95601890afd80709: 0d, 07, 09 lose their zero.
    assert pagefind_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"


def test_decoding_and_encoding_reproduces_pagefinds_bytes(raw: Path) -> None:
    files = [*raw.glob("*.pf_meta"), *raw.glob("filter/*.pf_filter")]
    assert len(files) >= 6
    for path in files:
        assert cbor2.dumps(read_bundle_file(path)) == _body(path), path.name


def test_same_bytes_whatever_order_pagefind_wrote(bundle: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(bundle, other)
    _as_pagefind_would_write(other, lambda items: list(reversed(items)))
    assert _tree(other) != _tree(bundle)
    canonicalise(bundle)
    canonicalise(other)
    assert _tree(other) == _tree(bundle)


def test_search_data_kept_and_every_reference_resolves(raw: Path, bundle: Path) -> None:
    before = _filter_values(raw)
    canonicalise(bundle)
    assert _filter_values(bundle) == before
    # Three actors on each of the 8 English pages, all ten actors used.
    assert len(before[("en", "actor")]) == 10
    assert sum(len(pages) for pages in before[("en", "actor")].values()) == 24
    entry = _entry(bundle)
    assert list(entry["languages"]) == sorted(entry["languages"])
    assert {k: v["page_count"] for k, v in entry["languages"].items()} == {"en": 8, "id": 5}
    listed = set()
    for _lang, meta_path in _metas(bundle):
        meta = read_bundle_file(meta_path)
        assert [f[0] for f in meta[3]] == sorted(f[0] for f in meta[3])
        listed |= {f"{fhash}.pf_filter" for _, fhash in meta[3]}
        for _, fhash in meta[3]:
            _, values = read_bundle_file(bundle / "filter" / f"{fhash}.pf_filter")
            assert [v for v, _ in values] == sorted(v for v, _ in values)
            assert all(pages == sorted(pages) for _, pages in values)
    # The old files are gone: nothing in the bundle that no meta names.
    assert {p.name for p in (bundle / "filter").iterdir()} == listed
    assert len(list(bundle.glob("*.pf_meta"))) == 2


def test_gzip_header_has_no_time_and_no_name(bundle: Path) -> None:
    canonicalise(bundle)
    for path in [*bundle.glob("*.pf_meta"), *bundle.glob("filter/*")]:
        head = path.read_bytes()[:10]
        assert head[:3] == b"\x1f\x8b\x08" and head[3] == 0  # deflate, no FNAME/FEXTRA
        assert head[4:8] == b"\0\0\0\0"  # mtime


def test_canonical_form_is_a_fixed_point(bundle: Path) -> None:
    canonicalise(bundle)
    once = _tree(bundle)
    canonicalise(bundle)
    assert _tree(bundle) == once


def test_a_damaged_filter_file_is_named(bundle: Path) -> None:
    victim = next((bundle / "filter").iterdir())
    victim.write_bytes(b"not gzip")
    with pytest.raises(DigestError) as err:
        canonicalise(bundle)
    assert str(err.value).startswith(f"{victim}: search index: not a Pagefind file")


def test_cbor_that_would_not_round_trip_is_refused(bundle: Path) -> None:
    victim = next((bundle / "filter").iterdir())
    # ["actor", [["x", [1]]]] with the 1 in two bytes: minicbor never writes that.
    body = b"\x82\x65actor\x81\x82\x61x\x81\x18\x01"
    assert cbor2.loads(body) == ["actor", [["x", [1]]]]
    victim.write_bytes(gzip.compress(MAGIC + body))
    with pytest.raises(DigestError, match="cannot make it reproducible") as err:
        canonicalise(bundle)
    assert err.value.path == str(victim)


def test_missing_entry_is_an_error(bundle: Path) -> None:
    (bundle / "pagefind-entry.json").unlink()
    with pytest.raises(DigestError, match=r"unreadable pagefind-entry\.json"):
        canonicalise(bundle)


# In a real browser: the canonical bundle still answers searches and counts filters.

@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, BuiltSite]]:
    from tools.static_server import serve

    require_chromium()
    with tempfile.TemporaryDirectory(prefix="digest-canonical-") as tmp:
        site = build_test_site(Path(tmp), hostile=False)
        with serve(site.output) as url:
            yield url, site


@pytest.fixture(scope="module")
def browser(served):  # type: ignore[no-untyped-def]
    from tools.chromium import launch

    with launch() as b:
        yield b


# Pagefind's own JavaScript API on an English page (so the English index), no UI.
SEARCH_JS = """async ([word, actor]) => {
  const pagefind = await import('/pagefind/pagefind.js');
  const found = await pagefind.search(word, {filters: {actor: [actor]}});
  const urls = await Promise.all(found.results.map(r => r.data().then(d => d.url)));
  return {urls: urls.sort(), unfiltered: found.unfilteredResultCount,
          counts: found.filters.actor, totals: found.totalFilters.actor};
}"""


@pytest.mark.browser
@pytest.mark.slow
def test_actor_filter_results_and_counts_in_a_browser(  # type: ignore[no-untyped-def]
        served: tuple[str, BuiltSite], browser) -> None:
    url, site = served
    bundle = site.output / "pagefind"
    actor_a, actor_b = site.probe.actor_a["name"], site.probe.actor_b["name"]
    # The bundle served is the canonical one: the English actor values are in order.
    en_meta = read_bundle_file(bundle / f"pagefind.{_entry(bundle)['languages']['en']['hash']}"
                                        ".pf_meta")
    actor_file = dict(en_meta[3])["actor"]
    values = [v for v, _ in read_bundle_file(bundle / "filter" / f"{actor_file}.pf_filter")[1]]
    assert values == sorted(values) and actor_a in values
    page = browser.new_page()
    try:
        page.goto(url + "actors/")
        assert page.evaluate("document.documentElement.lang") == "en"
        # Probes: one has actor A, two has A and B, three has B; all share one word.
        got = page.evaluate(SEARCH_JS, [SHARED_WORD, actor_a])
        assert got["urls"] == [f"/articles/{s}/" for s in SHARED_SLUGS[:2]]
        assert got["unfiltered"] == 3
        assert (got["counts"][actor_a], got["counts"][actor_b]) == (2, 1)
        assert (got["totals"][actor_a], got["totals"][actor_b]) == (2, 2)
        # The search page's UI shows the same counts and narrows the same way.
        page.goto(url + "search/")
        page.locator("#search-q").fill(SHARED_WORD)
        page.wait_for_selector("#search-results a.result-link")
        actors = page.locator("fieldset[data-facet=actor]")

        def label(name: str):  # type: ignore[no-untyped-def]
            return actors.locator("label").filter(
                has=page.locator(".facet-name", has_text=re.compile(f"^{re.escape(name)}$")))

        page.wait_for_function(
            "el => el.textContent.trim().endsWith('(2)')", arg=label(actor_b).element_handle())
        assert label(actor_a).inner_text().strip() == f"{actor_a} (2)"
        label(actor_a).click()
        page.wait_for_function(
            "n => document.querySelectorAll('#search-results a.result-link').length === n",
            arg=2)
        hrefs = page.eval_on_selector_all("#search-results a.result-link",
                                          "els => els.map(e => new URL(e.href).pathname)")
        assert sorted(hrefs) == [f"/articles/{s}/" for s in SHARED_SLUGS[:2]]
    finally:
        page.close()
