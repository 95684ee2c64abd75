"""Typed sync failures with stable dotted codes (``sync.*``).

The client engine turns every transport outcome into one of these so that the desktop app
and ``python -m sync status`` can show an honest state instead of a traceback.
"""

from __future__ import annotations

from intake.errors import WindowDeskError


class SyncError(WindowDeskError):
    code = "sync.error"


class Offline(SyncError):
    """The hub could not be reached (DNS, refused, reset, timeout before an answer)."""

    code = "sync.offline"


class CaptivePortal(SyncError):
    """Something answered, but not the hub: an HTML login page of a hotel/village Wi-Fi."""

    code = "sync.captive_portal"


class HubUnavailable(SyncError):
    """429/503: the hub asked us to come back later (``retry_after`` seconds)."""

    code = "sync.hub_busy"

    def __init__(self, message: str, *, retry_after: float | None, status: int) -> None:
        super().__init__(message, details={"retry_after": retry_after, "status": status})
        self.retry_after = retry_after
        self.status = status


class Unauthorized(SyncError):
    """401: the access token expired or is unknown; refresh and try once more."""

    code = "sync.unauthorized"


class Revoked(SyncError):
    """403: the station was revoked. Stop syncing; keep every local record."""

    code = "sync.revoked"


class UpgradeRequired(SyncError):
    """426: the hub no longer speaks our protocol; keep queueing until the app is updated."""

    code = "sync.upgrade_required"


class CursorExpired(SyncError):
    """410: the pull cursor is no longer valid on this hub; re-scope from the start."""

    code = "sync.cursor_expired"


class BadBatch(SyncError):
    """400/413 on a push: one item (or the size) is unacceptable; the engine bisects."""

    code = "sync.bad_batch"

    def __init__(self, message: str, *, status: int, hub_code: str) -> None:
        super().__init__(message, details={"status": status, "hub_code": hub_code})
        self.status = status
        self.hub_code = hub_code


class ProtocolViolation(SyncError):
    """The hub answered something the protocol does not allow (hostile or broken server)."""

    code = "sync.protocol_violation"


class NotEnrolled(SyncError):
    code = "sync.not_enrolled"


class EnrolmentFailed(SyncError):
    code = "sync.enrolment_failed"


class CredentialStoreError(SyncError):
    """No usable OS keyring and no explicit ``WINDOWDESK_KEYRING=file`` opt-in."""

    code = "sync.credential_store_unavailable"


class CredentialRejected(SyncError):
    """401 on a refresh: the hub does not know our secret (re-enrolled elsewhere, hub reset)."""

    code = "sync.credential_rejected"


class TlsUntrusted(SyncError):
    """The hub's certificate is not trusted (OS store + station CA file): a wrong CA file, an
    expired certificate, or someone in the middle. Not retried; shown as its own state."""

    code = "sync.tls_untrusted"


class InternalError(SyncError):
    """A failure the engine did not foresee (a bug, a store that cannot write): the round
    ends in the ``error`` state with this code, the loop re-arms, nothing escapes."""

    code = "sync.internal_error"
