""" "Today 09:42" / "yesterday 16:05" / "3 days ago": when something last happened, in the
station's own time (``intake.clock``, so a simulated week offline reads as a week)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from intake.clock import CST, from_iso, now


def ago(at: datetime | str | None, *, at_now: datetime | None = None) -> str:
    if at is None or at == "":
        return QCoreApplication.translate("when", "never")
    when = from_iso(at) if isinstance(at, str) else at
    local = when.astimezone(CST)
    days = ((at_now or now()).astimezone(CST).date() - local.date()).days
    hm = local.strftime("%H:%M")
    if days <= 0:
        return QCoreApplication.translate("when", "today {hm}").format(hm=hm)
    if days == 1:
        return QCoreApplication.translate("when", "yesterday {hm}").format(hm=hm)
    return QCoreApplication.translate("when", "{n} days ago").format(n=days)
