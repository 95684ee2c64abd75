"""A signature pad: strokes from a pen (QTabletEvent, with pressure), a finger (QTouchEvent)
or a mouse, kept as points and rendered to a PNG with a clear background for the PDF."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

Point = tuple[float, float, float]  # x, y, pressure (0..1)
INK = QColor(20, 20, 60)
BASE_WIDTH = 4.0
SIGNATURE_HEIGHT = 180  # pixels: sharp on the ~10 mm signature line at 300 dpi and more


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[Point]] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 200)
        self.setObjectName("signaturePad")
        self.setCursor(Qt.CursorShape.CrossCursor)

    # -- capture --------------------------------------------------------------------------

    def begin(self, x: float, y: float, pressure: float = 0.5) -> None:
        self.strokes.append([(x, y, pressure)])
        self._drawing = True
        self.update()

    def extend(self, x: float, y: float, pressure: float = 0.5) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append((x, y, pressure))
            self.update()

    def end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def clear(self) -> None:
        self.strokes.clear()
        self._drawing = False
        self.update()
        self.changed.emit()

    @property
    def stroke_count(self) -> int:
        """Strokes with some length (a stray tap is not a signature)."""
        return sum(1 for s in self.strokes if len(s) > 1)

    def tabletEvent(self, event: QTabletEvent) -> None:
        p = event.position()
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self.begin(p.x(), p.y(), event.pressure())
        elif kind == QTabletEvent.Type.TabletMove:
            self.extend(p.x(), p.y(), event.pressure())
        elif kind == QTabletEvent.Type.TabletRelease:
            self.end()
        event.accept()

    def event(self, event: object) -> bool:
        if isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                pos = points[0].position()
                if event.type() == QTouchEvent.Type.TouchBegin:
                    self.begin(pos.x(), pos.y())
                elif event.type() == QTouchEvent.Type.TouchUpdate:
                    self.extend(pos.x(), pos.y())
            if event.type() in (QTouchEvent.Type.TouchEnd, QTouchEvent.Type.TouchCancel):
                self.end()
            event.accept()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            p = event.position()
            self.begin(p.x(), p.y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        p = event.position()
        self.extend(p.x(), p.y())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.end()

    # -- drawing --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor(150, 150, 150), 1, Qt.PenStyle.DashLine))
        base = self.height() * 0.78
        painter.drawLine(QPointF(24, base), QPointF(self.width() - 24, base))
        paint_strokes(self.strokes, painter)
        painter.end()

    def snapshot(self) -> list[list[Point]]:
        """A copy of the strokes, for rendering off the UI thread (``strokes_png``)."""
        return [list(s) for s in self.strokes]

    def to_png(self, height: int = SIGNATURE_HEIGHT) -> bytes:
        return strokes_png(self.snapshot(), height)


def paint_strokes(
    strokes: list[list[Point]], painter: QPainter, scale: float = 1.0, dx: float = 0, dy: float = 0
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for stroke in strokes:
        for (x1, y1, p1), (x2, y2, p2) in itertools.pairwise(stroke):
            width = BASE_WIDTH * scale * (0.6 + (p1 + p2) / 2)
            painter.setPen(QPen(INK, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(
                QPointF((x1 - dx) * scale, (y1 - dy) * scale),
                QPointF((x2 - dx) * scale, (y2 - dy) * scale),
            )
        if len(stroke) == 1:
            x, y, _ = stroke[0]
            painter.setPen(
                QPen(INK, BASE_WIDTH * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            )
            painter.drawPoint(QPointF((x - dx) * scale, (y - dy) * scale))


def bounds(strokes: list[list[Point]]) -> QRectF:
    xs = [x for s in strokes for x, _, _ in s]
    ys = [y for s in strokes for _, y, _ in s]
    if not xs:
        return QRectF()
    margin = BASE_WIDTH * 2
    return QRectF(
        min(xs) - margin,
        min(ys) - margin,
        max(xs) - min(xs) + 2 * margin,
        max(ys) - min(ys) + 2 * margin,
    )


def strokes_png(strokes: list[list[Point]], height: int = SIGNATURE_HEIGHT) -> bytes:
    """The signature cropped to its strokes, ``height`` pixels high, on a clear background
    (the paper's line shows through in the PDF). QImage and QPainter work on any thread:
    the app calls this on a background worker, not the UI thread."""
    box = bounds(strokes)
    if box.isEmpty():
        return b""
    scale = height / max(box.height(), 1.0)
    width = max(int(box.width() * scale), 1)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint_strokes(strokes, painter, scale, box.left(), box.top())
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())
