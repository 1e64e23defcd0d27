"""The site: a Pelican reader, the digest's plugins and generator, i18n and search."""
