"""``python -m innonlp``: the command line."""

from .cli import main

main()
