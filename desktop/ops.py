"""The app's operations, each one line for a screen: what runs where, and what it changed.

Writes go to the single writer, reads to the reader pool, printing to the print thread
(desktop.tasks). Every write answers with ``intake.changes.Changes`` and the context's
``changed`` callback lets the status bar and lists refresh from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from intake.changes import Changes
from intake.clock import local_date, now
from intake.confirmation import Confirmation
from intake.requests import parse_request
from intake.services.drafts import Draft
from intake.services.lookups import ReturningApplicant
from intake.services.print_jobs import PrintJob
from intake.views import CaseView

if TYPE_CHECKING:
    from desktop.context import AppContext


@dataclass(frozen=True)
class Saved:
    case: CaseView
    changes: Changes


@dataclass(frozen=True)
class Printed:
    case_number: str
    jobs: tuple[PrintJob, ...]  # in their final state (printed / failed / cancelled)

    @property
    def failed(self) -> tuple[PrintJob, ...]:
        return tuple(j for j in self.jobs if j.state != "printed")


def save_intake(
    ctx: AppContext,
    request: dict[str, Any],
    on_done: Callable[[Saved], None],
    on_error: Callable[[BaseException], None],
    *,
    confirmation: Confirmation | None = None,
) -> None:
    """Record the case (one transaction, with the citizen's 信息确认 if there was one) and
    drop the operator's draft."""
    station, operator = ctx.station, ctx.operator_id

    def work() -> Saved:
        parsed = parse_request(request, today=local_date(now()))
        result = station.cases.accept(parsed, confirmation=confirmation)
        station.drafts.discard(operator)
        view = station.cases.get(result.case_number)
        return Saved(view, Changes(cases=(result.case_number,), outbox=True, drafts=True))

    ctx.runner.write(work, _changed(ctx, on_done), on_error)


def save_draft(ctx: AppContext, content: dict[str, Any]) -> None:
    station, operator = ctx.station, ctx.operator_id
    ctx.runner.write(lambda: station.drafts.save(operator, content))


def discard_draft(ctx: AppContext) -> None:
    station, operator = ctx.station, ctx.operator_id
    ctx.runner.write(lambda: station.drafts.discard(operator))


def load_draft(ctx: AppContext, on_done: Callable[[Draft | None], None]) -> None:
    station, operator = ctx.station, ctx.operator_id
    ctx.runner.read(lambda: station.drafts.get(operator), on_done)


def returning_applicant(
    ctx: AppContext, id_number: str, doc_type: str, on_done: Callable[[ReturningApplicant], None]
) -> None:
    from intake.identity import DocType

    station = ctx.station
    kind = DocType(doc_type) if doc_type in {d.value for d in DocType} else DocType.RESIDENT
    ctx.runner.read(lambda: station.lookups.returning_applicant(id_number, doc_type=kind), on_done)


def print_notices(
    ctx: AppContext,
    case_number: str,
    kinds: list[str] | None,
    on_done: Callable[[Printed], None],
    *,
    reprint: bool | None = None,
) -> None:
    """Print what the case needs (``kinds`` None: what its decision requires); a printer
    failure never raises: the job stays failed and the case shows 'notice not printed'."""
    from printing.service import required_notices

    service, operator = ctx.printing, ctx.operator_id

    def work() -> Printed:
        case = ctx.station.cases.get(case_number)
        wanted = kinds if kinds is not None else required_notices(case)
        printers = ctx.station.local_settings.local().printers  # per document, if set
        jobs = [
            service.print_case(
                case.id, kind, operator_id=operator, reprint=reprint, printer=printers.get(kind)
            )
            for kind in wanted
        ]
        return Printed(case_number, tuple(jobs))  # type: ignore[arg-type]

    ctx.runner.print(work, _changed(ctx, on_done, Changes(cases=(case_number,), print_jobs=True)))


def preview_notice(ctx: AppContext, case_number: str, on_done: Callable[[str], None]) -> None:
    """Render the case's main notice to a PDF file marked 样张 (no document number drawn)."""
    from printing.service import required_notices

    service, folder = ctx.printing, ctx.station.data_dir / "previews"

    def work() -> str:
        case = ctx.station.cases.get(case_number)
        kinds = required_notices(case) or ["materials"]
        ctx_doc = service.context(case, kinds[0], doc_number=0, year=now().year, watermark="样张")
        rendered = service.render(ctx_doc)
        folder.mkdir(mode=0o700, exist_ok=True)
        path = folder / f"{rendered.payload.name}-preview.pdf"
        path.write_bytes(rendered.payload.data)
        path.chmod(0o600)
        return str(path)

    ctx.runner.print(work, on_done)


def outbox_counts(ctx: AppContext, on_done: Callable[[dict[str, Any]], None]) -> None:
    station = ctx.station
    ctx.runner.read(station.outbox.stats, on_done)


def _changed(
    ctx: AppContext, on_done: Callable[[Any], None], changes: Changes | None = None
) -> Callable[[Any], None]:
    def done(result: Any) -> None:
        on_done(result)
        ctx.changed(getattr(result, "changes", None) or changes or Changes())

    return done
