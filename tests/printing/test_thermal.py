"""ESC/POS ticket bytes: captured from python-escpos's Dummy and from a loopback printer."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.station import Station
from intake.status import Status
from printing.backends.base import Payload
from printing.backends.escpos_device import EscposPrinter
from printing.context import DocContext, QueueInfo, tracking_url
from printing.documents import build_document
from printing.errors import PaperOut, PrinterNotFound, PrinterOffline
from printing.model import Paper
from printing.service import PrintService
from printing.thermal import FS_KANJI_OFF, FS_KANJI_ON, encode, printer_missing, render_escpos, wrap
from tests.printing import factories as f


def ticket_bytes() -> bytes:
    ctx = DocContext(
        "ticket",
        f.make_case(),
        f.OFFICE,
        17,
        2026,
        datetime(2026, 11, 22, 2, 3, tzinfo=UTC),
        paper=Paper.ROLL80,
        queue=QueueInfo("A017", 4),
    )
    return render_escpos(build_document(ctx)).data


def test_chinese_goes_as_gb18030_inside_fs_kanji_mode() -> None:
    data = ticket_bytes()
    for text in ("湘潭市雨湖区政务服务中心", "排队凭条", "前面等候：4人"):
        assert FS_KANJI_ON + text.encode("gb18030") + FS_KANJI_OFF in data, text
    assert "湘潭".encode() not in data  # never UTF-8


def test_punctuation_only_line_is_not_garbled() -> None:
    assert encode("（）：，。——") == FS_KANJI_ON + "（）：，。——".encode("gb18030") + FS_KANJI_OFF
    assert encode("A017") == b"A017"


def test_native_qr_barcode_and_cut_at_the_end() -> None:
    data = ticket_bytes()
    case = f.make_case()
    url = tracking_url(f.OFFICE.tracking_url_template, case.case_number, case.id).encode()
    store = b"\x1d(k" + (len(url) + 3).to_bytes(2, "little") + b"1P0" + url
    assert store in data  # GS ( k fn 80: store the QR data
    assert b"\x1d(k\x03\x001Q0" in data  # GS ( k fn 81: print it
    assert (
        b"\x1dk\x49" + bytes([len(case.case_number) + 2]) + b"{B" + case.case_number.encode()
        in data
    )
    assert data.endswith(b"\x1dV\x00")  # GS V 0: full cut, the last command


def test_wrap_counts_chinese_as_two_columns() -> None:
    assert wrap("一" * 30) == ["一" * 24, "一" * 6]
    assert printer_missing("张𠮷明") == ["𠮷"]


@dataclass
class LoopbackPrinter:
    """A thermal printer on 127.0.0.1: keeps what it receives, answers DLE EOT 4."""

    paper_out: bool = False
    received: bytearray = field(default_factory=bytearray)
    port: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def serve(self, srv: socket.socket) -> None:
        srv.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = srv.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                while True:
                    try:
                        chunk = conn.recv(65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    self.received += chunk
                    if chunk.endswith(b"\x10\x04\x04"):
                        conn.sendall(b"\x72" if self.paper_out else b"\x12")


@pytest.fixture
def printer() -> Iterator[LoopbackPrinter]:
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(2)
    lp = LoopbackPrinter(port=srv.getsockname()[1])
    t = threading.Thread(target=lp.serve, args=(srv,), daemon=True)
    t.start()
    yield lp
    lp.stop.set()
    t.join(timeout=5)
    srv.close()


def payload() -> Payload:
    return Payload("ticket", ticket_bytes(), "escpos", Paper.ROLL80, 0)


def _wait_for(lp: LoopbackPrinter, n: int) -> None:
    deadline = time.monotonic() + 5
    while len(lp.received) < n and time.monotonic() < deadline:
        time.sleep(0.02)


def test_network_printer_receives_the_same_bytes(printer: LoopbackPrinter) -> None:
    p = EscposPrinter(f"escpos+tcp://127.0.0.1:{printer.port}")
    p.check()
    handle = p.send(payload())
    p.confirm(handle, 5)
    data = ticket_bytes()
    _wait_for(printer, len(data))
    assert bytes(printer.received) == data


def test_paper_out_is_detected_when_status_is_asked(printer: LoopbackPrinter) -> None:
    printer.paper_out = True
    p = EscposPrinter(f"escpos+tcp://127.0.0.1:{printer.port}?status=1")
    with pytest.raises(PaperOut) as err:
        p.check()
    assert err.value.code == "printer.paper_out"


def test_printer_that_is_off_is_offline() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(PrinterOffline) as err:
        EscposPrinter(f"escpos+tcp://127.0.0.1:{port}").send(payload())
    assert err.value.code == "printer.offline"


def test_missing_serial_device_is_not_found() -> None:
    with pytest.raises(PrinterNotFound):
        EscposPrinter("escpos+serial:///dev/does-not-exist?baudrate=9600").check()


def test_ticket_job_through_the_service_to_a_network_printer(
    printer: LoopbackPrinter, station_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WINDOWDESK_KEYRING", "file")
    with Station.open(station_dir) as st:
        svc = PrintService(
            jobs=st.print_jobs,
            cases=st.cases,
            settings=lambda: st.settings,
            catalog=lambda: st.catalog,
        )
        number = next(c.case_number for c in st.cases.list(status=Status.ACCEPTED))
        job = svc.submit(
            number, "ticket", operator_id="op-t", printer=f"escpos+tcp://127.0.0.1:{printer.port}"
        )
        job = svc.run(job, queue=QueueInfo("C042", 7))
        office = st.settings.office_name
    assert (job.state, job.error) == ("printed", "")
    deadline = time.monotonic() + 5
    while not printer.received.endswith(b"\x1dV\x00") and time.monotonic() < deadline:
        time.sleep(0.02)
    data = bytes(printer.received)
    assert FS_KANJI_ON + office.encode("gb18030") + FS_KANJI_OFF in data
    assert b"C042" in data and "前面等候：7人".encode("gb18030") in data
    assert number.encode() in data and data.endswith(b"\x1dV\x00")
