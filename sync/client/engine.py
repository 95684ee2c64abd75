"""The station's sync engine: push the outbox in frozen batches, pull decisions by cursor.

Written against the station (``intake.station.Station``): the outbox, ``apply_remote`` and the
key-value ``sync_state``. The engine holds no state of its own that matters across a crash:
what was sent is in the outbox (``inflight`` + ``batch_id``), what was received is the
cursor stored with the changes it covers. So a ``kill -9`` at any instant is followed by a
round that resends identical bytes under the same Idempotency-Key, and the hub answers it
the same way.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC
from typing import Any, Protocol

from intake.canonical import canonical_json
from intake.clock import now
from intake.services.audit import CLOCK_OFFSET_KEY
from intake.services.outbox import OutboxResult
from sync import errors, protocol
from sync.client import attachments
from sync.client.credentials import Credential, CredentialStore
from sync.client.transport import CLOCK_WARN_SECONDS, HubClient, RetryPolicy

log = logging.getLogger(__name__)

# sync_state keys (the app shows them; see docs/sync.md)
K_STATE = "sync.state"
K_LAST_PUSH = "sync.last_push_at"
K_LAST_PULL = "sync.last_pull_at"
K_LAST_ERROR = "sync.last_error"
K_CLOCK = CLOCK_OFFSET_KEY  # also shown by intake in a clock.behind error
K_CURSOR = "pull_cursor"  # intake's RemoteApplier writes it with each page

_ENVELOPE_BYTES = 4096

#: How a failed round is reported, by the error that ended it (first match wins).
_ROUND_STATES: tuple[tuple[type[errors.SyncError], str], ...] = (
    (errors.Revoked, "revoked"),
    (errors.UpgradeRequired, "upgrade_required"),
    (errors.CaptivePortal, "captive_portal"),
    (errors.TlsUntrusted, "tls_untrusted"),
    (errors.Offline, "offline"),
    (errors.HubUnavailable, "hub_busy"),
    (errors.NotEnrolled, "not_enrolled"),
    (errors.CredentialRejected, "credential_rejected"),
)


def _internal(exc: BaseException) -> errors.InternalError:
    """An unforeseen failure as a typed error: its kind and message, one log line, and the
    traceback only at debug level."""
    log.error("sync round failed unexpectedly: %s: %s", type(exc).__name__, str(exc)[:200])
    log.debug("traceback of the failed round", exc_info=exc)
    return errors.InternalError(
        f"unexpected {type(exc).__name__} in the sync round: {str(exc)[:200]}",
        details={"exception": type(exc).__name__},
    )


def _round_state(exc: errors.SyncError) -> str:
    return next((state for kind, state in _ROUND_STATES if isinstance(exc, kind)), "error")


#: Failures that are about the link or the credential, not about one attachment: they end
#: the round (as in push and pull) instead of being counted against each blob in turn.
_ROUND_ENDING = (
    errors.Offline,
    errors.HubUnavailable,
    errors.CaptivePortal,
    errors.TlsUntrusted,
    errors.Revoked,
    errors.UpgradeRequired,
    errors.NotEnrolled,
    errors.CredentialRejected,
    errors.Unauthorized,
)


class OutboxLike(Protocol):
    def pending(self, limit: int = 200, *, after_seq: int = 0) -> list[Any]: ...
    def mark_inflight(self, op_ids: list[str], batch_id: str) -> None: ...
    def mark_acked(self, op_id: str, result: dict[str, Any]) -> None: ...
    def mark_rejected(self, op_id: str, code: str, message: str) -> None: ...
    def mark_results(self, results: Sequence[OutboxResult]) -> None: ...
    def stats(self) -> dict[str, Any]: ...


class AttachmentsLike(Protocol):
    def pending(
        self, limit: int = 8, *, exclude: Collection[str] = ()
    ) -> list[tuple[Any, bytes]]: ...
    def mark_uploaded(self, sha256: str) -> None: ...
    def pending_count(self) -> int: ...


class KV(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


class StoreLike(Protocol):
    """The part of ``intake.station.Station`` the engine uses."""

    @property
    def outbox(self) -> OutboxLike: ...
    @property
    def sync_state(self) -> KV: ...
    @property
    def attachments(self) -> AttachmentsLike: ...
    def apply_remote(self, changes: list[dict[str, Any]], next_cursor: str) -> dict[str, int]: ...


@dataclass
class RoundReport:
    """What one round did; ``state`` is what the app shows."""

    state: str = "ok"
    pushed: int = 0
    acked: int = 0
    rejected: int = 0
    conflicts: int = 0
    batches: int = 0
    pulled: int = 0
    pull_conflicts: int = 0  # pulled changes kept aside with their reason (sync status)
    pages: int = 0
    rescoped: bool = False
    left: int = 0
    attachments_uploaded: int = 0
    attachments_failed: int = 0  # stay pending; tried again next round
    attachments_left: int = 0
    error: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, [])}


def item_wire(item: Any) -> dict[str, Any]:
    """One outbox item as it travels (everything needed to apply and to dedup it)."""
    return {**_item_head(item), "payload": item.payload, **_item_tail(item)}


def _item_head(item: Any) -> dict[str, Any]:
    """The wire fields that sort before ``payload`` (canonical JSON sorts keys)."""
    return {
        "base_version": item.base_version,
        "case_number": item.case_number,
        "entity": item.entity,
        "entity_id": item.entity_id,
        "op": item.op,
        "op_id": item.op_id,
    }


def _item_tail(item: Any) -> dict[str, Any]:
    """The wire fields that sort after ``payload``."""
    return {"schema_version": item.schema_version, "sha256": item.sha256}


def item_bytes(item: Any) -> bytes:
    """``canonical_json(item_wire(item))`` without decoding and re-encoding the payload: the
    stored ``payload_json`` already is the payload's canonical form (its sha256 names those
    very bytes), so it is spliced in between the fields that sort before and after it."""
    head = canonical_json(_item_head(item))
    tail = canonical_json(_item_tail(item))
    return b"".join((head[:-1], b',"payload":', item.payload_json, b",", tail[1:]))


def batch_body(batch_id: str, items: Sequence[Any]) -> bytes:
    """The frozen bytes of a batch: a pure function of its outbox rows, so every retry (and
    every resend after a crash) is byte-identical. Equal to ``canonical_json({"batch_id": …,
    "items": [item_wire(i) …]})``."""
    return b"".join(
        (
            b'{"batch_id":',
            canonical_json(batch_id),
            b',"items":[',
            b",".join(item_bytes(i) for i in items),
            b"]}",
        )
    )


def _secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now_iso() -> str:
    """The station's time (``intake.clock``: a simulated week offline moves it too)."""
    return now().astimezone(UTC).isoformat(timespec="seconds")


