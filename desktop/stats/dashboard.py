"""The supervisor's statistics page: filters, figure tiles, charts, the 差评 to rectify, export.

Every figure comes from ``intake.stats`` on the reader pool (a year of a large store takes
seconds); the page shows a busy bar meanwhile and drops an answer that a newer request has
overtaken. Exports are written on a background thread after a window-modal save dialog.

Keys: Ctrl+R refresh, Ctrl+E export to Excel, Ctrl+Shift+E export to CSV; Tab walks the
filters; Enter on a 差评 row opens its case.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.messages import for_exception
from desktop.stats.charts import LEVEL_COLOURS, BarChart, day_bars, short
from intake.stats import LEVELS, Dashboard, Period, Ratio, period_for
from intake.stats.export import default_file_name, write_csv, write_xlsx
from intake.stats.figures import Choice

PRESETS = ("today", "week", "month", "year", "custom")
MATTER_BARS = 8  # the matters with most cases; the export lists all


def _pct(r: Ratio) -> str:
    return "—" if r.rate is None else f"{r.rate * 100:.1f}%"


class Tile(QFrame):
    """One figure: its name, the value large, a line of detail."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("tile")
        self.setStyleSheet("#tile { background: #f7f9fc; border: 1px solid #d5dde8; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        self.name = QLabel(name)
        self.name.setStyleSheet("color: #555;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1d3f66;")
        self.detail = QLabel("")
        self.detail.setStyleSheet("color: #666;")
        for w in (self.name, self.value, self.detail):
            layout.addWidget(w)

    def show_value(self, value: str, detail: str = "", *, alarm: bool = False) -> None:
        self.value.setText(value)
        colour = "#c62828" if alarm else "#1d3f66"
        self.value.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        self.detail.setText(detail)


class DashboardPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dashboard: Dashboard | None = None
        self.save_dialog: QFileDialog | None = None
        self.last_export: Path | None = None
        self._asked = 0  # the newest request: older answers are dropped
        self._build()
        self._load_choices()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.preset = QComboBox()
        for key, text in zip(
            PRESETS,
            (
                self.tr("Today"),
                self.tr("This week"),
                self.tr("This month"),
                self.tr("This year"),
                self.tr("Custom…"),
            ),
            strict=True,
        ):
            self.preset.addItem(text, key)
        self.preset.setCurrentIndex(PRESETS.index("month"))
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.operator = QComboBox()
        self.matter = QComboBox()
        self.matter.setMinimumContentsLength(14)
        self.matter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.operator.addItem(self.tr("All operators"), None)
        self.matter.addItem(self.tr("All matters"), None)
        self.refresh_button = QPushButton(self.tr("Refresh (Ctrl+R)"))
        self.xlsx_button = QPushButton(self.tr("Excel (Ctrl+E)"))
        self.csv_button = QPushButton(self.tr("CSV (Ctrl+Shift+E)"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # an indicator, not a percentage
        self.busy.setMaximumWidth(90)
        self.busy.setTextVisible(False)
        self.busy.hide()
        for label, widget in (
            (self.tr("Period"), self.preset),
            (self.tr("From"), self.start),
            (self.tr("to"), self.end),
            (self.tr("Operator"), self.operator),
            (self.tr("Matter"), self.matter),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.busy)
        bar.addStretch(1)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.csv_button)
        outer.addLayout(bar)
        self.state = QLabel("")
        self.state.setStyleSheet("color: #555;")
        outer.addWidget(self.state)

        body = QWidget()
        grid = QVBoxLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        tiles = QGridLayout()
        tiles.setSpacing(6)
        self.tiles = {
            key: Tile(name)
            for key, name in (
                ("cases", self.tr("Cases received")),
                ("immediate", self.tr("Done on the spot (即办率)")),
                ("first_time", self.tr("Accepted first time (一次办结率)")),
                ("visits", self.tr("Trips per case (跑动次数)")),
                ("handling", self.tr("Average handling time")),
                ("overdue", self.tr("Overdue")),
                ("deferred", self.tr("容缺 promises due")),
                ("ratings", self.tr("Satisfied (好评率)")),
                ("low", self.tr("Low ratings to rectify")),
            )
        }
        for i, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, 0, i)
        grid.addLayout(tiles)
        charts = QHBoxLayout()
        self.chart_days = BarChart(self.tr("Cases per day"))
        self.chart_matters = BarChart(self.tr("Cases per matter"), horizontal=True)
        self.chart_ratings = BarChart(self.tr("Ratings (好差评)"), horizontal=True)
        for chart, stretch in (
            (self.chart_days, 5),
            (self.chart_matters, 5),
            (self.chart_ratings, 3),
        ):
            chart.setMinimumHeight(250)
            charts.addWidget(chart, stretch)
        grid.addLayout(charts, 1)
        self.low_caption = QLabel(self.tr("Low ratings awaiting rectification (15 working days)"))
        self.low_caption.setStyleSheet("font-weight: bold;")
        grid.addWidget(self.low_caption)
        self.low = QTableWidget(0, 6)
        self.low.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Rating"),
                self.tr("Reason"),
                self.tr("Rated on"),
                self.tr("Rectify by"),
                self.tr("Working days left"),
            ]
        )
        self.low.verticalHeader().hide()
        self.low.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.low.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.low.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.low.setMinimumHeight(110)
        self.low.activated.connect(self._open_low)
        grid.addWidget(self.low)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.start.dateChanged.connect(lambda _d: self._custom_changed())
        self.end.dateChanged.connect(lambda _d: self._custom_changed())
        self.operator.currentIndexChanged.connect(lambda _i: self.refresh())
        self.matter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        for keys, slot in (
            ("Ctrl+R", self.refresh),
            ("Ctrl+E", lambda: self.export("xlsx")),
            ("Ctrl+Shift+E", lambda: self.export("csv")),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.addAction(action)
        self.setTabOrder(self.preset, self.start)
        self.setTabOrder(self.start, self.end)
        self.setTabOrder(self.end, self.operator)
        self.setTabOrder(self.operator, self.matter)
        self.setTabOrder(self.matter, self.refresh_button)
        self._apply_preset()

    def _load_choices(self) -> None:
        stats = self.ctx.station.stats
        self.ctx.runner.read(stats.choices, self._show_choices, self._failed)

    def _show_choices(self, choices: tuple[tuple[Choice, ...], tuple[Choice, ...]]) -> None:
        ops, matters = choices
        for op in ops:
            self.operator.addItem(f"{op.label}（{op.key}）", op.key)
        for m in matters:
            self.matter.addItem(short(m.label, 20), m.key)
            self.matter.setItemData(self.matter.count() - 1, m.label, Qt.ItemDataRole.ToolTipRole)

    # -- the period ---------------------------------------------------------------------------

    def _today(self) -> dt.date:
        return self.ctx.station.stats.today()

    def _apply_preset(self) -> None:
        key = self.preset.currentData()
        custom = key == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            p = period_for(key, self._today())
            for edit, day in ((self.start, p.start), (self.end, p.end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)

    def _preset_changed(self, _index: int) -> None:
        self._apply_preset()
        self.refresh()

    def _custom_changed(self) -> None:
        if self.preset.currentData() == "custom":
            self.refresh()

    def period(self) -> Period | None:
        start = dt.date(
            self.start.date().year(), self.start.date().month(), self.start.date().day()
        )
        end = dt.date(self.end.date().year(), self.end.date().month(), self.end.date().day())
        if end < start:
            return None
        return Period(start, end, self.operator.currentData(), self.matter.currentData())

    # -- computing ----------------------------------------------------------------------------

    def page_shown(self) -> None:
        if self.preset.currentData() != "custom":
            self._apply_preset()  # "today" moves on at midnight
        self.refresh()

    def refresh(self) -> None:
        period = self.period()
        if period is None:
            self.state.setText(self.tr("The period ends before it starts: correct the dates."))
            return
        self._asked += 1
        asked = self._asked
        self.busy.show()
        self.state.setText(self.tr("Computing…"))
        stats = self.ctx.station.stats
        self.ctx.runner.read(
            lambda: stats.dashboard(period),
            lambda d: self._answered(asked, d),
            lambda exc: self._answered(asked, exc),
        )

    def _answered(self, asked: int, result: Dashboard | BaseException) -> None:
        if asked != self._asked:
            return  # a newer filter was asked for meanwhile
        self.busy.hide()
        if isinstance(result, BaseException):
            self._failed(result)
            return
        self.show_dashboard(result)

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.state.setText(for_exception(exc))

    def show_dashboard(self, d: Dashboard) -> None:
        self.dashboard = d
        p = d.period
        self.state.setText(
            self.tr("Cases received {start} to {end}, as of {today}.").format(
                start=p.start.isoformat(), end=p.end.isoformat(), today=d.today.isoformat()
            )
        )
        t = self.tiles
        t["cases"].show_value(str(d.cases), self.tr("{n} days").format(n=len(d.per_day)))
        t["immediate"].show_value(
            _pct(d.immediate),
            self.tr("{done} of {all} 即办件").format(
                done=d.immediate.numerator, all=d.immediate.denominator
            ),
        )
        t["first_time"].show_value(
            _pct(d.first_time),
            self.tr("{done} of {all} without 补正").format(
                done=d.first_time.numerator, all=d.first_time.denominator
            ),
        )
        avg = d.visits.average
        t["visits"].show_value(
            "—" if avg is None else f"{avg:.2f}",
            self.tr("at most one: {rate}").format(rate=_pct(d.visits.at_most_one)),
        )
        wd, hours = d.handling.average_working_days, d.handling.average_hours
        t["handling"].show_value(
            "—" if wd is None else self.tr("{days} wd").format(days=f"{wd:.1f}"),
            ""
            if hours is None
            else self.tr("{hours} h, {n} completed").format(
                hours=f"{hours:.1f}", n=d.handling.completed
            ),
        )
        t["overdue"].show_value(str(d.overdue), self.tr("still being handled"), alarm=d.overdue > 0)
        t["deferred"].show_value(
            str(d.deferred.overdue + d.deferred.due_soon),
            self.tr("{late} past, {soon} within 3 days").format(
                late=d.deferred.overdue, soon=d.deferred.due_soon
            ),
            alarm=d.deferred.overdue > 0,
        )
        t["ratings"].show_value(
            _pct(d.ratings.good), self.tr("{n} ratings").format(n=d.ratings.total)
        )
        late = sum(1 for r in d.low_ratings if r.overdue)
        t["low"].show_value(
            str(len(d.low_ratings)),
            self.tr("{n} past the limit").format(n=late),
            alarm=late > 0,
        )
        labels, values = day_bars(d.per_day)
        self.chart_days.set_counts(
            labels,
            values,
            span=self.tr("{start} to {end}").format(
                start=p.start.isoformat(), end=p.end.isoformat()
            ),
        )
        top = list(d.per_matter[:MATTER_BARS])[::-1]  # largest on top
        self.chart_matters.set_counts([short(c.label) for c in top], [c.count for c in top])
        levels = list(LEVELS)[::-1]  # 非常满意 on top
        self.chart_ratings.set_counts(
            [LEVELS[lvl] for lvl in levels],
            [d.ratings.counts.get(lvl, 0) for lvl in levels],
            LEVEL_COLOURS[::-1],
        )
        self.low.setRowCount(len(d.low_ratings))
        for row, r in enumerate(d.low_ratings):
            cells = (
                r.case_number,
                LEVELS[r.level],
                r.reason,
                r.rated_on.isoformat(),
                r.due.isoformat(),
                str(r.days_left),
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if r.overdue:
                    item.setForeground(QColor("#c62828"))
                self.low.setItem(row, col, item)
        self.low.resizeColumnsToContents()
        self.low.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _open_low(self, index: object) -> None:
        item = self.low.item(self.low.currentRow(), 0)
        if item is not None:
            self.ctx.open_case(item.text())

    # -- export -------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        """Ask where (window-modal, a Chinese default name), then write on a background
        thread what is on screen."""
        d = self.dashboard
        if d is None:
            self.state.setText(self.tr("Nothing to export yet: wait for the figures."))
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        dialog = QFileDialog(self, self.tr("Export the statistics"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if kind == "xlsx":
            dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)"))
        else:
            dialog.setNameFilter(self.tr("CSV file (*.csv)"))
        dialog.setDefaultSuffix(kind)
        dialog.setDirectory(folder)
        dialog.selectFile(default_file_name(d, kind))
        dialog.fileSelected.connect(lambda path: self._write(d, kind, Path(path)))
        dialog.finished.connect(lambda _r: self._dialog_closed())
        self.save_dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        self.save_dialog = None
        window = self.window()
        if window is not None:
            window.activateWindow()

    def _write(self, d: Dashboard, kind: str, path: Path) -> None:
        writer = write_xlsx if kind == "xlsx" else write_csv
        station, operator = self.ctx.station, self.ctx.operator_id
        self.busy.show()
        self.state.setText(self.tr("Exporting to {path}…").format(path=str(path)))

        detail = f"stats {d.period.start}..{d.period.end} {kind}"

        def written(target: Path) -> None:
            # the file holds case numbers and rating reasons: the export is audited
            self.ctx.runner.write(lambda: station.audit.record(operator, "export", None, detail))
            self._exported(target)

        self.ctx.runner.background(lambda: writer(d, path), written, self._failed)

    def _exported(self, path: Path) -> None:
        self.busy.hide()
        self.last_export = path
        self.state.setText(self.tr("Exported to {path}.").format(path=str(path)))
