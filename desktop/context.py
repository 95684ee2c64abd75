"""What the windows get from the composition root (desktop.app): passed in, never global."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from intake.changes import Changes
from intake.services.operators import Operator

if TYPE_CHECKING:
    from desktop.bridge import Bridge
    from desktop.options import LaunchOptions
    from desktop.tasks import TaskRunner
    from devices.service import DeviceService
    from intake.catalog.choices import ChoiceIndex
    from intake.catalog.model import Catalog
    from intake.station import Station
    from printing.service import PrintService
    from sync.client.manager import SyncManager


@dataclass
class AppContext:
    options: LaunchOptions
    bridge: Bridge
    runner: TaskRunner
    station: Station
    printing: PrintService
    printer_target: str | None
    devices: DeviceService | None = None
    sync: SyncManager | None = None
    catalog: Catalog | None = None
    choices: ChoiceIndex | None = None
    operator: Operator | None = None
    mode: str = "counter"
    listeners: list[Callable[[Changes], None]] = field(default_factory=list)
    #: Opens a case by id or number wherever it was asked for; the main window sets it.
    open_case: Callable[[str], None] = field(default=lambda _ref: None)

    @property
    def operator_id(self) -> str:
        return self.operator.id if self.operator else ""

    def changed(self, changes: Changes) -> None:
        for listener in list(self.listeners):
            listener(changes)
