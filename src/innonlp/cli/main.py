"""The console entry point: one clear line per error and the right exit status.

``0`` every input processed or deliberately skipped; ``1`` some inputs failed (the others
are still analysed); ``2`` a usage, configuration, input or environment error (a missing
or unreadable path, a full disk, a damaged run folder): ``innonlp: error: …`` with a hint;
``3`` only for a bug in innonlp (``internal error``; ``--debug`` shows the traceback);
``130`` interrupted.
"""

from __future__ import annotations

import errno
import sys

import typer

from ..errors import InnonlpError
from .app import _state, app


def _usage(exc: typer.TyperException) -> str:
    """A usage error (wrong flag, missing argument, wrong type) as one line with a hint."""
    msg = exc.format_message().rstrip(".")
    possible = getattr(exc, "possibilities", None)
    if possible:  # typer's own "(Possible options: …)" becomes a plain question
        msg = str(getattr(exc, "message", msg)).rstrip(".")
        msg += f"; did you mean {' or '.join(sorted(possible)[:3])}?"
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "innonlp"
    return f"{msg} (see `{where} --help`)"


def _os_error(exc: OSError) -> str:
    what = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        what = "no space left on the device"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        what = "permission denied"
    elif exc.errno == errno.ENAMETOOLONG:
        what = "path too long"
    elif exc.errno == errno.ELOOP:
        what = "too many levels of symbolic links"
    name = f" {exc.filename!r}" if exc.filename else ""
    return f"cannot read or write{name}: {what}"


def main() -> None:
    """Run the command line (see the module docstring for exit statuses)."""
    try:
        rc = app(standalone_mode=False, prog_name="innonlp")
        sys.exit(rc if isinstance(rc, int) else 0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (SystemExit, KeyboardInterrupt):
        raise
    except typer.Abort:
        print("innonlp: aborted", file=sys.stderr)
        sys.exit(130)
    except typer.TyperException as exc:  # typer's usage errors (exit status 2)
        usage = getattr(exc, "exit_code", 2) == 2
        print(f"innonlp: error: {_usage(exc) if usage else exc.format_message()}",
              file=sys.stderr)
        sys.exit(2)
    except InnonlpError as exc:
        if _state["debug"]:
            raise
        print(f"innonlp: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except OSError as exc:  # the environment: disk full, permissions, paths
        if _state["debug"]:
            raise
        print(f"innonlp: error: {_os_error(exc)}", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:  # a bug
        if _state["debug"]:
            raise
        print(f"innonlp: internal error: {type(exc).__name__}: {exc} "
              "(rerun with --debug for the traceback)", file=sys.stderr)
        sys.exit(3)
