"""innonlp's one error hierarchy.

InnonlpError
├── ConfigError        bad parameters, flags or config files (the user can fix them)
├── InputError         an input cannot be used at all (missing path, nothing to read)
│   └── StrictModeError  --strict was given and an input failed
└── ModelNotFoundError a requested language pipeline is not installed
"""

from __future__ import annotations


class InnonlpError(Exception):
    """Base class of every error innonlp raises on purpose."""


class ConfigError(InnonlpError, ValueError):
    """A parameter, flag or config value is invalid."""


class InputError(InnonlpError):
    """An input path or dataset cannot be used."""


class StrictModeError(InputError):
    """An input failed while ``strict`` was set."""


class ModelNotFoundError(InnonlpError):
    """A requested spaCy pipeline is not installed."""


class WorkerError(InnonlpError):
    """A worker process died (killed for memory, say) before it finished its share."""


class FileFailure(Exception):
    """Internal: a reader could not read one input; ``reason`` is shown to the user."""

    def __init__(self, reason: str, status: str = "failed") -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


class FileSkipped(FileFailure):
    """Internal: an input was deliberately not read (unsupported, empty, unsafe)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, status="skipped")
