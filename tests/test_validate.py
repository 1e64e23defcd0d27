from pathlib import Path

from digest.registry import load_registries
from digest.store.validate import check_file


def problems(tmp_path: Path, text: str, registries=None) -> list[str]:
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    c = check_file(path, registries)
    return [str(p).replace(str(path), "a.md") for p in [*c.errors, *c.warnings]]


def test_a_valid_article_has_no_problem(tmp_path: Path, digest_root: Path) -> None:
    regs = load_registries(digest_root / "content")
    text = "---\ntitle: T\ndate: 2021-06-29\nlang: id\nactors: [hamas]\ntopics: [lebanon]\n---\nB\n"
    assert problems(tmp_path, text, regs) == []


def test_each_problem_has_its_line(tmp_path: Path, digest_root: Path) -> None:
    regs = load_registries(digest_root / "content")
    text = ("---\ntitle: T\ndate: 2021-13-45\nlang: Indonesian\n"
            "actors:\n  - hamas\n  - nobody\ntopics: [nowhere]\nstatus: maybe\n---\nB\n")
    found = problems(tmp_path, text, regs)
    assert ("a.md:3: date: '2021-13-45' is not an ISO 8601 date or datetime "
            "(there is no month 13)") in found
    assert ("a.md:4: lang: 'Indonesian' is not a BCP 47 language tag "
            "(did you mean id?)") in found
    assert "a.md:7: unknown actor id 'nobody' (not in actors.yml)" in found
    assert "a.md:8: unknown topic id 'nowhere' (not in topics.yml)" in found
    assert any(p.startswith("a.md:9: status") for p in found)


def test_missing_required_keys_and_empty_body(tmp_path: Path) -> None:
    found = problems(tmp_path, "---\ntitle: T\n---\n\n")
    assert "a.md:1: missing required key 'date'" in found
    assert "a.md:1: missing required key 'lang'" in found
    assert any("empty body" in p for p in found)


def test_machine_translation_attribution_is_checked(tmp_path: Path) -> None:
    text = ("---\ntitle: T\ndate: 2021-06-29\nlang: id\ntranslations:\n  en:\n"
            "    title: X\n    by: robot\n---\nB\n")
    assert any(p.startswith("a.md:8: translations.en.by") for p in problems(tmp_path, text))
