"""Write articles to ``content/articles/YYYY/<slug>.md`` without clobbering anything.

Rules, in order:

* **Same article** — an existing file with the same canonical ``source.url``
  (lower-case host, no fragment, no ``utm_*`` parameters, no trailing slash), the
  same ``body_hash``, or (for inputs without a URL, whose body an editor may have
  edited) the same title and day, is the same article. The index of existing files is built once
  per run and grows as files are written, so duplicates within one batch are caught.
* **Checksum** — digest ends every file's front matter with ``checksum:``, the first
  16 hex digits of the SHA-256 of the file's text without that line. A file whose text
  no longer matches its checksum (or that has none) was changed by an editor.
* **Ownership per field** — before ``checksum:`` digest writes ``machine:``, a hash of
  each field's value as it wrote it (``ownership``). A field an editor changed is the
  editor's and is never overwritten without ``force``; the others follow the new
  extraction. So an edited summary does not freeze the actor list.
* **Existing** files are re-rendered from the new extraction, keeping the editor's
  fields, what later commands added (translations, status, unknown keys) and the first
  ``retrieved`` time: identical text → ``unchanged`` (the file is not touched, not even
  its mtime); different → rewritten atomically, ``updated`` (naming the fields kept).
  A file that cannot be read is ``skipped`` unless ``force``.
* **New** articles get a slug from the title; a slug already used by a different
  article (in any year: article URLs have no year) gets ``-2``, ``-3``…

Several runs may write at once: each write holds a lock on the articles folder
(``.digest.lock``), looks again at files other runs wrote since it last looked, and
creates a new file only under a name nobody holds (``os.link``), so no two runs claim
one path and one article is not created twice.

Bodies are Markdown made from plain text, so a ``<`` that could open an HTML tag is
escaped (``\\<``): text from the input never reaches the site as markup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..article import Article, Source
from ..errors import DigestError
from ..slug import slugify
from ..text.fold import fold
from .article_file import from_front_matter, to_front_matter
from .atomic import write_file
from .folder_lock import FolderLock
from .frontmatter import FENCE, parse, render, write_atomic
from .ownership import STAMP_KEY, Ownership, keys_of, ownership, resolve, stamp_for, stamp_line

CHECKSUM_KEY = "checksum"
_CHECKSUM_LINE = re.compile(
    r"^checksum: ['\"]?([0-9a-f]{16})['\"]?\n(?=---\n)", re.MULTILINE)
_TAG_START = re.compile(r"(?<!\\)<(?=[A-Za-z/!?])")

Action = Literal["created", "updated", "unchanged", "skipped"]


def canonical_url(url: str) -> str:
    """The form two URLs of one article share: ``HTTPS://Ex.org/a/?utm_source=x#c`` →
    ``https://ex.org/a``."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port and (parts.scheme, parts.port) not in (
        ("http", 80), ("https", 443)) else None
    netloc = f"{host}:{port}" if port else host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith("utm_")])
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def article_files(root: Path) -> list[Path]:
    """Every article file under ``root``, sorted, as Pelican's reader finds them: ``.md``
    and ``.markdown`` names that are not folders; hidden files (editor backups) left out."""
    found = [*root.glob("**/*.md"), *root.glob("**/*.markdown")]
    return [p for p in sorted(found)
            if not any(part.startswith(".") for part in p.relative_to(root).parts)
            and not p.is_dir()]


def escape_markup(body: str) -> str:
    return _TAG_START.sub(r"\\<", body)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def render_file(article: Article, owner: Ownership | None = None) -> str:
    """The exact text digest writes for ``article``, the ``machine:`` stamp (every field
    digest's unless ``owner`` says otherwise) and the checksum line last."""
    meta = to_front_matter(article)
    meta.pop(CHECKSUM_KEY, None)
    meta.pop(STAMP_KEY, None)
    body = escape_markup(article.body)
    stamped = replace(article, body=body)
    owner = owner or Ownership({key: True for key in keys_of(stamped)})
    text = render(meta, body)
    head_end = text.index(f"\n{FENCE}\n", len(FENCE)) + 1
    text = f"{text[:head_end]}{stamp_line(stamp_for(stamped, owner))}\n{text[head_end:]}"
    # Appended by hand rather than dumped again: it is the last key, so the text
    # without this line is exactly what was hashed.
    return restamp(text)


