"""What the hub does, independent of HTTP: enrolment, tokens, push, pull, decisions, export.

Every writing operation is one database transaction that first locks the sequence counter
(see ``sync.hub.db``), so a batch is applied all-or-nothing and sequences commit in order.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from intake.canonical import canonical_json, sha256_hex
from intake.errors import IllegalTransition
from intake.notice_rules import supplement_request_problem
from intake.status import Actor, Outcome, Status, check_outcome, check_transition
from sync import protocol
from sync.hub import db, tokens
from sync.hub.apply import BatchApplier
from sync.hub.errors import HubError
from sync.hub.special import SPECIAL_CHANGE, SPECIAL_DECISIONS, decide_special

Clock = Callable[[], datetime]

_FOLLOWUP_STATES = frozenset({"dispatched", "handled", "closed"})
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
_MAX_ID = 64
_MAX_OP = 32  # the ops table's column
#: Attachment bytes one station may keep at the hub unless the hub is told otherwise.
DEFAULT_ATTACHMENT_QUOTA = 10 * 1024**3


def utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    """SQLite hands datetimes back naive; they were written as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


@dataclass(frozen=True)
class StationAuth:
    id: int
    code: str
    name: str


class Hub:
    """The hub's operations over one database. Thread-safe: state lives in the database."""

    def __init__(
        self,
        engine: Engine,
        *,
        clock: Clock = utcnow,
        attachment_quota: int = DEFAULT_ATTACHMENT_QUOTA,
    ) -> None:
        """``attachment_quota``: bytes of attachments (declared sizes, complete or not) one
        station may keep at the hub."""
        self.engine = engine
        #: plain reads that must not queue behind writers (unauthenticated pre-checks)
        self.reader = db.make_read_engine(engine)
        self.clock = clock
        self.attachment_quota = attachment_quota
        db.ensure_schema(engine)
        with engine.connect() as conn:
            meta = dict(conn.execute(select(db.hub_meta.c.key, db.hub_meta.c.value)).all())
        self._token_key = meta["token_key"]
        self.epoch = meta["epoch"]

    # ----------------------------------------------------------------- transactions
    def _write(self, work: Callable[[Connection], Any]) -> Any:
        """Run ``work`` in one transaction holding the sequence lock; retry a lost race once.

        A unique-key race (the same batch or op arriving twice at once through a retrying
        proxy) cannot happen while the counter lock is held, but a retry costs nothing and
        keeps the answer correct should the lock strategy ever change.
        """
        for attempt in range(3):
            try:
                with self.engine.begin() as conn:
                    self._lock_counter(conn)
                    return work(conn)
            except IntegrityError:
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    @staticmethod
    def _lock_counter(conn: Connection) -> int:
        stmt = select(db.hub_counter.c.value).where(db.hub_counter.c.name == "seq")
        return int(conn.execute(stmt.with_for_update()).scalar_one())

    @staticmethod
    def _take_seqs(conn: Connection, n: int) -> int:
        """Reserve ``n`` sequence numbers; returns the first. Caller holds the counter lock."""
        current = Hub._lock_counter(conn)
        conn.execute(
            update(db.hub_counter).where(db.hub_counter.c.name == "seq").values(value=current + n)
        )
        return current + 1

    def head_seq(self) -> int:
        with self.engine.connect() as conn:
            stmt = select(db.hub_counter.c.value).where(db.hub_counter.c.name == "seq")
            return int(conn.execute(stmt).scalar_one())

    # ----------------------------------------------------------------- enrolment
    def create_enrolment_code(self, station_code: str, name: str, *, ttl_hours: int = 72) -> str:
        """A one-time code for ``station_code``; creating the station if it is new."""
        if not station_code or len(station_code) > _MAX_ID:
            raise HubError(400, "enroll.bad_station_code", "station code must be 1-64 characters")
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
        now = self.clock()

        def work(conn: Connection) -> None:
            row = conn.execute(
                select(db.stations.c.id).where(db.stations.c.code == station_code)
            ).first()
            if row is None:
                inserted = conn.execute(
                    db.stations.insert().values(
                        code=station_code, name=name, created_at=now, generation=0
                    )
                ).inserted_primary_key
                assert inserted is not None
                station_id = inserted[0]
            else:
                station_id = row[0]
                conn.execute(
                    update(db.stations).where(db.stations.c.id == station_id).values(name=name)
                )
            conn.execute(
                db.enroll_codes.insert().values(
                    code_hash=tokens.secret_hash(code),
                    station_id=station_id,
                    created_at=now,
                    expires_at=now + timedelta(hours=ttl_hours),
                )
            )

        self._write(work)
        return f"{code[:4]}-{code[4:8]}-{code[8:]}"

    def enroll(self, code: str, refresh_hash: str) -> dict[str, Any]:
        """Bind a station to the client's first refresh secret (sent only as its hash).

        Replaying the same (code, refresh_hash) answers the same again, so an enrolment whose
        answer was lost can simply be retried; any other use of a used code is refused.
        """
        _check_hash(refresh_hash, "refresh_hash")
        now = self.clock()
        code_hash = tokens.secret_hash(normalise_code(code))
        with self.reader.connect() as conn:  # an unknown code: a plain read, no write lock
            known = conn.execute(
                select(db.enroll_codes.c.code_hash).where(db.enroll_codes.c.code_hash == code_hash)
            ).first()
        if known is None:
            raise HubError(400, "enroll.code_invalid", "unknown enrolment code")

        def work(conn: Connection) -> dict[str, Any]:
            row = conn.execute(
                select(db.enroll_codes).where(db.enroll_codes.c.code_hash == code_hash)
            ).first()
            if row is None:
                raise HubError(400, "enroll.code_invalid", "unknown enrolment code")
            station = conn.execute(
                select(db.stations).where(db.stations.c.id == row.station_id)
            ).one()
            if row.used_at is not None:
                replay = row.refresh_hash == refresh_hash and station.refresh_hash == refresh_hash
                if not replay:
                    raise HubError(400, "enroll.code_used", "this enrolment code was already used")
            else:
                if _aware(row.expires_at) < now:
                    raise HubError(400, "enroll.code_expired", "this enrolment code has expired")
                if self._secret_known(conn, refresh_hash):
                    raise HubError(400, "enroll.secret_reused", "choose a fresh refresh secret")
                conn.execute(
                    update(db.enroll_codes)
                    .where(db.enroll_codes.c.code_hash == code_hash)
                    .values(used_at=now, refresh_hash=refresh_hash)
                )
                # The secrets of the earlier enrolment die with it: presenting one is then
                # "unknown" (401), no longer a theft that would revoke the new enrolment.
                conn.execute(
                    db.used_refresh.delete().where(db.used_refresh.c.station_id == station.id)
                )
                conn.execute(
                    update(db.stations)
                    .where(db.stations.c.id == station.id)
                    .values(
                        refresh_hash=refresh_hash,
                        prev_refresh_hash=None,
                        generation=station.generation + 1,
                        enrolled_at=now,
                        revoked_at=None,
                        revoke_reason=None,
                    )
                )
            # A new enrolment is a new generation (set above); a replay answers the current one.
            generation = station.generation if row.used_at is not None else station.generation + 1
            return {
                "station_code": station.code,
                "station_name": station.name,
                **self._access(station.id, generation, now),
            }

        result: dict[str, Any] = self._write(work)
        return result

    @staticmethod
    def _secret_known(conn: Connection, secret_hash: str) -> bool:
        in_use = conn.execute(
            select(db.stations.c.id).where(
                or_(
                    db.stations.c.refresh_hash == secret_hash,
                    db.stations.c.prev_refresh_hash == secret_hash,
                )
            )
        ).first()
        used = conn.execute(
            select(db.used_refresh.c.hash).where(db.used_refresh.c.hash == secret_hash)
        ).first()
        return in_use is not None or used is not None

    def refresh(self, refresh_secret: str, next_refresh_hash: str) -> dict[str, Any]:
        """Rotate the refresh secret to the client-chosen next one and issue an access token.

        Presenting the current secret rotates; presenting the previous one with the same
        ``next_refresh_hash`` is a retry of a lost answer and is answered again; presenting
        any other secret this station ever used is theft or a cloned disk: the station is
        revoked. The new secret never travels: the client sends only its hash.
        """
        _check_hash(next_refresh_hash, "next_refresh_hash")
        presented = tokens.secret_hash(refresh_secret)
        now = self.clock()
        # A secret no station ever held (junk from anyone on the network) is answered from a
        # plain read: it never waits for, nor holds, the write lock every push needs.
        with self.reader.connect() as conn:
            if not self._secret_known(conn, presented):
                raise HubError(401, "auth.refresh_unknown", "unknown refresh secret")

        def work(conn: Connection) -> dict[str, Any]:
            station = conn.execute(
                select(db.stations).where(
                    or_(
                        db.stations.c.refresh_hash == presented,
                        db.stations.c.prev_refresh_hash == presented,
                    )
                )
            ).first()
            if station is None:
                used = conn.execute(
                    select(db.used_refresh.c.station_id).where(db.used_refresh.c.hash == presented)
                ).first()
                if used is not None:
                    self._revoke(conn, used[0], "refresh_reuse", now)
                    return {"revoked": True}
                raise HubError(401, "auth.refresh_unknown", "unknown refresh secret")
            if station.revoked_at is not None:
                return {"revoked": True}
            if station.refresh_hash == presented:
                if self._secret_known(conn, next_refresh_hash):
                    raise HubError(400, "auth.secret_reused", "choose a fresh refresh secret")
                conn.execute(db.used_refresh.insert().values(hash=presented, station_id=station.id))
                conn.execute(
                    update(db.stations)
                    .where(db.stations.c.id == station.id)
                    .values(prev_refresh_hash=presented, refresh_hash=next_refresh_hash)
                )
            elif station.refresh_hash != next_refresh_hash:
                self._revoke(conn, station.id, "refresh_reuse", now)
                return {"revoked": True}
            return {
                "station_code": station.code,
                **self._access(station.id, station.generation, now),
            }

        result: dict[str, Any] = self._write(work)
        if result.get("revoked"):
            # Committed above: the revocation must stick even though we answer with an error.
            raise HubError(403, "auth.revoked", "this station's credential was revoked")
        return result

    def _access(self, station_id: int, generation: int, now: datetime) -> dict[str, Any]:
        expires = int(now.timestamp()) + protocol.ACCESS_TOKEN_SECONDS
        return {
            "access_token": tokens.issue(self._token_key, station_id, generation, expires),
            "expires_in": protocol.ACCESS_TOKEN_SECONDS,
        }

    @staticmethod
    def _revoke(conn: Connection, station_id: int, reason: str, now: datetime) -> None:
        conn.execute(
            update(db.stations)
            .where(db.stations.c.id == station_id)
            # The hashes stay: a revoked station presenting its secret must hear "revoked"
            # (403, stop and keep data), not "unknown" (401, enrol again).
            .values(revoked_at=now, revoke_reason=reason)
        )

    def revoke(self, station_code: str, reason: str = "admin") -> None:
        now = self.clock()

        def work(conn: Connection) -> None:
            sid = conn.execute(
                select(db.stations.c.id).where(db.stations.c.code == station_code)
            ).scalar()
            if sid is None:
                raise HubError(404, "station.unknown", f"no station {station_code}")
            self._revoke(conn, sid, reason, now)

        self._write(work)

    def authenticate(self, token: str) -> StationAuth:
        now = self.clock()
        claim = tokens.verify(self._token_key, token, int(now.timestamp()))
        if claim is None:
            raise HubError(401, "auth.token_invalid", "access token missing, invalid or expired")
        station_id, generation = claim
        with self.engine.connect() as conn:
            row = conn.execute(select(db.stations).where(db.stations.c.id == station_id)).first()
        if row is None or row.revoked_at is not None:
            raise HubError(403, "auth.revoked", "this station's credential was revoked")
        if row.generation != generation:
            # Issued before the station was enrolled again (after a revocation): dead.
            raise HubError(401, "auth.token_invalid", "access token from an earlier enrolment")
        return StationAuth(id=row.id, code=row.code, name=row.name)

    # ----------------------------------------------------------------- push
    def push(self, station: StationAuth, idem_key: str, body: bytes) -> dict[str, Any]:
        """Apply one frozen batch in one transaction; a replay gets the stored answer."""
        if not idem_key or len(idem_key) > 100:
            raise HubError(400, "push.idempotency_key_missing", "Idempotency-Key header required")
        if len(body) > protocol.MAX_BATCH_BYTES:
            raise HubError(413, "push.too_large", "batch larger than 1 MiB")
        items, encoded = _parse_batch(body, idem_key)
        body_sha = sha256_hex(body)
        now = self.clock()

        def work(conn: Connection) -> dict[str, Any]:
            stored = conn.execute(
                select(db.batches.c.body_sha256, db.batches.c.response).where(
                    and_(db.batches.c.station_id == station.id, db.batches.c.idem_key == idem_key)
                )
            ).first()
            if stored is not None:
                if stored.body_sha256 != body_sha:
                    raise HubError(
                        400,
                        "push.idempotency_key_reused",
                        "this Idempotency-Key was used for a different batch",
                    )
                replay: dict[str, Any] = json.loads(stored.response)
                return replay
            first = self._take_seqs(conn, max(len(items), 1))
            results = BatchApplier(conn, station.id, station.code, now).apply(items, first, encoded)
            response = {"batch_id": idem_key, "results": results}
            conn.execute(
                db.batches.insert().values(
                    station_id=station.id,
                    idem_key=idem_key,
                    body_sha256=body_sha,
                    response=json.dumps(response, ensure_ascii=False),
                    created_at=now,
                )
            )
            self._touch(conn, station.id, now)
            return response

        result: dict[str, Any] = self._write(work)
        return result

    @staticmethod
    def _event(
        conn: Connection,
        case_id: str,
        seq: int,
        source: str,
        kind: str,
        op_id: str | None,
        body: Any,
        now: datetime,
    ) -> None:
        conn.execute(
            db.case_events.insert().values(
                case_id=case_id,
                seq=seq,
                source=source,
                kind=kind,
                op_id=op_id,
                body=json.dumps(body, ensure_ascii=False, sort_keys=True),
                at=now,
            )
        )

    @staticmethod
    def _touch(conn: Connection, station_id: int, now: datetime, **values: Any) -> None:
        conn.execute(
            update(db.stations)
            .where(db.stations.c.id == station_id)
            .values(last_seen_at=now, **values)
        )

    # ----------------------------------------------------------------- pull
    def _cursor_meta(self) -> tuple[str, int]:
        """(epoch, lowest valid sequence), read fresh: an admin may rotate or compact while
        the hub serves."""
        with self.engine.connect() as conn:
            meta = dict(
                conn.execute(
                    select(db.hub_meta.c.key, db.hub_meta.c.value).where(
                        db.hub_meta.c.key.in_(("epoch", "min_cursor_seq"))
                    )
                ).all()
            )
        self.epoch = meta["epoch"]
        return meta["epoch"], int(meta["min_cursor_seq"])

    def encode_cursor(self, seq: int, epoch: str | None = None) -> str:
        body = {"e": epoch or self.epoch, "s": seq}
        raw = json.dumps(body, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def decode_cursor(self, cursor: str | None) -> int:
        """The sequence a cursor stands for; 410 when it belongs to another hub database or
        to history the hub no longer keeps."""
        current, low = self._cursor_meta()
        if not cursor:
            return 0
        bad = HubError(400, "pull.bad_cursor", "the cursor is not one this hub issued")
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            data = json.loads(raw, parse_constant=_no_constant)
        except (ValueError, RecursionError, binascii.Error) as exc:
            raise bad from exc
        if not isinstance(data, dict):
            raise bad
        epoch, seq = data.get("e"), data.get("s")
        # Only what encode_cursor makes: an epoch string and a plain integer the database can
        # hold (1e400 is a float, inf once parsed; 2**70 overflows a 64-bit column).
        if not isinstance(epoch, str) or type(seq) is not int or not 0 <= seq < 2**63:
            raise bad
        if epoch != current:
            raise HubError(410, "pull.cursor_expired", "the cursor belongs to another hub epoch")
        if seq < low:
            raise HubError(410, "pull.cursor_expired", "history before this cursor was compacted")
        return seq

    def pull(self, station: StationAuth, cursor: str | None, limit: int) -> dict[str, Any]:
        """Changes for this station after ``cursor``, at most ``limit``, in sequence order."""
        limit = max(1, min(limit, protocol.MAX_PULL_PAGE))
        after = self.decode_cursor(cursor)
        with self.engine.connect() as conn:
            # Read the committed head FIRST: every sequence at or below it is committed
            # (writers commit in sequence order), so the page below cannot skip a late commit.
            head = int(
                conn.execute(
                    select(db.hub_counter.c.value).where(db.hub_counter.c.name == "seq")
                ).scalar_one()
            )
            rows = conn.execute(
                select(db.changes.c.seq, db.changes.c.body)
                .where(
                    and_(
                        db.changes.c.seq > after,
                        db.changes.c.seq <= head,
                        or_(
                            db.changes.c.station_id == station.id, db.changes.c.station_id.is_(None)
                        ),
                    )
                )
                .order_by(db.changes.c.seq)
                .limit(limit)
            ).all()
        has_more = len(rows) == limit
        next_seq = rows[-1].seq if has_more else max(head, after)
        changes = [{"seq": r.seq, **json.loads(r.body)} for r in rows]
        now = self.clock()

        # Not under the counter lock: this bookkeeping orders nothing.
        with self.engine.begin() as conn:
            self._touch(conn, station.id, now, last_cursor_seq=after)
        return {
            "changes": changes,
            "next_cursor": self.encode_cursor(next_seq),
            "has_more": has_more,
        }

    def rotate_epoch(self) -> str:
        """Invalidate every cursor (after restoring a backup): stations get 410 and pull again
        from the start, which is idempotent. Returns the new epoch."""
        epoch = uuid.uuid4().hex

        def work(conn: Connection) -> None:
            conn.execute(
                update(db.hub_meta).where(db.hub_meta.c.key == "epoch").values(value=epoch)
            )

        self._write(work)
        self.epoch = epoch
        return epoch

    def compact(self, below_seq: int) -> None:
        """Forget pull history below ``below_seq``; older cursors then get 410."""

        def work(conn: Connection) -> None:
            conn.execute(
                update(db.hub_meta)
                .where(db.hub_meta.c.key == "min_cursor_seq")
                .values(value=str(below_seq))
            )
            conn.execute(
                db.changes.delete().where(
                    and_(db.changes.c.seq < below_seq, db.changes.c.kind == "case.status")
                )
            )

        self._write(work)

    # ----------------------------------------------------------------- platform side
    def decide(
        self,
        case_number: str,
        status: str,
        *,
        note: str = "",
        department: str = "",
        outcome: str | None = None,
        reason: str = "",
        legal_basis: str = "",
        special_kind: str = "",
        materials: Sequence[tuple[str, str]] = (),
        due_days: int | None = None,
        due_date: str | None = None,
        due_unit: str = "calendar",
    ) -> dict[str, Any]:
        """A department decision: changes the case and queues it for the case's station.

        ``status`` special_start / special_end: a 特别程序 step instead, with its
        ``special_kind``, ``reason`` and ``legal_basis`` (sync.hub.special).

        A 办结 names its result (``outcome``: granted / refused / terminated); a refusal or a
        termination its ``reason`` and ``legal_basis`` (行政许可法第三十八条), which the
        station prints with the remedies. A 补正 names the ``materials`` it asks for ((name,
        requirement) pairs), with ``note`` and its 补正期限 (``due_days`` in ``due_unit``, or
        ``due_date``): they travel as the change's ``supplement_request`` and the station
        prints them on its 补正 notice.
        """
        if status in SPECIAL_DECISIONS:
            return decide_special(
                self,
                case_number,
                status,
                special_kind=special_kind,
                reason=reason,
                legal_basis=legal_basis,
                note=note,
                department=department,
            )
        asked = _supplement_request(status, materials, note, due_days, due_date, due_unit)
        try:
            target = Status(status)
        except ValueError as exc:
            raise HubError(400, "decide.bad_status", f"unknown status {status!r}") from exc
        try:
            decided = Outcome(outcome) if outcome else None
        except ValueError as exc:
            raise HubError(400, "decide.bad_outcome", f"unknown outcome {outcome!r}") from exc
        try:
            check_outcome(target, decided, reason, legal_basis, Actor.PLATFORM)
        except IllegalTransition as exc:
            raise HubError(400, exc.code, exc.message, details=exc.details) from exc
        now = self.clock()

        def work(conn: Connection) -> dict[str, Any]:
            case = conn.execute(
                select(db.cases).where(db.cases.c.case_number == case_number)
            ).first()
            if case is None:
                raise HubError(404, "case.unknown", f"no case {case_number} at the hub")
            try:
                check_transition(Status(case.status), target, Actor.PLATFORM)
            except IllegalTransition as exc:
                raise HubError(409, exc.code, exc.message, details=exc.details) from exc
            seq = self._take_seqs(conn, 1)
            version = case.version + 1
            dept = department or _department_of(case.content)
            change = {
                "kind": "case.status",
                "case_id": case.case_id,
                "case_number": case.case_number,
                "status": target.value,
                "at": now.isoformat(),
                "department": dept,
                "note": note,
                "version": version,
            }
            if decided is not None:
                change.update(outcome=decided.value, reason=reason, legal_basis=legal_basis)
            if asked is not None:
                change["supplement_request"] = asked
            conn.execute(
                update(db.cases)
                .where(db.cases.c.case_id == case.case_id)
                .values(status=target.value, version=version, updated_at=now)
            )
            self._event(conn, case.case_id, seq, "platform", "case.status", None, change, now)
            conn.execute(
                db.changes.insert().values(
                    seq=seq,
                    station_id=case.station_id,
                    kind="case.status",
                    body=json.dumps(change, ensure_ascii=False),
                    created_at=now,
                )
            )
            return {"seq": seq, **change}

        result: dict[str, Any] = self._write(work)
        return result

    def follow_up_complaint(
        self, number: str, state: str, *, note: str, by: str = "12345"
    ) -> dict[str, Any]:
        """The platform's follow-up of a 办不成事 complaint a station pushed (dispatched to
        whom, what was done, the outcome told to the citizen): kept with the complaint and
        queued for its station, which moves its complaint forward to it."""
        if state not in _FOLLOWUP_STATES:
            raise HubError(400, "complaint.bad_state", f"unknown follow-up state {state!r}")
        if not note.strip() or len(note) > 1000 or not by.strip() or len(by) > 120:
            raise HubError(400, "complaint.note_required", "a note (1-1000) and who (1-120)")
        now = self.clock()

        def work(conn: Connection) -> dict[str, Any]:
            row = conn.execute(
                select(db.complaints.c.complaint_id, db.complaints.c.station_id).where(
                    db.complaints.c.number == number
                )
            ).first()
            if row is None:
                raise HubError(404, "complaint.unknown", f"no complaint {number} at the hub")
            seq = self._take_seqs(conn, 1)
            change = {
                "kind": "complaint.followup",
                "complaint_id": row.complaint_id,
                "number": number,
                "state": state,
                "at": now.isoformat(),
                "note": note.strip(),
                "by": by.strip(),
            }
            conn.execute(
                update(db.complaints)
                .where(db.complaints.c.complaint_id == row.complaint_id)
                .values(
                    followup_state=state,
                    followup_note=note.strip(),
                    followup_by=by.strip(),
                    followup_at=now,
                    updated_at=now,
                )
            )
            conn.execute(
                db.changes.insert().values(
                    seq=seq,
                    station_id=row.station_id,
                    kind="complaint.followup",
                    body=json.dumps(change, ensure_ascii=False),
                    created_at=now,
                )
            )
            return {"seq": seq, **change}

        result: dict[str, Any] = self._write(work)
        return result

    def complaints(self, station_code: str | None = None) -> list[dict[str, Any]]:
        """The complaints the hub holds: each station's record as sent and the follow-up."""
        query = select(db.complaints, db.stations.c.code).join(
            db.stations, db.stations.c.id == db.complaints.c.station_id
        )
        if station_code is not None:
            query = query.where(db.stations.c.code == station_code)
        with self.engine.connect() as conn:
            return [
                {
                    "number": r.number,
                    "station": r.code,
                    "version": r.version,
                    "record": json.loads(r.content),
                    "followup": {
                        "state": r.followup_state,
                        "note": r.followup_note,
                        "by": r.followup_by,
                        "at": _aware(r.followup_at).isoformat() if r.followup_at else None,
                    },
                }
                for r in conn.execute(query.order_by(db.complaints.c.number))
            ]

    def publish(self, kind: str, body: dict[str, Any], *, catalog_version: str = "") -> int:
        """Queue a change for every station (catalog, calendar, operator list, notice)."""
        if kind not in protocol.CHANGE_KINDS or kind in (
            "case.status",
            SPECIAL_CHANGE,
            "appointment",
            "complaint.followup",
        ):
            raise HubError(400, "publish.bad_kind", f"cannot publish {kind!r}")
        now = self.clock()

        def work(conn: Connection) -> int:
            seq = self._take_seqs(conn, 1)
            if kind == "catalog":
                exists = conn.execute(
                    select(db.catalogs.c.version).where(db.catalogs.c.version == catalog_version)
                ).first()
                if exists is not None:
                    raise HubError(409, "catalog.version_exists", "this catalog version exists")
                conn.execute(
                    db.catalogs.insert().values(
                        version=catalog_version,
                        document=body["document"],
                        published_at=now,
                        seq=seq,
                    )
                )
            conn.execute(
                db.changes.insert().values(
                    seq=seq,
                    station_id=None,
                    kind=kind,
                    body=json.dumps({"kind": kind, **body}, ensure_ascii=False),
                    created_at=now,
                )
            )
            return seq

        result: int = self._write(work)
        return result

    def appoint(
        self,
        station_code: str,
        *,
        id_number: str,
        name: str,
        title: str,
        date: str,
        start: str,
        end: str,
        queue: str = "general",
        matter: str = "",
        appointment_id: str | None = None,
    ) -> dict[str, Any]:
        """Book a 预约 at one station's hall: stored here, queued for that station to pull.
        Checked with the station's own rules (a change every station would refuse is
        refused here, 400 ``appointment.invalid``)."""
        from intake.identity import check_id_number
        from intake.services.appointments import pushed_problem

        change = {
            "kind": "appointment",
            "id": appointment_id or str(uuid.uuid4()),
            "id_number": id_number.strip().upper(),
            "name": name.strip(),
            "matter": matter,
            "title": title.strip(),
            "date": date,
            "start": start,
            "end": end,
            "queue": queue,
            "status": "booked",
        }
        problem = pushed_problem(change)
        if problem is None and not check_id_number(change["id_number"]).get("valid"):
            problem = "appointment: invalid ID number"
        if problem is not None:
            raise HubError(400, "appointment.invalid", problem)
        now = self.clock()

        def work(conn: Connection) -> dict[str, Any]:
            station = conn.execute(
                select(db.stations.c.id).where(db.stations.c.code == station_code)
            ).first()
            if station is None:
                raise HubError(404, "station.unknown", f"no station {station_code!r}")
            exists = conn.execute(
                select(db.appointments.c.appointment_id).where(
                    db.appointments.c.appointment_id == change["id"]
                )
            ).first()
            if exists is not None:
                raise HubError(409, "appointment.exists", "an appointment with this id exists")
            seq = self._take_seqs(conn, 1)
            body = json.dumps(change, ensure_ascii=False)
            conn.execute(
                db.appointments.insert().values(
                    appointment_id=change["id"],
                    station_id=station.id,
                    body=body,
                    status="booked",
                    created_at=now,
                )
            )
            conn.execute(
                db.changes.insert().values(
                    seq=seq, station_id=station.id, kind="appointment", body=body, created_at=now
                )
            )
            return {"seq": seq, **change}

        result: dict[str, Any] = self._write(work)
        return result

    def appointments(self, station_code: str | None = None) -> list[dict[str, Any]]:
        """Every appointment the hub booked (of one station), with its check-in state."""
        query = select(
            db.appointments.c.body,
            db.appointments.c.status,
            db.appointments.c.checked_in_at,
            db.appointments.c.ticket_number,
            db.stations.c.code,
        ).join(db.stations, db.stations.c.id == db.appointments.c.station_id)
        if station_code is not None:
            query = query.where(db.stations.c.code == station_code)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(db.appointments.c.created_at)).all()
        return [
            {
                **{k: v for k, v in json.loads(r.body).items() if k != "kind"},
                "station": r.code,
                "status": r.status,
                "checked_in_at": r.checked_in_at,
                "ticket_number": r.ticket_number,
            }
            for r in rows
        ]

    def publish_catalog(self, document: str) -> int:
        """Validate with the same loader the stations use (a catalog every station would
        refuse is refused here, with every problem listed), then queue it for everyone."""
        from intake.catalog.loader import parse_catalog
        from intake.errors import CatalogError

        try:
            catalog = parse_catalog(document.encode("utf-8"))
        except CatalogError as exc:
            raise HubError(400, exc.code, exc.message, details=exc.details) from exc
        return self.publish("catalog", {"document": document}, catalog_version=catalog.version)

    # ----------------------------------------------------------------- attachments
    def attachment_state(self, station: StationAuth, sha256: str) -> dict[str, Any] | None:
        """How much of this station's attachment the hub holds (HEAD first, then resume).
        Another station's blob with the same SHA-256 is not this station's: None."""
        _check_hash(sha256, "sha256")
        with self.engine.connect() as conn:
            row = conn.execute(select(db.attachments).where(_blob(station.id, sha256))).first()
        if row is None:
            return None
        return {"size": row.size, "received": row.received, "complete": row.complete}

    def attachment_chunk(
        self, station: StationAuth, sha256: str, offset: int, total: int, data: bytes
    ) -> dict[str, Any]:
        """Store one chunk at ``offset`` of this station's blob. The declared size is fixed by
        the first chunk and counted against the station's quota; the last chunk is verified
        against the SHA-256, and a mismatch discards the blob (size included)."""
        _check_hash(sha256, "sha256")
        if not 0 < total <= protocol.MAX_ATTACHMENT_BYTES:
            raise HubError(413, "attachment.too_large", "attachment size out of range")
        if len(data) > protocol.ATTACHMENT_CHUNK_BYTES or offset + len(data) > total or not data:
            raise HubError(400, "attachment.bad_chunk", "chunk size or offset out of range")
        now = self.clock()
        mine = _blob(station.id, sha256)

        def work(conn: Connection) -> dict[str, Any]:
            row = conn.execute(select(db.attachments).where(mine)).first()
            if row is None:
                used = conn.execute(
                    select(func.coalesce(func.sum(db.attachments.c.size), 0)).where(
                        db.attachments.c.station_id == station.id
                    )
                ).scalar_one()
                if int(used) + total > self.attachment_quota:
                    raise HubError(
                        413,
                        "attachment.quota_exceeded",
                        "this station's attachment quota at the hub is used up",
                        details={"quota": self.attachment_quota, "used": int(used)},
                    )
                conn.execute(
                    db.attachments.insert().values(
                        sha256=sha256,
                        station_id=station.id,
                        size=total,
                        received=0,
                        complete=False,
                        created_at=now,
                    )
                )
                received, complete = 0, False
            else:
                if row.size != total:
                    raise HubError(400, "attachment.size_mismatch", "size differs from the first")
                received, complete = row.received, row.complete
            if complete:
                return {"received": received, "complete": True}
            if offset != received:
                raise HubError(
                    409,
                    "attachment.offset_mismatch",
                    "resume from the hub's offset",
                    details={"received": received},
                )
            conn.execute(
                db.attachment_chunks.insert().values(
                    station_id=station.id, sha256=sha256, offset=offset, data=data
                )
            )
            received += len(data)
            if received == total:
                chunks = conn.execute(
                    select(db.attachment_chunks.c.data)
                    .where(
                        and_(
                            db.attachment_chunks.c.station_id == station.id,
                            db.attachment_chunks.c.sha256 == sha256,
                        )
                    )
                    .order_by(db.attachment_chunks.c.offset)
                ).scalars()
                digest = hashlib.sha256()
                for chunk in chunks:
                    digest.update(chunk)
                if digest.hexdigest() != sha256:
                    # Forget it all, the declared size too: the next try starts afresh.
                    conn.execute(
                        db.attachment_chunks.delete().where(
                            and_(
                                db.attachment_chunks.c.station_id == station.id,
                                db.attachment_chunks.c.sha256 == sha256,
                            )
                        )
                    )
                    conn.execute(db.attachments.delete().where(mine))
                    return {"received": 0, "complete": False, "error": "attachment.digest_mismatch"}
                complete = True
            conn.execute(
                update(db.attachments).where(mine).values(received=received, complete=complete)
            )
            return {"received": received, "complete": complete}

        result: dict[str, Any] = self._write(work)
        if result.get("error"):
            raise HubError(400, result["error"], "the bytes do not match the SHA-256; start again")
        return result

    # ----------------------------------------------------------------- reports
    def export(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    db.cases.c.case_id,
                    db.cases.c.case_number,
                    db.stations.c.code,
                    db.cases.c.status,
                    db.cases.c.version,
                    db.cases.c.content_sha256,
                )
                .join(db.stations, db.stations.c.id == db.cases.c.station_id)
                .order_by(db.cases.c.case_number)
            ).all()
        return [
            {
                "case_id": r.case_id,
                "case_number": r.case_number,
                "station": r.code,
                "status": r.status,
                "version": r.version,
                "content_sha256": r.content_sha256,
            }
            for r in rows
        ]

    def decisions(self, case_number: str) -> list[dict[str, Any]]:
        """The platform decisions on one case, in the order they were made."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(db.case_events.c.body)
                .join(db.cases, db.cases.c.case_id == db.case_events.c.case_id)
                .where(
                    and_(
                        db.cases.c.case_number == case_number, db.case_events.c.source == "platform"
                    )
                )
                .order_by(db.case_events.c.seq)
            ).all()
        return [json.loads(r.body) for r in rows]

    def stations(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(db.stations).order_by(db.stations.c.code)).all()
            out = []
            for r in rows:
                seen = r.last_cursor_seq or 0
                lag = conn.execute(
                    select(func.count()).where(
                        and_(
                            db.changes.c.seq > seen,
                            or_(db.changes.c.station_id == r.id, db.changes.c.station_id.is_(None)),
                        )
                    )
                ).scalar_one()
                cases_held = conn.execute(
                    select(func.count()).where(db.cases.c.station_id == r.id)
                ).scalar_one()
                out.append(
                    {
                        "station": r.code,
                        "name": r.name,
                        "enrolled": r.enrolled_at is not None,
                        "revoked": r.revoked_at is not None,
                        "revoke_reason": r.revoke_reason,
                        "last_seen_at": _aware(r.last_seen_at).isoformat()
                        if r.last_seen_at
                        else None,
                        "cursor_seq": seen,
                        "cursor_lag": int(lag),
                        "cases": int(cases_held),
                    }
                )
        return out


_ITEM_FIELDS: dict[str, type | tuple[type, ...]] = {
    "op_id": str,
    "entity": str,
    "entity_id": str,
    "case_number": str,
    "op": str,
    "base_version": int,
    "schema_version": int,
    "sha256": str,
    "payload": dict,
}


def _supplement_request(
    status: str,
    materials: Sequence[tuple[str, str]],
    note: str,
    due_days: int | None,
    due_date: str | None,
    due_unit: str,
) -> dict[str, Any] | None:
    """The 补正 request of a decision, checked as the station will check it."""
    if status != Status.SUPPLEMENT.value:
        if materials or due_days is not None or due_date is not None:
            raise HubError(400, "decide.not_supplement", "materials and a 补正期限 need a 补正")
        return None
    asked: dict[str, Any] = {
        "materials": [{"name": n.strip(), "requirement": r.strip()} for n, r in materials],
        "note": note,
    }
    if due_date is not None:
        asked["due_date"] = due_date
    if due_days is not None:
        asked["due_days"] = due_days
        asked["due_unit"] = due_unit
    if not materials:
        raise HubError(400, "decide.supplement_materials", "a 补正 names what it asks for")
    if due_days is None and due_date is None:
        raise HubError(400, "decide.supplement_due", "a 补正 states its 补正期限")
    problem = supplement_request_problem(asked)
    if problem is not None:
        raise HubError(400, "decide.supplement_invalid", problem)
    return asked


def _no_constant(name: str) -> Any:
    """``json.loads`` takes NaN, Infinity and -Infinity, which are not JSON: refuse them."""
    raise ValueError(f"{name} is not JSON")


def _parse_batch(body: bytes, idem_key: str) -> tuple[list[dict[str, Any]], list[bytes]]:
    """The batch's items and each item's payload in canonical bytes (encoded once, here), or
    400/413 when the batch as a whole cannot be read. An item that cannot be encoded — a
    lone surrogate, nesting deeper than the encoder goes — is unreadable: 400 with its index,
    so the station bisects it out."""
    try:
        data = json.loads(body, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise HubError(400, "push.malformed", "batch is not JSON") from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise HubError(400, "push.malformed", "batch must be an object with an items list")
    if data.get("batch_id") != idem_key:
        raise HubError(400, "push.batch_id_mismatch", "batch_id must equal the Idempotency-Key")
    items = data["items"]
    if len(items) > protocol.MAX_BATCH_ITEMS:
        raise HubError(413, "push.too_many_items", "at most 200 items per batch")
    seen: set[str] = set()
    encoded: list[bytes] = []
    for index, item in enumerate(items):
        problem = _item_problem(item)
        if problem is None and item["op_id"] in seen:
            problem = "op_id repeated within the batch"
        if problem is None and _nested_deeper(item["payload"], protocol.MAX_JSON_DEPTH):
            problem = f"payload nested deeper than {protocol.MAX_JSON_DEPTH} levels"
        if problem is None:
            try:
                encoded.append(canonical_json(item["payload"]))
            except (ValueError, RecursionError):  # UnicodeEncodeError is a ValueError
                problem = "payload is not encodable JSON (a lone surrogate)"
        if problem is not None:
            raise HubError(400, "push.malformed_item", problem, details={"index": index})
        seen.add(item["op_id"])
    return list(items), encoded


def _item_problem(item: Any) -> str | None:
    if not isinstance(item, dict):
        return "item is not an object"
    for name, kind in _ITEM_FIELDS.items():
        value = item.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            return f"item field {name} missing or of the wrong type"
    for name in ("op_id", "entity_id", "case_number", "op", "entity"):
        if not 0 < len(item[name]) <= _MAX_ID:
            return f"item field {name} must be 1-64 characters"
        if not _valid_text(item[name]):
            return f"item field {name} is not valid Unicode"
    if len(item["op"]) > _MAX_OP:
        return f"item field op must be at most {_MAX_OP} characters"
    if len(item["sha256"]) != 64:
        return "item sha256 must be 64 hex characters"
    return None


def _nested_deeper(value: Any, limit: int) -> bool:
    """Whether ``value`` (parsed JSON) nests containers deeper than ``limit``; iterative, and
    it visits containers only through their parents, so it costs little on real payloads."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        for child in node.values() if isinstance(node, dict) else node:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
    return False


def _blob(station_id: int, sha256: str) -> Any:
    """The where-clause naming one station's blob."""
    return and_(db.attachments.c.station_id == station_id, db.attachments.c.sha256 == sha256)


def _valid_text(value: str) -> bool:
    """No lone surrogate (what a JSON ``\\ud800`` escape makes): it cannot be stored."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_hash(value: Any, name: str) -> None:
    if (
        not isinstance(value, str)
        or len(value) != 64
        or any(c not in "0123456789abcdef" for c in value)
    ):
        raise HubError(400, "auth.bad_hash", f"{name} must be a lower-case hex SHA-256")


def _department_of(content_json: str) -> str:
    try:
        matters = json.loads(content_json).get("matters") or []
        return str(matters[0].get("department", "")) if matters else ""
    except (ValueError, AttributeError):
        return ""
