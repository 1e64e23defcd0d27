"""digest: a static site generator for curated, multilingual news digests."""

__version__ = "0.1.0"