def restamp(text: str) -> str:
    """``text`` with a fresh checksum line: for commands that rewrite a file digest wrote
    and that was untouched (``digest translate``), so it still counts as untouched."""
    match = _CHECKSUM_LINE.search(text)
    if match:
        text = text[:match.start()] + text[match.end():]
    checksum = _digest(text)
    if checksum.isdigit():  # YAML would read sixteen digits as a number
        checksum = f"'{checksum}'"
    head_end = text.index(f"\n{FENCE}\n", len(FENCE)) + 1
    return f"{text[:head_end]}{CHECKSUM_KEY}: {checksum}\n{text[head_end:]}"


def is_untouched(text: str) -> bool:
    """True if the file is exactly as digest wrote it (its checksum still matches)."""
    match = _CHECKSUM_LINE.search(text)
    if not match:
        return False
    return _digest(text[:match.start()] + text[match.end():]) == match.group(1)


Place = Callable[[Article, Path], Article]


@dataclass
class WriteResult:
    action: Action
    path: Path
    reason: str | None = None


class ArticleStore:
    """The articles folder: an index of what is there, and the rules for writing."""

    def __init__(self, articles_dir: Path):
        self.root = articles_dir.resolve()
        self.by_url: dict[str, Path] = {}
        self.by_hash: dict[str, Path] = {}
        self.by_title: dict[tuple[str, str], Path] = {}
        self.slugs: dict[str, Path] = {}
        self._known: set[Path] = set()
        self._lock = FolderLock(self.root)
        # Read before the scan: a write by another run during or after it shows as a
        # newer count at our next write, and we look again.
        self._seen = self._lock.generation()
        self._scan()

    def _scan(self) -> None:
        """Index the files not indexed yet (all of them the first time)."""
        for path in article_files(self.root):
            if path in self._known:
                continue
            self._known.add(path)
            self.slugs.setdefault(path.stem, path)
            try:
                meta, body = parse(path.read_text(encoding="utf-8"), path)
            except (OSError, UnicodeDecodeError, DigestError):
                continue  # `digest check` reports these; the slug stays taken
            self._add(path, from_front_matter(meta, body))

    def _add(self, path: Path, article: Article) -> None:
        self._known.add(path)
        self.slugs.setdefault(path.stem, path)
        if article.source.url:
            self.by_url.setdefault(canonical_url(article.source.url), path)
        self.by_hash.setdefault(_body_hash(article), path)
        key = _title_key(article)
        if key:
            self.by_title.setdefault(key, path)

    def find(self, article: Article) -> Path | None:
        """The existing file holding the same article, if any."""
        if article.source.url:
            found = self.by_url.get(canonical_url(article.source.url))
            if found:
                return found
        found = self.by_hash.get(_body_hash(article))
        if found or article.source.url:
            return found
        key = _title_key(article)
        return self.by_title.get(key) if key else None

    def new_path(self, article: Article) -> Path:
        if article.date is None:
            raise DigestError("no date: cannot choose the article's folder", article.origin)
        base = slugify(article)
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        path = (self.root / f"{article.date.year:04d}" / f"{slug}.md").resolve()
        if not path.is_relative_to(self.root):  # slugify makes this impossible; be sure
            raise DigestError(f"refusing to write outside {self.root}", article.origin)
        return path

    def target(self, article: Article) -> Path:
        """Where ``write`` would put ``article`` (an existing file or a new one)."""
        return self.find(article) or self.new_path(article)

    def write(self, article: Article, *, force: bool = False,
              now: dt.datetime | None = None, place: Place | None = None) -> WriteResult:
        """Create, update or keep the file of ``article``; raises ``WriteError`` when the
        system refuses the write (nothing is changed then). ``place(article, path)``, called
        under the lock just before a new file is written, may complete the article (its
        story), seeing every file other runs wrote."""
        now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
        with self._lock.held() as count:
            if count != self._seen:
                self._scan()
                self._seen = count
            return self._write(article, force, now, place)

    def _write(self, article: Article, force: bool, now: dt.datetime,
               place: Place | None = None) -> WriteResult:
        existing = self.find(article)
        while existing is None:
            path = self.new_path(article)
            if place is not None:
                article = place(article, path)
            if article.source.retrieved is None:
                article = replace(article, source=replace(article.source, retrieved=now))
            self._seen = self._lock.bump()
            try:
                write_file(path, render_file(article), exclusive=True)
            except FileExistsError:
                # Written by something that does not take the lock (an editor, an older
                # digest): index it, then it is either this article or a taken slug.
                self._scan()
                self.slugs.setdefault(path.stem, path)
                existing = self.find(article)
                continue
            self._add(path, article)
            return WriteResult("created", path)

        old_text = existing.read_text(encoding="utf-8")
        try:
            meta, body = parse(old_text, existing)
        except DigestError as exc:
            if not force:
                return WriteResult("skipped", existing,
                                   f"cannot read it ({exc.message}; use --force to replace)")
            meta, body = {}, ""
        old = from_front_matter(meta, body)
        merged = _merge(article, old)
        if force:
            owner = Ownership({key: True for key in keys_of(merged)})
        else:
            as_written = replace(merged, body=escape_markup(merged.body))
            owner = resolve(ownership(old, meta, is_untouched(old_text)), old, as_written,
                            keys_of(merged))
            merged = keep_editors(merged, old, owner)
        text = render_file(merged, owner)
        if text == old_text:
            return WriteResult("unchanged", existing)
        merged.source.retrieved = article.source.retrieved or now
        self._seen = self._lock.bump()
        write_atomic(existing, render_file(merged, owner))
        self._add(existing, merged)
        kept = sorted(k for k in owner.editor_keys() if not k.startswith("translations."))
        return WriteResult("updated", existing,
                           f"kept the editor's {', '.join(kept)}" if kept else None)


