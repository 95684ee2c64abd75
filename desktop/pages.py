"""The main window's pages besides the intake: which exist, who sees them, their keys.

Each page is a widget built from the ``AppContext`` the first time it is shown (so logging in
costs no more with every page added). A page may define ``page_shown()`` (refresh when it
comes to the front) and, for the case list, ``open_case(ref)``. Who sees a page is decided
here from the operator's role and the station's mode; the core still checks every command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6 import QtCore

from intake.services.operators import Role

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext

QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]

EVERYONE = frozenset(Role)
SUPERVISORS = frozenset({Role.SUPERVISOR, Role.ADMIN})
ALL_MODES = frozenset({"counter", "village"})


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable name, used by ``MainWindow.show_page``
    title: str  # English source, translated in context "pages"
    factory: str  # "module:Class"; the class takes (ctx: AppContext, parent: QWidget | None)
    roles: frozenset[Role] = EVERYONE
    modes: frozenset[str] = ALL_MODES

    def build(self, ctx: AppContext, parent: QWidget | None = None) -> QWidget:
        module, _, name = self.factory.partition(":")
        cls = getattr(import_module(module), name)
        widget: QWidget = cls(ctx, parent)
        return widget


#: The pages after the intake, in tab order; Ctrl+2, Ctrl+3 … follow this order (Ctrl+1 is
#: the intake). Add a page by adding a line.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("cases", QT_TRANSLATE_NOOP("pages", "Cases"), "desktop.cases.page:CasesPage"),
    PageSpec(
        "queue",
        QT_TRANSLATE_NOOP("pages", "Queue"),
        "desktop.queue_panel:QueuePanel",
        modes=frozenset({"counter"}),
    ),
    PageSpec(
        "followups",
        QT_TRANSLATE_NOOP("pages", "Follow-ups"),
        "desktop.followups.page:FollowupsPage",
    ),
    PageSpec("inbox", QT_TRANSLATE_NOOP("pages", "Inbox"), "desktop.inbox_page:InboxPage"),
    PageSpec(
        "complaints",
        QT_TRANSLATE_NOOP("pages", "Complaints (办不成事)"),
        "desktop.complaints.page:ComplaintsPage",
    ),
    PageSpec(
        "village",
        QT_TRANSLATE_NOOP("pages", "Village station"),
        "desktop.village.page:VillagePage",
        modes=frozenset({"village"}),
    ),
    PageSpec(
        "quarantine",
        QT_TRANSLATE_NOOP("pages", "Returned by the platform"),
        "desktop.village.quarantine:QuarantinePage",
    ),
    PageSpec(
        "stats",
        QT_TRANSLATE_NOOP("pages", "Statistics"),
        "desktop.stats.dashboard:DashboardPage",
        roles=SUPERVISORS,
    ),
    PageSpec(
        "health",
        QT_TRANSLATE_NOOP("pages", "Sync and devices"),
        "desktop.supervisor.health_page:HealthPage",
        roles=SUPERVISORS,
    ),
    PageSpec(
        "operators",
        QT_TRANSLATE_NOOP("pages", "Operators"),
        "desktop.supervisor.operators_page:OperatorsPage",
        roles=SUPERVISORS,
    ),
    PageSpec(
        "audit",
        QT_TRANSLATE_NOOP("pages", "Audit log"),
        "desktop.supervisor.audit_page:AuditPage",
        roles=SUPERVISORS,
    ),
    PageSpec(
        "settings",
        QT_TRANSLATE_NOOP("pages", "Settings"),
        "desktop.supervisor.settings_page:SettingsPage",
        roles=SUPERVISORS,
    ),
    PageSpec(
        "rectifications",
        QT_TRANSLATE_NOOP("pages", "Rectifications (差评整改)"),
        "desktop.rectifications.page:RectificationsPage",
        roles=SUPERVISORS,
    ),
)


def visible_pages(role: Role | None, mode: str) -> list[PageSpec]:
    """The pages this operator sees at this station, in order."""
    return [p for p in PAGES if (role is not None and role in p.roles) and mode in p.modes]
