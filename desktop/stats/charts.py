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
        self, labels: Sequence[str], values: Sequence[int], colours: Sequence[str] = ()
    ) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.labels, self.values = list(labels), list(values)
        series = QHorizontalBarSeries() if self._horizontal else QBarSeries()
        if colours:  # one set per bar so each gets its colour, stacked at its own category
            series.setBarWidth(0.8)
            for i, (value, colour) in enumerate(zip(values, colours, strict=True)):
                bar = QBarSet(labels[i])
                bar.append([value if j == i else 0 for j in range(len(values))])
                bar.setColor(QColor(colour))
                series.append(bar)
            series.setLabelsVisible(False)
        else:
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
        counts.setRange(0, max([*values, 1]) * 1.15)
        counts.setLabelFormat("%d")
        counts.setTickCount(min(6, max(values, default=0) + 2))
        if self._horizontal:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
            if len(labels) > 10:
                categories.setLabelsAngle(-90)
        series.attachAxis(categories)
        series.attachAxis(counts)


def day_labels(per_day: Sequence[Count]) -> list[str]:
    """ "10-08" for a period within one year (the year is in the filter above)."""
    return [c.key[5:] for c in per_day]


def short(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
