"""A sync round uploads the store's attachments: real station, real hub over loopback."""

from __future__ import annotations

import asyncio
import hashlib
import os
from pathlib import Path

from sqlalchemy import update

from intake.canonical import content_sha256
from intake.services.attachments import MAX_ATTACHMENT_BYTES
from intake.station import Station
from intake.store.models import AttachmentRow
from sync import protocol
from sync.client.transport import HubClient
from sync.hub.db import make_engine
from sync.hub.service import Hub
from sync.testing.faultproxy import FaultMix, FaultProxy, _close, _reset
from tests.sync.hubproc import HubProcess, sync_cli
from tests.sync.stations import add_cases, engine_for, enrol_station


class CutOnceProxy(FaultProxy):
    """Passes everything, except that the request stream is cut (RST both ways) once, at
    exactly ``cut_at`` bytes counted over all connections: a deterministic mid-upload cut."""

    def __init__(self, upstream_port: int, cut_at: int) -> None:
        super().__init__(upstream_port, mix=FaultMix(enabled=False))
        self.cut_at = cut_at
        self.sent = 0
        self.cuts = 0

    async def _serve(
        self, fault: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.upstream)

        async def requests() -> None:
            try:
                while data := await reader.read(65536):
                    if not self.cuts and self.sent + len(data) >= self.cut_at:
                        self.cuts += 1
                        up_writer.write(data[: self.cut_at - self.sent])
                        await up_writer.drain()
                        _reset(up_writer)
                        _reset(writer)
                        return
                    self.sent += len(data)
                    up_writer.write(data)
                    await up_writer.drain()
            finally:
                _close(up_writer)

        try:
            await asyncio.gather(requests(), self._pump(up_reader, writer, None, up_writer))
        finally:
            _close(up_writer)


def _hub_digests(proc: HubProcess, code: str) -> dict[str, str]:
    return {
        c["case_number"]: c["content_sha256"]
        for c in Hub(make_engine(proc.db_url)).export()
        if c["station"] == code
    }


def _attach(st: Station, number: str, data: bytes) -> str:
    material = st.cases.get(number).materials[0].material_id
    return st.attachments.add(
        number,
        data,
        material_id=material,
        filename="scan.pdf",
        mime="application/pdf",
        operator="clerk01",
    ).sha256


def test_limits_agree() -> None:
    assert MAX_ATTACHMENT_BYTES == protocol.MAX_ATTACHMENT_BYTES


def test_a_round_uploads_attachments_and_the_hub_digest_names_them(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    code = enrol_station(sqlite_hub.db_url, sqlite_hub.url, d)
    first, second = add_cases(d, 2)
    blob_a, blob_b = os.urandom(300_000), os.urandom(300_000)
    with Station.open(d) as st:
        # before the hub has the case: case.create and case.materials travel together
        sha_a = _attach(st, first, blob_a)
        engine = engine_for(st, sqlite_hub.url)
        report = engine.run_round()
        assert report.state == "ok", report.error
        assert (report.attachments_uploaded, report.attachments_left) == (1, 0)
        assert report.rejected == report.conflicts == 0 and report.left == 0
        # after the hub has the case: the materials change is appended there
        sha_b = _attach(st, second, blob_b)
        report = engine.run_round()
        assert report.state == "ok" and report.rejected == report.conflicts == 0
        assert report.attachments_uploaded == 1
        assert all(i.uploaded for n in (first, second) for i in st.attachments.for_case(n))
        local = {n: content_sha256(st.cases.get(n)) for n in (first, second)}
        assert st.cases.get(first).materials[0].attachments == (sha_a,)
        with HubClient(sqlite_hub.url) as client:
            token = engine._access_token()
            for sha, blob in ((sha_a, blob_a), (sha_b, blob_b)):
                assert sha == hashlib.sha256(blob).hexdigest()
                assert client.attachment_offset(token, sha) == (len(blob), True)
        # nothing left: a further round sends nothing
        assert engine.run_round().attachments_uploaded == 0
    assert _hub_digests(sqlite_hub, code) == local
    status = sync_cli("--data-dir", str(d), "status", "--json").stdout
    assert '"attachments_pending": 0' in status


def test_a_cut_mid_upload_is_finished_by_the_next_round(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    code = enrol_station(sqlite_hub.db_url, sqlite_hub.url, d)
    [number] = add_cases(d, 1)
    blob = os.urandom(900_000)  # four 256 KiB chunks
    # cut inside the second chunk (the token and push before it are a few KB)
    proxy = CutOnceProxy(sqlite_hub.port, cut_at=protocol.ATTACHMENT_CHUNK_BYTES + 150_000)
    proxy.start()
    try:
        with Station.open(d) as st:
            sha = _attach(st, number, blob)
            # one attempt per call, so the cut ends this round instead of being retried in it
            engine = engine_for(st, f"http://127.0.0.1:{proxy.port}", attempts=1)
            report = engine.run_round()
            assert proxy.cuts == 1
            assert report.state == "offline" and report.attachments_uploaded == 0
            assert report.left == 0  # the cases went first and are acknowledged
            assert report.attachments_left == 1
            [(info, data)] = st.attachments.pending()
            assert info.sha256 == sha and data == blob  # nothing lost
            with HubClient(sqlite_hub.url) as direct:
                held = direct.attachment_offset(engine._access_token(), sha)
            assert held == (protocol.ATTACHMENT_CHUNK_BYTES, False)  # a partial upload
            report = engine.run_round()
            assert report.state == "ok", report.error
            assert (report.attachments_uploaded, report.attachments_left) == (1, 0)
            with HubClient(sqlite_hub.url) as direct:
                assert direct.attachment_offset(engine._access_token(), sha) == (len(blob), True)
            assert st.attachments.pending() == []
            local = content_sha256(st.cases.get(number))
    finally:
        proxy.stop()
    assert _hub_digests(sqlite_hub, code) == {number: local}


def test_a_blob_that_fails_stays_pending_and_does_not_block_the_others(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, d)
    [number] = add_cases(d, 1)
    with Station.open(d) as st:
        bad = _attach(st, number, os.urandom(5000))
        good = _attach(st, number, os.urandom(5000))
        with st.db.write() as s:  # the stored bytes no longer hash to their name
            s.execute(
                update(AttachmentRow).where(AttachmentRow.sha256 == bad).values(data=b"damaged")
            )
        engine = engine_for(st, sqlite_hub.url)
        report = engine.run_round()
        assert report.state == "ok" and report.left == 0
        assert (report.attachments_uploaded, report.attachments_failed) == (1, 1)
        assert report.attachments_left == 1
        assert "attachment_failed:sync.attachment_digest" in report.notes
        assert [i.sha256 for i, _ in st.attachments.pending()] == [bad]
        with HubClient(sqlite_hub.url) as client:
            token = engine._access_token()
            assert client.attachment_offset(token, good) == (5000, True)
            assert client.attachment_offset(token, bad) is None  # never sent
        again = engine.run_round()  # tried again every round, never marked uploaded
        assert (again.attachments_failed, again.attachments_left) == (1, 1)
    run = sync_cli("--data-dir", str(d), "run", "--once", check=False)
    assert run.returncode == 2  # "something is left to send"
