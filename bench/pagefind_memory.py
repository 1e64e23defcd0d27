"""Where Pagefind's memory goes: peak RSS of indexing against what it is fed.

    python bench/pagefind_memory.py [--sizes 1000,5000,10000] [--only NAME,...]

Article pages shaped like the digest's (the same Pagefind marks: body, title meta, date
sort, language, source, actor and topic filters; translations as pages of their own in
their language) are written for the synthetic corpus of tools/synthetic_corpus.py, then
indexed by the Pagefind binary of the `pagefind` package, one process per run, measured
with tools/proc_tree.py. Variants at the largest size change one thing each:

  pages-N          originals + translation pages, full text (the digest today)
  no-translations  originals only
  few-actors       every actor filter value folded into one of 8
  unique-actors    one distinct actor filter value per page
  summary-only     title + summary indexed, not the body
  shards-year      one bundle per year of articles, indexed one after another
  shards-2500      one bundle per 2,500 pages, one after another
  api-records      the Python API, add_custom_record per page (no HTML), without the
                   wrapper's 100 ms sleep per response
  api-records-summary  the same with title + summary only

Results: a table and bench/.work/pagefind-memory.json. bench/pagefind_memory.md reads them.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import sys
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tools/ folder is not an installed package

import yaml  # noqa: E402

from digest.store.frontmatter import parse  # noqa: E402
from digest.store.schema import to_date  # noqa: E402
from tools.proc_tree import run_measured  # noqa: E402
from tools.synthetic_corpus import CorpusSize, generate  # noqa: E402

WORK = ROOT / "bench" / ".work"
LANGUAGE_NAMES = {"id": "Indonesian", "ms": "Malay", "en": "English", "ar": "Arabic",
                  "fr": "French", "de": "German"}


@dataclass
class Page:
    url: str
    lang: str
    year: str
    title: str
    date: str
    source: str
    summary: str
    body: list[str]
    actors: list[str]
    topics: list[str]


@dataclass
class Run:
    name: str
    pages: int
    shards: int
    wall: float
    cpu: float
    peak_mb: float  # the largest Pagefind process
    python_mb: float  # the feeding Python process, for API runs
    bundle_mb: float
    status: str


def load_pages(size: int) -> list[Page]:
    """Article and translation pages of the synthetic corpus of ``size`` articles."""
    content = WORK / f"scale-{size}" / "content"
    if not (WORK / f"scale-{size}" / ".complete").exists():
        shutil.rmtree(content.parent, ignore_errors=True)
        generate(content, CorpusSize(articles=size))
        (content.parent / ".complete").touch()
    actors = {a["id"]: a["name"] for a in yaml.safe_load(
        (content / "actors.yml").read_text(encoding="utf-8"))}
    topics = {t["id"]: t["name"]["en"] for t in yaml.safe_load(
        (content / "topics.yml").read_text(encoding="utf-8"))}
    pages = []
    for path in sorted((content / "articles").rglob("*.md")):
        meta, body = parse(path.read_text(encoding="utf-8"), path)
        when = to_date(meta["date"])
        base = Page(url=f"/articles/{path.stem}/", lang=meta["lang"], year=f"{when:%Y}",
                    title=meta["title"], date=when.isoformat(),
                    source=meta["source"]["name"], summary=meta.get("summary") or "",
                    body=[p for p in body.split("\n\n") if p.strip()],
                    actors=[actors[a] for a in meta.get("actors") or []],
                    topics=[topics[t] for t in meta.get("topics") or []])
        pages.append(base)
        for lang, tr in sorted((meta.get("translations") or {}).items()):
            pages.append(Page(url=f"{base.url}{lang}/", lang=lang, year=base.year,
                              title=tr.get("title") or base.title, date=base.date,
                              source=base.source, summary=tr.get("summary") or "",
                              body=[base.summary], actors=base.actors, topics=base.topics))
    return pages


def render(page: Page, *, full: bool) -> str:
    e = html.escape
    chips = "".join(f'<li data-pagefind-filter="actor">{e(a)}</li>' for a in page.actors)
    chips += "".join(f'<li data-pagefind-filter="topic">{e(t)}</li>' for t in page.topics)
    body = "".join(f"<p>{e(p)}</p>" for p in page.body) if full else ""
    return (f'<!doctype html><html lang="{page.lang}"><head><meta charset="utf-8">'
            f"<title>{e(page.title)}</title></head><body><header><nav>Digest</nav></header>"
            f'<main data-pagefind-body><h1 data-pagefind-meta="title">{e(page.title)}</h1>'
            f'<p><time data-pagefind-sort="date[datetime]" datetime="{page.date}">'
            f'{page.date[:10]}</time> <span data-pagefind-filter="source">{e(page.source)}'
            f'</span> <span data-pagefind-filter="language">{LANGUAGE_NAMES[page.lang]}'
            f'</span></p><p class="summary">{e(page.summary)}</p>{body}<ul>{chips}</ul>'
            f"</main><footer>Footer</footer></body></html>")


def write_site(pages: list[Page], site: Path, *, full: bool = True) -> None:
    shutil.rmtree(site, ignore_errors=True)
    for page in pages:
        path = site / page.url.strip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(page, full=full), encoding="utf-8")


def _bundle_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def index_cli(name: str, sites: list[Path], pages: int) -> Run:
    """Index each site folder into its own bundle, one Pagefind process after another."""
    from pagefind_bin import get_executable

    wall = cpu = peak = bundle = 0.0
    status = "ok"
    for site in sites:
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        usage = run_measured([str(get_executable()), "--site", str(site), "--glob",
                              "articles/**/*.html"], log=site.parent / f"{site.name}.log")
        wall, cpu = wall + usage.wall, cpu + usage.cpu
        peak = max(peak, usage.peak_mb.get("pagefind", usage.max_single_mb))
        bundle += _bundle_mb(site / "pagefind")
        if usage.status:
            status = str(usage.status)
    return Run(name, pages, len(sites), round(wall, 1), round(cpu, 1), round(peak), 0,
               round(bundle, 1), status)


def variant_pages(pages: list[Page], name: str) -> list[Page]:
    if name == "no-translations":
        return [p for p in pages if p.url.count("/") == 3]
    if name == "few-actors":
        return [Page(**{**asdict(p),
                         "actors": [f"Actor {zlib.crc32(a.encode()) % 8}" for a in p.actors]})
                for p in pages]
    if name == "unique-actors":
        return [Page(**{**asdict(p), "actors": [f"Actor {i}"]}) for i, p in enumerate(pages)]
    return pages


# --- The Python API, fed records; the wrapper's reader without its 100 ms sleep -----------

API_SCRIPT = r"""
import asyncio, base64, json, sys
from pagefind.index import IndexConfig
from pagefind.service import PagefindService

