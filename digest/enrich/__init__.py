"""Enrichment stages: each a plain function ``stage(article, ctx) -> article``.

Stages mutate and return the same record. Costly shared objects (language detector,
Aho-Corasick automata, month-name tables) live in ``ctx.cache`` under the stage's name.
"""
