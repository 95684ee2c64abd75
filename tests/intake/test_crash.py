"""kill -9 in the middle of saves: afterwards the store is whole and no number repeats."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from intake.clock import local_date, now
from intake.station import Station

CHILD = r"""
import json, sys
from intake.clock import local_date, now
from intake.requests import parse_request
from intake.station import Station

station = Station.open(sys.argv[1])
raw = json.loads(open(sys.argv[2], encoding="utf-8").read())
print("ready", flush=True)
while True:
    result = station.cases.accept(parse_request(raw, today=local_date(now())))
    print(result.case_number, flush=True)
"""


def test_sigkill_during_saves_leaves_whole_cases_only(
    station: Station, make_request: Callable[..., dict[str, Any]], tmp_path: Path
) -> None:
    data_dir = station.data_dir
    raw = make_request()
    # a 容缺 promise within the matter's promised limit (5 working days): tomorrow
    tomorrow = local_date(now()) + timedelta(days=1)
    raw["materials"]["M_HKB"] = {"state": "deferred", "promised_date": tomorrow.isoformat()}
    request_file = tmp_path / "request.json"
    request_file.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    station.close()
    rng = random.Random(11)
    reported: list[str] = []
    env = {**os.environ, "WINDOWDESK_KEYRING": "file", "PYTHONPATH": str(Path.cwd())}
    kills = 12
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data_dir), str(request_file)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        first = child.stdout.readline().strip()  # the loop is saving (imports are warm)
        reported.append(first)
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        reported += [line for line in out.split() if line and line != "ready"]
        assert child.returncode == -signal.SIGKILL

    assert len(reported) > 2 * kills  # the loop really saved cases between kills
    with Station.open(data_dir) as st, st.db.read() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        numbers = s.execute(text("SELECT case_number FROM cases")).scalars().all()
        assert len(numbers) == len(set(numbers))
        assert set(reported) <= set(numbers)  # every number a child saw is still there
        orphans = s.execute(
            text(
                "SELECT count(*) FROM cases c WHERE "
                "(SELECT count(*) FROM case_history h WHERE h.case_id = c.id) != 3 OR "
                "(SELECT count(*) FROM outbox o WHERE o.entity_id = c.id) != 1 OR "
                "(SELECT count(*) FROM case_materials m WHERE m.case_id = c.id) != 3 OR "
                "(SELECT count(*) FROM audit_log a WHERE a.case_id = c.id) != 1"
            )
        ).scalar()
        assert orphans == 0
        per_day: dict[str, list[int]] = {}
        for number in numbers:
            _, day, seq = number.rsplit("-", 2)
            per_day.setdefault(day, []).append(int(seq))
        for day, seqs in per_day.items():
            assert sorted(seqs) == list(range(1, len(seqs) + 1))  # no gap, no reuse
            counter = s.execute(
                text("SELECT value FROM sequences WHERE scope = :s"), {"s": f"case:{day}"}
            ).scalar()
            assert counter == len(seqs)
        assert st.audit.verify().ok
