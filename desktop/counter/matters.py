"""Choosing the matter: type-ahead over the catalog (hanzi, pinyin, initials, codes), bundles
first-class, this station's usual matters on top, and the guide (办事指南) beside the list.

Ctrl+K focuses the search; every keystroke searches the in-memory index (no I/O); Enter
takes the highlighted line (the top one unless the clerk moved), Down moves into the list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.labels import DELIVERY, MATERIAL_FORMS, SCOPES, label
from intake.catalog.choices import Choice, ChoiceIndex
from intake.catalog.merge import MergedRequirements, merge_bundle, merge_requirements
from intake.catalog.model import Catalog, Guide


class SearchEdit(QLineEdit):
    """Enter takes, Down/Up move the list's highlight without leaving the search."""

    take = Signal()
    step = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.take.emit()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.step.emit(1 if key == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class MatterPicker(QGroupBox):
    chosen = Signal(str, str)  # kind ("matter" / "bundle"), code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Matter — Ctrl+K searches (name, pinyin, initials or code)"))
        self._catalog: Catalog | None = None
        self._index: ChoiceIndex | None = None
        self.search = SearchEdit()
        self.search.setPlaceholderText(self.tr("e.g. 不动产, budongchan, bdc or a code"))
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        self.guide = QTextBrowser()
        self.guide.setOpenLinks(False)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.results, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 5)
        layout.addWidget(self.guide, 6)
        self.search.textEdited.connect(self._search)
        self.search.take.connect(self._take_current)
        self.search.step.connect(self._move)
        self.results.currentItemChanged.connect(self._show_guide)
        self.results.itemActivated.connect(lambda _item: self._take_current())

    def set_index(self, catalog: Catalog, index: ChoiceIndex) -> None:
        self._catalog, self._index = catalog, index
        self._search(self.search.text())

    def clear(self) -> None:
        self.search.clear()
        self._search("")

    def _search(self, text: str) -> None:
        self.results.clear()
        if self._index is None:
            return
        for choice in self._index.search(text, limit=30):
            item = QListWidgetItem(self._line(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        elif text.strip():
            hint = self.tr("Nothing matches. Try pinyin initials or part of the name.")
            self.guide.setHtml(f"<p>{html.escape(hint)}</p>")
        else:
            self.guide.clear()

    def _line(self, c: Choice) -> str:
        if c.kind == "bundle":
            return self.tr("[一件事] {name} · {n} departments").format(name=c.name, n=c.departments)
        if c.immediate:
            when = self.tr("immediate")
        else:
            when = self.tr("{days} working days").format(days=c.promised_limit_days)
        return f"{c.name} · {c.department} · {when}"

    def _move(self, step: int) -> None:
        row = self.results.currentRow() + step
        if 0 <= row < self.results.count():
            self.results.setCurrentRow(row)

    def _take_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        choice: Choice = item.data(Qt.ItemDataRole.UserRole)
        self.chosen.emit(choice.kind, choice.code)

    def _show_guide(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None or self._catalog is None:
            self.guide.clear()
            return
        choice: Choice = item.data(Qt.ItemDataRole.UserRole)
        if choice.kind == "bundle":
            merged = merge_bundle(self._catalog, choice.code)
        else:
            merged = merge_requirements(self._catalog, [choice.code])
        self.guide.setHtml(guide_html(merged, choice.name, self._catalog.guide_for(choice.code)))


def guide_html(merged: MergedRequirements, title: str, guide: Guide | None = None) -> str:
    """The guide of a choice: who decides, limits, fees, where, materials (一次告知), and the
    practicalities (办理时间、地点、咨询和监督电话、流程)."""
    e = html.escape
    parts = [f"<h3 style='margin:0'>{e(title)}</h3>"]
    rows: list[tuple[str, str]] = []
    for m in merged.matters:
        limit = (
            QCoreApplication.translate("guide", "immediate (即办件)")
            if m.immediate
            else QCoreApplication.translate("guide", "promised {p} / legal {l}").format(
                p=_days(m.promised_limit_days, m.promised_limit_unit.value),
                l=_days(m.legal_limit_days, m.legal_limit_unit.value),
            )
        )
        rows.append((m.name, f"{m.department.name} · {m.type} · {limit}"))
    parts.append("<table cellspacing=2>")
    parts.extend(f"<tr><td><b>{e(a)}</b></td><td>{e(b)}</td></tr>" for a, b in rows)
    parts.append("</table>")
    fee = (
        QCoreApplication.translate("guide", "free")
        if merged.fee_total == 0
        else QCoreApplication.translate("guide", "{amount} yuan").format(amount=merged.fee_total)
    )
    where = label(SCOPES, merged.scope.value)
    ways = dict.fromkeys(x for m in merged.matters for x in m.delivery)
    delivery = "、".join(label(DELIVERY, d) for d in ways)
    parts.append(
        "<p>"
        + e(
            QCoreApplication.translate("guide", "Fee: {fee}; where: {where}; delivery: {delivery}")
        ).format(fee=e(fee), where=e(where), delivery=e(delivery))
        + "</p>"
    )
    bundle = merged.bundle
    if bundle is not None and bundle.situations:
        asked = QCoreApplication.translate("guide", "Situations asked first")
        parts.append(
            f"<p><b>{e(asked)}</b>：" + e("；".join(s.question for s in bundle.situations)) + "</p>"
        )
    heading = QCoreApplication.translate("guide", "Materials")
    parts.append(f"<p><b>{e(heading)}</b></p><ol style='margin-top:0'>")
    for need in merged.materials:
        how = label(MATERIAL_FORMS, need.form)
        tags = [] if need.required else [QCoreApplication.translate("guide", "optional")]
        if need.may_defer:
            tags.append(QCoreApplication.translate("guide", "may be deferred"))
        extra = f"（{e('，'.join(tags))}）" if tags else ""
        parts.append(f"<li>{e(need.material.name)} — {e(how)} ×{need.copies}{extra}</li>")
    parts.append("</ol>")
    if guide is not None:
        practical = [
            (QCoreApplication.translate("guide", "Hours"), guide.hours),
            (QCoreApplication.translate("guide", "Where"), guide.place),
            (QCoreApplication.translate("guide", "Enquiries"), guide.consult_phone),
            (QCoreApplication.translate("guide", "Complaints"), guide.supervise_phone),
        ]
        parts.append("<table cellspacing=2>")
        parts.extend(f"<tr><td><b>{e(a)}</b></td><td>{e(b)}</td></tr>" for a, b in practical if b)
        parts.append("</table>")
        if guide.steps:
            heading = QCoreApplication.translate("guide", "Steps")
            parts.append(f"<p><b>{e(heading)}</b>：" + e(" → ".join(guide.steps)) + "</p>")
    bases = [m.legal_basis for m in merged.matters if m.legal_basis]
    if bases:
        caption = QCoreApplication.translate("guide", "Legal basis")
        joined = "；".join(dict.fromkeys(bases))
        parts.append(f"<p style='color:#555'>{e(caption)}：{e(joined)}</p>")
    return "".join(parts)


def _days(n: int, unit: str) -> str:
    if unit == "calendar":
        return QCoreApplication.translate("guide", "{n} calendar days").format(n=n)
    return QCoreApplication.translate("guide", "{n} working days").format(n=n)
