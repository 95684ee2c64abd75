"""``python -m intake``: the headless interface (automation, tests, the demo).

Every command prints JSON when asked (``--json``, or always for machine-oriented commands);
every failure (a bad request, a busy, full, read-only or damaged store, unreadable input,
a usage error) prints ``{"error": CODE, "message": ..., "details": ...}`` on stdout and
exits 2, never a traceback (``intake.cliutil``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from intake.canonical import to_jsonable
from intake.catalog.loader import catalog_summary
from intake.catalog.merge import merge_bundle, merge_requirements
from intake.cli_acts import CASE_ACTS, add_case_acts
from intake.cli_station import STATION_ACTS, add_station_acts
from intake.cliutil import JsonArgumentParser, run_guarded
from intake.clock import local_date, now
from intake.errors import WindowDeskError
from intake.identity import check_id_number
from intake.masking import mask_id_number, mask_name
from intake.requests import parse_request
from intake.services.audit import describe
from intake.station import Station
from intake.status import STATUS_LABELS, Status
from intake.views import CaseSummary


def _print(obj: Any) -> None:
    print(json.dumps(to_jsonable(obj), ensure_ascii=False, indent=None))


def _open(args: argparse.Namespace) -> Station:
    return Station.open(args.data_dir, busy_timeout_s=args.busy_timeout)


def cmd_idcheck(args: argparse.Namespace) -> int:
    results = [check_id_number(n) for n in args.numbers]
    for result in results:
        _print(result)
    return 0 if all(r["valid"] for r in results) else 1


def cmd_catalog(args: argparse.Namespace) -> int:
    with _open(args) as station:
        if args.catalog_cmd == "load":
            raw = Path(args.file).read_bytes()
            catalog = station.catalogs.load(raw, force=args.force, operator_id="cli")
            _print(catalog_summary(catalog))
            return 0
        catalog = station.catalog
        if args.catalog_cmd == "list":
            matters = [
                {
                    "code": m.code,
                    "basic_code": m.basic_code,
                    "name": m.name,
                    "department": m.department.name,
                    "type": m.type,
                    "immediate": m.immediate,
                    "legal_limit_days": m.legal_limit_days,
                    "promised_limit_days": m.promised_limit_days,
                    "levels": list(m.levels),
                }
                for m in catalog.matters.values()
            ]
            bundles = [
                {"code": b.code, "name": b.name, "matters": list(b.matters)}
                for b in catalog.bundles.values()
            ]
            if args.json:
                _print({"version": catalog.version, "matters": matters, "bundles": bundles})
            else:
                print(
                    f"目录版本 {catalog.version}：事项 {len(matters)} 项，一件事 {len(bundles)} 项"
                )
                for m in matters:
                    kind = "即办件" if m["immediate"] else f"承诺{m['promised_limit_days']}个工作日"
                    print(f"  {m['code']}  {m['name']}（{m['department']}，{kind}）")
                for b in bundles:
                    print(f"  [一件事] {b['code']}  {b['name']}（{len(b['matters'])} 个事项）")
            return 0
        code = args.code
        if code in catalog.bundles:
            merged = merge_bundle(catalog, code)
            _print({"bundle": catalog.bundles[code], "requirements": merged})
        elif code in catalog.matters:
            _print(
                {
                    "matter": catalog.matters[code],
                    "requirements": merge_requirements(catalog, [code]),
                }
            )
        else:
            matches = [
                m for m in catalog.matters.values() if m.basic_code == code or m.name == code
            ]
            if not matches:
                raise WindowDeskError(
                    "no matter or bundle with this code",
                    code="catalog.unknown_code",
                    details={"code": code},
                )
            _print(
                {
                    "matter": matches[0],
                    "requirements": merge_requirements(catalog, [matches[0].code]),
                }
            )
        return 0


def cmd_accept(args: argparse.Namespace) -> int:
    raw = sys.stdin.buffer.read() if args.request == "-" else Path(args.request).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WindowDeskError(
            "the request is not valid UTF-8",
            code="request.encoding",
            details={"byte_offset": exc.start},
        ) from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise WindowDeskError(
            f"the request is not valid JSON: {exc.msg}",
            code="request.json",
            details={"line": exc.lineno, "column": exc.colno},
        ) from None
    except RecursionError:
        raise WindowDeskError("the request is nested too deeply", code="request.too_deep") from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise WindowDeskError(
            "the request holds a number too long to read",
            code="request.json",
            details={"reason": type(exc).__name__},
        ) from None
    if args.operator:
        obj["operator"] = args.operator
    with _open(args) as station:
        request = parse_request(obj, today=local_date(now()))
        result = station.cases.accept(request)
        _print(
            {
                "case_id": result.case_id,
                "case_number": result.case_number,
                "status": result.status.value,
                "promised_date": result.promised_date.isoformat() if result.promised_date else None,
                "deadline_provisional": result.provisional,
            }
        )
    return 0


def cmd_cases(args: argparse.Namespace) -> int:
    with _open(args) as station:
        if args.cases_cmd in CASE_ACTS:  # the station's acts (intake.cli_acts)
            return CASE_ACTS[args.cases_cmd](args, station)
        if args.cases_cmd == "show":
            view = station.cases.view(args.ref, operator=args.operator, via="cli")
            _print(view)
            return 0
        if args.cases_cmd == "deferred":
            due = station.cases.deferred_due(within_days=args.within)
            _audit_export(station, args, [c for c, _ in due])
            if args.json:
                _print([{"case": _summary(c, args.full), "material": m} for c, m in due])
            else:
                for c, m in due:
                    promised = m.promised_date.isoformat() if m.promised_date else "—"
                    name = _summary(c, args.full)["applicant_name"]
                    print(f"{c.case_number}  {name:<6}  {m.name}  承诺 {promised} 前补交")
            return 0
        if args.cases_cmd == "undecided":
            waiting = station.cases.undecided()
            if args.json:  # no personal data: the clerk opens the case to see who
                _print(
                    [
                        {
                            "case_number": w.case.case_number,
                            "title": w.case.title,
                            "received_at": w.case.received_at,
                            "decide_by": w.decide_by,
                            "deemed_accepted": w.deemed_accepted,
                        }
                        for w in waiting
                    ]
                )
            else:
                for w in waiting:
                    mark = "已逾期，视为受理" if w.deemed_accepted else "待决定"
                    print(f"{w.case.case_number}  {w.decide_by.isoformat()} 前  {mark}")
            return 0
        if args.cases_cmd == "search":
            items = station.cases.search(args.text, limit=args.limit)
        elif args.cases_cmd == "overdue":
            items = station.cases.overdue()
        else:
            status = Status(args.status) if args.status else None
            items = station.cases.list(status, limit=args.limit)
        _audit_export(station, args, items)
        if args.json:
            _print([_summary(s, args.full) for s in items])
        else:
            for s in items:
                due_on = s.promised_due.isoformat() if s.promised_due else "—"
                name = _summary(s, args.full)["applicant_name"]
                print(
                    f"{s.case_number}  {STATUS_LABELS[s.status]:<4}  {name:<6}"
                    f"  承诺办结 {due_on}  {s.title}"
                )
        return 0


def _summary(item: CaseSummary, full: bool) -> dict[str, Any]:
    """A list row as JSON: the applicant's name and ID number masked (张*三,
    4301**********1234) unless ``--full`` asked for them (and the export was audited)."""
    out: dict[str, Any] = to_jsonable(item)
    if not full:
        out["applicant_name"] = mask_name(item.applicant_name)
        out["applicant_id_number"] = mask_id_number(item.applicant_id_number)
    return out


def _audit_export(station: Station, args: argparse.Namespace, items: Sequence[CaseSummary]) -> None:
    """``--full``: one ``export`` audit row per case shown, before anything is printed."""
    if args.full and items:
        station.audit.record_many(
            args.operator, "export", [i.id for i in items], f"cli cases {args.cases_cmd} --full"
        )


def cmd_demo(args: argparse.Namespace) -> int:
    from intake.demo import add_demo_cases, seed_station

    with _open(args) as station:
        seed_station(station)
        numbers = add_demo_cases(station, args.cases, seed=args.seed) if args.cases else []
        _print(
            {
                "station": station.settings.station_code,
                "catalog": station.catalog.version,
                "cases_added": len(numbers),
                "case_numbers": numbers[:20],
            }
        )
    return 0


def cmd_run_demo(args: argparse.Namespace) -> int:
    """What ``make run`` shows until the window exists: the demo station at a glance."""
    from intake.demo import DEMO_PASSWORD, add_demo_cases, seed_station

    with _open(args) as station:
        seed_station(station)
        if not station.cases.list(limit=1):
            add_demo_cases(station, 40)
        s = station.settings
        catalog = station.catalog
        print(f"WindowDesk 演示站点：{s.office_name}（站点编码 {s.station_code}）")
        print(f"数据目录：{station.data_dir}")
        print(
            f"事项目录 {catalog.version}：事项 {len(catalog.matters)} 项，"
            f"一件事 {len(catalog.bundles)} 项"
        )
        print(
            f"操作员：{'、'.join(f'{o.name}({o.id})' for o in station.operators.list())}"
            f"，演示密码 {DEMO_PASSWORD}"
        )
        print("\n最近办件：")
        for c in station.cases.list(limit=15):
            due = c.promised_due.isoformat() if c.promised_due else "—"
            print(
                f"  {c.case_number}  {STATUS_LABELS[c.status]:<4}  {c.applicant_name:<6}"
                f"  承诺办结 {due}  {c.title}"
            )
        stats = station.outbox.stats()
        print(
            f"\n待同步 {stats['pending']} 条，已确认 {stats['acknowledged']} 条，"
            f"隔离 {stats['quarantined']} 条"
        )
        print("\n更多：python -m intake --help（受理、查询、目录、演示数据）")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with _open(args) as station:
        verdict = station.audit.verify()
        _print({**to_jsonable(verdict), "summary": describe(verdict)})
        return 0 if verdict.ok else 1


def cmd_station(args: argparse.Namespace) -> int:
    """The station's acts beyond a case (intake.cli_station)."""
    with _open(args) as station:
        return STATION_ACTS[args.command](args, station)


