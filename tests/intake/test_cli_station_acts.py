"""Every station act from the command line (``python -m intake cases …``, ``python -m printing
notices``): its success output, its refusal with the same error as the core command gives
for the same case, an unknown or disabled operator and an unknown case as the JSON error
with exit 2 — nothing written then. A seeded demo station (40 cases) is copied per test."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from intake.cli import main
from intake.errors import WindowDeskError
from intake.services.followups import Collector, Delivery, DeliveryMethod
from intake.station import Station
from intake.status import Actor, Outcome, SpecialKind, Status

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "WINDOWDESK_KEYRING": "file", "PYTHONPATH": str(ROOT)}
RESIDENCE = "430A0701007000-430121000000-000-1143012100612301XD-1-00"  # 居住登记 (告知承诺 allowed)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("acts") / "demo"
    path.mkdir()
    rc, out = cli(path, "demo", "--cases", "40")
    assert rc == 0, out
    return path


@pytest.fixture
def station_dir(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "station"
    shutil.copytree(template, target)
    return target


@pytest.fixture
def twin(template: Path, tmp_path: Path) -> Iterator[Station]:
    """A second copy of the same station: the core command is called there on the same case
    the CLI acted on, and must refuse with the same error."""
    target = tmp_path / "twin"
    shutil.copytree(template, target)
    with Station.open(target) as station:
        yield station


def cli(data_dir: Path, *args: str) -> tuple[int, Any]:
    """``python -m intake`` in this process (``main``); the JSON it printed (or its text)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            rc = main(["--data-dir", str(data_dir), *args])
        except SystemExit as exc:  # a usage error: argparse exits after printing the JSON
            rc = int(exc.code or 0)
    text = out.getvalue().strip()
    try:
        return rc, json.loads(text)
    except ValueError:
        return rc, text


def core_error(fn: Callable[[], Any]) -> dict[str, Any]:
    with pytest.raises(WindowDeskError) as caught:
        fn()
    return caught.value.to_json()


def first_case(d: Path, status: Status) -> str:
    with Station.open(d) as st:
        return next(c.case_number for c in st.cases.list(status, limit=5))


def version_of(d: Path, ref: str) -> int:
    with Station.open(d) as st:
        return st.cases.get(ref).version


def receive(d: Path, materials: dict[str, Any]) -> str:
    """A 接件 (decided later) of 居住登记 with the given materials, by ``accept``."""
    request = {
        "matters": [RESIDENCE],
        "applicant": {"name": "赵𠮷", "id_number": "11010519491231002X", "phone": "13900001111"},
        "materials": materials,
        "form": {},
        "decision": "receive",
        "operator": "clerk01",
    }
    path = d.parent / "request.json"
    path.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    rc, out = cli(d, "accept", "--request", str(path))
    assert rc == 0 and out["status"] == "received", out
    return str(out["case_number"])


def test_later_rejection_states_reason_and_basis_like_the_intake(
    station_dir: Path, twin: Station
) -> None:
    number = first_case(station_dir, Status.RECEIVED)
    rc, err = cli(station_dir, "cases", "transition", number, "rejected", "--operator", "clerk01")
    assert rc == 2 and err["error"] == "request.invalid"
    assert {p["code"] for p in err["details"]["problems"]} == {
        "decision.reason_required",
        "decision.legal_basis_required",
    }
    assert err == core_error(
        lambda: twin.pending_decisions.decide(number, Status.REJECTED, operator="clerk01")
    )
    rc, out = cli(
        station_dir,
        *("cases", "transition", number, "rejected", "--operator", "clerk02", "--json"),
        *(
            "--reason",
            "申请事项不属于本机关职权范围",
            "--basis",
            "《中华人民共和国行政许可法》第三十二条",
        ),
    )
    assert rc == 0, out
    assert (out["status"], out["status_label"]) == ("rejected", "不予受理")
    assert out["decision_reason"] == "申请事项不属于本机关职权范围"
    assert out["last_event"]["operator"] == "clerk02" and out["last_event"]["actor"] == "station"
    assert "applicant" not in out  # an act prints no personal data
    with Station.open(station_dir) as st:
        assert any(
            a.operator_id == "clerk02" and a.action == "change" for a in st.audit.for_case(number)
        )
        assert st.outbox.stats()["pending"] > 0  # queued for the platform like a desktop act


