"""The supervisor's statistics dashboard and the 办不成事 list at 1366×768 with demo data.

    QT_QPA_PLATFORM=offscreen WINDOWDESK_KEYRING=file \\
        .venv/bin/python scripts/screenshots_stats.py docs/screenshots

A throwaway demo station with 240 cases over the last 30 days made by the core's demo
generator (即办件 done at the window and rated, 补正 handed in …) and four complaints at
different points of the 125 clock; the real app, real key events, QWidget.grab().
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from screenshots import close_demo, open_demo_window, qt_app, settle, shot, wait

from desktop.demo import prepare_demo_station, write_demo_cards
from intake.clock import now
from intake.errors import WindowDeskError
from intake.services.complaints import ComplaintService, ComplaintState
from intake.station import Station

COMPLAINTS = (
    # minutes ago, what, where, phone, complex, steps taken
    (130, "办理居住证被要求回户籍地开具证明", "综合窗口·材料审核", "13874561234", False, 0),
    (50, "不动产继承登记反复补正材料", "不动产登记窗口", "13907311234", True, 0),
    (60 * 26, "高龄津贴申请三个月未到账", "县民政局", "0731-84019876", False, 1),
    (60 * 30, "个体工商户设立登记系统提示重复", "市场监管窗口", "15173112345", False, 3),
)


def rate_at_the_window(station: Station) -> None:
    """好差评 given at the window after the intake (一次一评), through the core."""
    rng = random.Random(5)
    for summary in station.cases.list(limit=240):
        if rng.random() > 0.35:
            continue
        level = rng.choice((5, 5, 5, 5, 4, 4, 4, 3, 2, 1))
        reason = (
            rng.choice(("等候时间过长", "窗口人员解释不清", "材料要求反复变化"))
            if level <= 2
            else ""
        )
        at = summary.received_at + dt.timedelta(minutes=6)
        station.cases._now = lambda a=at: a
        with contextlib.suppress(WindowDeskError):  # already rated by the demo generator
            station.cases.evaluate(
                summary.case_number,
                level,
                reason,
                operator="clerk01",
                reasons=("waiting",) if level <= 2 else (),
            )
    station.cases._now = now


def seed(data: Path) -> None:
    with Station.open(data) as station:
        prepare_demo_station(station, cases=240)
        write_demo_cards(station)
        rate_at_the_window(station)
        for minutes, what, where, phone, complex_, steps in COMPLAINTS:
            at = now() - dt.timedelta(minutes=minutes)
            service = ComplaintService(station.db, station.calendars.calendar, clock=lambda a=at: a)
            c = service.record(
                what=what,
                where_failed=where,
                phone=phone,
                complex_=complex_,
                operator_id="clerk01",
                citizen_name="刘建国",
            )
            notes = ("县民政局社会救助股", "已核实并补发", "已电话回访，群众满意")
            for step, note in zip(
                (ComplaintState.DISPATCHED, ComplaintState.HANDLED, ComplaintState.CLOSED),
                notes[:steps],
                strict=False,
            ):
                service.advance(c.id, step, operator_id="super01", note=note)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-shots-stats-"))
    seed(data)
    app, keep = qt_app()
    desk = open_demo_window(app, data, operator="super01")
    window = desk.window
    window.show_page("stats")
    page = window.page("stats")
    wait(app, lambda: page is not None and page.dashboard is not None, 60)
    # the last 30 days, where the demo cases are
    page.preset.setFocus()
    QTest.keyClick(page.preset, Qt.Key.Key_End)
    today = page.dashboard.today
    first = today - dt.timedelta(days=29)
    page.start.setDate(QDate(first.year, first.month, first.day))
    QTest.keyClick(page.preset, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait(app, lambda: page.dashboard.period.start == first and not page.busy.isVisible(), 60)
    settle(app, 0.8)
    shot(window, out, "dashboard")
    window.show_page("complaints")
    complaints = window.page("complaints")
    wait(app, lambda: complaints is not None and len(complaints.items) == 3, 30)
    complaints.open_only.setChecked(False)
    wait(app, lambda: len(complaints.items) == 4, 30)
    complaints.table.setFocus()
    complaints.table.selectRow(3)  # the closed one: the marks of the others stay visible
    settle(app, 0.5)
    shot(window, out, "complaints")
    close_demo(desk)
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
