"""The article contract: one table of front-matter fields.

Each field names its key, whether it is required, how a YAML value becomes the typed
value on :class:`~digest.article.Article` (``read``) and how it is written back
(``dump``). Reading never raises: a value of the wrong type yields the field's empty
value *and* a problem, so the same table serves the lenient readers (the store's index
of existing files) and the strict ones (``digest check`` and the build, which refuse a
file with problems). Problems carry the dotted key they are about (``source.url``,
``translations.en.title``) so callers can give the line.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..article import STATUSES, Article, Source, Translation
from ..urls import url_problem

LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|\d{3}))?$")
Problem = tuple[str, str]  # (dotted key, message)
Reader = Callable[[Any, str], tuple[Any, list[Problem]]]
Dumper = Callable[[Any], Any]


def kind_of(value: Any) -> str:
    """How a YAML value reads to an editor, for messages."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bytes):
        return "binary data"
    return type(value).__name__


# --- value readers: (value, key) -> (typed value, problems) -------------------------

def read_text(value: Any, key: str) -> tuple[str | None, list[Problem]]:
    """Optional text; blank text counts as absent."""
    if value is None:
        return None, []
    if isinstance(value, str):
        return (value if value.strip() else None), []
    return None, [(key, f"{key}: expected text, found {kind_of(value)}")]


def read_title(value: Any, key: str) -> tuple[str, list[Problem]]:
    text, problems = read_text(value, key)
    if not problems and text is None:
        problems = [(key, f"{key}: is empty" if value is not None
                     else f"missing required key '{key}'")]
    return text or "", problems


def to_date(value: Any) -> dt.date | dt.datetime | None:
    """Accept YAML's date/datetime or an ISO 8601 string; ``None`` if it is neither."""
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def _date_hint(text: str) -> str:
    """Why an ISO-looking date is impossible ("November has 30 days")."""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return "write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has {days} days"
    return "write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"


def read_date(value: Any, key: str) -> tuple[dt.date | dt.datetime | None, list[Problem]]:
    if value is None:
        return None, []
    date = to_date(value)
    if date is not None:
        return date, []
    hint = _date_hint(value.strip()) if isinstance(value, str) else f"found {kind_of(value)}"
    return None, [(key, f"{key}: {value!r} is not an ISO 8601 date or datetime ({hint})")]


def read_required_date(value: Any, key: str) -> tuple[dt.date | dt.datetime | None,
                                                      list[Problem]]:
    if value is None or value == "":
        return None, [(key, f"missing required key '{key}'")]
    return read_date(value, key)


def read_datetime(value: Any, key: str) -> tuple[dt.datetime | None, list[Problem]]:
    date, problems = read_date(value, key)
    if date is not None and not isinstance(date, dt.datetime):
        date = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    return date, problems


def read_lang(value: Any, key: str) -> tuple[str | None, list[Problem]]:
    if value is None or value == "":
        return None, [(key, f"missing required key '{key}'")]
    if isinstance(value, str) and LANG_RE.match(value.strip()):
        return value.strip(), []
    hint = language_hint(value) if isinstance(value, str) else None
    return None, [(key, f"{key}: {value!r} is not a BCP 47 language tag"
                   + (f" (did you mean {hint}?)" if hint else ""))]


def language_hint(value: str) -> str | None:
    """The tag an editor probably meant: ``english`` → ``en``, ``EN`` → ``en``,
    ``en_us`` → ``en-US``."""
    parts = value.strip().replace("_", "-").split("-")
    tag = "-".join([parts[0].lower(), *(p.title() if len(p) == 4 else p.upper()
                                        for p in parts[1:])])
    if LANG_RE.match(tag) and tag != value:
        return tag
    from babel import Locale

    wanted = value.strip().casefold()
    for ui in dict.fromkeys(("en", wanted[:2])):
        try:
            names = Locale.parse(ui).languages
        except Exception:  # babel raises its own UnknownLocaleError for unknown codes
            continue
        for code, name in names.items():
            if "_" not in code and name.casefold() == wanted:
                return str(code)
    return None


def read_url(value: Any, key: str) -> tuple[str | None, list[Problem]]:
    if value is None or value == "":
        return None, []
    problem = url_problem(value)
    if problem:
        return None, [(key, f"{key}: {problem}")]
    return str(value).strip(), []


def read_texts(value: Any, key: str) -> tuple[list[str], list[Problem]]:
    """A list of non-empty strings (``via``, ``topics``, ``actors``)."""
    if value is None:
        return [], []
    if isinstance(value, str):
        return [value] if value.strip() else [], [
            (key, f"{key}: expected a list, e.g. [{value.strip()}]")]
    if not isinstance(value, list):
        return [], [(key, f"{key}: expected a list of text, found {kind_of(value)}")]
    items: list[str] = []
    problems: list[Problem] = []
    for i, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            items.append(item)
        else:
            problems.append((f"{key}.{i}", f"{key}: item {i + 1} is {kind_of(item)}"
                             if not isinstance(item, str) else f"{key}: item {i + 1} is empty"))
    return items, problems


def read_status(value: Any, key: str) -> tuple[str, list[Problem]]:
    if value is None:
        return "published", []
    if isinstance(value, str) and value in STATUSES:
        return value, []
    return "published", [(key, f"{key}: {value!r} is not one of {', '.join(STATUSES)}")]


