"""The Qt binding does not leak references to None (PySide6 6.12.0 on Python 3.11 lost one
per void call and the app aborted with "none_dealloc" after ~140 intakes): a guard against
upgrading to a build that does."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget


def test_void_qt_calls_do_not_run_down_nones_refcount(qapp: Any) -> None:
    widget, item = QWidget(), QListWidgetItem("x")
    before = sys.getrefcount(None)
    for _ in range(5_000):
        widget.setFocus()
        item.setData(Qt.ItemDataRole.UserRole, 1)
    lost = before - sys.getrefcount(None)
    assert lost < 500, f"{lost} references to None lost in 10,000 void calls"
