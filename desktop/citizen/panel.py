"""The citizen's pages: welcome, the live intake, 信息确认, signature, 好差评, thanks.

Touch-first: large type and targets. The panel only shows what the controller
(desktop.citizen.controller) hands it and reports the citizen's taps as signals; the
same panel sits in the full-screen window on the second monitor or in the dialog on the
clerk's turned screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.citizen.pad import SignaturePad
from desktop.citizen.texts import LEVEL_TEXTS, REASON_TEXTS, tr
from desktop.labels import MATERIAL_STATES, label
from intake.citizen import CitizenView, Step
from intake.evaluation import COMMENT_MAX, LOW_REASONS, is_low
from intake.views import MaterialState

STYLE = """
#citizenPanel { background: #f4f7fb; }
#citizenPanel QLabel { font-size: 22px; color: #1d2a3a; }
#citizenPanel QLabel#citizenTitle { font-size: 34px; font-weight: bold; color: #0b4f9c; }
#citizenPanel QLabel#citizenClerk { font-size: 20px; color: #4a5868; }
#citizenPanel QLabel#citizenHint { font-size: 20px; color: #4a5868; }
#citizenPanel QLabel#citizenProblem { font-size: 20px; color: #b00020; }
#citizenPanel QFrame#citizenCard { background: white; border: 1px solid #d5dde8;
    border-radius: 10px; }
#citizenPanel QPushButton { font-size: 24px; min-height: 64px; min-width: 200px; padding: 6px 22px;
    border-radius: 10px; border: 2px solid #9fb3cc; background: white; }
#citizenPanel QPushButton#citizenYes { background: #1f7a3a; color: white; border-color: #1f7a3a; }
#citizenPanel QPushButton#citizenNo { background: #b3261e; color: white; border-color: #b3261e; }
#citizenPanel QPushButton#citizenSubmit { background: #0b4f9c; color: white;
    border-color: #0b4f9c; }
#citizenPanel QPushButton#citizenSubmit:disabled { background: #9fb3cc; border-color: #9fb3cc; }
#citizenPanel QPushButton[level="true"] { min-height: 96px; font-size: 26px; }
#citizenPanel QPushButton:checked { background: #0b4f9c; color: white; border-color: #0b4f9c; }
#citizenPanel QPushButton[chip="true"] { min-height: 52px; min-width: 0; font-size: 20px;
    border-radius: 26px; }
#citizenPanel QPushButton[level="true"] { min-width: 0; }
#citizenPanel QPlainTextEdit { font-size: 22px; background: white; border: 1px solid #9fb3cc; }
"""


def _label(text: str = "", name: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    if name:
        widget.setObjectName(name)
    return widget


class IntakeSummary(QFrame):
    """The recorded data (masked) and the materials, as the clerk records them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citizenCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        self.person = QGridLayout()
        self.person.setHorizontalSpacing(28)
        self.cells: dict[str, tuple[QLabel, QLabel]] = {}
        for i, (key, name) in enumerate(
            (
                ("name", self.tr("Applicant")),
                ("id_number", self.tr("ID number")),
                ("phone", self.tr("Phone")),
                ("agent", self.tr("Agent")),
            )
        ):
            left, right = _label(name + "：", "citizenHint"), _label("—")
            self.person.addWidget(left, i // 2, (i % 2) * 2)
            self.person.addWidget(right, i // 2, (i % 2) * 2 + 1)
            self.cells[key] = (left, right)
        layout.addLayout(self.person)
        self.matter = _label()
        self.matter.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.matter)
        self.materials = _label()
        self.materials.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.materials)
        self.form = _label()
        layout.addWidget(self.form)
        layout.addStretch(1)

    def set_view(self, view: CitizenView) -> None:
        values = {
            "name": view.name,
            "id_number": view.id_number,
            "phone": view.phone,
            "agent": view.agent_name,
        }
        for key, (left, right) in self.cells.items():
            right.setText(values[key] or "—")
            shown = key != "agent" or bool(view.agent_name)
            left.setVisible(shown)
            right.setVisible(shown)
        if view.title:
            self.matter.setText(self.tr("Matter: {title}").format(title=view.title))
        else:
            self.matter.setText(self.tr("The clerk is choosing the matter…"))
        lines = []
        for m in view.materials:
            received = m.state not in (MaterialState.MISSING,)
            mark = "✔" if received else "○"
            colour = "#1f7a3a" if received else ("#b3261e" if m.required else "#4a5868")
            state = label(MATERIAL_STATES, m.state)
            if m.promised_date:
                state = f"{state} {m.promised_date}"
            lines.append(
                f"<span style='color:{colour}'>{mark}</span> {m.name}"
                f" <span style='color:#4a5868'>（{state}）</span>"
            )
        self.materials.setText(
            (self.tr("Materials") + "：<br>" + "<br>".join(lines)) if lines else ""
        )
        self.form.setText("；".join(f"{k}：{v}" for k, v in view.form))


