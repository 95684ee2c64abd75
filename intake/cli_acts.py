"""The station's acts on a case as ``python -m intake cases …`` commands.

Each command calls the same core command the desktop calls (``CaseService``,
``PendingDecisionService``, ``FollowupService``, printing), so it meets the same rules and is
refused with the same problem code. The CLI is an administrator's and automation tool: it
runs as the station's account, without a login; ``--operator`` names who acts, and it must
be an operator of this station who is active (``operator.unknown`` / ``operator.inactive``
otherwise, before anything is written). History and audit rows name that operator.

Output: one JSON line with ``--json`` (the case after the act, no personal data: see
``act_result``), a line of Chinese otherwise. A refusal is the JSON error, exit 2.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from intake.canonical import to_jsonable
from intake.errors import WindowDeskError
from intake.requests import parse_materials
from intake.services.followups import Collector, Delivery, DeliveryMethod
from intake.services.operators import Operator
from intake.services.pending_decisions import WINDOW_DECISIONS
from intake.station import Station
from intake.status import STATUS_LABELS, Actor, SpecialKind
from intake.views import CaseView, MaterialState


def acting_operator(station: Station, operator_id: str) -> Operator:
    """The operator named by ``--operator``: one of this station's, and active."""
    found = next((o for o in station.operators.list() if o.id == operator_id), None)
    if found is None:
        raise WindowDeskError(
            "no such operator at this station",
            code="operator.unknown",
            details={"operator": operator_id},
        )
    if not found.active:
        raise WindowDeskError(
            "this operator is disabled", code="operator.inactive", details={"operator": operator_id}
        )
    return found


def act_result(view: CaseView, act: str) -> dict[str, Any]:
    """What a case act prints: the case as it now is, without the applicant's data (the
    act is audited as a change, not as a view; ``cases show`` is the audited view)."""
    last = view.history[-1] if view.history else None
    return {
        "act": act,
        "case_id": view.id,
        "case_number": view.case_number,
        "status": view.status.value,
        "status_label": STATUS_LABELS[view.status],
        "special_procedure": view.special_procedure,
        "outcome": to_jsonable(view.outcome) if view.outcome else None,
        "decision_reason": view.decision_reason,
        "legal_basis": view.legal_basis,
        "materials": [
            {"id": m.material_id, "name": m.name, "state": m.state.value, "note": m.note}
            for m in view.materials
        ],
        "evaluations": to_jsonable(list(view.evaluations)),
        "delivery": to_jsonable(view.extras.get("delivery")),
        "deadline": to_jsonable(view.deadline) if view.deadline else None,
        "version": view.version,
        "sync_state": view.sync_state,
        "last_event": to_jsonable(last) if last else None,
    }


def _emit(args: argparse.Namespace, view: CaseView, act: str, text: str) -> int:
    if args.json:
        print(json.dumps(to_jsonable(act_result(view, act)), ensure_ascii=False))
    else:
        print(f"{view.case_number}  {STATUS_LABELS[view.status]}  {text}")
    return 0


def _pairs(values: Sequence[str] | None, option: str) -> dict[str, str]:
    """``ID=VALUE`` options as a mapping; a malformed one is a usage error."""
    out: dict[str, str] = {}
    for item in values or ():
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise WindowDeskError(
                f"{option} takes MATERIAL_ID=VALUE", code="cli.usage", details={"given": item}
            )
        out[key.strip()] = value
    return out


def material_updates(args: argparse.Namespace) -> dict[str, Any]:
    """The ``--set/--copies/--promised/--note/--licence`` options as a request's
    ``materials`` object (parsed and checked by ``intake.requests.parse_materials``)."""
    states = _pairs(args.set, "--set")
    extra: dict[str, tuple[str, Callable[[str], Any]]] = {
        "copies": ("copies", _count),
        "promised": ("promised_date", str),
        "note": ("note", str),
        "licence": ("licence_number", str),
    }
    out: dict[str, dict[str, Any]] = {mid: {"state": state} for mid, state in states.items()}
    for option, (key, convert) in extra.items():
        for mid, value in _pairs(getattr(args, option), f"--{option}").items():
            if mid not in out:
                raise WindowDeskError(
                    f"--{option} {mid}=… needs --set {mid}=STATE",
                    code="cli.usage",
                    details={"material": mid},
                )
            out[mid][key] = convert(value)
    return out


