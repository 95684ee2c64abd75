"""The composition root: ``windowdesk`` / ``python -m desktop``.

Start-up paints the login window first and opens everything else behind it: the station
(store, migrations, key) on a worker, then printing, the card reader's device thread, the
sync worker (and, in the demo, a reference hub on loopback), and ``Station.warm_up`` with
the matter index (pinyin of every name) — so the first citizen of the day never waits for
them. The windows get one ``AppContext``; nothing here is global.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.options import LaunchOptions, ReaderSpec, parse_args

log = logging.getLogger("desktop")


def process_age_ms() -> float:
    """Milliseconds since this process was spawned (Linux: from /proc; else since import)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            after = f.read().rsplit(")", 1)[1].split()
        started = int(after[19]) / os.sysconf("SC_CLK_TCK")
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return (uptime - started) * 1000
    except (OSError, ValueError, IndexError):
        return (time.monotonic() - _IMPORTED) * 1000


_IMPORTED = time.monotonic()


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


@dataclass
class Backend:
    """What the worker opened for the windows (Qt-free objects only)."""

    station: Any
    printing: Any
    printer_target: str | None
    reader: ReaderSpec
    catalog: Any
    local: Any = None  # intake.services.local_settings.SettingsView (None: not set up)


def open_backend(options: LaunchOptions) -> Backend:
    """Open the station and what it needs (runs on a worker thread, never the UI's)."""
    from intake.config import resolve_data_dir
    from intake.station import Station

    data_dir = resolve_data_dir(options.data_dir)
    station = Station.open(data_dir)
    try:
        reader = options.reader or ReaderSpec("none")
        printer = options.printer
        if options.demo:
            from desktop.demo import PRINTS_DIR, prepare_demo_station, write_demo_cards

            prepare_demo_station(station)
            cards = write_demo_cards(station)
            reader = options.reader or ReaderSpec("simulated", str(cards))
            if printer is None:
                prints = station.data_dir / PRINTS_DIR
                prints.mkdir(mode=0o700, exist_ok=True)
                printer = f"pdf:{prints}"
        catalog = local = None
        if station.is_set_up:
            local = station.local_settings.current()
            stored = local.local
            if options.reader is None and not options.demo and stored.reader_backend != "none":
                reader = ReaderSpec(stored.reader_backend, stored.reader_port or None)
            try:
                catalog = station.catalog
            except Exception as exc:  # no catalog yet: the screen says so
                log.warning("no catalog: %s", getattr(exc, "code", exc))
        service = _print_service(station, printer, local.local if local else None)
        return Backend(station, service, printer, reader, catalog, local)
    except BaseException:
        station.close()
        raise


def _print_service(station: Any, printer: str | None, local: Any = None) -> Any:
    from printing.service import PrintService

    def default() -> str | None:
        if printer and printer != "system":
            return printer
        from printing.backends import default_printer

        found: str | None = default_printer()
        return found

    return PrintService(
        options=_print_options(local),
        jobs=station.print_jobs,
        cases=station.cases,
        settings=lambda: station.settings,
        catalog=lambda: station.catalog,
        default_printer=default,
        signature=station.attachments.signature_for,
    )


def _print_options(local: Any) -> Any:
    """Paper and masking per document from the station's settings (read at start)."""
    from printing.context import MaskPolicy
    from printing.model import Paper
    from printing.service import PrintOptions

    if local is None:
        return PrintOptions()
    masks = {
        kind: MaskPolicy(*(name in fields for name in ("name", "id_number", "phone")))
        for kind, fields in local.masking.items()
    }
    return PrintOptions(paper=Paper(local.paper_size), mask_by_kind=masks)


def open_reader(spec: ReaderSpec) -> Any:
    """The configured reader (not yet opened: the device thread opens it)."""
    from devices.backends import DeviceConfig
    from devices.backends import open_reader as core_open

    fields: dict[str, Any] = {"backend": spec.backend}
    if spec.backend == "simulated":
        fields["file"] = spec.target
    elif spec.backend == "sam-serial":
        fields["port"] = spec.target
    elif spec.backend == "pcsc":
        fields["reader"] = spec.target
    elif spec.backend == "vendor":
        fields["library"] = spec.target
    return core_open(DeviceConfig(**fields))


