"""Stage: the article's language, among the digest's configured languages (lingua)."""

from __future__ import annotations

from dataclasses import dataclass

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from ..article import Article
from ..context import Context
from ..text.lang import base_language
from .article_text import article_text

# When the two best guesses are this close, the page's declared language decides.
# (Indonesian vs Malay: clear texts score apart by 0.65 or more, texts made only of
# words both share by 0.35 or less.)
TIE_MARGIN = 0.4
MAX_CHARS = 4000  # enough text to decide; long bodies add time, not accuracy
# Lingua's cost grows with the text. The title and the first 600 characters decide
# every sample article with a margin of 0.99 or more (300 characters got one wrong at
# 0.97, so the margin alone cannot catch a short look's mistakes); a text that is less
# clear-cut than SURE_MARGIN gets a longer look, then the longest (the seed, at 0.44
# after 600 characters, is sure after 800).
LOOKS = (600, 1500, MAX_CHARS)
SURE_MARGIN = 0.9
# A guess outside the configured languages is named only when lingua is this sure.
GUESS_CONFIDENCE = 0.5


@dataclass
class _Detector:
    detector: LanguageDetector | None
    codes: dict[Language, str]  # lingua language -> the configured code ("pt-BR")
    configured: dict[str, str]  # base code ("pt") -> the configured code


def _build(languages: tuple[str, ...]) -> _Detector:
    codes: dict[Language, str] = {}
    for code in languages:
        try:
            iso = IsoCode639_1.from_str(base_language(code))
        except ValueError:
            continue  # lingua does not know it: never chosen by detection
        codes.setdefault(Language.from_iso_code_639_1(iso), code)
    configured = {base_language(c): c for c in reversed(languages)}
    detector = None
    if len(codes) > 1:
        # Models load lazily, only for these languages; preloading all of them would cost
        # memory for languages an article never needs.
        detector = LanguageDetectorBuilder.from_languages(*codes).build()
    return _Detector(detector, codes, configured)


def _detector(ctx: Context) -> _Detector:
    return ctx.memo("language", lambda: _build(ctx.config.languages))


def _ranked(detector: LanguageDetector, codes: dict[Language, str], text: str
            ) -> list[tuple[float, str]]:
    """(confidence, configured code), best first, from the first look that is sure."""
    ranked: list[tuple[float, str]] = []
    for limit in LOOKS:
        values = detector.compute_language_confidence_values(text[:limit])
        ranked = [(v.value, codes[v.language]) for v in values if v.value > 0]
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        if len(text) <= limit or (ranked and ranked[0][0] - second >= SURE_MARGIN):
            break
    return ranked


def detect(text: str, ctx: Context, hint: str | None = None) -> str | None:
    """The configured language ``text`` is most likely in; ``hint`` breaks near-ties."""
    det = _detector(ctx)
    hinted = det.configured.get(base_language(hint)) if hint else None
    if det.detector is None:
        return next(iter(det.codes.values()), None) or hinted
    ranked = _ranked(det.detector, det.codes, text)
    if not ranked:
        return hinted
    best = ranked[0][1]
    if hinted and hinted != best:
        close = {code for score, code in ranked if ranked[0][0] - score <= TIE_MARGIN}
        if hinted in close:
            return hinted
    return best


def _everything() -> LanguageDetector:
    return LanguageDetectorBuilder.from_all_languages().build()


def guess_outside(text: str, ctx: Context) -> str | None:
    """The ISO 639-1 code of the language ``text`` looks like among every language
    lingua knows, when it is none of the configured ones; None when unsure.

    Only asked once the configured set has no answer (a script none of them is written
    in): lingua sorts candidates by script first, so only that script's models load."""
    found = ctx.memo("language.all", _everything).compute_language_confidence_values(
        text[:MAX_CHARS])
    if not found or found[0].value < GUESS_CONFIDENCE:
        return None
    iso = found[0].language.iso_code_639_1
    code = iso.name.lower()
    configured = {base_language(c) for c in ctx.config.languages}
    return None if code in configured else code


def unidentified(article: Article, ctx: Context) -> str:
    """Why the article has no language, and how to give it one: the language it looks
    like and the ``digest.toml`` line that adds it."""
    guess = article.hints.get("lang_guess")
    if not guess:
        return "language not identified (pass --lang)"
    from babel import Locale

    name = Locale("en").languages.get(guess, guess)
    listed = ", ".join(f'"{c}"' for c in (*ctx.config.languages, guess))
    return (f"language not identified: it looks like {name} ({guess}), which is not one of "
            f"the digest's languages; to add it, write languages = [{listed}] under "
            f"[digest] in digest.toml")


def identify_language(article: Article, ctx: Context) -> Article:
    """--lang wins; then a language already on the record (an editor's); then lingua.
    When no configured language fits, the language it looks like is kept as the
    ``lang_guess`` hint for the message that refuses it."""
    if ctx.lang:
        article.lang = ctx.lang
    elif not article.lang:
        text = article_text(article, ctx).plain
        article.lang = detect(text, ctx, article.hints.get("lang"))
        if article.lang is None:
            guess = guess_outside(text, ctx)
            if guess:
                article.hints["lang_guess"] = guess
    return article
