"""Small helpers for the read-only lists the pages show."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTreeWidget

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


def tree_list(
    name: str, headers: Sequence[str], widths: Sequence[int] = (), *, nested: bool = False
) -> QTreeWidget:
    """A list of rows in a tree widget (object name ``name``): whole rows selected, the
    first columns ``widths`` wide, the expander column only when rows have rows under them
    (``nested``)."""
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setRootIsDecorated(nested)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.setHeaderLabels(list(headers))
    for column, width in enumerate(widths):
        tree.setColumnWidth(column, width)
    return tree


def select_first(tree: QTreeWidget) -> None:
    """The first row current (the keys act on it), if there is one."""
    first = tree.topLevelItem(0)
    if first is not None:
        tree.setCurrentItem(first)