class Service(PagefindService):
    # The shipped reader sleeps 100 ms before each response it reads (one response per
    # request), so N records cost N/10 seconds; reading as responses come costs nothing.
    async def _wait_for_responses(self):
        while True:
            output = await self._backend.stdout.readuntil(b",")
            resp = json.loads(base64.b64decode(output[:-1]))
            if resp is None:
                continue
            future = self._responses.get(resp.get("message_id"))
            if future is None or future.done():
                continue
            payload = resp["payload"]
            if payload["type"] == "Error":
                future.set_exception(Exception(payload["message"]))
            else:
                future.set_result(payload)

async def main(records_file, out):
    records = json.load(open(records_file, encoding="utf-8"))
    service = await Service().launch()
    index = await service.create_index(IndexConfig())
    # A bounded window of requests in flight keeps the pipe busy without flooding it.
    window = 64
    for start in range(0, len(records), window):
        await asyncio.gather(*(index.add_custom_record(**r)
                               for r in records[start:start + window]))
    await index.write_files(output_path=out)
    await service.close()

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def index_api(name: str, pages: list[Page], folder: Path, *, full: bool) -> Run:
    folder.mkdir(parents=True, exist_ok=True)
    records = [{"url": p.url, "language": p.lang,
                "content": " ".join([p.title, p.summary, *(p.body if full else [])]),
                "meta": {"title": p.title},
                "filters": {"actor": p.actors, "topic": p.topics, "source": [p.source],
                            "language": [LANGUAGE_NAMES[p.lang]]},
                "sort": {"date": p.date}} for p in pages]
    (folder / "records.json").write_text(json.dumps(records), encoding="utf-8")
    (folder / "api.py").write_text(API_SCRIPT, encoding="utf-8")
    out = folder / "pagefind"
    shutil.rmtree(out, ignore_errors=True)
    usage = run_measured([sys.executable, str(folder / "api.py"), str(folder / "records.json"),
                          str(out)], log=folder / "api.log")
    return Run(name, len(pages), 1, round(usage.wall, 1), round(usage.cpu, 1),
               round(usage.peak_mb.get("pagefind", 0)), round(usage.peak_mb.get("python", 0)),
               _bundle_mb(out) if out.is_dir() else 0.0,
               "ok" if usage.status == 0 else str(usage.status))