def keep_editors(new: Article, old: Article, owner: Ownership) -> Article:
    """``new`` with the old value of every field the editor owns."""
    changes: dict[str, Any] = {}
    for key in owner.editor_keys():
        if key == "body":
            changes["body"] = old.body
        elif key == "source":
            changes["source"] = replace(new.source, name=old.source.name, url=old.source.url)
        elif not key.startswith("translations."):
            changes[key] = getattr(old, key)
    return replace(new, **changes)


def _body_hash(article: Article) -> str:
    """The body hash as the file will hold it (escaped), so files and inputs compare."""
    return Article(body=escape_markup(article.body)).body_hash


def _title_key(article: Article) -> tuple[str, str] | None:
    if not article.title.strip() or article.date is None:
        return None
    return fold(" ".join(article.title.split())), article.date.isoformat()[:10]


def _merge(new: Article, old: Article) -> Article:
    """The new extraction, keeping what other commands added to the old file."""
    extra = {k: v for k, v in old.extra.items() if k not in (CHECKSUM_KEY, STAMP_KEY)}
    extra.update({k: v for k, v in new.extra.items() if k not in (CHECKSUM_KEY, STAMP_KEY)})
    url = new.source.url
    if url and old.source.url and canonical_url(url) == canonical_url(old.source.url):
        url = old.source.url  # the same address with other tracking parameters
    return replace(
        new,
        source=Source(name=new.source.name, url=url,
                      retrieved=old.source.retrieved or new.source.retrieved),
        # A new machine translation never replaces an editor's.
        translations={**old.translations, **{
            lang: t for lang, t in new.translations.items()
            if lang not in old.translations or old.translations[lang].is_machine}},
        status=old.status if old.status != "published" else new.status,
        story=new.story or old.story,  # set by `digest stories`, not by extraction
        extra=extra,
    )
