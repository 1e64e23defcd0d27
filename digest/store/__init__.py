"""The write stage: the article contract, article files, validation."""