def table(runs: list[Run]) -> str:
    head = (f"{'run':<20} {'pages':>6} {'shards':>6} {'wall s':>7} {'cpu s':>7} "
            f"{'pagefind MB':>11} {'python MB':>9} {'bundle MB':>9}  status")
    return "\n".join([head, *(f"{r.name:<20} {r.pages:>6} {r.shards:>6} {r.wall:>7.1f} "
                              f"{r.cpu:>7.1f} {r.peak_mb:>11.0f} {r.python_mb:>9.0f} "
                              f"{r.bundle_mb:>9.1f}  {r.status}" for r in runs)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000",
                        help="article counts for the page-count runs; variants use the last")
    parser.add_argument("--only", default="", help="comma-separated run names (prefixes)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    wanted = [w for w in args.only.split(",") if w]

    def chosen(name: str) -> bool:
        return not wanted or any(name.startswith(w) for w in wanted)

    work = WORK / "pagefind-memory"
    runs: list[Run] = []
    for size in sizes:
        if chosen(f"pages-{size}"):
            pages = load_pages(size)
            write_site(pages, work / "site")
            runs.append(index_cli(f"pages-{size}", [work / "site"], len(pages)))
            print(table(runs[-1:]), file=sys.stderr)
    pages = load_pages(sizes[-1])
    for name in ("no-translations", "few-actors", "unique-actors"):
        if chosen(name):
            chosen_pages = variant_pages(pages, name)
            write_site(chosen_pages, work / "site")
            runs.append(index_cli(name, [work / "site"], len(chosen_pages)))
            print(table(runs[-1:]), file=sys.stderr)
    if chosen("summary-only"):
        write_site(pages, work / "site", full=False)
        runs.append(index_cli("summary-only", [work / "site"], len(pages)))
        print(table(runs[-1:]), file=sys.stderr)
    for name, key in (("shards-year", lambda i, p: p.year),
                      ("shards-2500", lambda i, p: f"{i // 2500:03d}")):
        if not chosen(name):
            continue
        groups: dict[str, list[Page]] = {}
        for i, page in enumerate(pages):
            groups.setdefault(key(i, page), []).append(page)
        sites = []
        for shard, members in sorted(groups.items()):
            write_site(members, work / f"shard-{shard}")
            sites.append(work / f"shard-{shard}")
        runs.append(index_cli(name, sites, len(pages)))
        for site in sites:
            shutil.rmtree(site, ignore_errors=True)
        print(table(runs[-1:]), file=sys.stderr)
    for name, full in (("api-records", True), ("api-records-summary", False)):
        if chosen(name):
            runs.append(index_api(name, pages, work / name, full=full))
            print(table(runs[-1:]), file=sys.stderr)
    print(table(runs))
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "pagefind-memory.json").write_text(json.dumps([asdict(r) for r in runs],
                                                          indent=1), encoding="utf-8")
    return 1 if any(r.status != "ok" for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
