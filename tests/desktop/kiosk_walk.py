"""Walk every widget and model of the app for text (the kiosk's wipe tests)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget


def find_text_holders(root: QWidget) -> list[tuple[str, str]]:
    """Every (object, text) a widget tree shows or holds in a model (the wipe test's walk)."""
    from PySide6.QtCore import QAbstractItemModel, QModelIndex
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QPlainTextEdit,
        QTextEdit,
    )

    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    models: list[QAbstractItemModel] = list(root.findChildren(QAbstractItemModel))
    for w in widgets:
        name = f"{type(w).__name__}:{w.objectName()}"
        for text in (w.windowTitle(), w.toolTip(), w.accessibleName(), w.statusTip()):
            if text:
                found.append((name, text))
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            found.append((name, w.text()))
        if isinstance(w, QLineEdit):
            found.append((name, w.placeholderText()))
        if isinstance(w, QTextEdit):
            found.append((name, w.toHtml()))
        if isinstance(w, QPlainTextEdit):
            found.append((name, w.toPlainText()))
        if isinstance(w, QComboBox):
            found.extend((name, w.itemText(i)) for i in range(w.count()))
            models.append(w.model())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            models.append(w.model())
    for model in models:
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for r in range(model.rowCount(parent)):
                try:
                    columns = max(model.columnCount(parent), 1)
                except TypeError:  # a list model: its columnCount is private, one column
                    columns = 1
                for c in range(columns):
                    index = model.index(r, c, parent)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
                        value = model.data(index, role)
                        if value is not None:
                            found.append((type(model).__name__, str(value)))
                    if c == 0 and _has_children(model, index):
                        stack.append(index)
    return found


def all_text() -> list[tuple[str, str]]:
    """Text held by the kiosk's windows. Hidden windows other tests of this process left
    behind (a counter's main window, its case detail) are not the kiosk's: a kiosk process
    never makes them. Every visible window and every kiosk window is walked."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    out: list[tuple[str, str]] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible() and not type(top).__module__.startswith("desktop.kiosk"):
            continue
        out.extend(find_text_holders(top))
    return out


def _has_children(model: object, index: object) -> bool:
    try:
        return bool(model.hasChildren(index))  # type: ignore[attr-defined]
    except TypeError:  # a list model: hasChildren is private there, and it has none
        return False
