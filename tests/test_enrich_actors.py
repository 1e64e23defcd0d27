"""Actor tagging: whole words, longest match, case and diacritics ignored, salience."""

from __future__ import annotations

from digest.article import Article
from digest.enrich.actors import actor_matcher, salience, tag_actors
from digest.enrich.matcher import PhraseMatcher
from digest.text.fold import norm


def tagged(ctx, title: str = "", body: str = "", **kw) -> list[str]:
    return tag_actors(Article(title=title, body=body, **kw), ctx).actors


def test_whole_words_only(ctx) -> None:
    assert tagged(ctx, body="Semangat Hamasah para pemuda.") == []
    assert tagged(ctx, body="Hamas-nya dan (Hamas).") == ["hamas"]


def test_alias_beats_shorter_name_inside_it(ctx) -> None:
    # "Israeli" is an alias of israel; "Israel" must not also match inside it, and
    # "Israeli" must not match inside "Israelis".
    assert tagged(ctx, body="An Israeli official spoke.") == ["israel"]
    assert tagged(ctx, body="Many Israelis protested.") == []


def test_longest_match_wins(ctx) -> None:
    article = Article(body="Sayyid Hassan Nasrallah menerima Hassan Diab.")
    assert tag_actors(article, ctx).actors == ["hassan-nasrallah", "hassan-diab"]
    matches = actor_matcher(ctx).find("sayyid hassan nasrallah")
    assert [(m.start, m.end) for m in matches] == [(0, 23)]


def test_surname_counts_only_when_it_is_an_alias(ctx) -> None:
    assert tagged(ctx, body="Aoun menerima tamu.") == []  # "Aoun" is no alias
    assert tagged(ctx, body="Nasrallah menerima tamu.") == ["hassan-nasrallah"]


def test_case_and_diacritics_are_ignored(ctx) -> None:
    assert tagged(ctx, body="HIZBULLAH dan hezbolá.") == ["hezbollah"]
    assert tagged(ctx, body="Le président d’Israël.") == ["israel"]


def test_arabic_script_and_conjunction_prefix(ctx) -> None:
    assert tagged(ctx, body="التقى إسماعيل هنية وحزب الله في بيروت.") == [
        "ismail-haniyeh", "hezbollah"]
    # "حماسة" (enthusiasm) is not Hamas; nor is "بحماس" ("with enthusiasm").
    assert tagged(ctx, body="استقبلوه بحماسة كبيرة وتحدثوا بحماس.") == []


def test_salience_weights_title_and_lead(ctx) -> None:
    article = Article(
        title="Hamas bertemu delegasi",
        body="Prabowo berbicara.\n\nHizbullah hadir. Hizbullah lagi. Prabowo juga.")
    ranked = dict(salience(article, ctx))
    assert ranked == {"hamas": 3.0, "prabowo-subianto": 3.0, "hezbollah": 2.0}
    # Equal scores: the earlier first mention goes first.
    assert tag_actors(article, ctx).actors == ["hamas", "prabowo-subianto", "hezbollah"]


def test_editor_actors_stay_first(ctx) -> None:
    assert tagged(ctx, title="Hamas", body="Israel.", actors=["lebanon"]) == [
        "lebanon", "hamas", "israel"]


def test_cited_outlet_is_not_an_actor(ctx) -> None:
    assert tagged(ctx, body="Dilansir Press TV, Hamas berkata.", via=["Press TV"]) == ["hamas"]
    assert "press-tv" in tagged(ctx, body="Press TV diblokir di Eropa.")


def test_links_do_not_count(ctx) -> None:
    assert tagged(ctx, body="Baca [laporan ini](https://example.org/hamas-israel).") == []


def test_automaton_is_built_once(ctx) -> None:
    tagged(ctx, body="Hamas")
    built = ctx.cache["actors"]
    tagged(ctx, body="Israel")
    assert ctx.cache["actors"] is built


def test_arabic_proclitics_before_names_of_several_words(ctx) -> None:
    # ل + حزب الله ("for Hezbollah"), ب, ك, and و/ف followed by one of them.
    for prefix in ("ل", "ب", "ك", "و", "ف", "ول", "فب"):
        assert tagged(ctx, body=f"قال مسؤول {prefix}حزب الله إن الوفد وصل.") == ["hezbollah"]
    # Two letters that are no proclitic make another word.
    assert tagged(ctx, body="قال مسؤول بلحزب الله.") == []


def test_one_word_names_take_only_the_conjunction(ctx) -> None:
    assert tagged(ctx, body="التقى وحماس.") == ["hamas"]
    for word in ("بحماس", "لحماس", "كحماس", "فحماس"):  # "with enthusiasm"…
        assert tagged(ctx, body=f"تحدثوا {word} كبير.") == [], word


def test_country_names_take_any_proclitic(ctx) -> None:
    assert tagged(ctx, body="وصل الوفد بإسرائيل ثم عاد للبنان.") == ["israel", "lebanon"]


def test_names_with_the_article_and_the_assimilated_lam() -> None:
    matcher = PhraseMatcher([("الجزيرة", "al-jazeera"), ("المنار", "al-manar")])

    def found(text: str) -> list[str]:
        return [m.value for m in matcher.find(norm(text))]
    assert found("قالت الجزيرة") == ["al-jazeera"]
    assert found("قال بالجزيرة ثم وللمنار") == ["al-jazeera", "al-manar"]
    assert found("صرح للجزيرة") == ["al-jazeera"]  # ل + الجزيرة drops the alif
    assert found("لجزيرة صغيرة") == []  # "for an island": no article, no name
    assert found("الجزيرةالعربية") == []
