"""The village station's operations, one line each for its screens (as ``desktop.ops``):
queries on the reader pool, commands on the single writer, printing on the print thread;
every write answers with the ``Changes`` it made so the banner and lists refresh."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intake.changes import Changes
from intake.services.handover import HandoverBatch, HandoverCase
from intake.services.quarantine import QueuedItem

if TYPE_CHECKING:
    from desktop.context import AppContext

Failed = Callable[[BaseException], None]


@dataclass(frozen=True)
class Resolved:
    case_number: str
    changes: Changes


def waiting(ctx: AppContext, on_done: Callable[[list[QueuedItem]], None]) -> None:
    ctx.runner.read(ctx.station.quarantine.waiting, on_done)


def returned(ctx: AppContext, on_done: Callable[[list[QueuedItem]], None]) -> None:
    ctx.runner.read(ctx.station.quarantine.returned, on_done)


def resend(
    ctx: AppContext, item: QueuedItem, on_done: Callable[[Resolved], None], on_error: Failed
) -> None:
    """Re-queue the returned item's case as it is now, then wake the sync at once."""
    quarantine, operator = ctx.station.quarantine, ctx.operator_id

    def work() -> Resolved:
        quarantine.resend(item.op_id, operator)
        return Resolved(item.case_number, Changes(cases=(item.case_number,), outbox=True))

    ctx.runner.write(work, _then_sync(ctx, on_done), on_error)


def discard(
    ctx: AppContext,
    item: QueuedItem,
    reason: str,
    on_done: Callable[[Resolved], None],
    on_error: Failed,
) -> None:
    quarantine, operator = ctx.station.quarantine, ctx.operator_id

    def work() -> Resolved:
        quarantine.discard(item.op_id, reason, operator)
        return Resolved(item.case_number, Changes(cases=(item.case_number,), outbox=True))

    ctx.runner.write(work, _changed(ctx, on_done), on_error)


def handover_pending(ctx: AppContext, on_done: Callable[[list[HandoverCase]], None]) -> None:
    ctx.runner.read(ctx.station.handover.pending, on_done)


def handover_batches(ctx: AppContext, on_done: Callable[[list[HandoverBatch]], None]) -> None:
    ctx.runner.read(ctx.station.handover.batches, on_done)


def hand_over(
    ctx: AppContext,
    case_ids: Sequence[str],
    handed_by: str,
    received_by: str,
    note: str,
    on_done: Callable[[HandoverBatch], None],
    on_error: Failed,
) -> None:
    handover, operator = ctx.station.handover, ctx.operator_id

    def work() -> HandoverBatch:
        return handover.hand_over(
            list(case_ids),
            handed_by=handed_by,
            received_by=received_by,
            operator_id=operator,
            note=note,
        )

    def done(batch: HandoverBatch) -> None:
        on_done(batch)
        ctx.changed(Changes(cases=tuple(c.case_number for c in batch.cases)))

    ctx.runner.write(work, done, on_error)


def print_handover(
    ctx: AppContext,
    cases: Sequence[HandoverCase],
    batch: HandoverBatch | None,
    on_done: Callable[[int], None],
    on_error: Failed,
) -> None:
    """The 材料交接清单 on the A4 printer; answers with the number of pages."""
    service, target = ctx.printing, ctx.printer_target
    clerk = ctx.operator.name if ctx.operator else ""

    def work() -> int:
        rendered = service.print_handover(
            list(cases),
            clerk=clerk,
            batch=batch,
            printer=target if target and target != "system" else None,
        )
        return rendered.pages

    ctx.runner.print(work, on_done, on_error)


def _changed(ctx: AppContext, on_done: Callable[[Resolved], None]) -> Callable[[Resolved], None]:
    def done(result: Resolved) -> None:
        on_done(result)
        ctx.changed(result.changes)

    return done


def _then_sync(ctx: AppContext, on_done: Callable[[Resolved], None]) -> Callable[[Resolved], None]:
    changed = _changed(ctx, on_done)

    def done(result: Resolved) -> None:
        changed(result)
        if ctx.sync is not None:
            ctx.sync.sync_now()

    return done
