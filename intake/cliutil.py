"""What every command line shares: a failure is the documented JSON error, with exit 2.

``{"error": CODE, "message": ..., "details": ...}``: a ``WindowDeskError`` as it is; a
failure of SQLite, of the file system or of the input's encoding as a typed code; anything
unforeseen as ``internal.unexpected`` with the exception's type only. Never a traceback,
and never an exception's text from below the core (SQLAlchemy's carries the statement and
its bound parameters: ID numbers, names).
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from collections.abc import Callable
from typing import IO, Any, NoReturn

from intake.errors import WindowDeskError
from intake.store.db import typed_store_error

EXIT_ERROR = 2

_ERRNO_CODES = {
    errno.ENOSPC: ("io.disk_full", "the disk is full"),
    errno.EDQUOT: ("io.disk_full", "the disk quota is exhausted"),
    errno.EROFS: ("io.read_only", "the file system is read-only"),
    errno.EACCES: ("io.permission_denied", "permission denied"),
    errno.EPERM: ("io.permission_denied", "operation not permitted"),
    errno.ENOENT: ("io.not_found", "no such file or directory"),
    errno.EISDIR: ("io.is_a_directory", "a directory where a file was expected"),
    errno.EFBIG: ("io.disk_full", "the file would exceed the allowed size"),
}


def error_json(exc: BaseException) -> dict[str, Any]:
    """The documented error object for ``exc`` (never its traceback or driver text)."""
    if isinstance(exc, WindowDeskError):
        return exc.to_json()
    typed = typed_store_error(exc)
    if typed is not None:
        return typed.to_json()
    if isinstance(exc, OSError):
        code, message = _ERRNO_CODES.get(exc.errno or 0, ("io.error", "input/output error"))
        details: dict[str, Any] = {"errno": errno.errorcode.get(exc.errno or 0, "unknown")}
        if exc.filename is not None:
            details["file"] = str(exc.filename)
        return {"error": code, "message": message, "details": details}
    if isinstance(exc, UnicodeError):
        return {
            "error": "input.encoding",
            "message": "text that is not valid UTF-8 (or a lone surrogate)",
            "details": {"type": type(exc).__name__},
        }
    if isinstance(exc, RecursionError):
        return {"error": "input.too_deep", "message": "the input is nested too deeply"}
    if isinstance(exc, MemoryError):
        return {"error": "internal.out_of_memory", "message": "out of memory"}
    return {
        "error": "internal.unexpected",
        "message": "an unexpected failure; nothing partial was written",
        "details": {"type": type(exc).__name__},
    }


def emit(obj: Any, stream: IO[str]) -> None:
    """One JSON line on ``stream``; escaped to ASCII if the text cannot be written as is
    (a lone surrogate echoed from the input)."""
    text = json.dumps(obj, ensure_ascii=False, default=str)
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeError, LookupError):
        text = json.dumps(obj, ensure_ascii=True, default=str)
    stream.write(text + "\n")
    stream.flush()


def run_guarded(
    fn: Callable[[], int],
    *,
    stream: IO[str] | None = None,
    exit_for: Callable[[BaseException], int] | None = None,
) -> int:
    """``fn()``'s exit code, or the JSON error on ``stream`` (stdout by default) and 2
    (or ``exit_for(exc)``, for a CLI documenting other codes for some errors)."""
    try:
        return fn()
    except KeyboardInterrupt:
        emit({"error": "cli.interrupted", "message": "interrupted"}, stream or sys.stdout)
        return 130
    except Exception as exc:
        emit(error_json(exc), stream or sys.stdout)
        return exit_for(exc) if exit_for is not None else EXIT_ERROR


class JsonArgumentParser(argparse.ArgumentParser):
    """argparse whose usage errors are the documented JSON error (``cli.usage``), exit 2.

    ``error_stream``: where the error goes (a CLI's documented stream; stderr by default).
    Subparsers are made of the same class, and inherit the stream."""

    def __init__(self, *args: Any, error_stream: str = "stderr", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._error_stream = error_stream

    def add_subparsers(self, **kwargs: Any) -> Any:
        action = super().add_subparsers(**kwargs)
        stream = self._error_stream

        original = action.add_parser

        def add_parser(name: str, **kw: Any) -> Any:
            kw.setdefault("error_stream", stream)
            return original(name, **kw)

        action.add_parser = add_parser  # type: ignore[method-assign]
        return action

    def error(self, message: str) -> NoReturn:
        stream = sys.stdout if self._error_stream == "stdout" else sys.stderr
        emit(
            {
                "error": "cli.usage",
                "message": message,
                "details": {"usage": self.format_usage().strip()},
            },
            stream,
        )
        raise SystemExit(EXIT_ERROR)
