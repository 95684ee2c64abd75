"""The audit anchor outside the database: deleting the newest rows (through the store's
key, as a tamperer with the key file would) is found, also after the app appended again;
a forged anchor file is found; the CLI says it in a sentence. The store is edited directly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from intake.services import audit
from intake.services.audit import Break
from intake.services.audit_anchor import ANCHOR_FILE, SLOT, AnchorState
from intake.station import Station


def _fill(station: Station, n: int, batch: int = 10) -> None:
    for start in range(0, n, batch):
        with station.db.write() as session:
            for i in range(start, min(n, start + batch)):
                audit.append(session, "clerk01", "view", None, f"row {i}")


def _last_seq(station: Station) -> int:
    with station.db.read() as s:
        return int(s.execute(text("SELECT max(seq) FROM audit_log")).scalar_one())


def test_each_append_batch_moves_the_anchor_to_the_head(station: Station) -> None:
    _fill(station, 30)
    anchor, state = station.audit_anchor.read()
    assert state is AnchorState.OK and anchor is not None
    assert anchor.seq == _last_seq(station)
    # a torn slot (a power cut while writing it) leaves the other one: one batch behind
    path = station.data_dir / ANCHOR_FILE
    raw = bytearray(path.read_bytes())
    newest = (anchor.seq % 2) * SLOT
    raw[newest : newest + 20] = b"\0" * 20
    path.write_bytes(bytes(raw))
    behind, state = station.audit_anchor.read()
    assert state is AnchorState.OK and behind is not None and behind.seq < anchor.seq
    _fill(station, 1)
    anchor, _ = station.audit_anchor.read()
    assert anchor is not None and anchor.seq == _last_seq(station)
    verdict = station.audit.verify()
    assert verdict.ok and verdict.anchor is AnchorState.OK and verdict.last_seq == anchor.seq


def test_the_newest_rows_deleted_are_found(station: Station) -> None:
    _fill(station, 40)
    last = _last_seq(station)
    with station.db.write() as s:
        s.execute(text("DELETE FROM audit_log WHERE seq > :k"), {"k": last - 3})
    verdict = station.audit.verify()
    assert not verdict.ok and verdict.problem is Break.TRUNCATED
    assert verdict.removed == 3 and verdict.last_seq == last - 3
    assert verdict.first_bad_seq == verdict.missing_from == last - 2
    assert audit.describe(verdict) == (
        f"the newest 3 rows were removed: rows after seq {last - 3} are missing"
    )


def test_a_cut_tail_stays_found_after_the_app_appends_again(station: Station) -> None:
    _fill(station, 40)
    last = _last_seq(station)
    with station.db.write() as s:
        s.execute(text("DELETE FROM audit_log WHERE seq > :k"), {"k": last - 5})
    _fill(station, 2, batch=1)  # the clerk goes on working: the anchor must not follow
    verdict = station.audit.verify()
    # rowids are reused (no AUTOINCREMENT): the new rows take seq last-4, last-3
    assert not verdict.ok and verdict.problem is Break.TRUNCATED and verdict.removed == 3
    _fill(station, 10, batch=1)  # past the anchored seq, with other rows there
    verdict = station.audit.verify()
    assert not verdict.ok and verdict.problem is Break.REWRITTEN
    assert verdict.first_bad_seq == last


def test_a_forged_or_missing_anchor(station: Station) -> None:
    _fill(station, 12)
    path = station.data_dir / ANCHOR_FILE
    raw = path.read_bytes()
    data = max(json.loads(raw[:SLOT]), json.loads(raw[SLOT:]), key=lambda d: d["seq"])
    moved = json.dumps({**data, "seq": data["seq"] - 4}).encode().ljust(SLOT)  # the old MAC
    path.write_bytes(moved * 2)
    verdict = station.audit.verify()
    assert not verdict.ok and verdict.problem is Break.ANCHOR_FORGED
    path.unlink()
    verdict = station.audit.verify()
    assert verdict.ok and verdict.anchor is AnchorState.MISSING  # a store from before anchors
    _fill(station, 1)  # its next write anchors it
    assert station.audit.verify().anchor is AnchorState.OK


def test_the_cli_reports_the_removed_rows(station: Station, data_dir: Path) -> None:
    _fill(station, 20)
    last = _last_seq(station)
    with station.db.write() as s:
        s.execute(text("DELETE FROM audit_log WHERE seq > :k"), {"k": last - 2})
    station.close()
    done = subprocess.run(
        [sys.executable, "-m", "intake", "--data-dir", str(data_dir), "audit", "verify"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["problem"] == "truncated" and out["removed"] == 2
    assert f"rows after seq {last - 2} are missing" in out["summary"]


def test_a_row_rolled_back_with_its_savepoint_is_never_anchored(station: Station) -> None:
    """A change applied in a savepoint that fails (the pull does that per change) takes its
    audit row with it: the anchor names the row that committed, not the one noted."""
    _fill(station, 5)
    with station.db.write() as session:
        audit.append(session, "clerk01", "view", None, "kept")
        try:
            with session.begin_nested():
                audit.append(session, "platform", "operator.platform", None, "rolled back")
                raise ValueError("the change could not apply")
        except ValueError:
            pass
    anchor, _ = station.audit_anchor.read()
    assert anchor is not None and anchor.seq == _last_seq(station)
    _fill(station, 1)
    assert station.audit.verify().ok