def test_acceptance_needs_the_materials_and_supplement_lists_one(station_dir: Path) -> None:
    number = receive(station_dir, {"id_card": {"state": "original", "copies": 1}})
    rc, err = cli(station_dir, "cases", "transition", number, "accepted", "--operator", "clerk01")
    assert rc == 2
    assert err["details"]["problems"][0]["code"] == "decision.materials_missing"
    assert err["details"]["problems"][0]["materials"] == ["residence_proof"]
    rc, out = cli(
        station_dir,
        *("cases", "transition", number, "supplement", "--operator", "clerk01", "--json"),
        *("--note", "请补交居住证明"),
    )
    assert rc == 0 and out["status"] == "supplement", out
    rc, err = cli(station_dir, "cases", "transition", number, "supplement", "--operator", "clerk01")
    assert rc == 2 and err["error"] == "case.illegal_transition"  # 补正 → 补正: no such step
    # the 补正 materials handed in: 受理 at once when the list is complete
    rc, out = cli(
        station_dir,
        *("cases", "materials", number, "--as", "supplement", "--operator", "clerk01"),
        *("--set", "residence_proof=copy", "--copies", "residence_proof=1", "--json"),
    )
    assert rc == 0, out
    assert out["status"] == "accepted"
    assert {m["id"]: m["state"] for m in out["materials"]}["residence_proof"] == "copy"


def test_nothing_to_supplement_is_refused_like_the_core(station_dir: Path, tmp_path: Path) -> None:
    number = receive(
        station_dir,
        {"id_card": {"state": "original", "copies": 1}, "residence_proof": "original"},
    )
    twin = tmp_path / "same-intake"
    shutil.copytree(station_dir, twin)  # the same 接件 under the same id
    rc, err = cli(station_dir, "cases", "transition", number, "supplement", "--operator", "clerk01")
    assert rc == 2
    with Station.open(twin) as other:
        assert err == core_error(
            lambda: other.pending_decisions.decide(number, Status.SUPPLEMENT, operator="clerk01")
        )
    assert err["details"]["problems"][0]["code"] == "decision.nothing_to_supplement"


def test_the_window_completes_only_authorised_immediate_matters(
    station_dir: Path, twin: Station
) -> None:
    number = first_case(station_dir, Status.ACCEPTED)
    rc, err = cli(station_dir, "cases", "transition", number, "completed", "--operator", "clerk01")
    assert rc == 2 and err["error"] == "case.window_cannot_complete"
    assert err == core_error(
        lambda: twin.cases.transition(
            number, Status.COMPLETED, actor=Actor.STATION, operator="clerk01"
        )
    )


def test_special_procedure_is_refused_at_the_window_like_the_core(
    station_dir: Path, twin: Station
) -> None:
    number = first_case(station_dir, Status.ACCEPTED)
    before = version_of(station_dir, number)
    rc, err = cli(
        station_dir,
        *("cases", "special", number, "start", "--operator", "clerk01", "--kind", "hearing"),
        *("--reason", "依申请人要求举行听证", "--basis", "《中华人民共和国行政许可法》第四十七条"),
    )
    assert rc == 2 and err["error"] == "case.special_procedure_station"
    assert err == core_error(
        lambda: twin.cases.set_special_procedure(
            number,
            True,
            actor=Actor.STATION,
            operator="clerk01",
            note="依申请人要求举行听证",
            kind=SpecialKind.HEARING,
            legal_basis="《中华人民共和国行政许可法》第四十七条",
        )
    )
    assert version_of(station_dir, number) == before


