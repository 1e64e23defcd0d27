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
from ..text.lang import base_language
from .matcher import PhraseMatcher
from .sentences import split_sentences
from .suggest_kind import ORG_WORDS, TITLES, guess_kind
from .text import is_arabic, plain

# Lower-case words that may sit inside a name: "Ismail bin Abdullah", "Ursula von der Leyen".
PARTICLES = frozenset({"bin", "binti", "bint", "ibn", "van", "von", "der", "den", "de", "da",
                       "del", "della", "dos", "du", "ter", "al", "el"})
ARTICLE_PARTICLES = frozenset({"der", "den"})
MAX_ACRONYM = 6
# Languages that capitalise every noun: a lone capitalised word there is no evidence.
NOUN_CAPITALS = frozenset({"de", "lb"})
_TOKEN = re.compile(r"\w+(?:['’\-‐]\w+)*")
_PREFIXED = re.compile(r"^(?:al|el|an|ad|as|ar|at|az|ash|ul)[-‐]\w", re.IGNORECASE)
_AR_WORD = r"[\u0600-\u06ff]+"
_AR_NAME = re.compile(
    rf"(?<!\S)(?:(?:عبد|أبو|أبي|ابو|آل)\s+{_AR_WORD}|{_AR_WORD}\s+(?:بن|ابن)\s+{_AR_WORD})"
    rf"(?:\s+(?:بن|ابن)\s+{_AR_WORD})*")


@dataclass
class Suggestion:
    name: str  # the spelling seen most often
    count: int  # articles that name it
    example: str  # slug of the article that mentions it most
    sentence: str = ""  # a sentence of that article naming it
    kind: str = "other"  # guessed: person, organization, place, other


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
        if run and word in ARTICLE_PARTICLES and run[-1] not in ("von", "van"):
            yield run  # "Salam den Dank": German articles join names only after "von"
            run = []
            last_end = m.end()
            continue
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
    sentence: str = ""


class _Collector:
    def __init__(self, registries: Registries, languages: tuple[str, ...]):
        self.claimed = PhraseMatcher(
            (name, actor.id) for actor in registries.actors.values() for name in actor.all_names)
        self.calendar = calendar_words(languages)
        self._claimed_spans: dict[str, list[str]] = {}

    def common(self, word: str, lower: set[str]) -> bool:
        key = norm(word)
        return key in lower or key in self.calendar

    def clean(self, run: list[str], lower: set[str]) -> str | None:
        if len(run) > 1 and all(w.isupper() for w in run):
            return None  # an all-capitals heading or label, not a name
        while run and (run[0] in PARTICLES or self.common(run[0], lower)):
            run = run[1:]
        # At the end only particles and calendar words go: names are made of common
        # words too ("Badan Amil Zakat Nasional"), and a cut one is a fragment.
        while run and (run[-1] in PARTICLES or norm(run[-1]) in self.calendar):
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
        if all(norm(w) in ORG_WORDS or norm(w) in TITLES for w in run):
            return None  # "Kementerian", "Perdana Menteri": a title or a word of a name
        return name

    def within_claimed(self, name: str, sentence: str) -> bool:
        """Part of a longer actor name ("Southeast Asian Nations" in "Association of
        Southeast Asian Nations")."""
        spans = self._claimed_spans.get(sentence)
        if spans is None:
            folded = norm(sentence)
            spans = self._claimed_spans[sentence] = [
                folded[m.start:m.end] for m in self.claimed.find(folded)]
        key = norm(name)
        return any(key in span for span in spans)

    def mentions(self, slug: str, text: str, lang: str | None) -> Iterable[_Mention]:
        for sentence in split_sentences(text, lang):
            for run, initial in _runs(sentence):
                yield _Mention(slug, run, initial, sentence=sentence)
            for m in _AR_NAME.finditer(sentence):
                if not self.claimed.find(norm(m.group())):
                    yield _Mention(slug, [m.group()], False, m.group(), sentence)


def _key(name: str) -> str:
    return re.sub(r"[\s\-‐]+", " ", norm(name))


def suggest_names(articles: Iterable[tuple[str, Article]], registries: Registries,
                  languages: tuple[str, ...], ignore: Iterable[str] = ()) -> list[Suggestion]:
    """Unclaimed names across ``(slug, article)`` pairs, named by most articles first.

    Only bodies are read: headlines capitalise every word ("Layani Pasien Asal Gaza").
    """
    docs = [(slug, a.lang, plain(a.body)) for slug, a in articles]
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
            if m.name and collector.within_claimed(m.name, m.sentence):
                m.name = None
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
    ignored = {_key(name) for name in ignore}
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    per_article: dict[str, Counter[str]] = defaultdict(Counter)
    sentences: dict[tuple[str, str], str] = {}
    inside: set[str] = set()  # several words, or capitalised other than at a sentence start
    foreign: set[str] = set()  # capitalised in an article in a language without noun capitals
    langs = {slug: lang for slug, lang, _ in docs}
    for m in mentions:
        if not m.name or _key(m.name) in ignored:
            continue
        key = _key(m.name)
        spellings[key][m.name] += 1
        per_article[key][m.slug] += 1
        sentences.setdefault((key, m.slug), m.sentence)
        if not m.initial or " " in m.name:
            inside.add(key)
        if base_language(langs[m.slug] or "") not in NOUN_CAPITALS:
            foreign.add(key)
    for key in list(per_article):
        word = spellings[key].most_common(1)[0][0]
        if key not in inside:
            del per_article[key]  # "Selain", "Lebih": only ever capitalised by the sentence
        elif " " not in key and not _is_acronym(word) and key not in foreign:
            del per_article[key]  # "Wiederaufbau": German capitalises every noun
    for key, target in _merge_fragments(per_article, spellings).items():
        for (k, slug), sentence in list(sentences.items()):
            if k == key:
                sentences.setdefault((target, slug), sentence)
    by_key: dict[str, list[str]] = defaultdict(list)
    for (k, _), sentence in sentences.items():
        by_key[k].append(sentence)
    out = []
    for key, slugs in per_article.items():
        example = slugs.most_common(1)[0][0]
        name = spellings[key].most_common(1)[0][0]
        sentence = sentences.get((key, example), "")
        out.append(Suggestion(name, len(slugs), example, sentence,
                              guess_kind(name, by_key[key], languages)))
    return sorted(out, key=lambda s: (-s.count, -sum(per_article[_key(s.name)].values()),
                                      _key(s.name)))


def _merge_fragments(per_article: dict[str, Counter[str]],
                     spellings: dict[str, Counter[str]]) -> dict[str, str]:
    """Count "Widodo" or "Nawaf" towards "Joko Widodo" or "Nawaf Salam" when exactly one
    longer name ends or starts with it (acronyms stay apart: "KPK" is not part of the
    name "Menurut KPK")."""
    single = [k for k in per_article
              if " " not in k and not _is_acronym(spellings[k].most_common(1)[0][0])]
    merged: dict[str, str] = {}
    for key in single:
        longer = [k for k in per_article if k != key and (
            k.endswith(" " + key) or k.startswith(key + " "))]
        if len(longer) == 1:
            target = merged[key] = longer[0]
            per_article[target].update(per_article.pop(key))
            spellings.pop(key)
    return merged
