"""Stories: clustering, stability, editors' ids, and the ``digest stories`` command."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from digest.article import Article, Source, Translation
from digest.cli import main
from digest.registry import Registries, load_actors
from digest.store.article_file import render_article
from digest.store.write import is_untouched, render_file
from digest.stories.assign import assign_stories
from digest.stories.front_matter import set_story
from digest.stories.ids import new_id
from digest.stories.ledger import load_ledger

ACTORS = Path(__file__).resolve().parents[1] / "content" / "actors.yml"


def art(title: str, body: str, day: int, lang: str = "en", actors: list[str] | None = None,
        source: str = "Outlet", **kw) -> Article:
    return Article(title=title, body=body, date=dt.date(2027, 3, day), lang=lang,
                   source=Source(name=source), actors=actors or [], **kw)


BLAST = [
    art("Two UNIFIL peacekeepers wounded near Naqoura",
        "Two UNIFIL peacekeepers were wounded when their vehicle struck an explosive east "
        "of Naqoura. The Lebanese Armed Forces opened an investigation.", 18,
        actors=["unifil", "lebanese-armed-forces"]),
    art("Deux Casques bleus blessés près de Naqoura",
        "Deux Casques bleus de la Finul ont été blessés à l'est de Naqoura. L'armée "
        "libanaise a ouvert une enquête.", 18, "fr", ["unifil", "lebanese-armed-forces"]),
    art("إصابة جنديين من اليونيفيل قرب الناقورة",
        "أصيب جنديان من قوات اليونيفيل بانفجار عبوة شرق الناقورة، وفتح الجيش اللبناني تحقيقا.",
        19, "ar", ["unifil", "lebanese-armed-forces"]),
]
DOHA = [
    art("Araghchi holds talks in Doha with Qatar's prime minister",
        "Iranian Foreign Minister Abbas Araghchi met Sheikh Mohammed bin Abdulrahman Al "
        "Thani in Doha about shipping in the Gulf and the shared gas field.", 18,
        actors=["abbas-araghchi", "qatar"]),
]


def registries() -> Registries:
    return Registries(actors=load_actors(ACTORS), topics={})


def test_cross_language_articles_join_one_story_through_actors():
    result = assign_stories([*BLAST, *DOHA], [None] * 4, registries())
    assert len(set(result.stories[:3])) == 1
    assert result.stories[3] != result.stories[0]


def test_names_and_numbers_group_across_languages_with_empty_registries():
    bodies = [("en", "Prime Minister Nawaf Salam said donors pledged 1.2 billion for 37 "
               "villages."),
              ("fr", "Selon Nawaf Salam, les donateurs ont promis 1,2 milliard pour 37 "
               "villages."),
              ("de", "Nawaf Salam sagte, die Geber hätten 1,2 Milliarden für 37 Dörfer "
               "zugesagt.")]
    articles = [art(f"Title {i}", body, 10, lang) for i, (lang, body) in enumerate(bodies)]
    other = art("Ministre", "Jean-Noël Barrot a signé 14 accords à Kuala Lumpur.", 10, "fr")
    result = assign_stories([*articles, other], [None] * 4, Registries(actors={}, topics={}))
    assert len(set(result.stories[:3])) == 1
    assert result.stories[3] != result.stories[0]


def test_translations_link_languages_without_any_shared_entity():
    ar = art("عنوان", "نص عربي عن إعادة فتح المدارس في غزة أمام التلاميذ.", 2, "ar",
             translations={"en": Translation(
                 title="UNRWA reopens twelve schools in Gaza City for pupils",
                 summary="The agency reopened twelve schools in Gaza City for summer "
                 "catch-up lessons paid by Japan.")})
    en = art("UNRWA reopens twelve schools in Gaza City",
             "The agency reopened twelve schools in Gaza City for summer catch-up lessons, "
             "paid for by Japan.", 2)
    noise = art("Unrelated", "Football results from the weekend league matches.", 2)
    result = assign_stories([ar, en, noise], [None] * 3, Registries(actors={}, topics={}))
    assert result.stories[0] == result.stories[1] != result.stories[2]


def test_adding_articles_never_renames_a_story():
    first = assign_stories(BLAST[:2], [None, None], registries())
    later = [*BLAST, *DOHA]
    again = assign_stories(later, [*first.stories, None, None], registries())
    assert again.stories[:2] == first.stories
    assert again.stories[2] == first.stories[0]  # the late article joins it
    assert again.new == [False, False, True, True]
    # Re-clustering from the stored ids changes nothing.
    assert assign_stories(later, again.stories, registries()).stories == again.stories


def test_an_editors_story_is_kept_and_attracts_new_articles():
    stored = ["my-own-id", "2027-03-something-else", None]
    result = assign_stories(BLAST, stored, registries())
    assert result.stories[:2] == stored[:2]  # a split by hand stays split
    assert result.stories[2] in stored[:2]


def test_merge_by_hand_one_id_for_two_stories():
    result = assign_stories([*BLAST[:1], *DOHA], ["merged", "merged"], registries())
    assert result.stories == ["merged", "merged"]


def test_new_ids_are_readable_and_never_reuse_a_taken_one():
    a = BLAST[0]
    first = new_id(a, ["unifil", "lebanese-armed-forces"], set())
    assert first == "2027-03-unifil-lebanese-armed-forces"
    assert new_id(a, ["unifil", "lebanese-armed-forces"], {first}) == first + "-2"
    assert new_id(a, [], set()) == "2027-03-two-unifil-peacekeepers"


# --- the command ---------------------------------------------------------------------

@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "articles" / "2027").mkdir(parents=True)
    (root / "actors.yml").write_text(ACTORS.read_text(encoding="utf-8"), encoding="utf-8")
    for n, a in enumerate([*BLAST, *DOHA]):
        (root / "articles" / "2027" / f"a{n}.md").write_text(render_file(a), encoding="utf-8")
    return root


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["stories", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_is_one_line_per_article_in_path_order(content: Path, capsys):
    code, out, err = run(capsys, "--content", str(content), "--format", "jsonl")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [list(r) for r in rows] == [["path", "story"]] * 4
    assert [r["path"] for r in rows] == [f"articles/2027/a{n}.md" for n in range(4)]
    assert len({r["story"] for r in rows[:3]}) == 1 and rows[3]["story"] != rows[0]["story"]


def test_text_lists_stories(content: Path, capsys):
    code, out, _ = run(capsys, "--content", str(content))
    assert code == 0
    assert "3 articles" in out and "languages: ar, en, fr" in out
    assert "Two UNIFIL peacekeepers wounded near Naqoura" in out


def test_write_changes_only_the_story_line_and_keeps_the_stamp(content: Path, capsys):
    path = content / "articles" / "2027" / "a0.md"
    before = path.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "--content", str(content), "--write", "--format", "jsonl")
    assert code == 0
    story = json.loads(out.splitlines()[0])["story"]
    after = path.read_text(encoding="utf-8")
    old_lines, new_lines = before.splitlines(), after.splitlines()
    added = [line for line in new_lines if line not in old_lines]
    assert sorted(added, key=len) == sorted([f"story: {story}",
                                             *[line for line in added
                                               if line.startswith("checksum:")]], key=len)
    assert next(line for line in old_lines if line not in new_lines).startswith("checksum:")
    assert is_untouched(after)
    # A second run finds everything stored and writes nothing.
    run(capsys, "--content", str(content), "--write")
    assert path.read_text(encoding="utf-8") == after
    assert "articles/2027/a0.md" in (content / "stories.yml").read_text(encoding="utf-8")


def test_write_leaves_an_edited_file_unstamped_and_an_editors_story_alone(
        content: Path, capsys):
    edited = content / "articles" / "2027" / "a1.md"
    text = render_article(BLAST[1]).replace("lang: fr\n", "lang: fr\nstory: by-hand\n")
    edited.write_text(text, encoding="utf-8")
    run(capsys, "--content", str(content), "--write")
    assert edited.read_text(encoding="utf-8") == text  # hand-set: not a byte changed
    plain = content / "articles" / "2027" / "a2.md"
    plain.write_text(render_article(BLAST[2]), encoding="utf-8")  # no checksum
    before = plain.read_text(encoding="utf-8")
    run(capsys, "--content", str(content), "--write")
    after = plain.read_text(encoding="utf-8")
    assert "checksum" not in after and after.replace(
        next(ln for ln in after.splitlines() if ln.startswith("story:")) + "\n", "") == before


def test_a_retired_id_is_never_issued_again(content: Path, capsys):
    run(capsys, "--content", str(content), "--write", "--format", "jsonl")
    ledger = (content / "stories.yml").read_text(encoding="utf-8")
    for path in (content / "articles").rglob("*.md"):
        path.unlink()
    (content / "articles" / "2027" / "b.md").write_text(render_file(BLAST[0]), "utf-8")
    _, out, _ = run(capsys, "--content", str(content), "--format", "jsonl")
    story = json.loads(out)["story"]
    assert story not in ledger.split() and story.endswith("-2")


@pytest.mark.parametrize(("line", "message"), [
    ("story: 2027-03-07\n", "story: expected a story id, found a date"),
    ("story: Not An Id\n", "story: 'Not An Id' is not a story id"),
    ("story: [a, b]\n", "story: expected a story id, found a list"),
])
def test_bad_story_is_reported_with_its_line_and_others_still_clustered(
        content: Path, capsys, line: str, message: str):
    bad = content / "articles" / "2027" / "a3.md"
    bad.write_text(render_article(DOHA[0]).replace("lang: en\n", "lang: en\n" + line),
                   encoding="utf-8")
    code, out, err = run(capsys, "--content", str(content), "--format", "jsonl")
    assert code == 1
    lineno = bad.read_text(encoding="utf-8").splitlines().index(line.strip()) + 1
    assert f"a3.md:{lineno}: {message}" in err
    assert len(out.splitlines()) == 3 and "Traceback" not in err


def test_no_date_no_body_and_unreadable_files_are_reported(content: Path, capsys):
    folder = content / "articles" / "2027"
    (folder / "nodate.md").write_text("---\ntitle: T\nlang: en\n---\n\nText.\n", "utf-8")
    (folder / "nobody.md").write_text("---\ntitle: T\ndate: 2027-03-01\nlang: en\n---\n\n",
                                      "utf-8")
    (folder / "binary.md").write_bytes(b"---\ntitle: \xff\n---\n")
    code, out, err = run(capsys, "--content", str(content), "--format", "jsonl", "--write")
    assert code == 1
    assert "nodate.md:1: missing required key 'date'" in err
    assert "nobody.md:6: no body" in err
    assert "binary.md:2: not valid UTF-8" in err
    assert len(out.splitlines()) == 4  # the good ones, still clustered and written
    assert "story:" in (folder / "a0.md").read_text(encoding="utf-8")


def test_set_story_replaces_an_existing_machine_line():
    text = "---\ntitle: T\nstory: old-id\nlang: en\n---\n\nBody.\n"
    assert set_story(text, "new-id") == text.replace("old-id", "new-id")
    assert "story: '2027'" in set_story("---\ntitle: T\n---\n\nB\n", "2027")


def test_an_editors_id_equal_to_a_generated_one_is_never_issued_for_another_event(
        content: Path, capsys):
    """An editor typed, for the Doha talks, the id digest would give the blast: the blast
    gets another id, the Doha article keeps the editor's."""
    doha = content / "articles" / "2027" / "a3.md"
    doha.write_text(render_article(DOHA[0]).replace(
        "lang: en\n", "lang: en\nstory: 2027-03-unifil-lebanese-armed-forces\n"), "utf-8")
    code, out, _ = run(capsys, "--content", str(content), "--format", "jsonl", "--write")
    assert code == 0
    stories = {json.loads(line)["path"]: json.loads(line)["story"] for line in out.splitlines()}
    assert stories["articles/2027/a3.md"] == "2027-03-unifil-lebanese-armed-forces"
    assert {stories[f"articles/2027/a{i}.md"] for i in range(3)} == {
        "2027-03-unifil-lebanese-armed-forces-2"}
    ledger = load_ledger(content / "stories.yml")
    assert not ledger.machine_owned("articles/2027/a3.md", stories["articles/2027/a3.md"])


