"""The supervisor's sync tools against a real hub: retrying a quarantined change, the status
snapshot the health page shows, and "test connection" naming each honest state."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.errors import AuthError
from intake.station import Station
from sync.client.connectivity import (
    CAPTIVE_PORTAL,
    REACHABLE,
    REFUSED,
    TIMEOUT,
    TLS_UNTRUSTED,
    UNKNOWN_HOST,
    Timeouts,
    check_hub,
)
from sync.client.credentials import CredentialStore
from sync.client.engine import SyncEngine
from sync.client.status import sync_status
from sync.client.transport import HubClient, RetryPolicy
from tests.sync.hubproc import HubProcess
from tests.sync.stations import add_cases, enrol_station
from tests.sync.test_tls import private_ca  # noqa: F401  (fixture)


def _round(station: Station, data: Path, url: str) -> None:
    with HubClient(url) as client:
        SyncEngine(
            station, client, CredentialStore(data), retry=RetryPolicy(attempts=2)
        ).run_round()


def test_a_quarantined_change_is_retried_and_then_acknowledged(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    data = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, data)
    add_cases(data, 2)
    with Station.open(data) as station:
        first = station.outbox.pending()[0]
        # the platform refused it (say, a rule since fixed there): it sits in quarantine
        station.outbox.mark_rejected(first.op_id, "sync.rejected.rule", "规则已更新")
        status = sync_status(station)
        assert [q.op_id for q in status.quarantined] == [first.op_id]
        assert status.quarantined[0].code == "sync.rejected.rule"
        assert station.cases.get(first.case_number).sync_state == "rejected"
        with pytest.raises(AuthError):
            station.outbox.retry("clerk01", first.op_id)  # a clerk may not
        item = station.outbox.retry("super01", first.op_id)
        assert item.state == "pending"
        assert station.cases.get(first.case_number).sync_state == "waiting"
        _round(station, data, sqlite_hub.url)
        after = sync_status(station)
        assert after.quarantined == () and after.pending == 0
        assert after.last_push_at is not None and after.last_pull_at is not None
        assert station.cases.get(first.case_number).sync_state == "acknowledged"
        assert [e.action for e in station.audit.for_case(first.case_number)].count(
            "outbox.retry"
        ) == 1


def test_check_a_real_hub_is_reachable(sqlite_hub: HubProcess) -> None:
    check = check_hub(sqlite_hub.url)
    assert check.state == REACHABLE and check.clock_offset_s is not None


def test_check_a_closed_port_is_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, never listening: the kernel refuses
        assert check_hub(f"http://127.0.0.1:{port}").state == REFUSED


def test_check_a_silent_server_times_out() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)  # accepts the connection, never answers
        port = s.getsockname()[1]
        quick = Timeouts(connect=1.0, read=1.0)
        assert check_hub(f"http://127.0.0.1:{port}", timeouts=quick).state == TIMEOUT


def test_check_an_unknown_host() -> None:
    assert check_hub("http://no-such-host.invalid").state == UNKNOWN_HOST


@pytest.fixture
def portal() -> Iterator[str]:
    """A village Wi-Fi login page: HTML to every request, no hub header."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = "<html>请先登录 Wi-Fi</html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_check_a_captive_portal(portal: str) -> None:
    assert check_hub(portal).state == CAPTIVE_PORTAL


def test_check_an_untrusted_certificate(private_ca: Path) -> None:  # noqa: F811
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(private_ca / "hub.pem"), str(private_ca / "hub.key"))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    port = listener.getsockname()[1]

    def serve() -> None:
        for _ in range(4):
            try:
                conn, _addr = listener.accept()
            except OSError:
                return
            try:
                with context.wrap_socket(conn, server_side=True):
                    pass
            except (ssl.SSLError, OSError):
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        assert check_hub(f"https://127.0.0.1:{port}").state == TLS_UNTRUSTED
        trusted = check_hub(f"https://127.0.0.1:{port}", ca_file=private_ca / "ca.pem")
        assert trusted.state != TLS_UNTRUSTED  # trusted now (this server is no hub)
    finally:
        listener.close()
