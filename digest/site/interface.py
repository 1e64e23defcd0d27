"""Interface languages: every site language gets its own copy of each listing page.

The default language's pages live at the root (``/``, ``/topics/``…); every other
site language's under its code (``/id/``, ``/id/topics/``…). Article pages are not
copied: an article has one page in its own language and one per translation. The
language switcher on every page links to the same page in each other interface
language: for an article, its version in that language when there is one, else that
language's home.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .languages import direction, language_name


@dataclass(frozen=True)
class Interface:
    """One interface language of the site and where its listing pages live."""

    lang: str
    prefix: str  # "" for the default language, "id/" for Indonesian…

    def url(self, path: str) -> str:
        """A site-relative listing URL ("topics/") in this interface ("id/topics/")."""
        return self.prefix + path

    @property
    def dir(self) -> str:
        return direction(self.lang)


def interfaces(languages: tuple[str, ...] | list[str], default: str) -> list[Interface]:
    """The default language first (at the root), then the others in the listed order."""
    others = [lang for lang in dict.fromkeys(languages) if lang != default]
    return [Interface(default, "")] + [Interface(lang, f"{lang}/") for lang in others]


def prefix_of(lang: str, languages: list[str] | tuple[str, ...], default: str) -> str:
    """The URL prefix of ``lang``'s listing pages; the default's ("") for any other."""
    return f"{lang}/" if lang != default and lang in languages else ""


def unprefixed(url: str, prefix: str) -> str:
    """A listing URL without its interface prefix: the same page in every language."""
    return url[len(prefix):] if prefix and url.startswith(prefix) else url


@dataclass(frozen=True)
class Switch:
    """One entry of the language switcher: the page in another interface language."""

    lang: str
    label: str  # the language's name in that language
    url: str  # site-relative
    dir: str
    same_page: bool  # False when the page has no version there and the link goes home


def article_version(article: Any, lang: str) -> str | None:
    """The URL of ``article`` in ``lang``: the original or a translation, if one exists."""
    if article.lang == lang:
        return str(article.url)
    translation = article.translated.get(lang)
    return str(translation.url) if translation is not None else None


def switches(current: str, ifaces: list[Interface], *, listing_path: str | None = None,
             article: Any = None) -> list[Switch]:
    """The switcher for a page in interface language ``current``.

    A listing page gives its unprefixed ``listing_path``; an article or translation
    page gives its ``article``.
    """
    found = []
    for iface in ifaces:
        if iface.lang == current:
            continue
        url: str | None
        if article is not None:
            url = article_version(article, iface.lang)
        else:
            url = iface.url(listing_path) if listing_path is not None else None
        found.append(Switch(lang=iface.lang, label=language_name(iface.lang, iface.lang),
                            url=url if url is not None else iface.url(""), dir=iface.dir,
                            same_page=url is not None))
    return found
