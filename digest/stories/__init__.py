"""Stories: articles about one event, from many outlets and languages, grouped offline.

``features`` turns an article into language-neutral and per-language signals,
``cluster`` groups them online (each article joins the best story or starts one),
``ids`` names new stories, ``ledger`` remembers every id digest issued and which
assignments are digest's own, ``corpus`` reads the articles and ``front_matter`` writes
the one ``story:`` line back.
"""