def test_deferred_material_brought_and_unknown_materials(station_dir: Path, twin: Station) -> None:
    with Station.open(station_dir) as st:
        due = st.followups.deferred_due()[0]
    number, material = due.case.case_number, due.material.material_id
    with Station.open(station_dir) as st:
        other = next(
            m.material_id for m in st.cases.get(number).materials if m.material_id != material
        )
    before = version_of(station_dir, number)
    rc, err = cli(
        station_dir,
        *("cases", "materials", number, "--as", "deferred", "--operator", "clerk01"),
        *("--set", f"{material}=original", "--set", f"{other}=original"),
    )
    assert rc == 2 and err["error"] == "deferred.not_promised"
    assert err["details"] == {"material": other}
    assert version_of(station_dir, number) == before  # neither was recorded
    rc, out = cli(
        station_dir,
        *("cases", "materials", number, "--as", "deferred", "--operator", "clerk01"),
        *("--set", f"{material}=original", "--json"),
    )
    assert rc == 0, out
    assert {m["id"]: m["state"] for m in out["materials"]}[material] == "original"
    rc, err = cli(
        station_dir,
        *("cases", "materials", number, "--as", "deferred", "--operator", "clerk01"),
        *("--set", f"{material}=original"),
    )
    assert rc == 2 and err["error"] == "deferred.not_promised"  # already brought
    assert err["details"] == {"material": material}
    twin.followups.receive_deferred(number, material, operator="clerk01")
    assert err == core_error(
        lambda: twin.followups.receive_deferred(number, material, operator="clerk01")
    )
    rc, err = cli(
        station_dir,
        *("cases", "materials", number, "--operator", "clerk01", "--set", "no_such=original"),
    )
    assert rc == 2 and err["details"]["problems"][0]["code"] == "request.unknown_material"
    rc, err = cli(
        station_dir,
        *("cases", "materials", number, "--operator", "clerk01", "--set", f"{material}=lost"),
    )
    assert rc == 2 and err["details"]["problems"][0]["code"] == "request.choice"
    rc, err = cli(
        station_dir,
        *("cases", "materials", number, "--operator", "clerk01", "--note", f"{material}=x"),
    )
    assert rc == 2 and err["error"] == "cli.usage"  # a note needs the material's state


def test_rating_and_skipping_follow_the_rating_rules(station_dir: Path, twin: Station) -> None:
    with Station.open(station_dir) as st:
        number = next(
            c.case_number
            for c in st.cases.list(Status.DELIVERED, limit=40)
            if not st.cases.get(c.id).evaluations
        )
    rc, err = cli(station_dir, "cases", "evaluate", number, "--level", "1", "--operator", "clerk01")
    assert rc == 2 and err["error"] == "evaluation.reason_required"
    assert err == core_error(lambda: twin.cases.evaluate(number, 1, operator="clerk01"))
    rc, err = cli(
        station_dir,
        *(
            "cases",
            "evaluate",
            number,
            "--level",
            "5",
            "--channel",
            "短信",
            "--operator",
            "clerk01",
        ),
    )
    assert rc == 2 and err["error"] == "evaluation.channel"
    rc, out = cli(
        station_dir,
        *("cases", "evaluate", number, "--level", "2", "--operator", "clerk01", "--json"),
        *("--reason", "waiting", "--reason", "slow", "--comment", "排队一个小时"),
    )
    assert rc == 0, out
    (rating,) = out["evaluations"]
    assert (rating["level"], rating["reasons"], rating["channel"]) == (
        2,
        ["waiting", "slow"],
        "window_device",
    )
    rc, err = cli(station_dir, "cases", "evaluate", number, "--level", "5", "--operator", "clerk01")
    assert rc == 2 and err["error"] == "evaluation.duplicate"
    other = first_case(station_dir, Status.ACCEPTED)
    rc, err = cli(station_dir, "cases", "evaluate", other, "--skip", " ", "--operator", "clerk01")
    assert rc == 2 and err["error"] == "citizen.skip_reason_required"
    rc, out = cli(
        station_dir,
        *(
            "cases",
            "evaluate",
            other,
            "--skip",
            "申请人不愿评价",
            "--operator",
            "clerk01",
            "--json",
        ),
    )
    assert rc == 0 and out["last_event"]["event"] == "evaluation_skipped"
    assert out["last_event"]["note"] == "申请人不愿评价" and out["evaluations"] == []


