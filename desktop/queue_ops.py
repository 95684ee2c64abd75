"""The kiosk's and the queue panel's operations, each one line for a screen (as ``ops``):
writes on the single writer, reads on the reader pool, the ticket on the print thread."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from intake.appointments import Appointment
from intake.services.pre_intakes import KioskReceipt, PreIntake
from intake.services.queue import QueueCount, ServiceQueue, Ticket

if TYPE_CHECKING:
    from desktop.context import AppContext
    from printing.service import TicketPrinted

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass(frozen=True)
class CheckInReceipt(KioskReceipt):
    """A checked-in appointment's ticket: printed like the kiosk's, with its slot."""

    slot: str = ""


@dataclass(frozen=True)
class QueueState:
    """What the counter's panel shows."""

    current: Ticket | None
    counts: tuple[QueueCount, ...]
    waiting: tuple[Ticket, ...]


def queues(ctx: AppContext, on_done: Callable[[list[ServiceQueue]], None]) -> None:
    ctx.runner.read(ctx.station.queue.queues, on_done)


def submit_pre_intake(
    ctx: AppContext,
    content: Mapping[str, Any] | None,
    request: Mapping[str, Any] | None,
    queue: str,
    title: str,
    on_done: Callable[[KioskReceipt], None],
    on_error: Failed,
) -> None:
    station = ctx.station
    ctx.runner.write(
        lambda: station.pre_intakes.submit(content, request, queue=queue, title=title),
        on_done,
        on_error,
    )


def appointment_for(
    ctx: AppContext, id_number: str, on_done: Callable[[Appointment | None], None]
) -> None:
    appointments = ctx.station.appointments
    ctx.runner.read(lambda: appointments.today_for(id_number), on_done)


def check_in(
    ctx: AppContext,
    appointment_id: str,
    id_number: str,
    on_done: Callable[[CheckInReceipt], None],
    on_error: Failed,
) -> None:
    station = ctx.station

    def work() -> CheckInReceipt:
        appointment, ticket = station.appointments.check_in(appointment_id, id_number)
        names = {q.code: q.name for q in station.queue.queues()}
        return CheckInReceipt(ticket, None, names.get(ticket.queue, ticket.queue), appointment.slot)

    ctx.runner.write(work, on_done, on_error)


def print_ticket(
    ctx: AppContext,
    receipt: KioskReceipt,
    priority: bool,
    on_done: Callable[[TicketPrinted], None],
) -> None:
    from printing.documents.kiosk_ticket import KioskTicket

    t = receipt.ticket
    ticket = KioskTicket(
        number=t.number,
        queue_name=receipt.queue_name,
        title=t.title,
        taken_at=t.taken_at,
        ahead=t.ahead,
        code=receipt.code,
        pre_intake=receipt.pre_intake_id is not None,
        priority=priority,
        appointment=getattr(receipt, "slot", ""),
    )
    service, target = ctx.printing, ctx.printer_target
    ctx.runner.print(lambda: service.print_kiosk_ticket(ticket, printer=target), on_done)


def verify_supervisor(
    ctx: AppContext, operator_id: str, pin: str, on_done: Done, on_error: Failed
) -> None:
    from intake.kiosk import verify_supervisor as check

    operators = ctx.station.operators
    ctx.runner.write(lambda: check(operators, operator_id, pin), on_done, on_error)


def queue_state(ctx: AppContext, counter: str, on_done: Callable[[QueueState], None]) -> None:
    q = ctx.station.queue

    def work() -> QueueState:
        return QueueState(q.current(counter), tuple(q.counts()), tuple(q.waiting(limit=30)))

    ctx.runner.read(work, on_done)


def call_next(
    ctx: AppContext, counter: str, serves: Sequence[str], on_done: Done, on_error: Failed
) -> None:
    q, operator = ctx.station.queue, ctx.operator_id
    ctx.runner.write(lambda: q.call_next(counter, operator, serves), on_done, on_error)


def ticket_command(
    ctx: AppContext, command: str, ticket_id: str, on_done: Done, on_error: Failed, *args: str
) -> None:
    """recall / no_show / done / transfer (with the target queue) on the writer."""
    q, operator = ctx.station.queue, ctx.operator_id
    method = {"recall": q.recall, "no_show": q.no_show, "done": q.done}.get(command)
    if command == "transfer":
        ctx.runner.write(lambda: q.transfer(ticket_id, args[0], operator), on_done, on_error)
    elif method is not None:
        ctx.runner.write(lambda: method(ticket_id, operator), on_done, on_error)
    else:
        raise ValueError(command)


def find_pre_intake(
    ctx: AppContext, ref: str, on_done: Callable[[PreIntake], None], on_error: Failed
) -> None:
    station = ctx.station
    ctx.runner.read(lambda: station.pre_intakes.find(ref), on_done, on_error)


def pre_intake_taken(ctx: AppContext, pre_intake_id: str, case_number: str) -> None:
    station, operator = ctx.station, ctx.operator_id
    ctx.runner.write(lambda: station.pre_intakes.mark_taken(pre_intake_id, case_number, operator))
