"""Regenerate docs/samples/*.png from the demo data (run: python docs/samples/make_samples.py).

Seeds a throw-away demo station (``python -m intake demo``), adds a 职工医保退休人员待遇核定 case
with a rare name character (𠮷) and a 容缺 material, and a 居住证申领 case whose 居住证明 is
covered by a 告知承诺 (the catalog allows it there; the demo cases have none), renders the first
page of every document kind with ``python -m printing render`` and turns it
into PNG with pdftoppm.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
os.environ["WINDOWDESK_KEYRING"] = "file"  # a throw-away demo station
ENV = dict(os.environ)


def run(*args: str) -> str:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=ENV, check=True, capture_output=True, text=True
    ).stdout


COMMITMENT_REQUEST = {
    "matters": ["430A0701008000-430121000000-000-1143012100612301XD-1-00"],  # 居住证申领
    "channel": "counter",
    "applicant": {
        "name": "欧阳小明",
        "doc_type": "resident",
        "id_number": "430121198503150021",
        "phone": "13912345678",
    },
    "materials": {"id_card": {"state": "original", "copies": 1}, "residence_proof": "commitment"},
    "form": {
        "current_address": "湖南省长沙县星沙街道开元东路1号",
        "residence_start": "2026-03-01",
        "applicant_phone": "13912345678",
    },
    "decision": "accept",
    "operator": "clerk01",
}


def accept(data: Path, tmp: Path, request: dict[str, object]) -> dict[str, str]:
    path = tmp / "request.json"
    path.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    answer: dict[str, str] = json.loads(
        run("-m", "intake", "--data-dir", str(data), "accept", "--request", str(path))
    )
    return answer


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from intake.station import Station
    from intake.status import Status

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "station"
        run("-m", "intake", "--data-dir", str(data), "demo", "--cases", "30")
        rare_request = json.loads((HERE / "retirement-request.json").read_text(encoding="utf-8"))
        # the 容缺 promise: two days ahead, within the matter's promised limit
        promised = (date.today() + timedelta(days=2)).isoformat()
        rare_request["materials"]["retirement_proof"]["promised_date"] = promised
        made = accept(data, Path(tmp), rare_request)
        commitment = accept(data, Path(tmp), COMMITMENT_REQUEST)
        with Station.open(data) as st:
            by_status = {}
            for c in st.cases.list(limit=200):
                by_status.setdefault(c.status, c.case_number)
        rare = made["case_number"]
        cases = {
            "acceptance": rare,
            "supplement": by_status[Status.SUPPLEMENT],
            "rejection": by_status[Status.REJECTED],
            "promise": rare,
            "commitment": commitment["case_number"],
            "materials": rare,
            "completion": by_status.get(Status.COMPLETED) or by_status[Status.DELIVERED],
            "ticket": rare,
        }
        for kind, number in cases.items():
            pdf = Path(tmp) / f"{kind}.pdf"
            extra = ["--queue-number", "A017", "--ahead", "4"] if kind == "ticket" else []
            run(
                "-m",
                "printing",
                "--data-dir",
                str(data),
                "render",
                kind,
                "--case",
                number,
                "--out",
                str(pdf),
                "--doc-number",
                "17",
                *extra,
            )
            dpi = "150" if kind == "ticket" else "100"
            subprocess.run(
                ["pdftoppm", "-r", dpi, "-png", "-singlefile", str(pdf), str(HERE / kind)],
                check=True,
            )
            print(f"{kind}: {number} -> docs/samples/{kind}.png")


if __name__ == "__main__":
    main()