def _completed(d: Path) -> str:
    """A case the department completed (granted), as sync would record it."""
    with Station.open(d) as st:
        number = next(
            c.case_number
            for c in st.cases.list(Status.ACCEPTED, limit=40)
            if not st.cases.get(c.id).special_procedure
        )
        st.cases.transition(
            number, Status.COMPLETED, actor=Actor.PLATFORM, operator="县民政局",
            outcome=Outcome.GRANTED,
        )  # fmt: skip
    return number


def test_delivery_by_mail_and_at_the_window(station_dir: Path, twin: Station) -> None:
    number = _completed(station_dir)
    rc, err = cli(
        station_dir, "cases", "deliver", number, "--method", "mail", "--operator", "clerk01"
    )
    assert rc == 2
    assert [p["code"] for p in err["details"]["problems"]] == ["delivery.tracking_required"]
    twin.cases.transition(
        number, Status.COMPLETED, actor=Actor.PLATFORM, operator="县民政局",
        outcome=Outcome.GRANTED,
    )  # fmt: skip
    assert err == core_error(
        lambda: twin.followups.deliver(
            number, Delivery(DeliveryMethod.MAIL, Collector.POST), operator="clerk01"
        )
    )
    rc, err = cli(
        station_dir,
        *("cases", "deliver", number, "--collector", "agent", "--name", "李四"),
        *("--id-number", "1234", "--operator", "clerk01"),
    )
    assert rc == 2 and err["details"]["problems"][0]["where"] == "collector_id_number"
    rc, out = cli(
        station_dir,
        *("cases", "deliver", number, "--method", "mail", "--tracking", "ems1234567890cn"),
        *("--operator", "clerk01", "--json"),
    )
    assert rc == 0, out
    assert out["status"] == "delivered"
    assert out["delivery"]["tracking_number"] == "EMS1234567890CN"
    assert out["delivery"]["collector"] == "post"
    rc, err = cli(station_dir, "cases", "deliver", number, "--operator", "clerk01")
    assert rc == 2 and err["error"] == "case.illegal_transition"


def test_withdrawal_needs_a_reason_and_a_case_still_open(station_dir: Path, twin: Station) -> None:
    number = first_case(station_dir, Status.ACCEPTED)
    rc, err = cli(
        station_dir, "cases", "withdraw", number, "--reason", " ", "--operator", "clerk01"
    )
    assert rc == 2 and err == core_error(
        lambda: twin.followups.withdraw(number, " ", operator="clerk01")
    )
    assert err["details"]["problems"][0]["code"] == "withdraw.reason_required"
    rc, out = cli(
        station_dir,
        *("cases", "withdraw", number, "--reason", "申请人已在省网办理", "--operator", "clerk01"),
    )
    assert rc == 0 and "撤件" in out
    delivered = first_case(station_dir, Status.DELIVERED)
    rc, err = cli(station_dir, "cases", "withdraw", delivered, "--reason", "x", "--operator", "c")
    assert rc == 2 and err["error"] == "operator.unknown"
    rc, err = cli(
        station_dir, "cases", "withdraw", delivered, "--reason", "x", "--operator", "clerk01"
    )
    assert rc == 2 and err["error"] == "case.illegal_transition"


