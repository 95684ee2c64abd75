"""Regenerate docs/samples/*.png from the demo data (run: python docs/samples/make_samples.py).

Seeds a throw-away demo station (``python -m intake demo``), adds one 退休一件事 case with a
rare name character (𠮷), a 容缺 material and a 告知承诺 material (the demo cases have none),
renders the first page of every document kind with ``python -m printing render`` and turns it
into PNG with pdftoppm.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
os.environ["WINDOWDESK_KEYRING"] = "file"  # a throw-away demo station
ENV = dict(os.environ)


def run(*args: str) -> str:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=ENV, check=True, capture_output=True, text=True
    ).stdout


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from intake.station import Station
    from intake.status import Status

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "station"
        run("-m", "intake", "--data-dir", str(data), "demo", "--cases", "30")
        made = json.loads(
            run(
                "-m",
                "intake",
                "--data-dir",
                str(data),
                "accept",
                "--request",
                str(HERE / "retirement-request.json"),
            )
        )
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
            "commitment": rare,
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