class SyncEngine:
    """One station's push/pull rounds against one hub."""

    def __init__(
        self,
        store: StoreLike,
        client: HubClient,
        credentials: CredentialStore,
        *,
        retry: RetryPolicy | None = None,
        page_size: int = protocol.MAX_PULL_PAGE,
        batch_items: int = protocol.MAX_BATCH_ITEMS,
        clock: Callable[[], float] = time.monotonic,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.store = store
        #: Called (on the sync thread) with (items sent, items to send) as a round pushes.
        self.on_progress = on_progress
        self._total = 0
        self.client = client
        self.credentials = credentials
        self.retry = retry or RetryPolicy()
        self.page_size = page_size
        self.batch_items = min(batch_items, protocol.MAX_BATCH_ITEMS)
        self._clock = clock
        self._token: str | None = None
        self._token_expiry = 0.0

    # ----------------------------------------------------------------- a round
    def run_round(self) -> RoundReport:
        """Push everything sendable, then pull to the head. Never raises for sync failures:
        they become the report's (and ``sync_state``'s) state."""
        report = RoundReport()
        try:
            self._access_token()  # auth problems end the round before anything is marked
            self.push_all(report)  # cases first: a large scan never delays them
            self.upload_attachments(report)
            self.pull_all(report)
            self._state("ok", None)
            self.store.sync_state.set(K_LAST_PULL, _now_iso())
        except errors.SyncError as exc:
            self._fail(report, _round_state(exc), exc)
        except Exception as exc:  # a bug must end the round honestly, never escape the loop
            self._fail(report, "error", _internal(exc))
        try:
            if self.client.clock_offset is not None:
                self.store.sync_state.set(K_CLOCK, round(self.client.clock_offset, 3))
                if abs(self.client.clock_offset) > CLOCK_WARN_SECONDS:
                    report.notes.append("clock_offset_above_2_minutes")
            stats = self.store.outbox.stats()
            report.left = int(stats["pending"]) + int(stats["inflight"])
            report.attachments_left = self.store.attachments.pending_count()
        except Exception as exc:  # the store itself failing: say so, do not raise
            if report.error is None:
                self._fail(report, "error", _internal(exc))
        return report

    def _state(self, state: str, error: dict[str, Any] | None) -> None:
        self.store.sync_state.set(K_STATE, state)
        if error is not None:
            self.store.sync_state.set(K_LAST_ERROR, error)

    def _fail(self, report: RoundReport, state: str, exc: errors.SyncError) -> None:
        report.state = state
        report.error = {**exc.to_json(), "at": _now_iso()}
        try:
            self._state(state, report.error)
        except Exception as store_exc:  # the report still tells the caller
            log.error("sync state not recorded: %s", type(store_exc).__name__)
        log.warning("sync round ended: %s (%s)", state, exc.code)

    # ----------------------------------------------------------------- auth
    def _access_token(self, *, force: bool = False) -> str:
        if not force and self._token and self._clock() < self._token_expiry:
            return self._token
        cred = self.credentials.load()
        if cred is None:
            raise errors.NotEnrolled("this station has no sync credential: enrol it first")
        proposed = cred.with_next()
        if proposed != cred:
            # Persist the proposal BEFORE sending: after a lost answer (or a crash) the same
            # pair is sent again, which the hub answers again instead of revoking us.
            self.credentials.save(proposed)
        assert proposed.next is not None
        try:
            answer = self._with_retry(
                lambda: self.client.token(proposed.current, _secret_hash(proposed.next or ""))
            )
        except errors.Unauthorized as exc:
            raise errors.CredentialRejected(
                "the hub does not know this station's credential: enrol it again",
                details=exc.details,
            ) from exc
        self.credentials.save(proposed.rotated())
        token = answer.get("access_token")
        if not isinstance(token, str):
            raise errors.ProtocolViolation("token answer without access_token")
        expires_in = float(answer.get("expires_in", 60))
        self._token = token
        self._token_expiry = self._clock() + max(1.0, expires_in - 30)
        return token

    def _with_retry(self, call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        return self.retry.call(call)

    def _authed(self, call: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
        """Call with a token; a 401 refreshes once (an expired or hub-restarted token)."""
        try:
            return self._with_retry(lambda: call(self._access_token()))
        except errors.Unauthorized:
            self._token = None
            return self._with_retry(lambda: call(self._access_token(force=True)))

    # ----------------------------------------------------------------- push
    def push_all(self, report: RoundReport) -> None:
        """Send every sendable item, one batch at the hub at a time, in outbox order.

        The station's own work overlaps the hub's: while batch n travels (on a sender
        thread that only does HTTP), the next batch is chosen and marked in flight here; when
        n's answer arrives, batch n+1 is sent before n's answer is recorded. Only one batch
        is ever at the hub, so the hub applies them in order. Both may be marked in flight
        when a crash or a lost link ends the round: the next round resends them, frozen,
        oldest first, and the hub repeats its answers.
        """
        stats = self.store.outbox.stats()
        self._total = int(stats["pending"]) + int(stats["inflight"])
        self._progressed(report)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as sender:
            travelling: tuple[list[Any], Future[dict[str, Any]]] | None = None
            while True:
                after = travelling[0][-1].seq if travelling else 0
                upcoming = self._next_batch(
                    self.store.outbox.pending(limit=self.batch_items, after_seq=after)
                )
                if travelling is None:
                    if not upcoming:
                        break
                    travelling = (upcoming, sender.submit(self._post, upcoming))
                    continue
                sent, answer = travelling
                travelling = None
                try:
                    result = answer.result()
                except errors.BadBatch as exc:
                    # Sorted out alone; ``upcoming`` stays in flight in the store and is
                    # picked up again (frozen) by the next turn of the loop.
                    self._refused(sent, exc, report)
                    continue
                if upcoming:
                    travelling = (upcoming, sender.submit(self._post, upcoming))
                report.batches += 1
                report.pushed += len(sent)
                self._record(sent, result, report)
                self._progressed(report)
        self.store.sync_state.set(K_LAST_PUSH, _now_iso())

    def _progressed(self, report: RoundReport) -> None:
        """Tell the listener how far the push is (items answered of the round's backlog; a
        case saved during the round raises the total). A broken listener never ends sync."""
        if self.on_progress is None:
            return
        self._total = max(self._total, report.pushed)
        try:
            self.on_progress(report.pushed, self._total)
        except Exception:
            log.exception("sync progress listener failed")

    def _next_batch(self, items: Sequence[Any]) -> list[Any]:
        """The frozen in-flight batch first (same members, same id); else a new batch of the
        oldest pending items within 200 items / 1 MiB."""
        if not items:
            return []
        first = items[0]
        if first.state == "inflight" and first.batch_id:
            return [i for i in items if i.state == "inflight" and i.batch_id == first.batch_id]
        batch: list[Any] = []
        size = _ENVELOPE_BYTES
        for item in items:
            if item.state == "inflight":
                break
            wire = len(item_bytes(item)) + 1
            if size + wire > protocol.MAX_BATCH_BYTES:
                if not batch:
                    # One item alone exceeds the limit: it can never be sent. Quarantine it
                    # so it does not block the queue behind it.
                    self.store.outbox.mark_rejected(
                        item.op_id, "sync.item_too_large", "this change is larger than 1 MiB"
                    )
                    return self._next_batch(items[1:])
                break
            batch.append(item)
            size += wire
        return self._freeze(batch, str(uuid.uuid4())) if batch else []

    def _freeze(self, batch: Sequence[Any], batch_id: str) -> list[Any]:
        """Mark ``batch`` in flight under ``batch_id``; the returned rows carry that id."""
        self.store.outbox.mark_inflight([i.op_id for i in batch], batch_id)
        return [replace(i, state="inflight", batch_id=batch_id) for i in batch]

    def _post(self, batch: Sequence[Any]) -> dict[str, Any]:
        """One batch to the hub, with retries (runs on the sender thread: HTTP only)."""
        batch_id = batch[0].batch_id
        body = batch_body(batch_id, batch)
        return self._authed(lambda token: self.client.push(token, batch_id, body))

    def _send(self, batch: Sequence[Any], report: RoundReport, *, rekeyed: bool = False) -> None:
        """Send one batch and record its answer, here and now (bisecting and re-keying)."""
        try:
            answer = self._post(batch)
        except errors.BadBatch as exc:
            self._refused(batch, exc, report, rekeyed=rekeyed)
            return
        report.batches += 1
        report.pushed += len(batch)
        self._record(batch, answer, report)
        self._progressed(report)

    def _refused(
        self,
        batch: Sequence[Any],
        exc: errors.BadBatch,
        report: RoundReport,
        *,
        rekeyed: bool = False,
    ) -> None:
        """A 400/413 answer to a whole batch."""
        if exc.hub_code == "push.idempotency_key_reused" and not rekeyed:
            # The batch shrank since it was first sent (a crash while recording its answer
            # acknowledged part of it): the rest travels under a new key; the hub answers the
            # ops it already applied as duplicates.
            rows = self.store.outbox.pending(
                limit=protocol.MAX_BATCH_ITEMS, after_seq=batch[0].seq - 1
            )
            live = {i.op_id for i in rows}
            again = [i for i in batch if i.op_id in live]
            if again:
                self._send(self._freeze(again, str(uuid.uuid4())), report, rekeyed=True)
            return
        self._bisect(batch, exc, report)

    def _bisect(self, batch: Sequence[Any], exc: errors.BadBatch, report: RoundReport) -> None:
        """A 400/413 batch: split it until the bad item stands alone, then quarantine it."""
        if len(batch) == 1:
            self.store.outbox.mark_rejected(
                batch[0].op_id,
                f"sync.hub.{exc.hub_code}",
                f"the hub refused this change ({exc.status})",
            )
            report.rejected += 1
            return
        half = len(batch) // 2
        # New ids for both halves at once, so no row keeps the refused batch's id.
        halves = [self._freeze(part, str(uuid.uuid4())) for part in (batch[:half], batch[half:])]
        for part in halves:
            self._send(part, report)

    def _record(self, batch: Sequence[Any], answer: dict[str, Any], report: RoundReport) -> None:
        results = answer.get("results")
        if not isinstance(results, list):
            raise errors.ProtocolViolation("push answer without results")
        by_id = {r.get("op_id"): r for r in results if isinstance(r, dict)}
        expected = {i.op_id for i in batch}
        if set(by_id) != expected or len(results) != len(batch):
            # Never guess: the rows stay in flight and the same batch is resent next round.
            raise errors.ProtocolViolation("push answer does not match the batch's items")
        answers: list[OutboxResult] = []
        for item in batch:
            result = by_id[item.op_id]
            outcome = result.get("outcome")
            if outcome in (protocol.ItemOutcome.APPLIED, protocol.ItemOutcome.DUPLICATE):
                answers.append(OutboxResult(item.op_id, True, result))
                report.acked += 1
            elif outcome == protocol.ItemOutcome.REJECTED:
                answers.append(
                    OutboxResult(
                        item.op_id,
                        False,
                        code=str(result.get("code", "rejected")),
                        message=str(result.get("message", "")),
                    )
                )
                report.rejected += 1
            elif outcome == protocol.ItemOutcome.CONFLICT:
                current = result.get("current", {})
                answers.append(
                    OutboxResult(
                        item.op_id,
                        False,
                        # a typed conflict (evaluation.duplicate …) keeps its code
                        code=str(result.get("code") or "sync.conflict"),
                        message=f"{result.get('message', '')} "
                        f"(platform: {current.get('status', '?')})",
                    )
                )
                report.conflicts += 1
            else:
                raise errors.ProtocolViolation(f"unknown push outcome {outcome!r}")
        # the whole answer in one local transaction: one fsync per batch, not per item
        self.store.outbox.mark_results(answers)

    # ----------------------------------------------------------------- attachments
    def upload_attachments(self, report: RoundReport) -> None:
        """Every pending attachment, oldest first, one blob in memory at a time. A blob that
        fails stays pending (the next round resumes it from the hub's offset) and does not
        hold the others back; a lost link or credential ends the round."""
        tried: set[str] = set()
        while True:
            batch = self.store.attachments.pending(limit=1, exclude=tried)
            if not batch:
                return
            info, data = batch[0]
            tried.add(info.sha256)
            if hashlib.sha256(data).hexdigest() != info.sha256:
                # The stored bytes no longer match their name: never send them as it.
                self._attachment_failed(report, info.sha256, "sync.attachment_digest")
                continue
            try:
                self._upload(data)
            except _ROUND_ENDING:
                raise
            except errors.SyncError as exc:
                self._attachment_failed(report, info.sha256, exc.code)
                continue
            self.store.attachments.mark_uploaded(info.sha256)
            report.attachments_uploaded += 1

    @staticmethod
    def _attachment_failed(report: RoundReport, sha256: str, code: str) -> None:
        report.attachments_failed += 1
        report.notes.append(f"attachment_failed:{code}")
        log.warning("attachment %s… not uploaded (%s); tried again next round", sha256[:12], code)

    def _upload(self, data: bytes) -> str:
        try:
            return attachments.upload(self.client, self._access_token, data, self.retry)
        except errors.Unauthorized:  # an expired or hub-restarted token: refresh once
            self._token = None
            return attachments.upload(self.client, self._access_token, data, self.retry)

    # ----------------------------------------------------------------- pull
    def _page_fetcher(self, cursor: str | None) -> Callable[[str], dict[str, Any]]:
        def fetch(token: str) -> dict[str, Any]:
            return self.client.changes(token, cursor, self.page_size)

        return fetch

    def pull_all(self, report: RoundReport) -> None:
        rescoped = False
        while True:
            cursor = self.store.sync_state.get(K_CURSOR) or None
            try:
                page = self._authed(self._page_fetcher(cursor))
            except errors.CursorExpired:
                if rescoped:
                    raise
                # The hub no longer knows our cursor (restored or compacted): start again
                # from the beginning. Applying is idempotent; the outbox is not touched.
                rescoped = report.rescoped = True
                self.store.apply_remote([], "")
                continue
            changes, next_cursor, has_more = _check_page(page, self.page_size)
            counts = self.store.apply_remote(changes, next_cursor)
            report.pages += 1
            report.pulled += len(changes)
            report.pull_conflicts += int(counts.get("conflicts", 0))
            if not has_more:
                return


def _check_page(page: dict[str, Any], limit: int) -> tuple[list[dict[str, Any]], str, bool]:
    """A hostile or broken hub cannot make us store garbage or loop forever. The page's frame
    is checked here; each change is checked where it is applied (``RemoteApplier``), which
    keeps a bad one (an unknown kind, a missing field) as a pull conflict with its reason and
    moves the cursor on, so one bad change never stalls every later round."""
    changes, next_cursor, has_more = (
        page.get("changes"),
        page.get("next_cursor"),
        page.get("has_more"),
    )
    if (
        not isinstance(changes, list)
        or not isinstance(next_cursor, str)
        or not isinstance(has_more, bool)
        or len(changes) > limit
        or (has_more and not changes)
    ):
        raise errors.ProtocolViolation("malformed page of changes")
    return changes, next_cursor, has_more


def enrol(
    client: HubClient, credentials: CredentialStore, code: str, retry: RetryPolicy
) -> dict[str, Any]:
    """Enrol with a one-time code. The first secret is chosen here and saved (in a separate
    "enrolment" slot) before sending, so a retry after a lost answer presents the same secret,
    which the hub accepts again. Only an accepted enrolment replaces the station's working
    credential: a refused one (wrong or used code) leaves it as it was."""
    from sync.client.credentials import new_secret

    norm = "".join(ch for ch in code.upper() if ch.isalnum())
    pending_store = CredentialStore(credentials.data_dir, mode=credentials.mode, slot="enrolment")
    pending = pending_store.load()
    if pending is None or pending.enrol_code != norm:
        pending = Credential(current=new_secret(), enrol_code=norm)
        pending_store.save(pending)
    secret = pending.current
    try:
        answer = retry.call(lambda: client.enroll(code, _secret_hash(secret)))
    except errors.BadBatch as exc:
        raise errors.EnrolmentFailed(
            f"the hub refused the enrolment: {exc.hub_code}", details={"hub_code": exc.hub_code}
        ) from exc
    if not isinstance(answer.get("station_code"), str):
        raise errors.ProtocolViolation("enrolment answer without station_code")
    current = credentials.load()
    if current is None or current.current != secret:
        credentials.save(Credential(current=secret))
    return answer