def test_an_editors_id_equal_to_an_issued_one_merges_into_that_story(content: Path, capsys):
    run(capsys, "--content", str(content), "--write", "--format", "jsonl")
    blast = load_ledger(content / "stories.yml")
    issued = next(sid for sid, paths in blast.stories.items() if len(paths) == 3)
    doha = content / "articles" / "2027" / "a3.md"
    text = doha.read_text(encoding="utf-8")
    doha.write_text(re.sub(r"story: .*", f"story: {issued}", text), encoding="utf-8")
    (content / "articles" / "2027" / "a4.md").write_text(render_file(art(
        "Araghchi and Al Thani meet again in Doha",
        "Iranian Foreign Minister Abbas Araghchi met Sheikh Mohammed bin Abdulrahman Al "
        "Thani again in Doha about shipping in the Gulf.", 19,
        actors=["abbas-araghchi", "qatar"])), encoding="utf-8")
    code, out, _ = run(capsys, "--content", str(content), "--format", "jsonl", "--write")
    assert code == 0
    stories = {json.loads(line)["path"]: json.loads(line)["story"] for line in out.splitlines()}
    assert stories["articles/2027/a3.md"] == issued  # the editor merged it by hand
    assert stories["articles/2027/a4.md"] == issued  # and its coverage follows
    ledger = load_ledger(content / "stories.yml")
    assert "articles/2027/a3.md" not in ledger.stories[issued]  # the editor's, not digest's


def test_an_unreadable_ledger_writes_nothing(content: Path, capsys):
    (content / "stories.yml").write_text("story: [unclosed\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (content / "articles").rglob("*.md")}
    code, out, err = run(capsys, "--content", str(content), "--write")
    assert code == 1
    assert "stories.yml:2: invalid YAML" in err and "nothing written" in err
    assert "Traceback" not in err
    assert out  # still clustered and listed
    assert {p: p.read_bytes() for p in (content / "articles").rglob("*.md")} == before
