"""A small site whose every piece of text tries to run script, for the browser and feed
tests: mutation-XSS shapes (markup hidden in attribute values, ``noscript``, ``svg``/
``math`` namespace tricks, ``style``/``textarea``/``title`` breakouts, entity-encoded
payloads) in article bodies, titles, summaries, translations, source names and the
actor/topic registries. Every payload would set ``top.__xss`` (or open a dialog)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

TOML = """\
[digest]
name = "Hostile Digest"
languages = ["en", "id", "fr"]
site_languages = ["en", "id"]
default_language = "en"
site_url = "https://digest.example"
timezone = "UTC"
content = "content"
output = "output"
"""


def _run(name: str) -> str:
    return f"top.__xss='{name}';alert('{name}')"


def _payloads() -> dict[str, str]:
    """name -> markup; the name is what ``top.__xss`` would say if it ran."""
    img = "<img src=x onerror=\"{}\">"
    return {
        "script": f"<script>{_run('script')}</script>",
        "img": img.format(_run("img")),
        "noscript-attr": f'<noscript><p title="</noscript>{img.format(_run("noscript-attr"))}">',
        "noscript-style": f"<noscript><style></noscript>{img.format(_run('noscript-style'))}"
                          "</style></noscript>",
        "svg-style": f"<svg><style>{img.format(_run('svg-style'))}</style></svg>",
        "svg-onload": f'<svg onload="{_run("svg-onload")}"></svg>',
        "math-mglyph": "<math><mtext><table><mglyph><style><!--</style>"
                       f"{img.format(_run('math-mglyph'))}",
        "math-textarea": '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea>'
                         f'{img.format(_run("math-textarea"))}">',
        "form-math": "<form><math><mtext></form><form><mglyph><style></math>"
                     f"{img.format(_run('form-math'))}",
        "style-breakout": f"</style>{img.format(_run('style-breakout'))}",
        "textarea-breakout": f"</textarea>{img.format(_run('textarea-breakout'))}",
        "title-breakout": f"</title>{img.format(_run('title-breakout'))}",
        "script-breakout": f"</script><script>{_run('script-breakout')}</script>",
        "attr-breakout": f"\"><img src=x onerror=\"{_run('attr-breakout')}\">",
        "single-attr-breakout": f"'><img src=x onerror='{_run('single-attr-breakout')}'>",
        "comment": f'<!--<img src="--><img src=x onerror="{_run("comment")}//">',
        "xmp": f"<xmp><p title=\"</xmp>{img.format(_run('xmp'))}\">",
        "iframe-srcdoc": f"<iframe srcdoc=\"&lt;script&gt;{_run('iframe-srcdoc')}"
                         "&lt;/script&gt;\"></iframe>",
        "entities": f"&lt;img src=x onerror=&quot;{_run('entities')}&quot;&gt;",
        "numeric-entities": f"&#60;img src=x onerror=&#34;{_run('numeric-entities')}&#34;&#62;",
        "hex-entities": f"&#x3C;svg onload=&#x22;{_run('hex-entities')}&#x22;&#x3E;",
        "js-link": f"<a href=\"javascript:{_run('js-link')}\">raw link</a>",
        "entity-js-link": f"<a href=\"&#106;avascript:{_run('entity-js-link')}\">x</a>",
        "template": f"<template><style></template>{img.format(_run('template'))}</style>",
        "select": f"<select><template><style>{img.format(_run('select'))}</style></template>"
                  "</select>",
    }


PAYLOADS = _payloads()
# Markdown's own ways to make links and attributes, each also hostile.
MARKDOWN_PAYLOADS = {
    "md-link": f"[markdown link](javascript:{_run('md-link')})",
    "md-entity-link": f"[entity link](&#106;avascript:{_run('md-entity-link')})",
    "md-tab-link": f"[tab link](java&#9;script:{_run('md-tab-link')})",
    "md-autolink": f"<javascript:{_run('md-autolink')}>",
    "md-title": f"[titled](https://x.example \"t\\\"><img src=x onerror={_run('md-title')}>\")",
    "md-image": f"![alt\"><img src=x onerror={_run('md-image')}>](javascript:alert(1))",
    "md-data-image": "![data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "md-code": f"`<img src=x onerror=\"{_run('md-code')}\">`",
}
ALL = list(PAYLOADS.values())
NAMES = list(PAYLOADS)
BEFORE = "The paragraph before the hostile markup."
AFTER = "The paragraph after the hostile markup."


def body() -> str:
    """Every payload in its own paragraph, inline in a sentence, and in a fenced block."""
    parts = [BEFORE]
    parts += list(PAYLOADS.values())
    parts += [f"A sentence with {p} inside it." for p in PAYLOADS.values()]
    parts += list(MARKDOWN_PAYLOADS.values())
    parts.append("```html\n" + "\n".join(PAYLOADS.values()) + "\n```")
    parts.append(AFTER)
    return "\n\n".join(parts) + "\n"


def _text(i: int) -> str:
    """The i-th payload (cycling), as one line of front-matter text."""
    return ALL[i % len(ALL)]


@dataclass(frozen=True)
class HostileSite:
    root: Path
    output: Path
    slugs: list[str]  # every article
    translated: list[tuple[str, str]]  # (slug, lang) of every translation page
    actors: list[str]
    topics: list[str]


def write_content(root: Path, articles: int = 8) -> HostileSite:
    """digest.toml and content/ with hostile registries and ``articles`` hostile articles."""
    content = root / "content"
    folder = content / "articles" / "2024"
    folder.mkdir(parents=True)
    (root / "digest.toml").write_text(TOML, encoding="utf-8")
    actors = [f"actor-{n}" for n in range(4)]
    topics = [f"topic-{n}" for n in range(3)]
    actor_entries = [{
        "id": ident, "name": f"Actor {n} {_text(n)}", "kind": "person",
        "aliases": [f"Alias {n} {_text(n + 1)}"],
        "names": {"id": f"Aktor {n} {_text(n + 2)}"},
        "description": f"Described as {_text(n + 3)}",
    } for n, ident in enumerate(actors)]
    topic_entries = [{
        "id": ident, "name": {"en": f"Topic {n} {_text(n + 4)}", "id": f"Topik {n} {_text(n + 5)}"},
        "description": f"About {_text(n + 6)}",
    } for n, ident in enumerate(topics)]
    dump = {"allow_unicode": True, "sort_keys": False, "width": 10_000}
    (content / "actors.yml").write_text(yaml.safe_dump(actor_entries, **dump), encoding="utf-8")
    (content / "topics.yml").write_text(yaml.safe_dump(topic_entries, **dump), encoding="utf-8")
    slugs, translated = [], []
    text = body()
    for n in range(articles):
        slug = f"hostile-{n}"
        lang = "en" if n % 2 == 0 else "id"
        other = "id" if lang == "en" else "en"
        meta = {
            "title": f"Title {n} {_text(3 * n)}",
            "date": f"2024-07-{10 + n:02d}",
            "lang": lang,
            "source": {"name": f"Source {n} {_text(3 * n + 1)}",
                       "url": f"https://source.example/{slug}"},
            "topics": [topics[n % len(topics)]],
            "actors": [actors[n % len(actors)], actors[(n + 1) % len(actors)]],
            "summary": f"Summary {n} {_text(3 * n + 2)} and {_text(3 * n + 5)}",
            "translations": {
                other: {"title": f"Translated {n} {_text(3 * n + 7)}",
                        "summary": f"Translated summary {n} {_text(3 * n + 8)}",
                        "by": "editor"},
                "fr": {"title": f"Traduit {n} {_text(3 * n + 9)}",
                       "summary": f"Résumé {n} {_text(3 * n + 10)}",
                       "by": "machine:test/hostile"},
            },
            "status": "published",
        }
        head = yaml.safe_dump(meta, **dump)
        (folder / f"{slug}.md").write_text(f"---\n{head}---\n\n{text}", encoding="utf-8")
        slugs.append(slug)
        translated += [(slug, other), (slug, "fr")]
    return HostileSite(root=root, output=root / "output", slugs=slugs,
                       translated=translated, actors=actors, topics=topics)


def build(root: Path, search: bool = False) -> HostileSite:
    """Write the hostile content and build it; fails the test if the build fails."""
    import pytest

    from digest.config import load_config
    from digest.site.build import build_site

    site = write_content(root)
    result = build_site(load_config(root / "digest.toml"), search=search)
    if not (site.output / "index.html").is_file():
        pytest.fail(f"the hostile site did not build: {result}")
    return site
