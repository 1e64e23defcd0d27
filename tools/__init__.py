"""Quality tooling for the built site: link checker, HTML and accessibility audits, browsers."""
