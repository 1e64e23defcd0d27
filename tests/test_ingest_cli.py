"""``digest ingest`` and ``digest extract`` end to end, through ``digest.cli.main``.

Most tests run with small stand-in extractors and stages, so they test this plumbing
and not the heuristics; the last ones run the real pipeline when it is installed.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import socket
import sys
import types
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import lxml.html
import pytest
from conftest import SEED

import digest.pipeline
from digest.article import Article, Source
from digest.cli import main
from digest.context import Context
from digest.extract import collect_inputs
from digest.progress import progress
from digest.store.article_file import read_article
from digest.store.schema import to_date
from tools.static_server import base_url, loopback

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


# --- stand-ins: the simplest extractors and stages that honour the contracts --------

def _text_stand_in(text: str, origin: str | None = None) -> Article:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    title = next((p for p in paragraphs if len(p.split()) >= 4 and len(p) < 200), "")
    body = [p for p in paragraphs if len(p.split()) >= 8 and p != title]
    return Article(title=title, body="\n\n".join(body), origin=origin)


def _html_stand_in(data: str | bytes, url: str | None = None,
                   origin: str | None = None) -> Article:
    tree = lxml.html.fromstring(data)
    title = " ".join((tree.findtext(".//h1") or tree.findtext(".//title") or "").split())
    body = "\n\n".join(" ".join(p.text_content().split()) for p in tree.iter("p"))
    published = tree.xpath("string(//meta[@property='article:published_time']/@content)")
    canonical = tree.xpath("string(//link[@rel='canonical']/@href)") or url
    return Article(title=title, body=body, date=to_date(str(published)),
                   source=Source(url=str(canonical) if canonical else None), origin=origin)


def _language_stand_in(article: Article, ctx: Context) -> Article:
    article.lang = article.lang or ctx.lang or (article.hints.get("lang") or "id")[:2]
    return article


def _date_stand_in(article: Article, ctx: Context) -> Article:
    article.date = article.date or ctx.date
    return article


@pytest.fixture
def stand_ins(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, func in (("text", ("extract_text", _text_stand_in)),
                       ("html", ("extract_html", _html_stand_in))):
        module = types.ModuleType(f"digest.extract.{name}")
        setattr(module, *func)
        monkeypatch.setitem(sys.modules, f"digest.extract.{name}", module)
    monkeypatch.setattr(digest.pipeline, "STAGES", (
        ("language", _language_stand_in), ("date", _date_stand_in)))


@pytest.fixture
def root(digest_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(digest_root)
    return digest_root


def ingest(*args: str) -> int:
    return main(["ingest", *args])


def lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


def written(root: Path) -> list[Path]:
    return sorted((root / "content" / "articles").rglob("*.md"))


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the ingest cycle -----------------------------------------------------------------

SEED_PATH = ("content/articles/2021/"
             "pemimpin-hamas-dan-hizbullah-bertemu-di-lebanon-bicarakan-rencana-menuju.md")


@pytest.mark.usefixtures("stand_ins")
def test_seed_created_unchanged_kept_forced(root: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--date", "2021-06-29", "--source-name", "Sample scrape", str(SEED)]
    assert ingest(*args) == 0
    assert lines(capsys) == [f"created {SEED_PATH}"]
    path = root / SEED_PATH
    text = path.read_text()
    assert "date: 2021-06-29\n" in text and "name: Sample scrape" in text
    mtime = path.stat().st_mtime_ns

    assert ingest(*args) == 0
    assert lines(capsys) == [f"unchanged {SEED_PATH}"]
    assert path.stat().st_mtime_ns == mtime and path.read_text() == text

    path.write_text(text.replace("Poros Perlawanan", "Poros  Perlawanan (catatan editor)", 1))
    assert ingest(*args) == 0
    assert lines(capsys) == [f"updated {SEED_PATH}: kept the editor's body"]
    assert "catatan editor" in path.read_text()
    assert ingest(*args) == 0
    assert lines(capsys) == [f"unchanged {SEED_PATH}"]

    assert ingest("--force", *args) == 0
    assert lines(capsys) == [f"updated {SEED_PATH}"]
    assert "catatan editor" not in path.read_text()
    assert written(root) == [path]
    assert not list(root.rglob("*.tmp"))


@pytest.mark.usefixtures("stand_ins")
def test_no_date_is_skipped_and_the_others_go_on(root: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest(str(SEED), str(INPUTS / "rss.xml")) == 1
    out = lines(capsys)
    assert out[0] == f"skipped {SEED}: no date found (pass --date YYYY-MM-DD)"
    assert [line.split()[0] for line in out[1:]] == ["created", "skipped", "skipped", "created"]
    assert len(written(root)) == 2


@pytest.mark.usefixtures("stand_ins")
def test_bad_inputs_each_give_one_line_and_the_batch_goes_on(
        root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"   \n")
    huge = tmp_path / "input.html"
    with huge.open("wb") as fh:  # sparse: 50 MB without writing them
        fh.truncate(50 * 1024 * 1024)
    words = "Ministre de l’Économie déclare à la télévision que la réforme fiscale avancera"
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes(f"Réforme fiscale : le débat s’ouvre\n\n{words} — « vite ».\n".encode(
        "cp1252"))
    latin1 = tmp_path / "latin1.html"
    latin1.write_bytes(
        '<html><head><meta charset="utf-8"><title>Élève modèle</title></head><body>'
        '<h1>Élève modèle à Genève</h1><p>Une élève de Genève a reçu un prix très '
        'convoité, déjà annoncé en été.</p></body></html>'.encode("latin-1"))
    unreachable = f"http://127.0.0.1:{closed_port()}/news"
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"title": "Last one still ingested", "body": "Text.",
                                "date": "2024-01-02", "lang": "en"}))
    inputs = [png, empty, huge, cp1252, latin1, INPUTS / "malformed.html", unreachable,
              INPUTS / "rss.xml", tmp_path / "missing.txt", tmp_path / "notes.md", good]
    (tmp_path / "notes.md").write_text("not a supported kind")
    code = ingest("--date", "2024-03-01", *map(str, inputs))
    out = lines(capsys)
    assert code == 1
    assert out[:3] == [
        f"skipped {png}: not text: looks like a PNG image",
        f"skipped {empty}: empty file",
        f"skipped {huge}: 50.0 MB is over the 20 MB limit",
    ]
    assert out[3].startswith("created content/articles/2024/reforme-fiscale-le-debat-souvre")
    assert out[4] == "created content/articles/2024/eleve-modele-a-geneve.md"
    assert out[5].startswith("created content/articles/2024/unclosed-tags-everywhere")
    assert out[6] == f"skipped {unreachable}: cannot connect"
    assert out[7:11] == [
        "created content/articles/2024/lebanons-president-meets-the-prime-minister.md",
        f"skipped {INPUTS / 'rss.xml'} entry 2: no title and no content",
        f"skipped {INPUTS / 'rss.xml'} entry 3: date 'the day after tomorrow' is not a date",
        "created content/articles/2024/hamas-and-hezbollah-leaders-meet.md",
    ]
    assert out[11] == f"skipped {tmp_path / 'missing.txt'}: no such file or directory"
    assert out[12].startswith(f"skipped {tmp_path / 'notes.md'}: unsupported file type")
    assert out[13] == "created content/articles/2024/last-one-still-ingested.md"
    assert len(out) == 14
    # Decoded right: the accents survive, no replacement characters, no mojibake.
    reforme = (root / out[3].split()[1]).read_text()
    assert "l’Économie déclare à la télévision" in reforme and "«" in reforme
    eleve = (root / out[4].split()[1]).read_text()
    assert "Une élève de Genève a reçu" in eleve
    assert "\ufffd" not in reforme + eleve and "Ã" not in reforme + eleve
    assert not list(root.rglob("*.tmp"))


@pytest.mark.usefixtures("stand_ins")
def test_broken_registry_stops_before_writing(root: Path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    actors = root / "content" / "actors.yml"
    text = actors.read_text().splitlines()
    text[4] = "  aliases: [unclosed"
    actors.write_text("\n".join(text) + "\n")
    assert ingest("--date", "2021-06-29", str(SEED)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert re.fullmatch(rf"digest: {re.escape(str(actors))}:\d+: invalid YAML: .*\n",
                        captured.err)
    assert written(root) == []


@pytest.mark.usefixtures("stand_ins")
def test_html_script_never_reaches_the_markdown(root: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest(str(INPUTS / "page.html")) == 0
    (path,) = written(root)
    text = path.read_text()
    assert read_article(path)[0].source.url == "https://news.example/2024/07/ministers-meet"
    assert not re.search(r"(?<!\\)<\s*(script|img|iframe|a)\b", text, re.IGNORECASE)
    assert "onclick" not in text and "onerror" not in text and "javascript:" not in text


@pytest.mark.usefixtures("stand_ins")
def test_slug_traversal_stays_inside_articles(root: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data = [{"title": t, "body": f"Body number {i}.", "date": "2024-05-01", "lang": "en"}
            for i, t in enumerate(["../../etc/passwd", "..", "/", "..\\..\\boot.ini"])]
    src = tmp_path / "evil.json"
    src.write_text(json.dumps(data))
    assert ingest(str(src)) == 0
    articles = (root / "content" / "articles").resolve()
    paths = written(root)
    assert len(paths) == 4
    assert all(p.resolve().parent == articles / "2024" for p in paths)
    assert not (root / "etc").exists() and not (root.parent / "etc" / "passwd.md").exists()


@pytest.mark.usefixtures("stand_ins")
def test_folder_input_gz_hidden_and_unsupported(root: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "drop"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "feed.atom.gz").write_bytes(gzip.compress((INPUTS / "atom.xml").read_bytes()))
    (folder / ".hidden.txt").write_text("Hidden file title here\n\n" + "word " * 20)
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "readme.md").write_text("# ignored")
    assert collect_inputs([str(folder)]) == [str(folder / "sub" / "feed.atom.gz")]
    assert ingest(str(folder)) == 0
    assert lines(capsys) == ["created content/articles/2024/le-liban-face-a-la-crise.md",
                             "created content/articles/2024/israel-et-le-hezbollah.md"]


@pytest.mark.usefixtures("stand_ins")
def test_duplicates_within_one_batch(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = str(INPUTS / "atom.xml")
    assert ingest(feed, feed) == 0
    out = lines(capsys)
    assert [line.split()[0] for line in out] == ["created", "created", "unchanged", "unchanged"]


@pytest.mark.usefixtures("stand_ins")
def test_translate_without_backend_is_refused(root: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest("--translate-to", "en", "--date", "2021-06-29", str(SEED)) == 1
    captured = capsys.readouterr()
    assert "--translate-to needs a translation backend" in captured.err
    assert captured.out == "" and written(root) == []


@pytest.mark.usefixtures("stand_ins")
def test_bad_date_option(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest("--date", "29/06/2021", str(SEED)) == 1
    assert "--date: '29/06/2021' is not a date (expected YYYY-MM-DD)" in capsys.readouterr().err


@pytest.fixture
def site() -> Iterator[str]:
    """A tiny news site on 127.0.0.1: a Latin-1 page, a feed, a PNG, a 404."""
    pages = {
        "/page": ("text/html; charset=iso-8859-1", (
            "<html><head><title>Élection à Genève</title></head><body><h1>Élection à "
            "Genève</h1><p>Les électeurs de Genève ont voté dimanche, a annoncé la "
            "chancellerie.</p></body></html>").encode("latin-1")),
        "/feed": ("application/rss+xml", (INPUTS / "rss.xml").read_bytes()),
        "/logo": ("application/octet-stream", b"\x89PNG\r\n\x1a\n" + bytes(32)),
    }

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            ctype, body = pages.get(self.path, ("text/plain", b"gone"))
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with loopback(Handler) as httpd:
        yield base_url(httpd)


@pytest.mark.usefixtures("stand_ins")
def test_urls_dispatch_by_content_type(root: Path, site: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code = ingest("--date", "2024-06-02", f"{site}/page", f"{site}/feed", f"{site}/logo",
                  f"{site}/missing")
    out = lines(capsys)
    assert code == 1
    assert out[0] == "created content/articles/2024/election-a-geneve.md"
    assert [line.split()[0] for line in out[1:5]] == ["created", "skipped", "skipped",
                                                      "created"]
    assert out[5:] == [f"skipped {site}/logo: not text: looks like a PNG image",
                       f"skipped {site}/missing: HTTP 404 Not Found"]
    page, _ = read_article(root / "content/articles/2024/election-a-geneve.md")
    assert page.body.strip() == ("Les électeurs de Genève ont voté dimanche, a annoncé la "
                         "chancellerie.")
    assert page.source.url == f"{site}/page"
    assert page.source.retrieved is not None


# --- extract ------------------------------------------------------------------------

@pytest.mark.usefixtures("stand_ins")
def test_extract_json_writes_nothing(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--date", "2021-06-29", str(SEED), str(INPUTS / "atom.xml")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["title"][:20] for d in data] == ["Pemimpin Hamas dan H", "Le Liban face à la c",
                                               "Israël et le Hezboll"]
    assert data[0]["date"] == "2021-06-29" and data[0]["lang"] == "id"
    assert data[0]["path"] == SEED_PATH
    assert set(data[0]) == {"input", "title", "body", "lang", "date", "updated", "author",
                            "section", "dateline", "via", "actors", "topics", "summary",
                            "source", "image", "path"}
    assert data[0]["input"] == str(SEED) and data[1]["input"] == str(INPUTS / "atom.xml")
    assert [d.get("entry") for d in data] == [None, 1, 2]
    assert set(data[0]["source"]) == {"name", "url", "retrieved"}
    assert data[1]["source"]["url"] == "https://fil.example/liban-crise"
    assert written(root) == []


@pytest.mark.usefixtures("stand_ins")
def test_extract_jsonl_and_failures_on_stderr(root: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["extract", "--format", "jsonl", str(INPUTS / "articles.json"), str(empty)])
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert code == 1
    # One line per input, in order: an entry that gave no article is an error line.
    assert [r["input"] for r in rows] == [str(INPUTS / "articles.json")] * 3 + [str(empty)]
    assert [r.get("title") or r["error"] for r in rows] == [
        "Prabowo visits Jakarta market", "no body or text", "Second item", "empty file"]
    rows = [r for r in rows if "title" in r]
    assert rows[0]["source"] == {"name": "JSON Example", "url": "https://json.example/prabowo",
                                 "retrieved": rows[0]["source"]["retrieved"]}
    assert rows[1]["path"] == "content/articles/2024/second-item.md"
    assert captured.err.splitlines() == [
        f"skipped {INPUTS / 'articles.json'} item 2: no body or text",
        f"skipped {empty}: empty file"]


@pytest.mark.usefixtures("stand_ins")
def test_extract_markdown_is_what_ingest_writes(root: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    feed = str(INPUTS / "atom.xml")
    assert main(["extract", "--format", "markdown", feed]) == 0
    shown = capsys.readouterr().out
    assert ingest(feed) == 0
    capsys.readouterr()
    # Same texts, except the retrieval time, which is "now" in each run, and the story,
    # which depends on the articles already in the digest.
    strip = re.compile(r"retrieved: .*\n|checksum: .*\n|story: .*\n")
    docs = [strip.sub("", d) for d in re.split(r"(?m)^(?=---\ntitle: )", shown) if d]
    files = [strip.sub("", p.read_text()) for p in written(root)]
    assert len(docs) == 2 and sorted(docs) == sorted(files)


def test_progress_only_on_a_terminal_for_long_runs(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert list(progress(range(50), 50, "x")) == list(range(50))
    assert capsys.readouterr().err == ""  # stderr is not a terminal under pytest
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert list(progress(range(50), 50, "x")) == list(range(50))
    assert "0/50" in capsys.readouterr().err
    assert list(progress(range(5), 5, "x")) == list(range(5))
    assert capsys.readouterr().err == ""


# --- the real pipeline, once every stage is installed --------------------------------

def _real_pipeline() -> bool:
    try:
        import digest.extract.html
        import digest.extract.text

        _ = digest.pipeline.STAGES  # imports the stages
    except ImportError:
        return False
    return True


real = pytest.mark.skipif(not _real_pipeline(), reason="the full pipeline is not installed")


@real
def test_real_pipeline_seed_and_html(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--date", "2021-06-29", str(SEED), str(INPUTS / "page.html")]
    assert ingest(*args) == 0
    out = lines(capsys)
    assert [line.split()[0] for line in out] == ["created", "created"]
    seed, text = read_article(root / out[0].split()[1])
    assert seed.title.startswith("Pemimpin Hamas dan Hizbullah Bertemu di Lebanon")
    assert seed.lang == "id" and "hamas" in seed.actors and "Press TV" in seed.via
    assert seed.date == dt.date(2021, 6, 29)
    assert "Ketik untuk mencari" not in text
    page = (root / out[1].split()[1]).read_text()
    assert not re.search(r"(?<!\\)<\s*(script|img|iframe)\b", page, re.IGNORECASE)
    assert "javascript:" not in page and "onerror" not in page
    assert main(["check"]) == 0
    capsys.readouterr()
    assert ingest(*args) == 0
    assert [line.split()[0] for line in lines(capsys)] == ["unchanged", "unchanged"]


@real
def test_real_pipeline_feed_and_no_date(root: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text("Menteri bertemu duta besar\n\n" + "Menteri luar negeri bertemu "
                       "dengan duta besar di Jakarta untuk membahas kerja sama ekonomi. " * 3)
    assert ingest(str(INPUTS / "rss.xml"), str(undated)) == 1
    out = lines(capsys)
    assert out[-1] == f"skipped {undated}: no date found (pass --date YYYY-MM-DD)"
    assert [line.split()[0] for line in out[:4]] == ["created", "skipped", "skipped", "created"]


def test_source_name_option_wins_source_url_only_fills_gaps(ctx) -> None:
    from dataclasses import replace

    from digest.extract import extract_inputs

    feed = str(INPUTS / "atom.xml")
    plain = [a for a in extract_inputs([feed], ctx) if isinstance(a, Article)]
    assert plain and all(a.source.name for a in plain)  # the feed names itself
    forced = replace(ctx, source_name="Editor's name", source_url="https://editor.example/x")
    named = [a for a in extract_inputs([feed], forced) if isinstance(a, Article)]
    assert {a.source.name for a in named} == {"Editor's name"}
    # Each entry keeps its own link: one URL forced on a batch would merge its articles.
    assert [a.source.url for a in named] == [a.source.url for a in plain]
    assert "https://editor.example/x" not in {a.source.url for a in named}
