"""Desktop benchmark: start-up on a real X server, UI-thread stalls, type-ahead.

Run: ``WINDOWDESK_KEYRING=file python -m bench desktop`` (needs Xvfb; 2–3 minutes).

**Start-up** is measured from outside the process. The benchmark starts its own Xvfb (a free
display through ``-displayfd``, black root: ``-br``) and, for each run, spawns the process
and polls the X server every 2 ms with a tiny libX11 client (``bench/xprobe.py``): the run
ends when a top-level window titled as expected is viewable *and* the pixels read back with
``XGetImage`` are at least half non-black — a Qt window is mapped before its first paint, and
an unpainted window shows the black root. The clock starts just before ``Popen``. Then the
process is terminated. Timed:

- the app, ``python -m desktop --demo --no-hub --data-dir D`` with ``QT_QPA_PLATFORM=xcb``,
  until its login window "综窗受理" is painted: the first run on a fresh data directory
  (which also seeds the demo station after the paint: reported separately, "seeded"), then N
  warm runs on that seeded directory (the OS cache is warm: "cold" here means a fresh data
  directory, not dropped page caches — the machine is shared);
- a bare PySide6 window (QApplication, an empty QWidget with a title, show, exec) in the
  same run, interleaved with the app's warm runs so that both see the same machine load.

Targets: warm median ≤ 2× the bare window's, first run ≤ 600 ms.

**UI stalls**, in-process on the offscreen platform: the real ``DesktopApp`` on a copy of a
seeded demo station, driven with real key events as tests/desktop/test_keyboard_path.py does
(login, F2, Ctrl+K + ``shbzkqy``, Enter, F4, Ctrl+Enter, Enter, then the save and the PDF
print on the workers). A 5 ms ``QTimer`` (precise) records every gap between its ticks; a
watchdog thread samples the UI thread's Python stack whenever the heartbeat is more than
20 ms late, so the worst gap comes with where the UI thread was. The script waits on a
running event loop between keys (40 ms, a fast clerk), never by sleeping. Target: no gap
over 50 ms during the intake.

**Type-ahead**: ``ChoiceIndex.search`` over 5,000 matters (the demo catalog's 74 with their
bundles, plus bench_catalog's synthetic clones), timed per keystroke while "typing" 200
names each as hanzi, full pinyin and initials; and the whole keystroke in the real
``MatterPicker`` widget (search + 30 list lines + the guide of the first). Target: p99 ≤ 10 ms.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.stats import percentile

N_WARM = int(os.environ.get("BENCH_DESKTOP_RUNS", "7"))
APP_TITLE = "综窗受理"
BARE_TITLE = "WindowDesk bare window"
BARE_SCRIPT = f"""
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
w = QWidget()
w.setWindowTitle({BARE_TITLE!r})
w.resize(420, 240)
w.show()
sys.exit(app.exec())
"""
ROOT = Path(__file__).resolve().parent.parent
HEARTBEAT_MS = 5
STALL_TARGET_MS = 50.0


# -- start-up ------------------------------------------------------------------------------


def _time_to_paint(
    probe: Any, argv: list[str], env: dict[str, str], title: str, after: Callable[[], None]
) -> float:
    """ms from spawn to the painted window; ``after`` runs before the process is stopped."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        try:
            deadline = t0 + 90
            while not probe.painted(title):
                if proc.poll() is not None or time.perf_counter() > deadline:
                    err.seek(0)
                    raise RuntimeError(
                        f"{title!r} never painted (exit {proc.returncode}): "
                        + err.read().decode(errors="replace")[-3000:]
                    )
                time.sleep(0.002)
            elapsed = (time.perf_counter() - t0) * 1000
            after()
            return elapsed
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def startup() -> dict[str, Any]:
    from bench.xprobe import XProbe, Xvfb

    results: dict[str, Any] = {}
    with Xvfb() as xvfb, tempfile.TemporaryDirectory(prefix="wd-bench-desktop-") as tmp:
        probe = XProbe(xvfb.display)
        env = {
            **os.environ,
            "DISPLAY": xvfb.display,
            "QT_QPA_PLATFORM": "xcb",
            "WINDOWDESK_KEYRING": "file",
        }
        env.pop("WINDOWDESK_DEBUG", None)
        data = Path(tmp) / "station"
        app = [sys.executable, "-m", "desktop", "--demo", "--no-hub", "--data-dir", str(data)]
        bare = [sys.executable, "-c", BARE_SCRIPT]
        seeded: list[float] = []
        spawned = time.perf_counter()

        def wait_seeded() -> None:  # the card file is the demo seeding's last step
            end = time.perf_counter() + 180
            while not (data / "demo-cards.json").exists():
                if time.perf_counter() > end:
                    raise RuntimeError("the first run never seeded the demo station")
                time.sleep(0.02)
            seeded.append((time.perf_counter() - spawned) * 1000)
            time.sleep(2)  # let the station finish opening (warm-up) before stopping it

        spawned = time.perf_counter()
        results["first"] = _time_to_paint(probe, app, env, APP_TITLE, wait_seeded)
        results["seeded"] = seeded[0]
        _time_to_paint(probe, bare, env, BARE_TITLE, lambda: None)  # untimed: warm the cache
        apps: list[float] = []
        bares: list[float] = []
        for _ in range(N_WARM):
            bares.append(_time_to_paint(probe, bare, env, BARE_TITLE, lambda: None))
            apps.append(_time_to_paint(probe, app, env, APP_TITLE, lambda: None))
        probe.close()
        results["app"], results["bare"] = apps, bares
    return results