def test_commitment_verification_true_and_false(station_dir: Path) -> None:
    number = receive(
        station_dir,
        {"id_card": {"state": "original", "copies": 1}, "residence_proof": "commitment"},
    )
    rc, err = cli(station_dir, "cases", "verify", number, "residence_proof", "true", "--operator",
                  "clerk01")  # fmt: skip
    assert rc == 0, err  # a 接件's commitment is verified like an accepted one's
    rc, err = cli(station_dir, "cases", "verify", number, "residence_proof", "true", "--operator",
                  "clerk01")  # fmt: skip
    assert rc == 2 and err["error"] == "verification.duplicate"
    rc, err = cli(station_dir, "cases", "verify", number, "id_card", "false", "--operator",
                  "clerk01", "--outcome", "撤销")  # fmt: skip
    assert rc == 2 and err["error"] == "verification.not_commitment"
    second = receive(
        station_dir,
        {"id_card": {"state": "original", "copies": 1}, "residence_proof": "commitment"},
    )
    rc, err = cli(station_dir, "cases", "verify", second, "residence_proof", "false", "--operator",
                  "clerk01")  # fmt: skip
    assert rc == 2 and err["details"]["problems"][0]["code"] == "verification.outcome_required"
    rc, out = cli(
        station_dir,
        *("cases", "verify", second, "residence_proof", "false", "--operator", "clerk02"),
        *("--outcome", "撤销登记，记入信用记录", "--json"),
    )
    assert rc == 0, out
    assert out["last_event"]["event"] == "commitment_checked"
    assert "核查不实：撤销登记，记入信用记录" in out["last_event"]["note"]
    assert out["last_event"]["operator"] == "clerk02"


def test_an_inactive_or_unknown_operator_writes_nothing(station_dir: Path) -> None:
    number = first_case(station_dir, Status.ACCEPTED)
    with Station.open(station_dir) as st:
        st.operators.set_active("super01", "clerk02", False)
        before = (st.cases.get(number).version, st.outbox.stats()["pending"])
    for operator, code in (("clerk02", "operator.inactive"), ("nobody", "operator.unknown")):
        rc, err = cli(
            station_dir, "cases", "withdraw", number, "--reason", "不需要了", "--operator", operator
        )
        assert (rc, err["error"], err["details"]["operator"]) == (2, code, operator)
    rc, err = cli(station_dir, "cases", "withdraw", number, "--reason", "不需要了")
    assert rc == 2 and err["error"] == "cli.usage"  # --operator is required
    with Station.open(station_dir) as st:
        assert (st.cases.get(number).version, st.outbox.stats()["pending"]) == before


@pytest.mark.parametrize(
    "act",
    [
        ("transition", "NOPE", "accepted"),
        ("special", "NOPE", "end"),
        ("materials", "NOPE", "--set", "id_card=original"),
        ("evaluate", "NOPE", "--level", "5"),
        ("deliver", "NOPE"),
        ("withdraw", "NOPE", "--reason", "不需要了"),
        ("verify", "NOPE", "id_card", "true"),
    ],
    ids=lambda a: a[0],
)
def test_an_unknown_case_is_the_json_error(station_dir: Path, act: tuple[str, ...]) -> None:
    rc, err = cli(station_dir, "cases", *act, "--operator", "clerk01")
    assert rc == 2, err
    if act[0] == "special":  # the window's special procedure is refused before the case
        assert err["error"] == "case.special_procedure_station"
    else:
        assert err["error"] == "case.not_found" and err["details"]["case"] == "NOPE"


def test_next_lists_what_the_window_may_do(station_dir: Path) -> None:
    number = first_case(station_dir, Status.RECEIVED)
    rc, out = cli(station_dir, "cases", "next", number, "--json")
    assert rc == 0
    assert out["next"] == ["accepted", "supplement", "rejected", "withdrawn"]


def last_json(text: str) -> Any:
    """The error line of stderr (after the file-keyring notice of the test environment)."""
    return json.loads(text.strip().splitlines()[-1])


def _proc(module: str, d: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, "--data-dir", str(d), *args],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_as_a_real_process_success_refusal_and_unknown_case(station_dir: Path) -> None:
    number = first_case(station_dir, Status.RECEIVED)
    done = _proc("intake", station_dir, "cases", "transition", number, "accepted",
                 "--operator", "clerk01", "--json")  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["status"] == "accepted"
    refused = _proc("intake", station_dir, "cases", "special", number, "start",
                    "--operator", "clerk01")  # fmt: skip
    assert refused.returncode == 2
    assert json.loads(refused.stdout)["error"] == "case.special_procedure_station"
    unknown = _proc("intake", station_dir, "cases", "deliver", "CSX001-20991231-99999",
                    "--operator", "clerk01")  # fmt: skip
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert json.loads(unknown.stdout)["error"] == "case.not_found"
    bad = _proc("intake", station_dir, "cases", "transition", number, "delivered",
                "--operator", "clerk01")  # fmt: skip
    assert bad.returncode == 2 and json.loads(bad.stdout)["error"] == "cli.usage"


