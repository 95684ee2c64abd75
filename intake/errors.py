"""Typed errors with stable codes.

Every error the core raises carries a dotted ``code`` that never changes once published:
the desktop app maps codes to translated messages, the CLI prints them as JSON, and sync
sends them across the wire. The English ``message`` is for logs and developers only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


class WindowDeskError(Exception):
    """Base of every expected failure; ``code`` is stable, ``details`` is JSON-safe."""

    code = "error"

    def __init__(
        self, message: str, *, code: str | None = None, details: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message
        self.details: dict[str, Any] = dict(details or {})

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"error": self.code, "message": self.message}
        if self.details:
            out["details"] = self.details
        return out


class InvalidIdNumber(WindowDeskError):
    code = "id.invalid"


class InvalidIdentity(WindowDeskError):
    code = "identity.invalid"


@dataclass(frozen=True)
class Problem:
    """One problem found while validating a document (catalog, intake request...)."""

    where: str
    code: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"where": self.where, "code": self.code, "message": self.message, **self.params}


class ProblemsError(WindowDeskError):
    """A document was rejected; ``problems`` lists every problem, not just the first."""

    def __init__(self, message: str, problems: Sequence[Problem], *, code: str) -> None:
        super().__init__(message, code=code, details={"problems": [p.to_json() for p in problems]})
        self.problems = tuple(problems)


class CatalogError(ProblemsError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(
            f"catalog rejected: {len(problems)} problem(s)", problems, code="catalog.invalid"
        )


class RequestError(ProblemsError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(
            f"intake request rejected: {len(problems)} problem(s)", problems, code="request.invalid"
        )


class IllegalTransition(WindowDeskError):
    code = "case.illegal_transition"


class NotFound(WindowDeskError):
    code = "not_found"


class KeyStoreError(WindowDeskError):
    code = "store.keyring_unavailable"


class StoreError(WindowDeskError):
    code = "store.error"


class ClockBehind(WindowDeskError):
    """The station's clock is earlier than the latest event it recorded: it was set back
    (or an earlier write ran with a clock ahead). Nothing is saved until it is right, so
    case numbers, deadlines and the audit log keep their order. ``details``:
    ``latest_event_at``, ``station_clock``, ``behind_s`` and, once a sync measured it,
    ``hub_offset_s`` (hub clock minus the station's, seconds)."""

    code = "clock.behind"


class AuthError(WindowDeskError):
    code = "auth.failed"