def _count(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        return text  # refused by parse_materials as request.type, with its place


# -- the commands -------------------------------------------------------------------------------


def cmd_transition(args: argparse.Namespace, station: Station) -> int:
    op = acting_operator(station, args.operator)
    target = next(s for s in WINDOW_DECISIONS if s.value == args.target)
    view = station.pending_decisions.decide(
        args.ref,
        target,
        operator=op.id,
        note=args.note,
        reason=args.reason,
        legal_basis=args.basis,
        in_person=args.in_person,
    )
    return _emit(args, view, "transition", f"已{STATUS_LABELS[target]}（{op.name}）")


def cmd_special(args: argparse.Namespace, station: Station) -> int:
    """特别程序 is the department's (受审分离): the core refuses the window, and so does this
    command (``case.special_procedure_station``); it exists so that a script finds the rule
    where it looks for the act. The platform's start and end arrive through sync."""
    op = acting_operator(station, args.operator)
    view = station.cases.set_special_procedure(
        args.ref,
        args.action == "start",
        actor=Actor.STATION,
        operator=op.id,
        note=args.reason,
        kind=SpecialKind(args.kind) if args.kind else None,
        legal_basis=args.basis,
    )
    return _emit(args, view, "special", "特别程序")  # not reached: the window may not


def cmd_materials(args: argparse.Namespace, station: Station) -> int:
    op = acting_operator(station, args.operator)
    updates = parse_materials(material_updates(args))
    if not updates:
        raise WindowDeskError("say which materials: --set ID=STATE", code="cli.usage")
    if args.mode == "supplement":
        view = station.followups.receive_supplement(args.ref, updates, operator=op.id)
        text = "补正材料已收" + ("，已受理" if view.status.value == "accepted" else "")
    elif args.mode == "deferred":
        view = station.cases.get(args.ref)
        promised = {m.material_id for m in view.materials if m.state is MaterialState.DEFERRED}
        for mid in updates:  # all checked before the first is recorded (one act each)
            if mid not in promised:
                raise WindowDeskError(
                    "this material is not promised (容缺) on this case",
                    code="deferred.not_promised",
                    details={"material": mid},
                )
        for mid, given in updates.items():
            view = station.followups.receive_deferred(
                args.ref, mid, state=given.state, copies=given.copies or 1, operator=op.id
            )
        text = "容缺材料已收"
    else:
        view = station.cases.update_materials(args.ref, updates, operator=op.id, accept=args.accept)
        text = "材料已更新" + ("，已受理" if args.accept else "")
    return _emit(args, view, "materials", text)


def cmd_evaluate(args: argparse.Namespace, station: Station) -> int:
    op = acting_operator(station, args.operator)
    if args.skip is not None:
        if args.level is not None:
            raise WindowDeskError("--skip or --level, not both", code="cli.usage")
        view = station.cases.skip_evaluation(args.ref, args.skip, operator=op.id)
        return _emit(args, view, "evaluation_skipped", f"未评价：{args.skip.strip()}")
    if args.level is None:
        raise WindowDeskError("give --level 1-5, or --skip REASON", code="cli.usage")
    view = station.cases.evaluate(
        args.ref,
        args.level,
        args.comment,
        channel=args.channel,
        operator=op.id,
        department=args.department,
        reasons=tuple(args.reason or ()),
    )
    return _emit(args, view, "evaluation", f"好差评已记录（{args.level}）")


def cmd_deliver(args: argparse.Namespace, station: Station) -> int:
    op = acting_operator(station, args.operator)
    method = DeliveryMethod(args.method)
    collector = Collector(args.collector) if args.collector else None
    if collector is None:
        collector = Collector.POST if method is DeliveryMethod.MAIL else Collector.APPLICANT
    delivery = Delivery(
        method,
        collector,
        collector_name=args.name,
        collector_id_number=args.id_number,
        tracking_number=args.tracking,
        note=args.note,
    )
    view = station.followups.deliver(args.ref, delivery, operator=op.id)
    return _emit(args, view, "delivery", "已送达")


def cmd_withdraw(args: argparse.Namespace, station: Station) -> int:
    op = acting_operator(station, args.operator)
    view = station.followups.withdraw(
        args.ref, args.reason, operator=op.id, in_person=not args.not_in_person
    )
    return _emit(args, view, "withdrawal", "已撤件")


def cmd_verify(args: argparse.Namespace, station: Station) -> int:
    op = acting_operator(station, args.operator)
    view = station.followups.record_verification(
        args.ref,
        args.material,
        verified=args.result == "true",
        outcome=args.outcome,
        operator=op.id,
    )
    text = "核查属实" if args.result == "true" else f"核查不实：{args.outcome.strip()}"
    return _emit(args, view, "verification", text)


def cmd_next(args: argparse.Namespace, station: Station) -> int:
    """What the window may do with the case now (the desktop's buttons)."""
    targets = station.cases.next_statuses(args.ref)
    view = station.cases.get(args.ref)
    if args.json:
        print(
            json.dumps(
                {
                    "case_number": view.case_number,
                    "status": view.status.value,
                    "next": [t.value for t in targets],
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"{view.case_number}  {STATUS_LABELS[view.status]}  可办理：", end="")
        print("、".join(STATUS_LABELS[t] for t in targets) or "—")
    return 0


CASE_ACTS: Mapping[str, Callable[[argparse.Namespace, Station], int]] = {
    "transition": cmd_transition,
    "special": cmd_special,
    "materials": cmd_materials,
    "evaluate": cmd_evaluate,
    "deliver": cmd_deliver,
    "withdraw": cmd_withdraw,
    "verify": cmd_verify,
    "next": cmd_next,
}


def _common(c: argparse.ArgumentParser, *, operator: bool = True) -> None:
    c.add_argument("ref", help="case number (办件编号) or id")
    if operator:
        c.add_argument(
            "--operator",
            required=True,
            help="who acts: an active operator of this station (named in history and audit)",
        )
    c.add_argument("--json", action="store_true", help="print the case after the act as JSON")


def add_case_acts(csub: Any) -> None:
    """The acts' subcommands under ``cases``."""
    c = csub.add_parser(
        "transition", help="受理 / 补正 / 不予受理 (or 办结 of an authorised 即办件)"
    )
    _common(c)
    c.add_argument("target", choices=[s.value for s in WINDOW_DECISIONS])
    c.add_argument("--note", default="", help="what the history shows (补正: what to bring)")
    c.add_argument("--reason", default="", help="不予受理: why (required)")
    c.add_argument("--basis", default="", help="不予受理: the legal basis (required)")
    c.add_argument("--in-person", action="store_true", help="the applicant came (跑动次数)")

    c = csub.add_parser("special", help="特别程序: the department's, refused at the window")
    _common(c)
    c.add_argument("action", choices=["start", "end"])
    c.add_argument("--kind", choices=[k.value for k in SpecialKind])
    c.add_argument("--reason", default="")
    c.add_argument("--basis", default="")

    c = csub.add_parser("materials", help="materials handed in: 补正, 容缺 kept, or any update")
    _common(c)
    c.add_argument(
        "--set",
        action="append",
        metavar="ID=STATE",
        help=f"a material's new state ({', '.join(s.value for s in MaterialState)})",
    )
    c.add_argument("--copies", action="append", metavar="ID=N")
    c.add_argument("--promised", action="append", metavar="ID=YYYY-MM-DD", help="容缺 date")
    c.add_argument("--note", action="append", metavar="ID=TEXT", help="what is wrong / needed")
    c.add_argument("--licence", action="append", metavar="ID=NUMBER", help="电子证照 number")
    c.add_argument(
        "--as",
        dest="mode",
        choices=["update", "supplement", "deferred"],
        default="update",
        help="supplement: 补正 materials handed in (受理 when complete); deferred: 容缺 "
        "materials brought; update: any change (before a decision)",
    )
    c.add_argument("--accept", action="store_true", help="update: and 受理 at once")

    c = csub.add_parser("evaluate", help="好差评, or why no rating was taken (--skip)")
    _common(c)
    c.add_argument("--level", type=int, help="5 非常满意 … 1 非常不满意")
    c.add_argument("--channel", default="window_device", help="评价渠道 (window_device, window)")
    c.add_argument("--reason", action="append", metavar="CODE", help="差评 reason code (repeat)")
    c.add_argument("--comment", default="", help="the citizen's comment (required for 差评)")
    c.add_argument("--department", default=None, help="the rated department (a bundle)")
    c.add_argument("--skip", default=None, metavar="REASON", help="no rating: the reason")

    c = csub.add_parser("deliver", help="送达 / 出件 of a 办结 case")
    _common(c)
    c.add_argument("--method", choices=[m.value for m in DeliveryMethod], default="window")
    c.add_argument("--collector", choices=[x.value for x in Collector], default=None)
    c.add_argument("--name", default="", help="代领人's name")
    c.add_argument("--id-number", default="", help="代领人's ID number (stored masked)")
    c.add_argument("--tracking", default="", help="邮寄: the tracking number")
    c.add_argument("--note", default="")

    c = csub.add_parser("withdraw", help="撤件 on the applicant's request")
    _common(c)
    c.add_argument("--reason", required=True)
    c.add_argument("--not-in-person", action="store_true", help="asked by phone or letter")

    c = csub.add_parser("verify", help="告知承诺 核查: 属实 (true) or 不实 (false, with --outcome)")
    _common(c)
    c.add_argument("material", help="the material's id")
    c.add_argument("result", choices=["true", "false"])
    c.add_argument("--outcome", default="", help="what follows a false promise (required)")

    c = csub.add_parser("next", help="what the window may do with the case now")
    _common(c, operator=False)


__all__ = [
    "CASE_ACTS",
    "act_result",
    "acting_operator",
    "add_case_acts",
    "material_updates",
]
