"""The citizen screen's writes, each on the single writer (desktop.tasks), answering with
what changed so lists and the status bar refresh."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from intake.changes import Changes
from intake.views import CaseView

if TYPE_CHECKING:
    from desktop.context import AppContext


def _done(
    ctx: AppContext, number: str, on_done: Callable[[CaseView], None]
) -> Callable[[CaseView], None]:
    def done(view: CaseView) -> None:
        on_done(view)
        ctx.changed(Changes(cases=(number,), outbox=True))

    return done


def evaluate(
    ctx: AppContext,
    number: str,
    department: str,
    level: int,
    reasons: Sequence[str],
    comment: str,
    on_done: Callable[[CaseView], None],
    on_error: Callable[[BaseException], None],
) -> None:
    station, operator = ctx.station, ctx.operator_id
    ctx.runner.write(
        lambda: station.cases.evaluate(
            number,
            level,
            comment,
            operator=operator,
            department=department,
            reasons=tuple(reasons),
        ),
        _done(ctx, number, on_done),
        on_error,
    )


def skip_evaluation(
    ctx: AppContext,
    number: str,
    reason: str,
    on_done: Callable[[CaseView], None],
    on_error: Callable[[BaseException], None],
) -> None:
    station, operator = ctx.station, ctx.operator_id
    ctx.runner.write(
        lambda: station.cases.skip_evaluation(number, reason, operator=operator),
        _done(ctx, number, on_done),
        on_error,
    )


def sign(
    ctx: AppContext,
    number: str,
    documents: Sequence[str],
    png: bytes,
    strokes: int,
    on_done: Callable[[CaseView], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """The signature as an attachment of kind ``signature`` for each document it signs."""
    station, operator = ctx.station, ctx.operator_id

    def work() -> CaseView:
        for document in documents:
            station.attachments.add(
                number,
                png,
                material_id=None,
                filename=f"signature-{document}.png",
                mime="image/png",
                operator=operator,
                kind="signature",
                document=document,
                strokes=strokes,
            )
        return station.cases.get(number)

    ctx.runner.write(work, _done(ctx, number, on_done), on_error)
