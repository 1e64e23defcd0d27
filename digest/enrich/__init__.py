"""Enrichment stages: each a plain function ``stage(article, ctx) -> article``.

Stages mutate and return the same record. Costly shared objects (language detector,
Aho-Corasick automata, month-name tables) are built once per run with
``ctx.memo(<stage name>, make)``.
"""
