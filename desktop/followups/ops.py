"""The follow-ups' operations, one line each for the page: lists on the reader pool, acts on
the single writer (each answering with ``Changes``), then what the act must print on the
print thread (desktop.ops.print_notices)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop import ops
from intake.changes import Changes
from intake.requests import MaterialInput
from intake.services.followups import DeferredDue, Delivery, VerificationDue
from intake.status import WITHDRAWABLE, Status
from intake.views import CaseSummary, CaseView, MaterialState

if TYPE_CHECKING:
    from desktop.context import AppContext

Failed = Callable[[BaseException], None]


@dataclass(frozen=True)
class Lists:
    """Everything the follow-ups page shows, read in one go."""

    supplement: tuple[CaseSummary, ...]
    deferred: tuple[DeferredDue, ...]
    verifications: tuple[VerificationDue, ...]
    deliver: tuple[CaseSummary, ...]
    withdrawable: tuple[CaseSummary, ...]


@dataclass(frozen=True)
class Done:
    """An act recorded: the case as it now is, what changed, and what to print."""

    case: CaseView
    changes: Changes
    prints: tuple[str, ...]  # document kinds; empty: nothing the law asks for


def load_lists(ctx: AppContext, query: str, on_done: Callable[[Lists], None]) -> None:
    followups, cases = ctx.station.followups, ctx.station.cases

    def work() -> Lists:
        if query.strip():
            found = [c for c in cases.search(query, limit=100) if c.status in WITHDRAWABLE]
        else:
            found = followups.withdrawable(limit=100)
        return Lists(
            tuple(followups.supplement_waiting()),
            tuple(followups.deferred_due()),
            tuple(followups.verifications_due()),
            tuple(followups.ready_to_deliver()),
            tuple(found),
        )

    ctx.runner.read(work, on_done)


def load_case(ctx: AppContext, ref: str, on_done: Callable[[CaseView], None]) -> None:
    cases = ctx.station.cases
    ctx.runner.read(lambda: cases.get(ref), on_done)


def receive_supplement(
    ctx: AppContext,
    ref: str,
    updates: Mapping[str, MaterialInput],
    on_done: Callable[[Done], None],
    on_error: Failed,
) -> None:
    followups, operator = ctx.station.followups, ctx.operator_id

    def work() -> Done:
        view = followups.receive_supplement(ref, updates, operator=operator)
        # 受理: the acceptance notice (and 容缺 / 告知承诺 papers); a partial hand-in: a
        # receipt of what was brought (the 补正 notice itself is not issued twice)
        kinds = () if view.status is Status.ACCEPTED else ("materials",)
        return Done(view, Changes(cases=(view.case_number,), outbox=True), kinds)

    _write(ctx, work, on_done, on_error)


def receive_deferred(
    ctx: AppContext,
    ref: str,
    material_id: str,
    state: MaterialState,
    copies: int,
    on_done: Callable[[Done], None],
    on_error: Failed,
) -> None:
    followups, operator = ctx.station.followups, ctx.operator_id

    def work() -> Done:
        view = followups.receive_deferred(
            ref, material_id, state=state, copies=copies, operator=operator
        )
        return Done(view, Changes(cases=(view.case_number,), outbox=True), ("materials",))

    _write(ctx, work, on_done, on_error)


def record_verification(
    ctx: AppContext,
    ref: str,
    material_id: str,
    verified: bool,
    outcome: str,
    on_done: Callable[[Done], None],
    on_error: Failed,
) -> None:
    followups, operator = ctx.station.followups, ctx.operator_id

    def work() -> Done:
        view = followups.record_verification(
            ref, material_id, verified=verified, outcome=outcome, operator=operator
        )
        return Done(view, Changes(cases=(view.case_number,), outbox=True), ())

    _write(ctx, work, on_done, on_error)


def deliver(
    ctx: AppContext,
    ref: str,
    delivery: Delivery,
    on_done: Callable[[Done], None],
    on_error: Failed,
) -> None:
    followups, operator = ctx.station.followups, ctx.operator_id

    def work() -> Done:
        view = followups.deliver(ref, delivery, operator=operator)
        return Done(view, Changes(cases=(view.case_number,), outbox=True), ())

    _write(ctx, work, on_done, on_error)


def withdraw(
    ctx: AppContext,
    ref: str,
    reason: str,
    in_person: bool,
    on_done: Callable[[Done], None],
    on_error: Failed,
) -> None:
    followups, operator = ctx.station.followups, ctx.operator_id

    def work() -> Done:
        view = followups.withdraw(ref, reason, operator=operator, in_person=in_person)
        return Done(view, Changes(cases=(view.case_number,), outbox=True), ())

    _write(ctx, work, on_done, on_error)


def print_after(ctx: AppContext, done: Done, on_printed: Callable[[ops.Printed], None]) -> bool:
    """Print what the act requires: ``done.prints`` when it names kinds, else the notices
    the case's new status requires (受理通知书, 送达回证, 撤回申请回执 …). False: nothing."""
    from printing.service import required_notices

    kinds = list(done.prints) or required_notices(done.case)
    if not kinds:
        return False
    ops.print_notices(ctx, done.case.case_number, kinds, on_printed)
    return True


def _write(
    ctx: AppContext, work: Callable[[], Done], on_done: Callable[[Done], None], on_error: Failed
) -> None:
    def answered(done: Done) -> None:
        on_done(done)
        ctx.changed(done.changes)

    ctx.runner.write(work, answered, on_error)
