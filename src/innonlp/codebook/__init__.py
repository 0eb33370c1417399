"""Seeded themes: a codebook (TOML or the consultation document) and the segments it matches."""
