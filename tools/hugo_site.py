"""The same articles as a minimal Hugo site, for side-by-side benchmarks.

Each digest article becomes a Hugo page at ``/articles/<slug>/`` and each translation a
page of its own at ``/articles/<slug>/<lang>/`` (translated title and summary, the
original summary), as the digest publishes them; actors and topics are Hugo taxonomies
(a page and a feed per term, like the digest's actor and topic pages). Article pages
carry the same Pagefind marks as the digest's: body, title meta, date sort, language,
source, actor and topic filters.

    python tools/hugo_site.py CONTENT SITE   # writes SITE/, then: hugo -s SITE
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `tools` and `digest` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml

from digest.store.frontmatter import parse
from digest.store.schema import to_date

CONFIG = """\
baseURL = "https://bench.example/"
title = "Hugo Digest"
languageCode = "en"
disableKinds = ["robotsTXT", "404"]
paginate = 10
[taxonomies]
actor = "actors"
topic = "topics"
"""

BASEOF = """\
<!doctype html>
<html lang="{{ with .Params.pagelang }}{{ . }}{{ else }}en{{ end }}">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
</head>
<body><header><a href="/">{{ .Site.Title }}</a></header>
{{ block "main" . }}{{ end }}
</body></html>
"""

SINGLE = """\
{{ define "main" }}<main data-pagefind-body>
<h1 data-pagefind-meta="title">{{ .Title }}</h1>
<p><time data-pagefind-sort="date[datetime]"
 datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">
{{- .Date.Format "January 2, 2006" }}</time>
· <span data-pagefind-filter="source">{{ .Params.source }}</span>
· <span data-pagefind-filter="language">{{ .Params.languagename }}</span></p>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ with .Params.originalsummary }}<h2>Original summary</h2><p>{{ . }}</p>{{ end }}
{{ .Content }}
<ul>{{ range .Params.actornames }}<li data-pagefind-filter="actor">{{ . }}</li>{{ end }}</ul>
<ul>{{ range .Params.topicnames }}<li data-pagefind-filter="topic">{{ . }}</li>{{ end }}</ul>
</main>{{ end }}
"""

LIST = """\
{{ define "main" }}<main><h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Params.summary }}</p></article>{{ end }}
{{ template "_internal/pagination.html" . }}</main>{{ end }}
"""

TERMS = """\
{{ define "main" }}<main><h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>
 ({{ .Count }})</li>{{ end }}
</ul></main>{{ end }}
"""

LANGUAGE_NAMES = {"id": "Indonesian", "ms": "Malay", "en": "English", "ar": "Arabic",
                  "fr": "French", "de": "German"}


def _page(front: dict, body: str) -> str:
    # A JSON round trip copies lists shared between pages, so YAML writes no aliases.
    plain = json.loads(json.dumps(front))
    return "---\n" + yaml.safe_dump(plain, allow_unicode=True, sort_keys=True) + "---\n\n" \
        + body.strip() + "\n"


def _actor_names(content: Path) -> dict[str, str]:
    path = content / "actors.yml"
    if not path.is_file():
        return {}
    return {a["id"]: a.get("name", a["id"])
            for a in yaml.safe_load(path.read_text(encoding="utf-8")) or []}


def convert(content: Path, site: Path) -> dict[str, int]:
    """Write the Hugo site for ``content`` into ``site``; returns page counts."""
    for path, text in (("hugo.toml", CONFIG), ("layouts/_default/baseof.html", BASEOF),
                       ("layouts/_default/single.html", SINGLE),
                       ("layouts/_default/list.html", LIST),
                       ("layouts/_default/terms.html", TERMS)):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    names = _actor_names(content)
    pages = site / "content" / "articles"
    pages.mkdir(parents=True, exist_ok=True)
    counts = {"articles": 0, "translations": 0}
    for path in sorted((content / "articles").rglob("*.md")):
        meta, body = parse(path.read_text(encoding="utf-8"), path)
        if (meta.get("status") or "published") != "published":
            continue
        slug, lang = path.stem, str(meta.get("lang") or "en")
        when = to_date(meta.get("date"))
        source = (meta.get("source") or {}).get("name", "")
        front = {"title": str(meta.get("title") or slug), "date": when.isoformat(),
                 "slug": slug, "url": f"/articles/{slug}/", "pagelang": lang,
                 "languagename": LANGUAGE_NAMES.get(lang, lang), "source": source,
                 "summary": str(meta.get("summary") or ""),
                 "actors": [str(a) for a in meta.get("actors") or []],
                 "actornames": [names.get(str(a), str(a)) for a in meta.get("actors") or []],
                 "topics": [str(t) for t in meta.get("topics") or []]}
        front["topicnames"] = front["topics"]
        (pages / f"{slug}.md").write_text(_page(front, body), encoding="utf-8")
        counts["articles"] += 1
        for tlang, tr in sorted((meta.get("translations") or {}).items()):
            tfront = {**front, "title": str(tr.get("title") or front["title"]),
                      "url": f"/articles/{slug}/{tlang}/", "slug": f"{slug}-{tlang}",
                      "pagelang": str(tlang), "summary": str(tr.get("summary") or ""),
                      # Term pages list the original only, as the digest's do.
                      "originalsummary": front["summary"], "actors": [], "topics": []}
            (pages / f"{slug}--{tlang}.md").write_text(
                _page(tfront, ""), encoding="utf-8")
            counts["translations"] += 1
    (site / ".converted.json").write_text(json.dumps(counts), encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    print(convert(Path(args[0]), Path(args[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
