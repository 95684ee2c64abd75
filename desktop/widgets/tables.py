"""Small helpers for the read-only lists the pages show."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget

#: A list without focus shows its selected row pale, so the focused list is plain to see.
UNFOCUSED_SELECTION = (
    "QTableWidget:!focus { selection-background-color: #d7e3f1; selection-color: #000; }"
)


def fit_columns(table: QTableWidget) -> None:
    """Every column as wide as its contents, the last one taking the rest of the width."""
    header = table.horizontalHeader()
    last = table.columnCount() - 1
    for col in range(last):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
    table.setStyleSheet(UNFOCUSED_SELECTION)
