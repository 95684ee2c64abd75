"""What the station knows about its sync, as one typed snapshot (the desktop's health page
and ``python -m sync status`` show the same facts). Reads only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake.services.outbox import OutboxItem
from intake.services.remote import PULL_CONFLICTS_KEY
from sync.client.engine import K_CLOCK, K_LAST_ERROR, K_LAST_PULL, K_LAST_PUSH, K_STATE
from sync.client.transport import CLOCK_WARN_SECONDS


@dataclass(frozen=True)
class QuarantinedItem:
    op_id: str
    case_number: str
    op: str
    code: str
    message: str
    attempts: int


@dataclass(frozen=True)
class SyncStatus:
    state: str
    pending: int
    inflight: int
    quarantined: tuple[QuarantinedItem, ...]
    acknowledged: int
    oldest_pending_at: str | None
    attachments_pending: int
    last_push_at: str | None
    last_pull_at: str | None
    last_error: dict[str, Any] | None
    clock_offset_s: float | None
    pull_conflicts: int
    notices: tuple[dict[str, Any], ...]  # the platform's notices to the station, newest first

    @property
    def clock_warning(self) -> bool:
        return self.clock_offset_s is not None and abs(self.clock_offset_s) > CLOCK_WARN_SECONDS


def _quarantined(item: OutboxItem) -> QuarantinedItem:
    result = item.result or {}
    return QuarantinedItem(
        item.op_id,
        item.case_number,
        item.op,
        str(result.get("code") or ""),
        str(result.get("message") or ""),
        item.attempts,
    )


def sync_status(station: Any) -> SyncStatus:
    """``station``: an ``intake.station.Station``."""
    kv = station.sync_state
    stats = station.outbox.stats()
    offset = kv.get(K_CLOCK)
    error = kv.get(K_LAST_ERROR)
    notices = [n for n in kv.get("notices", []) if isinstance(n, dict)]
    return SyncStatus(
        state=str(kv.get(K_STATE, "never_synced")),
        pending=int(stats["pending"]),
        inflight=int(stats["inflight"]),
        quarantined=tuple(_quarantined(i) for i in station.outbox.quarantined()),
        acknowledged=int(stats.get("acknowledged") or 0),
        oldest_pending_at=stats["oldest_pending_at"],
        attachments_pending=int(station.attachments.pending_count()),
        last_push_at=kv.get(K_LAST_PUSH),
        last_pull_at=kv.get(K_LAST_PULL),
        last_error=error if isinstance(error, dict) else None,
        clock_offset_s=float(offset) if offset is not None else None,
        pull_conflicts=len(kv.get(PULL_CONFLICTS_KEY, [])),
        notices=tuple(reversed(notices[-50:])),
    )