class DesktopApp:
    """Owns the Qt objects of one run and the services behind them."""

    def __init__(self, app: Any, options: LaunchOptions) -> None:
        from desktop.bridge import Bridge
        from desktop.login import LoginDialog
        from desktop.tasks import TaskRunner

        self.app = app
        self.options = options
        self.bridge = Bridge()
        self.runner = TaskRunner(self.bridge, self._unexpected)
        self.ctx: Any = None
        self.window: Any = None
        self.backend: Backend | None = None
        self._hub_stop = threading.Event()
        self._hub_thread: threading.Thread | None = None
        self.login = LoginDialog(title=self.app.translate("app", "WindowDesk intake"))
        self.login.logged_in.connect(self._logged_in)
        self.login.rejected.connect(self._login_closed)
        self.first_paint_ms: float | None = None
        self._idle: IdleLock | None = None
        self.exit_code = 0
        self.ready = threading.Event()
        self.kiosk: Any = None
        self.splash: Any = None  # kiosk mode: "正在启动" until the kiosk window is up
        self.kiosk_ready_ms: float | None = None

    # -- start ----------------------------------------------------------------------------

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        if self.options.mode == "kiosk":  # no login at a kiosk: its splash paints first
            from desktop.kiosk.splash import KioskSplash

            self.splash = KioskSplash()
            self.splash.show_splash()
        else:
            self.login.show()
            self.login.raise_()
            self.login.activateWindow()
        QTimer.singleShot(0, self._painted)

    def _painted(self) -> None:
        self.first_paint_ms = process_age_ms()
        first = "kiosk splash" if self.splash is not None else "login window"
        log.info("%s painted after %.0f ms", first, self.first_paint_ms)
        self.runner.background(lambda: open_backend(self.options), self._backend_open, self._fatal)

    def _backend_open(self, backend: Backend) -> None:
        from desktop.context import AppContext

        self.backend = backend
        station = backend.station
        if not station.is_set_up:
            self._close_splash()
            self._first_run(backend)
            return
        catalog = backend.catalog
        if catalog is None:  # a new station before the platform sent one: nothing to choose
            from intake.catalog.model import Catalog

            catalog = Catalog("", "", "", {}, {}, {}, {})
        self.ctx = AppContext(
            options=self.options,
            bridge=self.bridge,
            runner=self.runner,
            station=station,
            printing=backend.printing,
            printer_target=backend.printer_target,
            catalog=catalog,
            mode=self.options.mode
            or ("village" if station.settings.level == "village" else "counter"),
        )
        self._start_devices(backend.reader)
        if self.ctx.mode == "kiosk":  # no operator logs in; the counters' process syncs
            self.runner.background(self._warm, self._warmed)
            self.login.ready(self._verify)  # hidden: the backend is open (tests wait on it)
            self._open_kiosk()
            return
        self._start_sync()
        self.runner.background(self._warm, self._warmed)
        self.login.ready(self._verify, self._change_password)
        if self.options.smoke:
            from intake.demo import DEMO_OPERATORS, DEMO_PASSWORD

            self.login.operator.setText(DEMO_OPERATORS[0][0])
            self.login.password.setText(DEMO_PASSWORD)
            self.login.submit()

    def _open_kiosk(self) -> None:
        from desktop.kiosk.window import KioskWindow

        self.login.hide()
        self.kiosk = KioskWindow(self.ctx, self._kiosk_idle_seconds())
        self.kiosk.left.connect(self.app.quit)
        self.kiosk.show_kiosk()
        self._close_splash()
        self.kiosk_ready_ms = process_age_ms()
        log.info("kiosk window shown after %.0f ms", self.kiosk_ready_ms)
        if self.ctx.devices is not None:
            self.kiosk.set_reader(self.ctx.devices.health.state.value)
        else:
            self.kiosk.set_reader("no_reader")
        if self.options.smoke:
            print(f"{process_age_ms():.0f}", flush=True)
            from PySide6.QtCore import QTimer

            self.kiosk.allow_close = True  # Qt's quit asks every window; the kiosk refuses
            QTimer.singleShot(0, self.app.quit)

    def _close_splash(self) -> None:
        if self.splash is not None:
            self.splash.finish()
            self.splash = None

    def _warm(self) -> Any:
        """Pinyin tables, the catalog, the matter index and the usual matters, off the UI;
        also the counter window's modules and the printing fonts, which the first login and
        the first print would otherwise load while the clerk waits (the login on the UI
        thread, 100+ ms; the fonts, ~280 ms on a print worker holding the GIL)."""
        import desktop.main_window  # noqa: F401  (its import, not its widgets: thread-safe)
        from intake.catalog.choices import ChoiceIndex

        if self.ctx.printing is not None:
            _ = self.ctx.printing.fonts  # loaded once, kept by the print service
        station = self.ctx.station
        levels = "village" if self.ctx.mode == "village" else None
        catalog = self.ctx.catalog
        frequent = station.lookups.frequent_matters()
        index = ChoiceIndex(catalog, frequent, level=levels) if catalog is not None else None
        station.warm_up()
        return index

    def _warmed(self, index: Any) -> None:
        log.info("ready: %s choices in the matter search", len(index) if index else "no")
        self.ctx.choices = index
        if self.window is not None and index is not None:
            self.window.screen_.picker.set_index(self.ctx.catalog, index)
        self.ready.set()

    def _start_devices(self, spec: ReaderSpec) -> None:
        if spec.backend == "none":
            return
        from devices.service import HEALTH, READ_OK, DeviceService

        try:
            reader = open_reader(spec)
        except Exception as exc:
            log.warning("card reader not usable: %s", getattr(exc, "code", exc))
            self.bridge.post(functools.partial(self._show, exc))
            return
        service = DeviceService(
            reader, self.bridge.on_device_event, auto_read=spec.backend != "simulated"
        )

        def on_event(event: Any) -> None:
            if self.kiosk is not None:
                self._kiosk_device_event(event)
                return
            if self.window is None:
                return
            if event.kind == HEALTH:
                self.window.status.set_reader(event.health.state.value)
                code = event.health.last_error
                if code and event.health.state.value != "connected":
                    from desktop.messages import message

                    self.window.status.show_message(message(code))
            elif event.kind == READ_OK and event.identity is not None:
                self.window.screen_.card_event(event.identity)

        self.bridge.device_event.connect(on_event)
        self.ctx.devices = service
        service.start()

    def _kiosk_device_event(self, event: Any) -> None:
        """The kiosk shows the reader's state (the watchdog re-opens an unplugged reader)
        and starts a session when a reader that reads by itself delivers a card."""
        from devices.service import HEALTH, READ_ERROR, READ_OK

        if event.kind == HEALTH:
            self.kiosk.set_reader(event.health.state.value, event.health.last_error)
        elif event.kind == READ_OK and event.identity is not None:
            self.kiosk.card_event(event.identity)
        elif event.kind == READ_ERROR and event.error is not None:
            self.kiosk.card_failed(event.error)

    def _start_sync(self) -> None:
        if self.options.demo and not self.options.hub:
            return
        station = self.ctx.station
        from sync.client.manager import SyncManager

        def hub_url() -> str | None:
            url: str | None = station.settings.hub_url
            return url

        manager = SyncManager(station, station.data_dir, hub_url, self.bridge.on_sync_health)
        self.ctx.sync = manager
        self.bridge.sync_health.connect(self._sync_health)
        from desktop.inbox_watch import InboxWatch

        self.inbox_watch = InboxWatch(self.ctx)  # decisions arriving refresh the open views
        if self.options.demo:
            self._hub_thread = threading.Thread(
                target=self._run_demo_hub, args=(manager,), name="demo-hub", daemon=True
            )
            self._hub_thread.start()
        else:
            manager.start()

    def _run_demo_hub(self, manager: Any) -> None:
        from desktop.demo import demo_hub

        try:
            with demo_hub(self.ctx.station):
                manager.start()
                self._hub_stop.wait()
                manager.stop()
        except Exception as exc:
            log.exception("the demo hub did not start")
            self.bridge.post(functools.partial(self._show, exc))
            manager.start()  # sync still reports its honest state (offline)

    def _sync_health(self, health: Any) -> None:
        if self.window is not None:
            self.window.status.set_sync(health)

    # -- login ----------------------------------------------------------------------------

    def _verify(
        self,
        operator_id: str,
        password: str,
        on_ok: Callable[..., None],
        on_err: Callable[..., None],
    ) -> None:
        station = self.ctx.station
        self.runner.write(lambda: station.operators.verify(operator_id, password), on_ok, on_err)

    def _change_password(
        self,
        operator_id: str,
        old: str,
        new: str,
        on_ok: Callable[..., None],
        on_err: Callable[..., None],
    ) -> None:
        station = self.ctx.station
        self.runner.write(
            lambda: station.operators.change_password(operator_id, old, new), on_ok, on_err
        )

    def _logged_in(self, operator: Any) -> None:
        from desktop import ops
        from desktop.main_window import MainWindow

        previous = self.ctx.operator
        self.ctx.operator = operator
        if self.window is not None and previous is not None and previous.id == operator.id:
            self.window.centralWidget().show()
            self.window.setEnabled(True)
            if self._idle is not None:
                self._idle.restart()
            return
        if self.window is not None:  # another operator: their own screen and draft
            self.window.screen_.save_draft_now()
            self.ctx.listeners.clear()
            self.window.hide()
            self.window.deleteLater()
        if self._idle is not None:
            self._idle.stop()  # the previous operator's
        self.window = MainWindow(self.ctx, on_lock=self.lock, on_switch=self.lock)
        if not self.ctx.catalog.version:
            from desktop.messages import message

            self.window.status.show_message(message("catalog.none"))
        if self.ctx.choices is not None:
            self.window.screen_.picker.set_index(self.ctx.catalog, self.ctx.choices)
        self.window.resize(1366, 740)
        self.window.show()
        self.window.screen_.applicant.person.name.setFocus()
        self._idle = IdleLock(self.app, self._idle_minutes(), self.lock)
        if self.options.smoke:
            print(f"{process_age_ms():.0f}", flush=True)
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self.app.quit)
            return
        ops.load_draft(self.ctx, self.window.offer_draft)

    def _idle_minutes(self) -> float:
        """The supervisor's setting once saved; until then the command line's (or 10)."""
        local = self.backend.local if self.backend is not None else None
        if local is not None and "idle_lock_minutes" in local.versions:
            return float(local.local.idle_lock_minutes)
        return float(self.options.idle_lock_minutes)

    def _kiosk_idle_seconds(self) -> float:
        """The command line's when given, else the supervisor's saved kiosk timeout."""
        from desktop.options import kiosk_idle_seconds

        local = self.backend.local if self.backend is not None else None
        if local is None:
            return kiosk_idle_seconds(self.options, None)
        return kiosk_idle_seconds(
            self.options,
            local.local.kiosk_timeout_seconds,
            local.versions.get("kiosk_timeout_seconds", 0),
        )

    def lock(self) -> None:
        """Idle time or Ctrl+L: hide the citizen's data until someone logs in again."""
        from desktop.login import LoginDialog

        if self.window is None or self.ctx.operator is None:
            return
        self.window.screen_.save_draft_now()
        self.window.citizen.lock()
        self.window.centralWidget().hide()
        self.window.setEnabled(False)
        dialog = LoginDialog(
            title=self.app.translate("app", "WindowDesk intake"),
            locked_operator=self.ctx.operator.id,
            parent=None,
        )
        dialog.ready(self._verify, self._change_password)
        dialog.logged_in.connect(self._logged_in)
        dialog.show()
        self._lock_dialog = dialog

    def _login_closed(self) -> None:
        if self.window is None:
            self.app.quit()

    # -- errors and shutdown --------------------------------------------------------------

    def _show(self, exc: BaseException) -> None:
        from desktop.messages import for_exception

        if self.window is not None:
            self.window.status.show_message(for_exception(exc))
        else:
            self.login.error.setText(for_exception(exc))

    def _unexpected(self, exc: BaseException) -> None:
        log.error("a background task failed", exc_info=exc)
        self._show(exc)

    def _fatal(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop.messages import for_exception

        log.error("the station could not be opened", exc_info=exc)
        self._close_splash()
        QMessageBox.critical(
            self.login, self.app.translate("app", "WindowDesk cannot start"), for_exception(exc)
        )
        self.exit_code = 2
        self.app.quit()

    def _first_run(self, backend: Backend) -> None:
        from desktop.setup import SetupDialog

        dialog = SetupDialog(backend.station, self.runner)
        dialog.finished_setup.connect(lambda: self._reopen())
        self.login.hide()
        dialog.show()
        self._setup = dialog

    def _reopen(self) -> None:
        assert self.backend is not None
        self.backend.station.close()
        self.login.show()
        self.runner.background(lambda: open_backend(self.options), self._backend_open, self._fatal)

    def _drain(self, timeout: float) -> None:
        """Let the tasks in flight finish: their answers arrive on this (the UI) thread, so
        it keeps processing events while it waits (a save in flight completes)."""
        deadline = time.monotonic() + timeout
        while self.runner.pending and time.monotonic() < deadline:
            self.app.processEvents()
            self.runner.idle.wait(0.02)

    def shutdown(self) -> None:
        self._close_splash()
        if self.kiosk is not None:
            self.kiosk.release()
            self.kiosk.close()
        if self._idle is not None:
            self._idle.stop()
        if self.window is not None:
            self.window.screen_.save_draft_now()
        self._drain(10.0)
        if self.ctx is not None:
            if self.ctx.devices is not None:
                self.ctx.devices.stop()
            if self.ctx.sync is not None:
                self.ctx.sync.stop()
        self._hub_stop.set()
        if self._hub_thread is not None:
            self._hub_thread.join(15)
        self.runner.shutdown()
        if self.backend is not None:
            self.backend.station.close()


class IdleLock:
    """Locks the window after ``minutes`` without a key or a click (0: never).

    ``stop()`` ends it for good, when the window it locks is replaced (another operator) or
    the app shuts down: left running, its timer would lock the next operator's window while
    they work, as their keys no longer restart it."""

    def __init__(self, app: Any, minutes: float, lock: Callable[[], None]) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self._app = app
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(minutes * 60_000))
        self._timer.timeout.connect(lock)
        kinds = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}
        timer = self._timer

        class Filter(QObject):
            def eventFilter(self, _o: Any, event: Any) -> bool:
                if event.type() in kinds and timer.isActive():
                    timer.start()
                return False

        self._filter = Filter()
        app.installEventFilter(self._filter)
        self.enabled = minutes > 0
        self.restart()

    def restart(self) -> None:
        if self.enabled:
            self._timer.start()

    def stop(self) -> None:
        self.enabled = False
        self._timer.stop()
        self._app.removeEventFilter(self._filter)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if os.environ.get("WINDOWDESK_DEBUG") else logging.WARNING
    )
    if not has_display():
        print(
            "WindowDesk 需要图形界面：没有找到显示器（DISPLAY / WAYLAND_DISPLAY 未设置）。\n"
            "WindowDesk needs a display: no DISPLAY or WAYLAND_DISPLAY is set "
            "(on a server, run it under Xvfb, or set QT_QPA_PLATFORM=offscreen).",
            file=sys.stderr,
        )
        return 2
    from PySide6.QtWidgets import QApplication

    from desktop import i18n

    if options.mode == "kiosk":
        from desktop.kiosk.keyboard import prepare_environment

        prepare_environment()  # before the QApplication: the input method is chosen then
    i18n.set_default_locale()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("WindowDesk")
    app.setOrganizationName("WindowDesk")
    translators = i18n.install(app)
    desk = DesktopApp(app, options)
    desk.start()
    try:
        rc = app.exec()
    finally:
        desk.shutdown()
    del translators
    return desk.exit_code or rc


if __name__ == "__main__":
    sys.exit(main())
