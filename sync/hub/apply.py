"""Applying one push batch inside the caller's transaction.

Reads what the batch touches in three queries (ops, cases, case numbers), decides every item
against an in-memory view that later items of the same batch see, and writes with
``executemany``: a 200-item batch costs a handful of statements, not a thousand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection

from intake.canonical import canonical_json, sha256_hex
from intake.errors import IllegalTransition
from intake.status import Actor, Status, check_transition
from sync import protocol
from sync.hub import db

#: Content fields a station may still change once the hub has the case: the materials
#: handed in later (补正, 容缺 kept) and what its own 受理/补正/不予受理 decision fills in.
STATION_MUTABLE_FIELDS = frozenset({"materials", "accepted_at", "decision_reason", "legal_basis"})
#: Highest payload schema version this hub understands (intake.canonical.PAYLOAD_SCHEMA_VERSION).
SUPPORTED_PAYLOAD_SCHEMA = 1
_STATUSES = frozenset(s.value for s in Status)
#: What a pushed complaint must carry (non-empty strings) besides its id and number.
_COMPLAINT_REQUIRED = ("what", "where_failed", "phone", "state", "recorded_at")
#: Versions and history sequences are stored in 32-bit columns.
_MAX_COUNTER = 2**31 - 1
_CASE_FIELDS = (
    "case_id",
    "case_number",
    "station_id",
    "status",
    "version",
    "content_sha256",
    "content",
    "station_version",
    "station_hist_seq",
)

_UPDATE_CASE = (
    update(db.cases)
    .where(db.cases.c.case_id == bindparam("b_case_id"))
    .values(
        status=bindparam("b_status"),
        version=bindparam("b_version"),
        content=bindparam("b_content"),
        content_sha256=bindparam("b_content_sha256"),
        station_version=bindparam("b_station_version"),
        station_hist_seq=bindparam("b_station_hist_seq"),
        updated_at=bindparam("b_updated_at"),
    )
)


class BatchApplier:
    """One batch of one station. ``apply`` returns the per-item results in order."""

    def __init__(self, conn: Connection, station_id: int, station_code: str, now: datetime) -> None:
        self.conn = conn
        self.station_id = station_id
        self.station_code = station_code
        self.now = now
        self.cases: dict[str, dict[str, Any]] = {}
        self.numbers: set[str] = set()
        self.new_cases: set[str] = set()
        self.dirty: set[str] = set()
        self.op_rows: list[dict[str, Any]] = []
        self.event_rows: list[dict[str, Any]] = []
        #: case id -> department -> the first rating the hub recorded (loaded when needed)
        self.ratings: dict[str, dict[str, dict[str, Any]]] = {}

    def apply(
        self,
        items: Sequence[Mapping[str, Any]],
        first_seq: int,
        encoded: Sequence[bytes] | None = None,
    ) -> list[dict[str, Any]]:
        """``encoded``: each item's payload in canonical bytes, if the caller has them."""
        prior = self._prefetch(items)
        results = []
        for offset, item in enumerate(items):
            seq = first_seq + offset
            known = prior.get(item["op_id"])
            if known is not None:
                results.append(self._replay(item, known))
                continue
            payload_json = encoded[offset] if encoded is not None else None
            result = self._evaluate(item, seq, payload_json)
            self.op_rows.append(
                {
                    "op_id": item["op_id"],
                    "station_id": self.station_id,
                    "case_id": item["entity_id"],
                    "op": item["op"],
                    "sha256": item["sha256"],
                    "outcome": result["outcome"],
                    "result": json.dumps(result, ensure_ascii=False),
                    "seq": seq,
                    "received_at": self.now,
                }
            )
            prior[item["op_id"]] = {
                "station_id": self.station_id,
                "sha256": item["sha256"],
                "result": self.op_rows[-1]["result"],
            }
            results.append(result)
        self._flush()
        return results

    # ----------------------------------------------------------------- reads and writes
    def _prefetch(self, items: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
        op_ids = [i["op_id"] for i in items]
        case_ids = list({i["entity_id"] for i in items})
        numbers = list({i["case_number"] for i in items})
        prior: dict[str, dict[str, Any]] = {}
        if op_ids:
            for row in self.conn.execute(
                select(db.ops.c.op_id, db.ops.c.station_id, db.ops.c.sha256, db.ops.c.result).where(
                    db.ops.c.op_id.in_(op_ids)
                )
            ):
                prior[row.op_id] = {
                    "station_id": row.station_id,
                    "sha256": row.sha256,
                    "result": row.result,
                }
        if case_ids:
            columns = [getattr(db.cases.c, name) for name in _CASE_FIELDS]
            for row in self.conn.execute(select(*columns).where(db.cases.c.case_id.in_(case_ids))):
                self.cases[row.case_id] = dict(row._mapping)
        if numbers:
            self.numbers = set(
                self.conn.execute(
                    select(db.cases.c.case_number).where(db.cases.c.case_number.in_(numbers))
                ).scalars()
            )
        return prior

    def _flush(self) -> None:
        if self.new_cases:
            self.conn.execute(
                db.cases.insert(),
                [
                    {**self.cases[c], "created_at": self.now, "updated_at": self.now}
                    for c in self.new_cases
                ],
            )
        changed = self.dirty - self.new_cases
        if changed:
            self.conn.execute(
                _UPDATE_CASE,
                [
                    {
                        "b_case_id": c,
                        "b_status": self.cases[c]["status"],
                        "b_version": self.cases[c]["version"],
                        "b_content": self.cases[c]["content"],
                        "b_content_sha256": self.cases[c]["content_sha256"],
                        "b_station_version": self.cases[c]["station_version"],
                        "b_station_hist_seq": self.cases[c]["station_hist_seq"],
                        "b_updated_at": self.now,
                    }
                    for c in changed
                ],
            )
        if self.event_rows:
            self.conn.execute(db.case_events.insert(), self.event_rows)
        if self.op_rows:
            self.conn.execute(db.ops.insert(), self.op_rows)

    # ----------------------------------------------------------------- decisions per item
    def _replay(self, item: Mapping[str, Any], known: Mapping[str, Any]) -> dict[str, Any]:
        if known["station_id"] != self.station_id or known["sha256"] != item["sha256"]:
            return rejected(item["op_id"], "op.id_reused", "this op id was used for other content")
        original: dict[str, Any] = json.loads(known["result"])
        if original["outcome"] == protocol.ItemOutcome.APPLIED:
            original["outcome"] = protocol.ItemOutcome.DUPLICATE.value
        return original

    def _evaluate(
        self, item: Mapping[str, Any], seq: int, payload_json: bytes | None = None
    ) -> dict[str, Any]:
        op_id, op, payload = item["op_id"], item["op"], item["payload"]
        if item["entity"] == "complaint" and op in protocol.COMPLAINT_OPS:
            return self._complaint(item, seq, payload_json)
        known_op = (item["entity"] == "case" and op in protocol.STATION_OPS) or (
            item["entity"] == "appointment" and op in protocol.APPOINTMENT_OPS
        )
        if not known_op:
            return rejected(op_id, "op.unknown", f"unknown operation {item['entity']}/{op}")
        if item["schema_version"] > SUPPORTED_PAYLOAD_SCHEMA:
            return rejected(op_id, "op.schema_unsupported", "payload schema newer than the hub")
        if payload_json is None:
            payload_json = canonical_json(payload)
        if sha256_hex(payload_json) != item["sha256"]:
            return rejected(op_id, "op.digest_mismatch", "payload does not match its sha256")
        if item["entity"] == "appointment":
            return self._check_in(item, seq)
        case = self.cases.get(item["entity_id"])
        if case is not None and case["station_id"] != self.station_id:
            # Never a conflict here: that would show another station's case state.
            return rejected(op_id, "case.not_yours", "the case belongs to another station")
        if op != "case.create" and case is None:
            return rejected(op_id, "case.unknown", "no such case at the hub")
        parsed = op_payload(item)
        if isinstance(parsed, dict):
            return parsed
        if case is not None and op == "case.create":
            return conflict(op_id, case, "the case already exists at the hub")
        refused, fresh_ratings = self._check_ratings(item, case)
        if refused is not None:
            return refused
        if case is None:
            result = self._create(item, parsed, seq)
        else:
            result = self._append(item, parsed, case, seq)
        if result["outcome"] == protocol.ItemOutcome.APPLIED:
            self.ratings.setdefault(item["entity_id"], {}).update(fresh_ratings)
            self._event(item, payload_json, seq)
        return result

    def _check_in(self, item: Mapping[str, Any], seq: int) -> dict[str, Any]:
        """``appointment.checkin``: the station reports a 预约 checked in at its hall. Only
        the station the appointment was booked for may (another's is ``unknown``, so a
        station cannot learn which ids exist); a second check-in is refused."""
        op_id, payload = item["op_id"], item["payload"]
        stamp, ticket = payload.get("checked_in_at"), payload.get("ticket_number")
        if not (
            payload.get("appointment_id") == item["entity_id"]
            and isinstance(stamp, str)
            and 0 < len(stamp) <= 40
            and isinstance(ticket, str)
            and 0 < len(ticket) <= 8
        ):
            return rejected(op_id, "op.payload_invalid", "appointment_id/checked_in_at/ticket")
        row = self.conn.execute(
            select(db.appointments.c.station_id, db.appointments.c.status).where(
                db.appointments.c.appointment_id == item["entity_id"]
            )
        ).first()
        if row is None or row.station_id != self.station_id:
            return rejected(op_id, "appointment.unknown", "no such appointment for this station")
        if row.status == "checked_in":
            return rejected(
                op_id, "appointment.already_checked_in", "the appointment was checked in"
            )
        self.conn.execute(
            update(db.appointments)
            .where(db.appointments.c.appointment_id == item["entity_id"])
            .values(status="checked_in", checked_in_at=stamp, ticket_number=ticket)
        )
        return applied(op_id, 1, seq)

    def _known_ratings(self, case_id: str) -> dict[str, dict[str, Any]]:
        """The first rating per department the hub recorded for this case (from its event
        log: the first op whose payload carried it), cached for the rest of the batch."""
        known = self.ratings.get(case_id)
        if known is None:
            known = {}
            rows = self.conn.execute(
                select(db.case_events.c.body)
                .where(db.case_events.c.case_id == case_id, db.case_events.c.source == "station")
                .order_by(db.case_events.c.seq)
            ).scalars()
            for body in rows:
                for rating in _ratings_of(json.loads(body)):
                    known.setdefault(str(rating.get("department", "")), rating)
            self.ratings[case_id] = known
        return known

    def _check_ratings(
        self, item: Mapping[str, Any], case: Mapping[str, Any] | None
    ) -> tuple[dict[str, Any] | None, dict[str, dict[str, Any]]]:
        """好差评: one rating per case and department, also at the hub. A payload naming a
        department twice, or carrying another rating for a department the hub already holds
        one for, is a conflict ``evaluation.duplicate`` whose ``current`` carries the first
        rating (the station keeps that one). Returns (that refusal or None, the ratings new to
        the hub)."""
        given = _ratings_of(item["payload"])
        if not given:
            return None, {}
        known = self._known_ratings(item["entity_id"]) if case is not None else {}
        fresh: dict[str, dict[str, Any]] = {}
        for rating in given:
            department = str(rating.get("department", ""))
            first = known.get(department) or fresh.get(department)
            if first is None:
                fresh[department] = rating
            elif first != rating or department in fresh:
                message = f"the case was already rated for department {department!r}"
                if case is None:
                    return rejected(item["op_id"], "evaluation.duplicate", message), {}
                refusal = conflict(item["op_id"], case, message)
                return {**refusal, "code": "evaluation.duplicate", "evaluation": first}, {}
        return None, fresh

    def _complaint(
        self, item: Mapping[str, Any], seq: int, payload_json: bytes | None
    ) -> dict[str, Any]:
        """A 办不成事 complaint, its whole record each time (written at once: a station
        sends a handful a day). The platform's follow-up columns are never touched here."""
        op_id, op = item["op_id"], item["op"]
        if item["schema_version"] > SUPPORTED_PAYLOAD_SCHEMA:
            return rejected(op_id, "op.schema_unsupported", "payload schema newer than the hub")
        if payload_json is None:
            payload_json = canonical_json(item["payload"])
        if sha256_hex(payload_json) != item["sha256"]:
            return rejected(op_id, "op.digest_mismatch", "payload does not match its sha256")
        record = item["payload"].get("complaint")
        if not (
            isinstance(record, dict)
            and record.get("id") == item["entity_id"]
            and record.get("number") == item["case_number"]
            and all(isinstance(record.get(k), str) and record[k] for k in _COMPLAINT_REQUIRED)
        ):
            return rejected(op_id, "op.payload_invalid", "complaint: id/number/what/phone/state")
        number = record["number"]
        if re.fullmatch(re.escape(self.station_code) + r"-BC-[0-9]{8}-[0-9]{3,}", number) is None:
            return rejected(
                op_id, "complaint.number_not_yours", "<its station code>-BC-YYYYMMDD-NNN"
            )
        table = db.complaints
        row = self.conn.execute(
            select(table.c.station_id, table.c.version, table.c.content).where(
                table.c.complaint_id == item["entity_id"]
            )
        ).first()
        content = canonical_json(record).decode("utf-8")
        if row is not None and row.station_id != self.station_id:
            return rejected(op_id, "complaint.not_yours", "the complaint is another station's")
        if row is None:
            if op != "complaint.record":
                return rejected(op_id, "complaint.unknown", "no such complaint at the hub")
            taken = self.conn.execute(
                select(table.c.complaint_id).where(table.c.number == number)
            ).first()
            if taken is not None:
                return rejected(op_id, "complaint.number_taken", "another complaint has it")
            self.conn.execute(
                table.insert().values(
                    complaint_id=item["entity_id"],
                    number=number,
                    station_id=self.station_id,
                    content=content,
                    version=1,
                    followup_state="",
                    followup_note="",
                    followup_by="",
                    created_at=self.now,
                    updated_at=self.now,
                )
            )
            return applied(op_id, 1, seq)
        if op == "complaint.record":
            return {
                "op_id": op_id,
                "outcome": "conflict",
                "message": "the complaint exists at the hub",
                "current": {
                    "status": str(json.loads(row.content).get("state", "")),
                    "version": row.version,
                    "content_sha256": sha256_hex(row.content.encode("utf-8")),
                },
            }
        self.conn.execute(
            update(table)
            .where(table.c.complaint_id == item["entity_id"])
            .values(content=content, version=row.version + 1, updated_at=self.now)
        )
        return applied(op_id, row.version + 1, seq)

    def _create(self, item: Mapping[str, Any], parsed: OpPayload, seq: int) -> dict[str, Any]:
        op_id = item["op_id"]
        content, content_json, status, version, history = parsed
        if content.get("id") != item["entity_id"] or content.get("case_number") != item.get(
            "case_number"
        ):
            return rejected(op_id, "case.id_mismatch", "payload id/number differ from the item")
        if content.get("station_code") != self.station_code:
            return rejected(op_id, "case.wrong_station", "a station creates only its own cases")
        if not number_belongs_to(content["case_number"], self.station_code):
            # Checked before "taken": a station can neither take another's numbers nor learn
            # which of them exist.
            return rejected(
                op_id,
                "case.number_not_yours",
                "a station numbers only its own cases: <its station code>-YYYYMMDD-NNNNN",
            )
        if content["case_number"] in self.numbers:
            return rejected(op_id, "case.number_taken", "another case has this case number")
        self.cases[item["entity_id"]] = {
            "case_id": item["entity_id"],
            "case_number": content["case_number"],
            "station_id": self.station_id,
            "status": status,
            "version": 1,
            "content_sha256": sha256_hex(content_json),
            "content": content_json.decode("utf-8"),
            "station_version": version,
            "station_hist_seq": max((h["seq"] for h in history), default=0),
        }
        self.numbers.add(content["case_number"])
        self.new_cases.add(item["entity_id"])
        return applied(op_id, 1, seq)

    def _append(
        self, item: Mapping[str, Any], parsed: OpPayload, case: dict[str, Any], seq: int
    ) -> dict[str, Any]:
        """A station change to a case the hub has: the station's own transitions (checked
        against the state machine from the platform's current status, never last-writer-wins)
        and appended records. Nothing the platform decided is ever overwritten."""
        op_id = item["op_id"]
        content, content_json, _status, version, history = parsed
        if version <= case["station_version"]:
            # Older than what the hub holds: the station sends in order, so this is a bug or
            # a replay under a new op id; never let it roll the content back.
            return conflict(op_id, case, "the hub holds a newer version of this case")
        old = json.loads(case["content"])
        changed = sorted(k for k in set(old) | set(content) if old.get(k) != content.get(k))
        frozen = [k for k in changed if k not in STATION_MUTABLE_FIELDS]
        if frozen:
            return conflict(op_id, case, f"intake fields are frozen at the hub: {frozen}")
        status = Status(case["status"])
        fresh = [
            h for h in history if h["seq"] > case["station_hist_seq"] and h["actor"] == "station"
        ]
        for entry in fresh:
            if entry["event"] not in _STATUSES or entry["event"] == status.value:
                continue  # an appended record (materials, evaluation, 特别程序) or no move
            target = Status(entry["event"])
            try:
                check_transition(
                    status, target, Actor.STATION, window_completes=_window_completes(old)
                )
            except IllegalTransition as exc:
                return conflict(op_id, case, exc.message)
            status = target
        case.update(
            status=status.value,
            version=case["version"] + 1,
            content=content_json.decode("utf-8"),
            content_sha256=sha256_hex(content_json),
            station_version=version,
            station_hist_seq=max([case["station_hist_seq"], *(h["seq"] for h in history)]),
        )
        self.dirty.add(case["case_id"])
        return applied(op_id, case["version"], seq)

    def _event(self, item: Mapping[str, Any], payload_json: bytes, seq: int) -> None:
        self.event_rows.append(
            {
                "case_id": item["entity_id"],
                "seq": seq,
                "source": "station",
                "kind": item["op"],
                "op_id": item["op_id"],
                "body": payload_json.decode("utf-8"),
                "at": self.now,
            }
        )


#: An op's payload, checked: content, its canonical bytes, status, station version, history.
OpPayload = tuple[dict[str, Any], bytes, str, int, list[dict[str, Any]]]


def op_payload(item: Mapping[str, Any]) -> OpPayload | dict[str, Any]:
    """The checked parts of an op's payload (the content encoded once), or its rejection."""
    payload = item["payload"]
    content, status = payload.get("content"), payload.get("status")
    version, history = payload.get("version"), payload.get("history")
    if not (
        isinstance(content, dict)
        and isinstance(status, str)
        and status in _STATUSES
        and type(version) is int
        and 0 <= version <= _MAX_COUNTER
        and isinstance(history, list)
        and all(
            isinstance(h, dict)
            and type(h.get("seq")) is int
            and 0 <= h["seq"] <= _MAX_COUNTER
            and isinstance(h.get("event"), str)
            and isinstance(h.get("actor"), str)
            for h in history
        )
    ):
        return rejected(item["op_id"], "op.payload_invalid", "content/status/version/history")
    content_json = canonical_json(content)
    digest = payload.get("content_sha256")
    if digest is not None and sha256_hex(content_json) != digest:
        return rejected(item["op_id"], "op.content_digest_mismatch", "content vs content_sha256")
    return content, content_json, status, version, history


def _ratings_of(payload: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The ratings an op's payload carries (``evaluations``; ``evaluation`` from an older
    station), keeping only well-formed entries."""
    ratings = payload.get("evaluations")
    if not isinstance(ratings, list):
        single = payload.get("evaluation")
        ratings = [single] if isinstance(single, dict) else []
    return [r for r in ratings if isinstance(r, dict) and "level" in r]


def number_belongs_to(case_number: Any, station_code: str) -> bool:
    """Whether ``case_number`` is one ``station_code`` can have made: intake numbers cases
    ``<station code>-<YYYYMMDD>-<daily sequence, 5+ digits>`` (intake.numbering). The station
    code is the authenticated one, never what the item claims; the whole number must match,
    so station ``AB`` cannot make ``AB-C-20260105-00001`` (station ``AB-C``'s)."""
    if not isinstance(case_number, str):
        return False
    return re.fullmatch(re.escape(station_code) + r"-[0-9]{8}-[0-9]{5,}", case_number) is not None


def applied(op_id: str, version: int, seq: int) -> dict[str, Any]:
    return {"op_id": op_id, "outcome": "applied", "server_version": version, "seq": seq}


def rejected(op_id: str, code: str, message: str) -> dict[str, Any]:
    return {"op_id": op_id, "outcome": "rejected", "code": code, "message": message}


def conflict(op_id: str, case: Mapping[str, Any], message: str) -> dict[str, Any]:
    return {
        "op_id": op_id,
        "outcome": "conflict",
        "message": message,
        "current": {
            "status": case["status"],
            "version": case["version"],
            "content_sha256": case["content_sha256"],
        },
    }


def _window_completes(content: Mapping[str, Any]) -> bool | None:
    """Whether every matter of the case, as the hub first received it (intake fields are
    frozen at the hub), is a 即办件 the window may complete (受审分离); None when the
    content does not say (a case recorded before the flag existed)."""
    matters = content.get("matters")
    if not isinstance(matters, list) or not matters:
        return None
    flags = []
    for matter in matters:
        if not isinstance(matter, Mapping) or "window_completes" not in matter:
            return None
        flags.append(matter.get("immediate") is True and matter.get("window_completes") is True)
    return all(flags)
