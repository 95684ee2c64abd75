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
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=ENV, check=False, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{args[:4]}: {done.stdout.strip()[-2000:]} {done.stderr.strip()[-2000:]}")
    return done.stdout


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


#: A village station (便民服务站) receiving a 高龄津贴 application for the county's 民政局:
#: the applicant, 88, chose 邮寄送达 (issue 10 item 12).
VILLAGE_SETTINGS = {
    "station_code": "CSX101",
    "office_name": "长沙县星沙街道松雅村便民服务站",
    "area_code": "430121000000",
    "level": "village",
    "phone": "0731-84019876",
    "address": "长沙县星沙街道松雅村村部一楼",
}
VILLAGE_REQUEST = {
    "matters": ["430A0504001000-430121000000-000-114301210061230443-1-00"],  # 高龄津贴申请
    "channel": "village",
    "applicant": {
        "name": "王秀英",
        "doc_type": "resident",
        "id_number": "430121193803120024",
        "phone": "13807310088",
        "address": "湖南省长沙县星沙街道松雅村3组12号",
    },
    "agent": {"name": "王芳", "doc_type": "resident", "id_number": "430121198505061225"},
    "delivery": {"way": "post", "address": "湖南省长沙县星沙街道松雅村3组12号"},
    "decision": "accept",
    "operator": "agent01",
}
#: A 不予受理 as not this authority's: the catalog names where to apply (item 10).
REFERRAL_REQUEST = {
    "matters": ["430A0701002000-430121000000-000-1143012100612301XD-1-00"],  # 身份证首次申领
    "channel": "counter",
    "applicant": {
        "name": "欧阳小明",
        "doc_type": "resident",
        "id_number": "430121198503150021",
        "phone": "13912345678",
    },
    "decision": "reject",
    "reason": "申请事项依法不属于本行政机关职权范围",
    "reason_kind": "not_competent",
    "legal_basis": "《中华人民共和国居民身份证法》第八条",
    "operator": "clerk01",
}


def accept(data: Path, tmp: Path, request: dict[str, object]) -> dict[str, str]:
    path = tmp / "request.json"
    path.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    answer: dict[str, str] = json.loads(
        run("-m", "intake", "--data-dir", str(data), "accept", "--request", str(path))
    )
    return answer


def village_station(tmp: Path, request: dict[str, object]) -> tuple[Path, str]:
    """A throw-away village station with the demo catalog and operators, one case on it."""
    from intake.demo import seed_station
    from intake.station import Station, StationSettings

    data = tmp / "village"
    with Station.open(data) as st:
        base = StationSettings(**{**VILLAGE_SETTINGS, "tracking_url_template": "", "hub_url": None})
        seed_station(st, settings=base)
    _fill_village_request(data, request)
    return data, accept(data, tmp, request)["case_number"]


def _fill_village_request(data: Path, request: dict[str, object]) -> None:
    """The matter's materials and form from the catalog (all received; the form filled)."""
    from intake.catalog.merge import merge_requirements
    from intake.station import Station

    with Station.open(data) as st:
        merged = merge_requirements(st.catalogs.active(), request["matters"])  # type: ignore[arg-type]
    request["materials"] = {
        m.id: {"state": "original", "copies": m.copies} for m in merged.materials
    }
    form = {}
    for need in merged.fields:
        if need.field.type.value == "select" and need.field.options:
            form[need.key] = need.field.options[0]
        elif "bank_account" in need.key or "account" in need.key:
            form[need.key] = "6228480012345678901"
        elif need.field.type.value == "phone":
            form[need.key] = "13807310088"
        elif need.required:
            form[need.key] = "湖南省长沙县星沙街道松雅村3组12号"
    request["form"] = form


def department_supplement(data: Path, number: str) -> None:
    """The 民政局 sends an accepted case back for 补正, through the station's pull applier."""
    from datetime import datetime

    from intake.clock import CST
    from intake.station import Station

    with Station.open(data) as st:
        case = st.cases.get(number)
        change = {
            "kind": "case.status",
            "case_id": case.id,
            "case_number": number,
            "status": "supplement",
            "at": datetime.now(CST).isoformat(),
            "department": case.matters[0].department,
            "note": "户籍信息与申请表不一致",
            "supplement_request": {
                "materials": [
                    {"name": "居民户口簿", "requirement": "原件，含本人页"},
                    {"name": "村（居）委会出具的居住情况证明", "requirement": "原件1份，加盖公章"},
                ],
                "note": "户籍信息与申请表所填不一致，请补充户口簿本人页及居住情况证明",
                "due_days": 15,
                "due_unit": "working",
            },
        }
        counts = st._remote.apply([change], st.sync_state.get("pull_cursor") or "")
        assert counts["applied"] == 1, counts


def department_refusal(data: Path, number: str) -> None:
    """The department handles an accepted case to its end and refuses it (不予许可), with its
    reasons and basis, through the station's pull applier (issue 10 item 3)."""
    from datetime import datetime, timedelta

    from intake.clock import CST
    from intake.station import Station

    with Station.open(data) as st:
        case = st.cases.get(number)
        at = datetime.now(CST)
        steps = ["undertaken", "reviewed", "approved", "completed"]
        changes = []
        for i, status in enumerate(steps):
            change = {
                "kind": "case.status",
                "case_id": case.id,
                "case_number": number,
                "status": status,
                "at": (at + timedelta(minutes=i)).isoformat(),
                "department": case.matters[0].department,
                "note": "",
            }
            if status == "completed":
                matter = st.catalogs.active().matters[case.matters[0].code]
                change.update(
                    outcome="refused",
                    reason="经审查，申请人不符合该事项规定的办理条件",
                    legal_basis=matter.legal_basis or "本事项办事指南所列办理条件",
                )
            changes.append(change)
        counts = st._remote.apply(changes, st.sync_state.get("pull_cursor") or "")
        assert counts["applied"] == len(steps), counts


def render(data: Path, kind: str, number: str, out: str, tmp: Path) -> None:
    pdf = tmp / f"{out}.pdf"
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
    )
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(HERE / out)], check=True
    )
    print(f"{out}: {number} -> docs/samples/{out}.png")


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
        # issue 10 items 10-12: a refusal to another authority, a department's 补正, a village
        # case received (代收) for the 实施机关 and posted to the applicant
        referral = accept(data, Path(tmp), REFERRAL_REQUEST)["case_number"]
        render(data, "rejection", referral, "rejection-referral", Path(tmp))
        with Station.open(data) as st:
            accepted = next(
                c.case_number
                for c in st.cases.list(limit=200)
                if c.status is Status.ACCEPTED and not c.title.endswith("一件事")
            )
        department_supplement(data, accepted)
        render(data, "supplement", accepted, "supplement-department", Path(tmp))
        # a refusal after acceptance (不予许可) and a bundle's acceptance with its 情形
        with Station.open(data) as st:
            listed = st.cases.list(limit=200)
            refused = next(
                c.case_number
                for c in listed
                if c.status is Status.ACCEPTED
                and c.case_number != accepted
                and not c.title.endswith("一件事")
            )
            bundle = next(
                (c.case_number for c in listed if c.title.endswith("一件事")),
                None,
            )
        department_refusal(data, refused)
        render(data, "completion", refused, "completion-refused", Path(tmp))
        if bundle is not None:
            render(data, "acceptance", bundle, "acceptance-bundle", Path(tmp))
        village, posted = village_station(Path(tmp), dict(VILLAGE_REQUEST))
        render(village, "acceptance", posted, "village-acceptance", Path(tmp))


if __name__ == "__main__":
    main()
