"""Text helpers shared by the extractors, the enrichment stages and the translators:
folding for comparison, language codes, stop words, calendar names, sentences."""