class RatingPage(QWidget):
    """好差评: five levels (none chosen at first), reasons and a comment for the two lowest."""

    submitted = Signal(int, tuple, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = _label("", "citizenTitle")
        layout.addWidget(self.heading)
        self.levels = QButtonGroup(self)
        row = QHBoxLayout()
        self.level_buttons: dict[int, QPushButton] = {}
        for level, text in LEVEL_TEXTS.items():
            button = QPushButton(tr(text))
            button.setCheckable(True)
            button.setProperty("level", True)
            button.setObjectName(f"level{level}")
            self.levels.addButton(button, level)
            self.level_buttons[level] = button
            row.addWidget(button)
        layout.addLayout(row)
        self.low_box = QWidget()
        low = QVBoxLayout(self.low_box)
        low.setContentsMargins(0, 8, 0, 0)
        low.addWidget(_label(self.tr("What went wrong? (choose at least one)"), "citizenHint"))
        chips = QGridLayout()
        self.chips: dict[str, QPushButton] = {}
        for i, code in enumerate(LOW_REASONS):
            chip = QPushButton(tr(REASON_TEXTS[code]))
            chip.setCheckable(True)
            chip.setProperty("chip", True)
            chip.toggled.connect(lambda *_: self._refresh())
            self.chips[code] = chip
            chips.addWidget(chip, i // 5, i % 5)
        low.addLayout(chips)
        low.addWidget(_label(self.tr("Please tell us more (required):"), "citizenHint"))
        self.comment = QPlainTextEdit()
        self.comment.setFixedHeight(90)
        self.comment.textChanged.connect(self._refresh)
        low.addWidget(self.comment)
        layout.addWidget(self.low_box)
        self.problem = _label("", "citizenProblem")
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.submit = QPushButton(self.tr("Submit the rating"))
        self.submit.setObjectName("citizenSubmit")
        self.submit.clicked.connect(self._submit)
        layout.addWidget(self.submit, 0, Qt.AlignmentFlag.AlignRight)
        self.levels.idToggled.connect(lambda *_: self._refresh())
        self.reset("")

    def reset(self, department: str) -> None:
        self.heading.setText(
            self.tr("How was the service of {department}?").format(department=department)
            if department
            else self.tr("How was the service?")
        )
        self.levels.setExclusive(False)
        for button in self.level_buttons.values():
            button.setChecked(False)
        self.levels.setExclusive(True)
        for chip in self.chips.values():
            chip.setChecked(False)
        self.comment.clear()
        self.problem.clear()
        self._refresh()

    def level(self) -> int | None:
        chosen = self.levels.checkedId()
        return chosen if chosen > 0 else None

    def reasons(self) -> tuple[str, ...]:
        return tuple(code for code, chip in self.chips.items() if chip.isChecked())

    def _refresh(self) -> None:
        level = self.level()
        low = level is not None and is_low(level)
        self.low_box.setVisible(low)
        if not low:
            for chip in self.chips.values():
                chip.blockSignals(True)
                chip.setChecked(False)
                chip.blockSignals(False)
        self.submit.setEnabled(level is not None)
        if len(self.comment.toPlainText()) > COMMENT_MAX:
            self.problem.setText(self.tr("At most {n} characters.").format(n=COMMENT_MAX))

    def _submit(self) -> None:
        level = self.level()
        if level is not None:
            self.submitted.emit(level, self.reasons(), self.comment.toPlainText().strip())


class CitizenPanel(QWidget):
    confirmed = Signal()
    disputed = Signal()
    signed = Signal(object, int)  # the strokes (desktop.citizen.pad.Point lists), their count
    rated = Signal(int, tuple, str)  # level, reason codes, comment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citizenPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 28)
        self.office = _label("", "citizenClerk")
        self.clerk = _label("", "citizenClerk")
        self.clerk.setWordWrap(False)
        head = QHBoxLayout()
        head.addWidget(self.office, 1)
        head.addWidget(self.clerk, 0, Qt.AlignmentFlag.AlignRight)
        outer.addLayout(head)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.pages: dict[Step, QWidget] = {}
        # welcome
        welcome = QWidget()
        wl = QVBoxLayout(welcome)
        wl.addStretch(1)
        self.welcome_title = _label(self.tr("Welcome"), "citizenTitle")
        self.welcome_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_clerk = _label("")
        self.welcome_clerk.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_clerk.setStyleSheet("font-size: 30px;")
        wl.addWidget(self.welcome_title)
        wl.addWidget(self.welcome_clerk)
        hint = _label(
            self.tr("Please check on this screen what the clerk records for you."), "citizenHint"
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        wl.addWidget(hint)
        wl.addStretch(2)
        self._add(Step.WELCOME, welcome)
        # live
        live = QWidget()
        ll = QVBoxLayout(live)
        ll.addWidget(_label(self.tr("What the clerk is recording"), "citizenTitle"))
        self.live_summary = IntakeSummary()
        ll.addWidget(self.live_summary, 1)
        self.live_note = _label("", "citizenProblem")
        ll.addWidget(self.live_note)
        self._add(Step.LIVE, live)
        # confirm
        confirm = QWidget()
        cl = QVBoxLayout(confirm)
        cl.addWidget(_label(self.tr("Please check your information"), "citizenTitle"))
        self.confirm_summary = IntakeSummary()
        cl.addWidget(self.confirm_summary, 1)
        buttons = QHBoxLayout()
        self.wrong = QPushButton(self.tr("Something is wrong"))
        self.wrong.setObjectName("citizenNo")
        self.right = QPushButton(self.tr("Correct, confirm"))
        self.right.setObjectName("citizenYes")
        self.wrong.clicked.connect(self.disputed)
        self.right.clicked.connect(self.confirmed)
        buttons.addWidget(self.wrong)
        buttons.addStretch(1)
        buttons.addWidget(self.right)
        cl.addLayout(buttons)
        self._add(Step.CONFIRMING, confirm)
        # saving
        saving = QWidget()
        sl = QVBoxLayout(saving)
        self.saving_text = _label(
            self.tr("Thank you. The clerk is saving your application…"), "citizenTitle"
        )
        self.saving_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sl.addWidget(self.saving_text)
        self._add(Step.SAVING, saving)
        # signing
        signing = QWidget()
        gl = QVBoxLayout(signing)
        self.sign_title = _label("", "citizenTitle")
        gl.addWidget(self.sign_title)
        self.sign_hint = _label(
            self.tr("Sign with your finger or the pen in the white area."), "citizenHint"
        )
        gl.addWidget(self.sign_hint)
        self.pad = SignaturePad()
        gl.addWidget(self.pad, 1)
        self.sign_problem = _label("", "citizenProblem")
        gl.addWidget(self.sign_problem)
        sign_buttons = QHBoxLayout()
        self.sign_clear = QPushButton(self.tr("Clear"))
        self.sign_done = QPushButton(self.tr("Confirm the signature"))
        self.sign_done.setObjectName("citizenSubmit")
        self.sign_clear.clicked.connect(self.pad.clear)
        self.sign_done.clicked.connect(self._signed)
        self.pad.changed.connect(self._pad_changed)
        sign_buttons.addWidget(self.sign_clear)
        sign_buttons.addStretch(1)
        sign_buttons.addWidget(self.sign_done)
        gl.addLayout(sign_buttons)
        self._add(Step.SIGNING, signing)
        # rating
        self.rating = RatingPage()
        self.rating.submitted.connect(self.rated)
        self._add(Step.RATING, self.rating)
        # thanks
        thanks = QWidget()
        tl = QVBoxLayout(thanks)
        tl.addStretch(1)
        self.thanks_text = _label(
            self.tr("Thank you! Your rating has been recorded."), "citizenTitle"
        )
        self.thanks_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tl.addWidget(self.thanks_text)
        tl.addStretch(2)
        self._add(Step.THANKS, thanks)

    def _add(self, step: Step, page: QWidget) -> None:
        self.pages[step] = page
        self.stack.addWidget(page)

    @property
    def step(self) -> Step:
        current = self.stack.currentWidget()
        return next(s for s, p in self.pages.items() if p is current)

    # -- what the controller shows --------------------------------------------------------

    def set_clerk(self, office: str, name: str, number: str) -> None:
        self.office.setText(office)
        line = self.tr("Serving you: {name} (staff no. {number})").format(name=name, number=number)
        self.clerk.setText(line if name else "")
        self.welcome_clerk.setText(line if name else "")

    def show_step(self, step: Step, view: CitizenView | None = None, note: str = "") -> None:
        if view is not None:
            if step is Step.LIVE:
                self.live_summary.set_view(view)
            if step is Step.CONFIRMING:
                self.confirm_summary.set_view(view)
        if step is Step.LIVE:
            self.live_note.setText(note)
        self.right.setEnabled(True)
        self.wrong.setEnabled(True)
        self.stack.setCurrentWidget(self.pages[step])

    def show_signing(self, documents: list[str], *, receipt: bool = False) -> None:
        """``receipt``: the citizen signs for a notice handed to them (签收), not a promise."""
        joined = "、".join(documents)
        if receipt:
            self.sign_title.setText(
                self.tr("Please sign for receipt: {documents}").format(documents=joined)
            )
            self.sign_hint.setText(
                self.tr(
                    "Your signature confirms that you received it. Sign with your finger or "
                    "the pen in the white area."
                )
            )
        else:
            self.sign_title.setText(self.tr("Please sign: {documents}").format(documents=joined))
            self.sign_hint.setText(self.tr("Sign with your finger or the pen in the white area."))
        self.pad.clear()
        self.sign_problem.clear()
        self.sign_done.setEnabled(False)
        self.sign_clear.setEnabled(True)
        self.stack.setCurrentWidget(self.pages[Step.SIGNING])

    def show_rating(self, department: str) -> None:
        self.rating.reset(department)
        self.stack.setCurrentWidget(self.pages[Step.RATING])

    def show_problem(self, text: str) -> None:
        """A problem with the citizen's last answer, on the page they are on."""
        step = self.step
        if step is Step.RATING:
            self.rating.problem.setText(text)
        elif step is Step.SIGNING:
            self.sign_problem.setText(text)
            self.sign_done.setEnabled(self.pad.stroke_count > 0)
        else:
            self.live_note.setText(text)

    def busy(self) -> None:
        """A write is on its way: no second tap."""
        self.right.setEnabled(False)
        self.wrong.setEnabled(False)
        self.sign_done.setEnabled(False)
        self.rating.submit.setEnabled(False)

    # -- taps -----------------------------------------------------------------------------

    def _pad_changed(self) -> None:
        self.sign_done.setEnabled(self.pad.stroke_count > 0)
        self.sign_problem.clear()

    def _signed(self) -> None:
        if self.pad.stroke_count == 0:
            self.sign_problem.setText(self.tr("Please sign first."))
            return
        self.signed.emit(self.pad.snapshot(), self.pad.stroke_count)
