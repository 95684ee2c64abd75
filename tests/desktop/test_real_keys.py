"""The clerk's routine intake with real X key events: the app runs as its own process on an
Xvfb of the test's own, and ``xdotool`` is the only thing that touches it.

Nothing is driven from inside: the outcome is checked from outside too — the PDF of the
acceptance notice in ``<data dir>/prints/``, and, after Ctrl+Q closed the app, the newest
case in the store, opened with ``Station.open``.

There is no window manager on the Xvfb. Qt's xcb plugin, finding none, sets the X input
focus itself when it activates a new window (the test also passed with the focus calls for
the login and the decision dialog removed), but the test does not rely on that: before
typing into a window it gives it the input focus (``xdotool windowfocus --sync``;
``windowactivate`` needs a window manager's ``_NET_ACTIVE_WINDOW`` and fails without one).
Qt then activates that window and its focus widget gets the keys. (It is needed after a
dialog closes: the focus then goes back to the root window, not to the counter window.)

The only thing the test learns from the app's own output is when the warm-up is done (the
matter search is ready): ``WINDOWDESK_DEBUG=1`` logs it on stderr.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

from intake.station import Station
from intake.status import Status

ROOT = Path(__file__).resolve().parents[2]
LOGIN_TITLE = "^综窗受理$"  # zh_CN of "WindowDesk intake"
MAIN_TITLE = "^综窗受理 — "  # zh_CN of "WindowDesk — {office}"
READY = "ready: "  # desktop.app logs it when the matter search is built


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: run scripts/system-deps.sh test", pytrace=False)
    return path


@dataclass
class Display:
    name: str
    xdotool: str

    def run(self, *args: str, timeout: float = 20) -> str:
        done = subprocess.run(
            [self.xdotool, *args],
            env={**os.environ, "DISPLAY": self.name},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode not in (0, 1):  # 1: "search" found nothing
            raise AssertionError(f"xdotool {' '.join(args)} failed: {done.stderr}")
        return done.stdout

    def visible(self, title: str) -> list[str]:
        return self.run("search", "--onlyvisible", "--name", title).split()


@pytest.fixture
def display(tmp_path: Path) -> Iterator[Display]:
    """An Xvfb on a free display number (``-displayfd``), stopped after the test."""
    xvfb, xdotool = _tool("Xvfb"), _tool("xdotool")
    read, write = os.pipe()
    log = (tmp_path / "xvfb.log").open("wb")
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + 20
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
        os.close(read)
        if not number.strip():
            log.flush()
            pytest.fail(f"Xvfb did not start: {(tmp_path / 'xvfb.log').read_text()[-2000:]}")
        yield Display(f":{int(number)}", xdotool)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


class App:
    """The app as a subprocess; its stderr is kept for the failure messages."""

    def __init__(self, display: Display, data_dir: Path, err_path: Path) -> None:
        self.display = display
        self.err_path = err_path
        self._err: IO[bytes] = err_path.open("wb")
        env = {
            **os.environ,
            "DISPLAY": display.name,
            "QT_QPA_PLATFORM": "xcb",
            "WINDOWDESK_KEYRING": "file",
            "WINDOWDESK_DEBUG": "1",
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--demo", "--no-hub", "--data-dir", str(data_dir)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self._err,
        )

    def stderr(self) -> str:
        self._err.flush()
        return self.err_path.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, what: str, check: Callable[[], object], timeout: float = 30) -> object:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = check()
            if found:
                return found
            if self.proc.poll() is not None:
                pytest.fail(
                    f"the app exited ({self.proc.returncode}) while waiting for {what}:\n"
                    + self.stderr()[-4000:],
                    pytrace=False,
                )
            time.sleep(0.1)
        pytest.fail(f"timed out waiting for {what}; the app's stderr:\n{self.stderr()[-4000:]}")

    def window(self, title: str, what: str, timeout: float = 30) -> str:
        found = self.wait_for(what, lambda: self.display.visible(title), timeout)
        assert isinstance(found, list)
        return str(found[0])

    def focus(self, window: str) -> None:
        """No window manager: give the window the X input focus ourselves."""
        self.display.run("windowfocus", "--sync", window)

    def type(self, text: str) -> None:
        self.display.run("type", "--delay", "60", text)

    def key(self, *keys: str) -> None:
        for k in keys:
            self.display.run("key", "--delay", "60", k)
            time.sleep(0.15)  # a clerk's pace; every key is handled before the next one

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._err.close()


def test_intake_with_real_x_key_events(display: Display, station_dir: Path, tmp_path: Path) -> None:
    started = time.time()
    prints = station_dir / "prints"
    app = App(display, station_dir, tmp_path / "app-stderr.txt")
    try:
        login = app.window(LOGIN_TITLE, "the login window 综窗受理")
        app.focus(login)
        app.type("clerk01")
        app.key("Tab")
        app.type("windowdesk")
        app.key("Return")
        main = app.window(MAIN_TITLE, "the counter window after the login")
        app.wait_for("the warm-up (matter search ready)", lambda: READY in app.stderr(), 60)
        app.focus(main)
        app.key("F2")  # the first demo card: a returning applicant, their phone offered
        time.sleep(1.5)  # the card and the returning applicant's phone come from workers
        app.key("ctrl+k")
        app.type("shbzkqy")  # the pinyin initials of 社会保障卡启用
        app.key("Return", "F4", "ctrl+Return")
        dialog = _new_window(app, main)  # the decision dialog, a window of its own
        app.focus(dialog)
        app.key("Return")  # accept, as the materials allow (preselected)

        def printed() -> list[Path]:
            return [p for p in prints.glob("*.pdf") if "acceptance" in p.name]

        found = app.wait_for("the acceptance notice PDF in prints/", printed, 30)
        assert isinstance(found, list) and len(found) == 1, found
        notice = found[0]
        assert notice.stat().st_size > 1000 and notice.read_bytes().startswith(b"%PDF")
        if shutil.which("import"):  # ImageMagick: what the screen showed at the end
            subprocess.run(
                ["import", "-window", "root", str(tmp_path / "root.png")],
                env={**os.environ, "DISPLAY": display.name},
                timeout=20,
                check=True,
            )
        # needed here: when the decision dialog closed, the X focus went back to the root
        # window (no window manager hands it to the counter window), so keys are lost
        app.focus(main)
        app.key("ctrl+q")
        app.wait_for("the app to exit after Ctrl+Q", lambda: app.proc.poll() is not None, 30)
        assert app.proc.returncode == 0, app.stderr()[-4000:]
    finally:
        app.stop()

    with Station.open(station_dir) as station:
        newest = station.cases.list(limit=1)[0]
        case = station.cases.get(newest.case_number)
    assert case.status is Status.ACCEPTED, (case.case_number, case.status)
    assert case.operator_id == "clerk01"
    assert newest.received_at.timestamp() >= started - 5, newest.received_at
    assert "社会保障卡启用" in newest.title, newest.title
    assert case.applicant.phone  # offered from the returning applicant's earlier case
    assert case.case_number in notice.name


def _new_window(app: App, *known: str) -> str:
    """The visible top-level window that is none of ``known`` (a dialog just opened)."""

    def other() -> list[str]:
        return [w for w in app.display.visible(".*") if w not in known and _titled(app, w)]

    found = app.wait_for("a new dialog window", other, 15)
    assert isinstance(found, list)
    return str(found[0])


def _titled(app: App, window: str) -> bool:
    name = app.display.run("getwindowname", window).strip()
    return bool(name) and not re.match(LOGIN_TITLE, name)