# -- UI stalls -----------------------------------------------------------------------------


_OURS = ("desktop", "intake", "printing", "devices", "sync")


def _where(frame: Any) -> str:
    """The innermost frame of this project's code (or the innermost at all)."""
    stack = traceback.extract_stack(frame)
    for entry in reversed(stack):
        rel = os.path.relpath(entry.filename, ROOT)
        if rel.split(os.sep, 1)[0] in _OURS:
            return f"{rel}:{entry.lineno} {entry.name}"
    last = stack[-1]
    return f"{os.path.basename(last.filename)}:{last.lineno} {last.name}"


def _idle(frame: Any) -> bool:
    """A thread parked in a wait (an event, a queue, a condition) is not competing."""
    name = os.path.basename(frame.f_code.co_filename)
    return name in ("threading.py", "queue.py", "selectors.py", "thread.py")


class StallMeter:
    """Heartbeat on the UI thread; a watchdog samples the UI stack while a beat is late."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.step = "start"
        self.worst: dict[str, float] = {}  # step → worst gap ms
        self.where: dict[str, Counter[str]] = {}  # step → UI stack samples of its worst gap
        self.others: dict[str, Counter[str]] = {}  # step → other threads' samples meanwhile
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._samples: Counter[str] = Counter()
        self._other: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._ui = threading.get_ident()
        self._stop = threading.Event()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._watch = threading.Thread(target=self._watchdog, name="stall-watchdog", daemon=True)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()
        self._watch.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        self._watch.join()

    def at(self, step: str) -> None:
        self._beat()  # a gap belongs to the step it happened in
        self.step = step

    def _beat(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self._last = now
        self.gaps.append(gap)
        with self._lock:
            samples, self._samples = self._samples, Counter()
            other, self._other = self._other, Counter()
        if gap > self.worst.get(self.step, -1.0):
            self.worst[self.step] = gap
            self.where[self.step] = samples
            self.others[self.step] = other

    def _watchdog(self) -> None:
        while not self._stop.wait(0.004):
            if (time.perf_counter() - self._last) * 1000 < 20:
                continue
            me = threading.get_ident()
            names = {t.ident: t.name for t in threading.enumerate()}
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                where = _where(frame)
                with self._lock:
                    if ident == self._ui:
                        self._samples[where] += 1
                    elif not _idle(frame):
                        self._other[f"{names.get(ident, '?')}: {where}"] += 1


def _wait(predicate: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    """Run the event loop until ``predicate`` holds (no sleeping on the UI thread)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return
    loop = QEventLoop()
    end = time.monotonic() + timeout
    timer = QTimer()
    timer.setInterval(2)

    def check() -> None:
        if predicate() or time.monotonic() > end:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not predicate():
        raise TimeoutError(f"timed out waiting for {what or predicate}")


def _pause(ms: int = 40) -> None:
    end = time.monotonic() + ms / 1000
    _wait(lambda: time.monotonic() >= end, ms / 1000 + 5)


@contextlib.contextmanager
def _demo_station() -> Iterator[Path]:
    from desktop.demo import prepare_demo_station, write_demo_cards
    from intake.station import Station

    tmp = Path(tempfile.mkdtemp(prefix="wd-bench-stall-"))
    try:
        with Station.open(tmp / "station") as station:
            prepare_demo_station(station, cases=12)
            write_demo_cards(station)
        yield tmp / "station"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _qapp() -> Any:
    from PySide6.QtWidgets import QApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("WINDOWDESK_KEYRING", "file")
    app = QApplication.instance()
    if app is None:
        from desktop import i18n

        i18n.set_default_locale()
        app = QApplication(sys.argv[:1])
        app._wd_translators = i18n.install(app)  # type: ignore[attr-defined]
    return app


