"""The dashboard's three charts (QtCharts): they draw what ``intake.stats`` computed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from intake.stats import Count

BLUE = QColor("#2f6fb0")
LEVEL_COLOURS = ("#2e7d32", "#7cb342", "#f9a825", "#ef6c00", "#c62828")  # 5 … 1


class BarChart(QChartView):
    """Bars (vertical or horizontal) of labelled counts; ``set_counts`` replaces them."""

    def __init__(self, title: str, *, horizontal: bool = False, parent: QWidget | None = None):
        chart = QChart()
        chart.setTitle(title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._horizontal = horizontal
        self.values: list[int] = []  # what is drawn, for tests
        self.labels: list[str] = []

    def set_counts(
        self,
        labels: Sequence[str],
        values: Sequence[int],
        colours: Sequence[str] = (),
        *,
        span: str = "",
    ) -> None:
        """``colours``: one per bar. ``span``: the category axis's title when there are too
        many bars to label each (a month of days)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.labels, self.values = list(labels), list(values)
        series: QBarSeries | QHorizontalBarSeries | QStackedBarSeries | QHorizontalStackedBarSeries
        if colours:  # one set per bar so each gets its colour; stacked, so the zeros of the
            # other sets take no room beside it
            series = QHorizontalStackedBarSeries() if self._horizontal else QStackedBarSeries()
            series.setBarWidth(0.8)
            for i, (value, colour) in enumerate(zip(values, colours, strict=True)):
                bar = QBarSet(labels[i])
                bar.append([value if j == i else 0 for j in range(len(values))])
                bar.setColor(QColor(colour))
                series.append(bar)
            series.setLabelsVisible(False)
        else:
            series = QHorizontalBarSeries() if self._horizontal else QBarSeries()
            bar = QBarSet("")
            bar.append(list(values))
            bar.setColor(BLUE)
            series.append(bar)
            series.setLabelsVisible(len(values) <= 12)
            series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(list(labels))
        counts = QValueAxis()
        top = max([*values, 1])
        counts.setRange(0, top + max(1, top // 8))
        counts.setLabelFormat("%d")
        counts.setTickCount(min(6, top + 2))
        counts.applyNiceNumbers()
        if self._horizontal:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
            if len(labels) > 16 and span:
                categories.setLabelsVisible(False)
                categories.setTitleText(span)
            elif len(labels) > 10:
                small = QFont(categories.labelsFont())
                small.setPointSizeF(max(6.0, small.pointSizeF() - 2))
                categories.setLabelsFont(small)
        series.attachAxis(categories)
        series.attachAxis(counts)


def day_bars(per_day: Sequence[Count]) -> tuple[list[str], list[int]]:
    """Bars for the cases-per-day chart: one a day (10-08, or the day of the month alone
    past ten days, so the labels fit); past two months one a month (2026-10)."""
    if len(per_day) > 62:
        months: dict[str, int] = {}
        for c in per_day:
            months[c.key[:7]] = months.get(c.key[:7], 0) + c.count
        return list(months), list(months.values())
    if len(per_day) > 10:
        return [str(int(c.key[8:])) for c in per_day], [c.count for c in per_day]
    return [c.key[5:] for c in per_day], [c.count for c in per_day]


def short(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
