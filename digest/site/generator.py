"""The digest's pages: home, topics, actors, archive, search, 404, translations, feeds,
sitemap, robots.

Article pages themselves are written by Pelican's article generator with the
theme's ``article.html``; this generator adds everything else, from groupings
computed once (see ``groupings``). Each translation gets its own page
(``translation.html``), in its own language, indexed by Pagefind like any page.
"""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pelican.generators import Generator

from . import groupings
from .feeds import write_feed
from .state import current
from .taxonomy import Actor, Topic
from .versions import alternates

_QUOTE = {'"': "&quot;"}  # for attribute values: xml.sax.saxutils.escape leaves quotes


class DigestGenerator(Generator):
    def generate_context(self) -> None:
        state = current()
        site = state.site
        digest = groupings.build(
            list(self.context.get("articles", [])), state.registries,
            related_max=site.related_actors)
        items = digest.articles
        for article in items:
            # Pelican formats the URL from settings at every access; pages list
            # articles tens of thousands of times, so fix it once.
            article.override_url = article.url
        for i, article in enumerate(items):
            article.newer = items[i - 1] if i else None
            article.older = items[i + 1] if i + 1 < len(items) else None
            article.in_story = digest.story_of.get(article.slug)
        self.digest = digest
        reg = state.registries
        self.topics = {t: Topic(t, self.settings, reg.topics[t]) for t in reg.topics}
        self.actors = {a: Actor(a, self.settings, reg.actors[a]) for a in reg.actors}
        self.context.update(digest=digest, topics_by_id=self.topics, actors_by_id=self.actors,
                            digest_site=site)
        state.extra["articles"] = len(items)

    def generate_output(self, writer: Any) -> None:
        write = partial(writer.write_file, relative_urls=False)
        ctx = self.context
        digest = self.digest
        ui = self.settings["DEFAULT_LANG"]
        page = partial(self._page, write, ctx, ui)
        write("index.html", self.get_template("index"), ctx, paginated={"articles": digest.home},
              template_name="index", url="", ui_lang=ui, page_url="")
        page("topics/index.html", "topics", "topics/")
        page("actors/index.html", "actors", "actors/")
        page("archive/index.html", "archive", "archive/")
        page("search/index.html", "search", "search/")
        page("404.html", "404", "404.html")
        for ident, items in sorted(digest.by_topic.items()):
            topic = self.topics[ident]
            write(topic.save_as, self.get_template("topic"), ctx,
                  paginated={"articles": digest.topic_entries[ident]},
                  template_name="topic", url=topic.url, topic=topic, articles=items,
                  ui_lang=ui, page_url=topic.url)
        for ident, items in sorted(digest.by_actor.items()):
            actor = self.actors[ident]
            write(actor.save_as, self.get_template("actor"), ctx,
                  paginated={"articles": digest.actor_entries[ident]},
                  template_name="actor", url=actor.url, actor=actor, articles=items,
                  related=[(self.actors[o], n) for o, n in digest.related.get(ident, [])],
                  timeline=digest.timeline.get(ident, []), ui_lang=ui, page_url=actor.url)
        self._translations(write, ctx, ui)
        self._stories(write, ctx, ui)
        self._feeds()
        self._story_feeds()
        self._sitemap()
        icon = Path(self.theme) / "static" / "favicon.ico"
        if icon.is_file():  # browsers ask for /favicon.ico whatever the page says
            shutil.copyfile(icon, Path(self.output_path) / "favicon.ico")

    def _page(self, write: Any, ctx: dict[str, Any], ui: str, save_as: str, template: str,
              url: str) -> None:
        write(save_as, self.get_template(template), ctx, template_name=template, url=url,
              ui_lang=ui, page_url=url)

    def _translations(self, write: Any, ctx: dict[str, Any], ui: str) -> None:
        """One page per translation; its interface speaks its language when the site does."""
        site_languages = current().site.site_languages
        template = self.get_template("translation")
        for article in self.digest.articles:
            for lang, translation in article.translated.items():
                write(translation.save_as, template, ctx, template_name="translation",
                      url=translation.url, article=article, translation=translation,
                      ui_lang=lang if lang in site_languages else ui, page_lang=lang,
                      page_url=translation.url)

    def _stories(self, write: Any, ctx: dict[str, Any], ui: str) -> None:
        """One page per story of two or more articles (see ``groupings.Story``)."""
        template = self.get_template("story")
        for story in self.digest.stories.values():
            write(story.save_as, template, ctx, template_name="story", url=story.url,
                  story=story, ui_lang=ui, page_url=story.url)

    def _story_feeds(self) -> None:
        s = self.settings
        ui = s["DEFAULT_LANG"]
        for story in self.digest.stories.values():
            lead, translation = story.lead_in(ui)
            headline = (translation.title if translation and translation.title
                        else lead.title)
            write_feed(Path(self.output_path), story.feed, story.articles[::-1],
                       title=f"{s['SITENAME']}: {headline}", site_url=current().site.site_url,
                       language=ui, labels_lang=ui, max_items=s.get("FEED_MAX_ITEMS") or 30)

    def _feeds(self) -> None:
        s = self.settings
        out = Path(self.output_path)
        ui = s["DEFAULT_LANG"]
        site_url = current().site.site_url
        name = s["SITENAME"]
        feed = partial(write_feed, out, site_url=site_url, labels_lang=ui,
                       max_items=s.get("FEED_MAX_ITEMS") or 30)
        d = self.digest
        if d.articles:
            feed("feeds/all.atom.xml", d.articles, title=name, language=ui)
        for ident, items in sorted(d.by_topic.items()):
            feed(f"feeds/topics/{ident}.atom.xml", items,
                 title=f"{name}: {self.topics[ident].label(ui)}", language=ui)
        for ident, items in sorted(d.by_actor.items()):
            feed(f"feeds/actors/{ident}.atom.xml", items,
                 title=f"{name}: {self.actors[ident].label(ui)}", language=ui)
        for lang, items in d.by_lang.items():
            feed(f"feeds/lang/{lang}.atom.xml", items, title=f"{name} ({lang})", language=lang)

    def _sitemap(self) -> None:
        site_url = current().site.site_url
        d = self.digest
        urls: list[tuple[str, str | None, list[tuple[str, str]]]] = [
            ("", None, []), ("topics/", None, []), ("actors/", None, []), ("archive/", None, [])]
        urls += [(self.topics[t].url, f"{items[0].date:%Y-%m-%d}", [])
                 for t, items in sorted(d.by_topic.items())]
        urls += [(self.actors[a].url, f"{items[0].date:%Y-%m-%d}", [])
                 for a, items in sorted(d.by_actor.items())]
        urls += [(s.url, f"{s.newest.date:%Y-%m-%d}", []) for s in d.stories.values()]
        for a in d.articles:
            day = f"{a.date:%Y-%m-%d}"
            versions = alternates(a) if a.translated else []
            urls.append((a.url, day, versions))
            urls += [(t.url, day, versions) for t in a.translated.values()]
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                 'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
        for url, lastmod, versions in urls:
            mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
            # Every version of an article lists all of them, itself included.
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{escape(lang, _QUOTE)}" '
                f'href="{escape(f"{site_url}/{href}", _QUOTE)}"/>' for lang, href in versions)
            lines.append(f"<url><loc>{escape(f'{site_url}/{url}')}</loc>{mod}{links}</url>")
        lines.append("</urlset>")
        out = Path(self.output_path)
        (out / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (out / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {site_url}/sitemap.xml\n", encoding="utf-8")

