"""A listed article is rendered once per listing context and reused, never stale."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import DictLoader, Environment

from digest.site import item_cache

LIST = "{% for a in items %}{{ item_html(a) }}{% endfor %}"


@dataclass(frozen=True)
class Item:
    title: str


def _env(item: str) -> tuple[Environment, list[str]]:
    renders: list[str] = []
    env = Environment(loader=DictLoader({"list.html": LIST, item_cache.ITEM_TEMPLATE: item}),
                      autoescape=True)

    def seen(title: str) -> str:
        renders.append(title)
        return ""

    env.globals.update(seen=seen, item_html=item_cache.make(env))
    return env, renders


def test_each_article_is_rendered_once_per_interface_language() -> None:
    env, renders = _env("{{ seen(a.title) }}<li lang={{ ui_lang }}><h{{ hx }}>{{ a.title }}"
                        "</h{{ hx }}></li>")
    a, b = Item("A & B"), Item("C")
    page = env.get_template("list.html")
    assert page.render(items=[a, b], ui_lang="en", hx=2) == \
        "<li lang=en><h2>A &amp; B</h2></li><li lang=en><h2>C</h2></li>"
    for _ in range(5):  # the same article on five more listings
        assert page.render(items=[b, a], ui_lang="en", hx=2) == \
            "<li lang=en><h2>C</h2></li><li lang=en><h2>A &amp; B</h2></li>"
    assert renders == ["A & B", "C"]
    assert page.render(items=[a], ui_lang="id", hx=2) == "<li lang=id><h2>A &amp; B</h2></li>"
    assert page.render(items=[a], ui_lang="id", hx=3) == "<li lang=id><h3>A &amp; B</h3></li>"
    assert renders == ["A & B", "C", "A & B", "A & B"]


def test_any_page_value_the_item_reads_keys_the_cache() -> None:
    # An item that marks the page's own topic: a variable this module does not know.
    env, renders = _env("{{ seen(a.title) }}{{ a.title }}{% if here %} ({{ here }}){% endif %}")
    a = Item("A")
    page = env.get_template("list.html")
    assert page.render(items=[a], here="topic-1") == "A (topic-1)"
    assert page.render(items=[a], here="topic-2") == "A (topic-2)"
    assert page.render(items=[a], here="topic-1") == "A (topic-1)"
    assert page.render(items=[a]) == "A"
    assert renders == ["A", "A", "A"]
