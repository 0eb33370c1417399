"""Themes: formalia, features, clustering (ThemeFinder), stability, key phrases, outputs."""