def build_parser() -> argparse.ArgumentParser:
    parser = JsonArgumentParser(prog="python -m intake", description=__doc__, error_stream="stdout")
    parser.add_argument(
        "--data-dir", help="station data directory (default: $WINDOWDESK_HOME or the user data dir)"
    )
    parser.add_argument(
        "--busy-timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="how long a write waits for another process's write before store.busy (30)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("idcheck", help="validate ID numbers (one JSON line each)")
    p.add_argument("numbers", nargs="+")
    p.set_defaults(func=cmd_idcheck)

    p = sub.add_parser("catalog", help="the catalog of matters and bundles")
    csub = p.add_subparsers(dest="catalog_cmd", required=True)
    c = csub.add_parser("list")
    c.add_argument("--json", action="store_true")
    c = csub.add_parser("show")
    c.add_argument("code")
    c = csub.add_parser("load")
    c.add_argument("file")
    c.add_argument(
        "--force", action="store_true", help="accept a catalog older than the active one (audited)"
    )
    p.set_defaults(func=cmd_catalog)

    p = sub.add_parser("accept", help="record an intake from a JSON request")
    p.add_argument("--request", required=True, help="a file, or - for standard input")
    p.add_argument("--operator", help="operator id (overrides the request's)")
    p.set_defaults(func=cmd_accept)

    p = sub.add_parser("cases", help="list, search and show cases; the station's acts on them")
    csub = p.add_subparsers(dest="cases_cmd", required=True)
    listings = []
    c = csub.add_parser("list")
    c.add_argument("--status", choices=[s.value for s in Status])
    c.add_argument("--limit", type=int, default=50)
    listings.append(c)
    c = csub.add_parser("search")
    c.add_argument("text")
    c.add_argument("--limit", type=int, default=50)
    listings.append(c)
    c = csub.add_parser("deferred", help="容缺 promises due (overdue ones first)")
    c.add_argument("--within", type=int, default=0, help="also those due in N days")
    listings.append(c)
    listings.append(csub.add_parser("overdue"))
    for c in listings:
        c.add_argument("--json", action="store_true")
        c.add_argument(
            "--full",
            action="store_true",
            help="full names and ID numbers (masked otherwise); audited as an export per case",
        )
        c.add_argument("--operator", default="cli", help="who is exporting (audited with --full)")
    c = csub.add_parser(
        "undecided", help="接件 waiting for a decision, with the §32 day (5 working days)"
    )
    c.add_argument("--json", action="store_true")
    c = csub.add_parser("show")
    c.add_argument("ref", help="case number or id")
    c.add_argument("--json", action="store_true", help="(always JSON)")
    c.add_argument("--operator", default="cli", help="who is viewing (audited)")
    add_case_acts(csub)
    p.set_defaults(func=cmd_cases)

    p = sub.add_parser("demo", help="seed a demo station and add N realistic cases")
    p.add_argument("--cases", type=int, default=0)
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("run-demo", help="seed the demo station if needed and show it")
    p.set_defaults(func=cmd_run_demo)

    p = sub.add_parser("audit", help="verify the audit log's hash chain and its anchor")
    p.add_argument("audit_cmd", nargs="?", choices=["verify"], default="verify")
    p.set_defaults(func=cmd_audit)

    add_station_acts(sub, cmd_station)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run_guarded(lambda: int(args.func(args)), stream=sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
