"""The ``innonlp`` command line: a thin typer layer over the library API."""

from .app import app
from .main import main

__all__ = ["app", "main"]
