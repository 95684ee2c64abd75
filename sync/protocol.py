"""Wire-protocol constants shared by the client engine and the reference hub.

The protocol is versioned in the URL (``/v1``) and by ``X-WindowDesk-Protocol``; a hub that
does not speak a client's version (older, newer, or not a version at all) answers 426
``protocol.unsupported`` and the client keeps queueing locally until it is upgraded.
docs/sync-openapi.yaml is the normative description; docs/sync.md explains the guarantees.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

PROTOCOL_VERSION: Final = 1
#: Lowest client protocol version this hub still accepts.
MIN_CLIENT_PROTOCOL: Final = 1
#: The exact header values this hub speaks. Anything else (a newer or older number, "01",
#: "1.0", a non-number, a 5,000-digit value, no header) is answered 426
#: ``protocol.unsupported``: compared as text, never parsed as a number.
SUPPORTED_PROTOCOLS: Final = frozenset(
    str(v) for v in range(MIN_CLIENT_PROTOCOL, PROTOCOL_VERSION + 1)
)
PROTOCOL_HEADER: Final = "X-WindowDesk-Protocol"
IDEMPOTENCY_HEADER: Final = "Idempotency-Key"
HUB_MARKER_HEADER: Final = (
    "X-WindowDesk-Hub"  # present on every hub answer (captive portals lack it)
)

MAX_BATCH_ITEMS: Final = 200
MAX_BATCH_BYTES: Final = 1024 * 1024
MAX_PULL_PAGE: Final = 500
#: Deepest nesting of containers a pushed payload may have (a case's content nests about 5).
MAX_JSON_DEPTH: Final = 32
ACCESS_TOKEN_SECONDS: Final = 600
ATTACHMENT_CHUNK_BYTES: Final = 256 * 1024
MAX_ATTACHMENT_BYTES: Final = 64 * 1024 * 1024


class ItemOutcome(StrEnum):
    """Per-item result of a push."""

    APPLIED = "applied"  # stored now: carries server version and sequence
    DUPLICATE = "duplicate"  # this op id was applied before: the original result is repeated
    CONFLICT = "conflict"  # cannot apply over the platform's state: carries the current state
    REJECTED = "rejected"  # never applicable (bad content): carries a stable code


#: Operations a station may push (the ``op`` of an outbox item).
STATION_OPS: Final = frozenset(
    {"case.create", "case.transition", "case.materials", "case.evaluation", "case.deliver"}
)
#: Operations on a 办不成事 complaint (outbox entity ``complaint``): its whole record each time.
COMPLAINT_OPS: Final = frozenset({"complaint.record", "complaint.update"})

#: Operations on an appointment (entity ``appointment``): its check-in at the station.
APPOINTMENT_OPS: Final = frozenset({"appointment.checkin"})

#: Kinds of change a station pulls (``appointment``: one booked for this station).
CHANGE_KINDS: Final = frozenset(
    {
        "case.status",
        "case.special",
        "catalog",
        "calendar",
        "operator",
        "notice",
        "appointment",
        "complaint.followup",
    }
)