def stalls() -> dict[str, Any]:
    app = _qapp()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.app import DesktopApp
    from desktop.options import ReaderSpec, parse_args
    from intake.status import Status

    def focus() -> Any:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            return modal.focusWidget() or modal
        return QApplication.focusWidget()

    def press(key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(focus(), key, mod)
        _pause()

    def type_(text: str) -> None:
        for ch in text:
            QTest.keyClicks(focus(), ch)
            _pause()

    with _demo_station() as data:
        opts = parse_args(["--demo", "--no-hub", "--data-dir", str(data)])
        opts = replace(opts, reader=ReaderSpec("simulated", str(data / "demo-cards.json")))
        meter = StallMeter()
        meter.start()
        meter.at("start-up: login shown, station opening, warm-up")
        desk = DesktopApp(app, opts)
        desk.start()
        try:
            _wait(lambda: desk.login._verify is not None, 60, "the station to open")
            # a clerk types the login for a few seconds: the warm-up (pinyin tables, the
            # matter index) is done by then; its gaps are the start-up's, reported apart
            _wait(desk.ready.is_set, 60, "the warm-up")
            _pause(300)
            meter.at("login: type clerk01 Tab windowdesk Enter, counter window")
            desk.login.operator.setFocus()
            type_("clerk01")
            press(Qt.Key.Key_Tab)
            type_("windowdesk")
            press(Qt.Key.Key_Return)
            _wait(lambda: desk.window is not None and desk.window.isVisible(), 30, "the window")
            _pause(300)
            screen = desk.window.screen_
            meter.at("F2: card read, returning applicant")
            press(Qt.Key.Key_F2)
            _wait(lambda: screen.applicant.person.phone.text() != "", 15, "the card")
            _pause(200)
            meter.at("Ctrl+K, type shbzkqy")
            press(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
            type_("shbzkqy")
            meter.at("Enter: choose the matter")
            press(Qt.Key.Key_Return)
            meter.at("F4: materials received")
            press(Qt.Key.Key_F4)
            meter.at("Ctrl+Enter: decision dialog")
            press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            _wait(lambda: screen.decision_dialog is not None, 10, "the decision dialog")
            meter.at("Enter: save, print to PDF")
            press(Qt.Key.Key_Return)
            _wait(lambda: screen.last_case is not None, 30, "the save")
            number = screen.last_case
            _wait(
                lambda: (
                    any(number in p.name for p in (data / "prints").glob("*acceptance*.pdf"))
                    and desk.runner.pending == 0
                ),
                30,
                "the printed notice",
            )
            _pause(200)
            meter.at("end")
            meter.stop()
            case = desk.ctx.station.cases.get(number)
            if case.status is not Status.ACCEPTED:
                raise RuntimeError(f"the scripted intake ended {case.status}, not accepted")
        finally:
            if desk.window is not None:
                desk.window.close()
            desk.login.close()
            desk.shutdown()
    meter.worst.pop("end", None)
    return {
        "worst": meter.worst,
        "where": meter.where,
        "others": meter.others,
        "gaps": meter.gaps,
        "none_refs": sys.getrefcount(None),
        "none_lost": _none_refs_lost(),
    }


def _none_refs_lost(calls: int = 1000) -> int:
    """References to ``None`` that 1,000 calls of a void Qt method lose (should be 0)."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(calls):
        widget.setFocus()
    return before - sys.getrefcount(None)


def _pin_none() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a
    void-returning Qt method (``setData``, ``addItem``, ``setFocus``, …): ``None``'s count
    runs down and the interpreter aborts ("none_dealloc: deallocating None") after some
    ten thousand calls. Python ≥ 3.12 makes ``None`` immortal; here the benchmark gives it
    2**32 spare references so that 1,000+ widget keystrokes can be timed. The app has no
    such guard: ``stalls()`` reports how many references one intake costs it."""
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 32


# -- type-ahead ----------------------------------------------------------------------------


def typeahead() -> dict[str, Any]:
    from bench.bench_catalog import SIZE, synthetic_matters
    from intake.catalog import load_demo_catalog
    from intake.catalog.choices import ChoiceIndex
    from intake.catalog.search import spellings

    demo = load_demo_catalog()
    matters = {m.code: m for m in demo.matters.values()}
    for m in synthetic_matters(SIZE - len(matters)):
        matters[m.code] = m
    catalog = replace(demo, matters=matters)
    rng = random.Random(20261201)
    codes = list(matters)
    frequent = {c: 100 - i for i, c in enumerate(rng.sample(codes, 12))}
    t0 = time.perf_counter()
    index = ChoiceIndex(catalog, frequent)
    built = (time.perf_counter() - t0) * 1000
    words: dict[str, list[str]] = {"hanzi": [], "pinyin": [], "initials": []}
    for m in rng.sample(list(matters.values()), 200):
        pys, inis = spellings(m.name)
        words["hanzi"].append(m.name[:6])
        words["pinyin"].append(pys[0][:12])
        words["initials"].append(inis[0][:8])
    out: dict[str, Any] = {"matters": len(matters), "entries": len(index), "build_ms": built}
    for kind, typed in words.items():
        times: list[float] = []
        for word in typed:
            for n in range(1, len(word) + 1):
                t = time.perf_counter()
                index.search(word[:n])
                times.append((time.perf_counter() - t) * 1000)
        out[kind] = times
    out["widget"] = _picker_keystrokes(catalog, index, words)
    return out


def _picker_keystrokes(catalog: Any, index: Any, words: dict[str, list[str]]) -> list[float]:
    """A keystroke in the real MatterPicker: textEdited → search → 30 lines → the guide."""
    _qapp()
    _pin_none()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.counter.matters import MatterPicker

    picker = MatterPicker()
    picker.resize(800, 400)
    picker.show()
    picker.set_index(catalog, index)
    times: list[float] = []
    for word in words["pinyin"][:60] + words["initials"][:60]:
        picker.search.clear()
        for ch in word:
            t = time.perf_counter()
            QTest.keyClicks(picker.search, ch)
            times.append((time.perf_counter() - t) * 1000)
        QTest.keyClick(picker.search, Qt.Key.Key_Escape)
    picker.close()
    picker.deleteLater()
    return times


# -- report --------------------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> None:
    os.environ.setdefault("WINDOWDESK_KEYRING", "file")
    s = startup()
    app, bare = statistics.median(s["app"]), statistics.median(s["bare"])
    ratio = app / bare
    print(f"start-up, spawn → window painted on Xvfb (median of {N_WARM} warm runs):")
    print(f"  bare PySide6 window   {bare:7.0f} ms   runs: {_fmt(s['bare'])}")
    print(f"  app login window      {app:7.0f} ms   runs: {_fmt(s['app'])}")
    print(f"  ratio app/bare        {ratio:7.2f}      target ≤ 2.00: {_verdict(ratio <= 2)}")
    print(
        f"  first run, fresh data dir: painted {s['first']:.0f} ms"
        f" (target ≤ 600 ms: {_verdict(s['first'] <= 600)}),"
        f" demo seeded {s['seeded'] / 1000:.1f} s"
    )

    st = stalls()
    print(f"UI thread, {HEARTBEAT_MS} ms heartbeat: worst gap per step")
    intake_worst = 0.0
    for step, gap in st["worst"].items():
        where = st["where"].get(step) or Counter()
        top = "; ".join(f"{w} ×{n}" for w, n in where.most_common(2))
        print(f"  {gap:7.1f} ms  {step}" + (f"\n             UI thread: {top}" if top else ""))
        other = st["others"].get(step) or Counter()
        if other:
            busy = "; ".join(f"{w} ×{n}" for w, n in other.most_common(2))
            print(f"             meanwhile: {busy}")
        if not step.startswith("start-up"):
            intake_worst = max(intake_worst, gap)
    gaps = st["gaps"]
    print(
        f"  beats: {len(gaps)}, p50 {statistics.median(gaps):.1f} ms,"
        f" p99 {percentile(gaps, 0.99):.1f} ms; worst during the intake {intake_worst:.1f} ms"
        f" (target ≤ {STALL_TARGET_MS:.0f} ms: {_verdict(intake_worst <= STALL_TARGET_MS)})"
    )

    lost = st["none_lost"]
    print(
        f"  references to None lost per 1,000 void Qt calls: {lost}"
        + (
            f" (PySide6 refcount bug: the app holds {st['none_refs']} after an intake and"
            " aborts with 'none_dealloc' once they run out)"
            if lost > 0
            else ""
        )
    )

    t = typeahead()
    print(
        f"type-ahead, ChoiceIndex.search over {t['matters']} matters"
        f" ({t['entries']} entries with bundles; build {t['build_ms'] / 1000:.1f} s):"
    )
    worst = 0.0
    for kind in ("hanzi", "pinyin", "initials", "widget"):
        times = t[kind]
        p99 = percentile(times, 0.99)
        if kind != "widget":
            worst = max(worst, p99)
        name = "MatterPicker keystroke" if kind == "widget" else kind
        print(
            f"  {name:<22} p50 {statistics.median(times):6.2f} ms  p99 {p99:6.2f} ms"
            f"  max {max(times):6.2f} ms  ({len(times)} keystrokes)"
        )
    print(f"  worst search p99 {worst:.2f} ms (target ≤ 10 ms: {_verdict(worst <= 10)})")


def _fmt(values: list[float]) -> str:
    return " ".join(f"{v:.0f}" for v in values)


if __name__ == "__main__":
    main()