def read_story(value: Any, key: str) -> tuple[str | None, list[Problem]]:
    if value is None:
        return None, []
    if not isinstance(value, str):
        return None, [(key, f"{key}: expected a story id, found {kind_of(value)}")]
    from ..stories.ids import id_problem

    problem = id_problem(value)
    return (None, [(key, problem)]) if problem else (value, [])


def _text_keys(value: dict[Any, Any], key: str) -> list[Problem]:
    return [(key, f"{key}: key {k!r} is not text") for k in value if not isinstance(k, str)]


def read_source(value: Any, key: str) -> tuple[Source, list[Problem]]:
    if value is None:
        return Source(), []
    if isinstance(value, str):
        return Source(name=value if value.strip() else None), [
            (key, f"{key}: expected a mapping with name and url")]
    if not isinstance(value, dict):
        return Source(), [(key, f"{key}: expected a mapping with name and url, "
                           f"found {kind_of(value)}")]
    name, p1 = read_text(value.get("name"), f"{key}.name")
    url, p2 = read_url(value.get("url"), f"{key}.url")
    retrieved, p3 = read_datetime(value.get("retrieved"), f"{key}.retrieved")
    return Source(name=name, url=url, retrieved=retrieved), [*_text_keys(value, key),
                                                             *p1, *p2, *p3]


def read_by(value: Any, key: str) -> tuple[str, list[Problem]]:
    if value is None:
        return "editor", []
    if isinstance(value, str) and (value == "editor" or (
            value.startswith("machine:") and len(value) > len("machine:"))):
        return value, []
    return "editor", [(key, f"{key}: expected 'editor' or 'machine:<backend>/<model>'")]


def read_translations(value: Any, key: str) -> tuple[dict[str, Translation], list[Problem]]:
    if value is None:
        return {}, []
    if not isinstance(value, dict):
        return {}, [(key, f"{key}: expected a mapping of language to title and summary")]
    found: dict[str, Translation] = {}
    problems: list[Problem] = []
    for lang, entry in value.items():
        where = f"{key}.{lang}"
        if not isinstance(lang, str) or not LANG_RE.match(lang):
            problems.append((where, f"{key}: {lang!r} is not a language tag"))
            continue
        if not isinstance(entry, dict):
            problems.append((where, f"{where}: expected title, summary and by"))
            continue
        title, p1 = read_text(entry.get("title"), f"{where}.title")
        summary, p2 = read_text(entry.get("summary"), f"{where}.summary")
        by, p3 = read_by(entry.get("by"), f"{where}.by")
        date, p4 = read_date(entry.get("date"), f"{where}.date")
        problems += [*_text_keys(entry, where), *p1, *p2, *p3, *p4]
        found[lang] = Translation(title=title, summary=summary, by=by, date=date)
    return found, problems


# --- value dumpers -----------------------------------------------------------------

def _iso(value: dt.date | dt.datetime | None) -> Any:
    """Whole seconds: sub-second precision is noise in a news digest."""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0)
    return value


def _clean(value: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values so the front matter stays short."""
    return {k: v for k, v in value.items() if v not in (None, "", [], {})}


def dump_source(source: Source) -> dict[str, Any]:
    return _clean({"name": source.name, "url": source.url, "retrieved": _iso(source.retrieved)})


def dump_translations(translations: dict[str, Translation]) -> dict[str, Any]:
    return {lang: _clean({"title": t.title, "summary": t.summary, "by": t.by,
                          "date": _iso(t.date)})
            for lang, t in sorted(translations.items())}


def _same(value: Any) -> Any:
    return value


def _listed(value: list[str]) -> list[str]:
    return list(value)


@dataclass(frozen=True)
class Field:
    key: str  # front-matter key, also the Article attribute
    read: Reader
    dump: Dumper = _same
    required: bool = False
    registry: str | None = None  # ids that must be in this registry ("actors", "topics")


# In the order they are written; any other key is kept in ``Article.extra``.
FIELDS: tuple[Field, ...] = (
    Field("title", read_title, required=True),
    Field("date", read_required_date, _iso, required=True),
    Field("updated", read_date, _iso),
    Field("lang", read_lang, required=True),
    Field("source", read_source, dump_source),
    Field("author", read_text),
    Field("section", read_text),
    Field("dateline", read_text),
    Field("image", read_url),
    Field("via", read_texts, _listed),
    Field("topics", read_texts, _listed, registry="topics"),
    Field("actors", read_texts, _listed, registry="actors"),
    Field("summary", read_text),
    Field("translations", read_translations, dump_translations),
    Field("status", read_status),
    Field("story", read_story),
)
KNOWN_KEYS = tuple(f.key for f in FIELDS)


def read_article(meta: dict[Any, Any], body: str, origin: str | None = None
                 ) -> tuple[Article, list[Problem]]:
    """The typed Article for parsed front matter, and every problem with it."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for f in FIELDS:
        values[f.key], found = f.read(meta.get(f.key), f.key)
        problems += found
    extra: dict[str, Any] = {}
    for key, value in meta.items():
        if not isinstance(key, str):
            problems.append((str(key), f"key {key!r} is not text"))
        if key not in KNOWN_KEYS:
            extra[key] = value  # kept as written, so a rewrite never loses it
    return Article(body=body, extra=extra, origin=origin, **values), problems


def to_front_matter(article: Article) -> dict[str, Any]:
    """The metadata mapping written before the body, in the table's order."""
    meta = _clean({f.key: f.dump(getattr(article, f.key)) for f in FIELDS})
    for key, value in article.extra.items():
        meta.setdefault(key, value)
    return meta
