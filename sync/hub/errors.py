"""Failures the hub answers with: an HTTP status plus a stable dotted code."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.errors import WindowDeskError


class HubError(WindowDeskError):
    """An answer other than 2xx. ``status`` is the HTTP status; ``retry_after`` in seconds."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        details: Mapping[str, Any] | None = None,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(message, code=code, details=details)
        self.status = status
        self.retry_after = retry_after
