"""Turns what a sync round applied into ``ctx.changed``: the open views refresh when a
department's decision arrives while the clerk works (no polling, no restart).

The sync worker reports its health through the bridge (on the UI thread); after each
report that is not mid-round, the inbox items newer than the last ones seen here are read
on the reader pool, and their cases are announced as changed.
"""

from __future__ import annotations

from typing import Any

from desktop.context import AppContext
from intake.changes import Changes
from intake.services.inbox import InboxItem


class InboxWatch:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self._last: int | None = None
        self._reading = False
        self.announced = 0  # items announced so far (tests and the status bar read it)
        ctx.bridge.sync_health.connect(self._health)
        ctx.runner.read(ctx.station.inbox.last_seq, self._started)

    def _started(self, seq: int) -> None:
        if self._last is None:
            self._last = seq

    def _health(self, health: Any) -> None:
        if getattr(health, "busy", False) or self._last is None or self._reading:
            return
        self._reading = True
        inbox, since = self.ctx.station.inbox, self._last
        self.ctx.runner.read(lambda: inbox.since(since), self._arrived, self._failed)

    def _failed(self, _exc: BaseException) -> None:
        self._reading = False  # the next report tries again

    def _arrived(self, items: list[InboxItem]) -> None:
        self._reading = False
        if not items:
            return
        self._last = max(i.seq for i in items)
        self.announced += len(items)
        cases = tuple(dict.fromkeys(i.case_number for i in items if i.case_number))
        self.ctx.changed(Changes(cases=cases, inbox=True))