def test_printing_the_notices_a_case_requires(station_dir: Path, tmp_path: Path) -> None:
    number = first_case(station_dir, Status.RECEIVED)
    assert (
        cli(station_dir, "cases", "transition", number, "accepted", "--operator", "clerk01")[0] == 0
    )
    out_file = tmp_path / "受理通知书.pdf"
    done = _proc("printing", station_dir, "notices", "--case", number, "--operator", "clerk01",
                 "--out", str(out_file))  # fmt: skip
    assert done.returncode == 0, done.stderr
    (job,) = json.loads(done.stdout)["jobs"]
    assert (job["kind"], job["state"], job["path"]) == ("acceptance", "printed", str(out_file))
    text = subprocess.run(
        ["pdftotext", str(out_file), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "受理通知书" in text and number in text
    again = _proc("printing", station_dir, "notices", "--case", number, "--operator", "clerk01",
                  "--out", str(out_file))  # fmt: skip
    assert json.loads(again.stdout)["jobs"][0]["reprint"] is True
    assert (
        "补打时间"
        in subprocess.run(
            ["pdftotext", str(out_file), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    with Station.open(station_dir) as st:
        jobs = st.print_jobs.for_case(number)
        assert len(jobs) == 2 and {j.operator_id for j in jobs} == {"clerk01"}
    refused = _proc("printing", station_dir, "notices", "--case", number, "--operator", "ghost",
                    "--out", str(tmp_path))  # fmt: skip
    assert refused.returncode == 2 and last_json(refused.stderr)["error"] == "operator.unknown"
    unknown = _proc("printing", station_dir, "notices", "--case", "NOPE", "--operator", "clerk01",
                    "--out", str(tmp_path))  # fmt: skip
    assert unknown.returncode == 2 and last_json(unknown.stderr)["error"] == "case.not_found"


def test_a_promised_date_is_checked_like_a_requests(station_dir: Path) -> None:
    number = receive(station_dir, {"id_card": {"state": "original", "copies": 1}})
    before = version_of(station_dir, number)
    rc, err = cli(
        station_dir,
        *("cases", "materials", number, "--operator", "clerk01"),
        *("--set", "residence_proof=deferred", "--promised", "residence_proof=明天"),
    )
    assert rc == 2 and err["details"]["problems"][0]["code"] == "request.date"
    assert err["details"]["problems"][0]["where"] == "materials.residence_proof.promised_date"
    assert version_of(station_dir, number) == before


# -- the station's acts beyond a case: quarantine, hand-over, complaints, queue ----------------


def test_a_returned_item_is_resent_or_discarded_with_a_reason(station_dir: Path) -> None:
    with Station.open(station_dir) as st:
        waiting = st.quarantine.waiting()
        first = waiting[0]  # and one of another case (a resend resolves its whole case)
        second = next(i for i in waiting if i.case_id != first.case_id)
        for item in (first, second):
            st.outbox.mark_rejected(item.op_id, "case.unknown", "the platform lost it")
    rc, listed = cli(station_dir, "quarantine", "list", "--returned")
    assert rc == 0 and {i["op_id"] for i in listed} >= {first.op_id, second.op_id}
    assert all("*" in i["applicant_name"] for i in listed)  # a list: names masked
    rc, err = cli(station_dir, "quarantine", "discard", first.op_id, "--reason", " ",
                  "--operator", "clerk01")  # fmt: skip
    assert rc == 2 and err["error"] == "quarantine.reason_required"
    rc, out = cli(station_dir, "quarantine", "resend", first.op_id, "--operator", "clerk01")
    assert rc == 0 and out["resent_as"] != first.op_id
    rc, err = cli(station_dir, "quarantine", "resend", first.op_id, "--operator", "clerk01")
    assert rc == 2 and err["error"] == "quarantine.not_found"  # resolved already
    rc, out = cli(station_dir, "quarantine", "discard", second.op_id, "--reason", "重复录入",
                  "--operator", "super01")  # fmt: skip
    assert rc == 0 and out["discarded"] == "重复录入"
    with Station.open(station_dir) as st:
        actions = {(a.operator_id, a.action) for a in st.audit.for_case(first.case_id)}
        assert ("clerk01", "quarantine_resend") in actions


def test_paper_hand_over_by_command_line(station_dir: Path) -> None:
    with Station.open(station_dir) as st:
        pending = [c.case_number for c in st.handover.pending()]
    assert pending
    rc, err = cli(station_dir, "handover", "give", pending[0], "--handed-by", " ",
                  "--received-by", "李明", "--operator", "agent01")  # fmt: skip
    assert rc == 2 and err["error"].startswith("handover.")
    rc, out = cli(station_dir, "handover", "give", pending[0], "--handed-by", "王芳",
                  "--received-by", "镇中心李明", "--operator", "agent01")  # fmt: skip
    assert rc == 0 and out["cases"] == [pending[0]]
    rc, err = cli(station_dir, "handover", "give", pending[0], "--handed-by", "王芳",
                  "--received-by", "镇中心李明", "--operator", "agent01")  # fmt: skip
    assert rc == 2 and err["error"] == "handover.nothing"  # handed over once
    rc, batches = cli(station_dir, "handover", "batches")
    assert rc == 0 and batches[0]["number"] == out["number"]


def test_complaints_by_command_line(station_dir: Path) -> None:
    rc, err = cli(station_dir, "complaints", "record", "--what", "无法办理", "--where-failed",
                  "窗口", "--phone", "12", "--operator", "clerk01")  # fmt: skip
    assert rc == 2 and err["details"]["problems"][0]["code"] == "request.phone"
    rc, c = cli(station_dir, "complaints", "record", "--what", "居住证无法办理",
                "--where-failed", "综合窗口", "--phone", "13800001111",
                "--citizen-name", "张三", "--operator", "clerk01")  # fmt: skip
    assert rc == 0 and c["state"] == "recorded"
    rc, err = cli(station_dir, "complaints", "advance", c["number"], "closed", "--note", "x",
                  "--operator", "clerk01")  # fmt: skip
    assert rc == 2 and err["error"] == "complaint.state"
    rc, out = cli(station_dir, "complaints", "advance", c["number"], "dispatched", "--note",
                  "县公安局", "--operator", "super01")  # fmt: skip
    assert rc == 0 and out["dispatched_to"] == "县公安局"
    rc, out = cli(station_dir, "complaints", "hand-over-12345", c["number"], "--ticket",
                  "GD2026120100017", "--operator", "super01")  # fmt: skip
    assert rc == 0 and out["hotline_ticket"] == "GD2026120100017"
    rc, listed = cli(station_dir, "complaints", "list", "--open")
    assert rc == 0 and listed[0]["citizen_name"] == "张*"


def test_the_queue_by_command_line(station_dir: Path) -> None:
    with Station.open(station_dir) as st:
        ticket = st.queue.take("general", title="居住登记")
    rc, out = cli(station_dir, "queue", "call", "W01", "--operator", "clerk01")
    assert rc == 0 and out["called"]["number"] == ticket.number
    assert out["called"]["called_by"] == "clerk01"
    rc, out = cli(station_dir, "queue", "done", ticket.number, "--operator", "clerk01")
    assert rc == 0 and out["status"] == "done"
    rc, err = cli(station_dir, "queue", "no-show", ticket.number, "--operator", "clerk01")
    assert rc == 2 and err["error"] == "queue.ticket_state"
    rc, out = cli(station_dir, "queue", "call", "W01", "--operator", "clerk01")
    assert rc == 0 and out["called"] is None  # nobody waiting
    rc, err = cli(station_dir, "queue", "call", "W01", "--operator", "ghost")
    assert rc == 2 and err["error"] == "operator.unknown"
