"""Names in the articles that no actor claims yet: candidates for ``actors.yml``.

Candidates are capitalised word runs (with name particles: "bin", "al-", "van"),
acronyms ("KPK", "UNRWA") and Arabic names built on "عبد", "أبو", "بن". Words the
corpus also writes in lower case are common words capitalised at a sentence start or
titles ("Presiden"); month and weekday names come from Babel.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..article import Article
from ..registry import Registries
from ..text.calendar import calendar_words
from ..text.fold import norm
from .matcher import PhraseMatcher
from .sentences import split_sentences
from .text import is_arabic, plain

# Lower-case words that may sit inside a name: "Ismail bin Abdullah", "Ursula von der Leyen".
PARTICLES = frozenset({"bin", "binti", "bint", "ibn", "van", "von", "der", "den", "de", "da",
                       "del", "della", "dos", "du", "ter", "al", "el"})
MAX_ACRONYM = 6
_TOKEN = re.compile(r"\w+(?:['’\-‐]\w+)*")
_PREFIXED = re.compile(r"^(?:al|el|an|ad|as|ar|at|az|ash|ul)[-‐]\w", re.IGNORECASE)
_AR_WORD = r"[\u0600-\u06ff]+"
_AR_NAME = re.compile(
    rf"(?<!\S)(?:(?:عبد|أبو|أبي|ابو|آل)\s+{_AR_WORD}|{_AR_WORD}\s+(?:بن|ابن)\s+{_AR_WORD})"
    rf"(?:\s+(?:بن|ابن)\s+{_AR_WORD})*")


@dataclass
class Suggestion:
    name: str  # the spelling seen most often
    count: int  # mentions across the corpus
    example: str  # slug of the article that mentions it most


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(word) <= MAX_ACRONYM and bool(letters) and all(c.isupper() for c in letters)


def _is_name_word(word: str) -> bool:
    return word[0].isupper() or bool(_PREFIXED.match(word))


def _runs(sentence: str) -> Iterable[tuple[list[str], bool]]:
    """Runs of capitalised words not broken by punctuation, particles allowed inside,
    each with whether it starts the sentence."""
    for run in _plain_runs(sentence):
        yield run, sentence.lstrip("\"'“‘«([").startswith(run[0])


def _plain_runs(sentence: str) -> Iterable[list[str]]:
    run: list[str] = []
    last_end = -1
    for m in _TOKEN.finditer(sentence):
        word = m.group()
        joined = last_end >= 0 and sentence[last_end:m.start()] == " "
        if run and not joined:
            yield run
            run = []
        if not is_arabic(word[0]) and (_is_name_word(word) or (run and word in PARTICLES)):
            run.append(word)
            last_end = m.end()
            continue
        if run:
            yield run
        run = []
        last_end = m.end()
    if run:
        yield run


def _lower_words(texts: Iterable[str]) -> set[str]:
    return {norm(m.group()) for text in texts for m in _TOKEN.finditer(text)
            if m.group()[0].islower() and not _PREFIXED.match(m.group())}


def _inner_capitals(texts: Iterable[str], lang: str | None) -> set[str]:
    """Words written with a capital somewhere other than at a sentence start."""
    return {norm(word) for text in texts for sentence in split_sentences(text, lang)
            for run, initial in _runs(sentence) for word in run[1 if initial else 0:]}


@dataclass
class _Mention:
    slug: str
    run: list[str]
    initial: bool  # the run starts its sentence
    name: str | None = None


class _Collector:
    def __init__(self, registries: Registries, languages: tuple[str, ...]):
        self.claimed = PhraseMatcher(
            (name, actor.id) for actor in registries.actors.values() for name in actor.all_names)
        self.calendar = calendar_words(languages)

    def common(self, word: str, lower: set[str]) -> bool:
        key = norm(word)
        return key in lower or key in self.calendar

    def clean(self, run: list[str], lower: set[str]) -> str | None:
        if len(run) > 1 and all(w.isupper() for w in run):
            return None  # an all-capitals heading or label, not a name
        while run and (run[0] in PARTICLES or self.common(run[0], lower)):
            run = run[1:]
        while run and (run[-1] in PARTICLES or self.common(run[-1], lower)):
            run = run[:-1]
        if not run:
            return None
        name = " ".join(run)
        if len(run) == 1 and len(name) < 3 and not _is_acronym(name):
            return None
        if len(run) == 1 and name.isupper() and len(name) > MAX_ACRONYM:
            return None  # a shouted word
        if self.claimed.find(norm(name)):
            return None  # an actor's name or alias, or a phrase containing one
        return name

    def mentions(self, slug: str, text: str, lang: str | None) -> Iterable[_Mention]:
        for sentence in split_sentences(text, lang):
            for run, initial in _runs(sentence):
                yield _Mention(slug, run, initial)
            for m in _AR_NAME.finditer(sentence):
                if not self.claimed.find(norm(m.group())):
                    yield _Mention(slug, [m.group()], False, m.group())


def _key(name: str) -> str:
    return re.sub(r"[\s\-‐]+", " ", norm(name))


def suggest_names(articles: Iterable[tuple[str, Article]], registries: Registries,
                  languages: tuple[str, ...]) -> list[Suggestion]:
    """Unclaimed names across ``(slug, article)`` pairs, most mentioned first."""
    docs = [(slug, a.lang, plain(f"{a.title}\n\n{a.body}")) for slug, a in articles]
    by_lang: dict[str | None, list[str]] = defaultdict(list)
    for _, lang, text in docs:
        by_lang[lang].append(text)
    collector = _Collector(registries, languages)
    mentions: list[_Mention] = []
    elsewhere: set[str] = set()  # names seen away from a sentence start
    for lang, texts in by_lang.items():
        lower = _lower_words(texts)
        inner = _inner_capitals(texts, lang)
        found = [m for slug, doc_lang, text in docs if doc_lang == lang
                 for m in collector.mentions(slug, text, lang)]
        for m in found:
            m.name = m.name or collector.clean(m.run, lower)
            if m.name and not m.initial:
                elsewhere.add(_key(m.name))
        for m in found:
            # "Menurut KPK": when "Menurut" never has a capital inside a sentence and
            # "KPK" stands alone elsewhere, the sentence start made the longer run.
            if m.initial and len(m.run) > 1 and norm(m.run[0]) not in inner:
                rest = collector.clean(m.run[1:], lower)
                if rest and _key(rest) in elsewhere:
                    m.name, m.initial = rest, False
        mentions.extend(found)
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    per_article: dict[str, Counter[str]] = defaultdict(Counter)
    inside: set[str] = set()  # several words, or capitalised other than at a sentence start
    for m in mentions:
        if not m.name:
            continue
        key = _key(m.name)
        counts[key] += 1
        spellings[key][m.name] += 1
        per_article[key][m.slug] += 1
        if not m.initial or " " in m.name:
            inside.add(key)
    for key in [k for k in counts if k not in inside]:
        del counts[key]  # "Selain", "Lebih": only ever capitalised by the sentence
    _merge_surnames(counts, spellings, per_article)
    return sorted(
        (Suggestion(spellings[k].most_common(1)[0][0], n, per_article[k].most_common(1)[0][0])
         for k, n in counts.items()),
        key=lambda s: (-s.count, _key(s.name)))


def _merge_surnames(counts: Counter[str], spellings: dict[str, Counter[str]],
                    per_article: dict[str, Counter[str]]) -> None:
    """Count "Widodo" towards "Joko Widodo" when exactly one longer name ends with it
    (acronyms stay apart: "KPK" is not the surname of "Menurut KPK")."""
    single = [k for k in counts
              if " " not in k and not _is_acronym(spellings[k].most_common(1)[0][0])]
    for key in single:
        longer = [k for k in counts if k.endswith(" " + key)]
        if len(longer) == 1:
            target = longer[0]
            counts[target] += counts.pop(key)
            per_article[target].update(per_article.pop(key))
            spellings.pop(key)
