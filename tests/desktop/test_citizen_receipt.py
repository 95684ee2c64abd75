"""签收 on the citizen screen (``--citizen-signs receipts``): a case without a promise, the
citizen confirms, then signs for the 受理通知书 (已收到); the notice prints only afterwards,
with the signature on its 签收 line and the words 已收到 (pdftotext, pdfimages). The real app,
one monitor turned to the citizen (the same pages as on a second monitor)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from intake.citizen import Step
from intake.status import Event
from tests.desktop.citizen_steps import ask_to_decide, fill_retirement_intake, sign, tap
from tests.desktop.drive import login, options_for, pdfs, wait_idle


def test_the_citizen_signs_for_the_acceptance_notice_and_it_prints_signed(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(
        options_for(station_dir, "--citizen-screen", "turn", "--citizen-signs", "receipts")
    )
    screen = login(qtbot, desk).screen_
    citizen = desk.window.citizen
    fill_retirement_intake(qtbot, screen)  # every material handed in: no promise
    before = screen.last_case
    ask_to_decide(qtbot, desk)
    qtbot.waitUntil(lambda: citizen.dialog is not None and citizen.dialog.isVisible())
    panel = citizen.dialog.panel
    qtbot.waitUntil(lambda: panel.step is Step.CONFIRMING)
    tap(qtbot, panel.right)
    qtbot.waitUntil(
        lambda: citizen.dialog is not None and citizen.dialog.panel.step is Step.SIGNING,
        timeout=15_000,
    )
    panel = citizen.dialog.panel  # the turned dialog opens again for each step
    number = screen.last_case
    assert number not in (None, before)
    assert "签收" in panel.sign_title.text() and "受理通知书" in panel.sign_title.text()
    assert "收到" in panel.sign_hint.text()
    wait_idle(qtbot, desk)
    assert not [p for p in pdfs(station_dir / "prints") if number in p.name]  # waits for it
    sign(qtbot, panel.pad)
    tap(qtbot, panel.sign_done)
    qtbot.waitUntil(lambda: citizen.session.step is Step.RATING, timeout=15_000)
    qtbot.waitUntil(
        lambda: any(number in p.name for p in pdfs(station_dir / "prints")), timeout=30_000
    )
    wait_idle(qtbot, desk)
    station = desk.ctx.station
    [signature] = station.attachments.for_case(number)
    assert signature.kind == "signature" and set(signature.documents) == {"acceptance"}
    case = station.cases.get(number)
    assert any(h.event == Event.SIGNED.value for h in case.history)
    [notice] = [p for p in pdfs(station_dir / "prints") if number in p.name]
    text = "".join(
        subprocess.run(
            ["pdftotext", str(notice), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "受理通知书" in text and "本通知书已收到" in text and "签收" in text, text
    listed = subprocess.run(
        ["pdfimages", "-list", str(notice)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert "image" in [row.split()[2] for row in listed]  # the signature (and its soft mask)
    assert "smask" in [row.split()[2] for row in listed]


def test_by_default_a_notice_alone_is_not_signed_on_screen(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    """``promises`` (the default): only a promise asks for a signature."""
    desk = start_desk(options_for(station_dir, "--citizen-screen", "turn"))
    assert desk.options.citizen_signs == "promises"
    screen = login(qtbot, desk).screen_
    citizen = desk.window.citizen
    fill_retirement_intake(qtbot, screen)
    ask_to_decide(qtbot, desk)
    qtbot.waitUntil(lambda: citizen.dialog is not None and citizen.dialog.isVisible())
    panel = citizen.dialog.panel
    qtbot.waitUntil(lambda: panel.step is Step.CONFIRMING)
    tap(qtbot, panel.right)
    qtbot.waitUntil(lambda: citizen.session.step is Step.RATING, timeout=15_000)
