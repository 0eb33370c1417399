"""The version of innonlp (one place; pyproject reads it)."""

__version__ = "0.2.0"
