"""The kiosk's first paint: "正在启动" full screen while the station opens behind it.

Shown by ``DesktopApp.start`` before anything else is loaded (only QtWidgets: this module
imports nothing of the core), so a citizen never faces a blank or half-drawn screen while
the store, the catalog and the kiosk's pages load (~2 s). The kiosk window replaces it.
Like the kiosk it is frameless, on top, and refuses to be closed from the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.kiosk import style


class KioskSplash(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setObjectName("kiosk")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setWindowTitle(self.tr("WindowDesk self-service is starting"))
        self.setStyleSheet(style.NORMAL)
        self.allow_close = False
        v = QVBoxLayout(self)
        v.addStretch(1)
        title = QLabel(self.tr("Self-service is starting…"))
        title.setObjectName("kioskTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(title)
        hint = QLabel(self.tr("Please wait a moment: the terminal will be ready shortly."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(hint)
        v.addStretch(2)

    def show_splash(self) -> None:
        self.showFullScreen()
        self.raise_()

    def finish(self) -> None:
        self.allow_close = True
        self.close()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()

    def event(self, e: QEvent) -> bool:
        if isinstance(e, QKeyEvent):  # nothing to do yet; Alt+F4, Esc go nowhere
            return True
        return super().event(e)
