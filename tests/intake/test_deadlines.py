"""Case deadlines: due dates across holidays, pauses, days left, history, provisional years."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.deadlines import (
    DeadlineError,
    Pause,
    clock_from_history,
    compute_deadline,
    deadline_for_case,
    local_date,
)
from intake.status import Event, Status
from intake.views import DeadlineInfo, HistoryEntry
from intake.workdays import CalendarOverride, CalendarUnavailable, WorkCalendar

D = dt.date
CAL = WorkCalendar()


def deadline(
    accepted: dt.date | None,
    promised: int,
    today: dt.date,
    pauses: list[tuple[dt.date, dt.date | None]] | None = None,
    legal: int = 20,
    cal: WorkCalendar = CAL,
    extension: int = 0,
) -> DeadlineInfo:
    return compute_deadline(accepted, legal, promised, pauses or [], cal, today, extension)


# -- due dates ------------------------------------------------------------------------------------


def test_not_accepted_has_no_deadline() -> None:
    assert deadline(None, 5, D(2026, 3, 2)) == DeadlineInfo(None, None, False, 0, None, False)


def test_spring_festival_2026() -> None:
    # Accepted Fri 02-13. Working days after it: Sat 02-14 (调休) 1; 02-15..23 off;
    # 02-24..27 → 5. Legal 20: 28 Sat (调休) 6, 03-02..06 11, 03-09..13 16, 03-16..19 20.
    info = deadline(D(2026, 2, 13), 5, today=D(2026, 2, 13))
    assert info.promised_due == D(2026, 2, 27)
    assert info.legal_due == D(2026, 3, 19)
    assert info.days_left == 5 and not info.overdue and not info.provisional
    assert info.paused_days == 0
    # During the holiday no working day passes: still 4 left on the 1st day of 春节 after the
    # 调休 Saturday was worked.
    assert deadline(D(2026, 2, 13), 5, today=D(2026, 2, 18)).days_left == 4


def test_national_day_2025_and_2026() -> None:
    # 2025: accepted Fri 09-26; Sun 09-28 is a 调休 workday (1), 09-29 (2), 09-30 (3), 10-01..08
    # off, 10-09 (4), 10-10 (5).
    assert deadline(D(2025, 9, 26), 5, today=D(2025, 9, 26)).promised_due == D(2025, 10, 10)
    # 2026: accepted Tue 09-29: 09-30 (1), 10-01..07 off, 10-08 (2), 10-09 (3), Sat 10-10 (4).
    info = deadline(D(2026, 9, 29), 4, today=D(2026, 10, 3))
    assert info.promised_due == D(2026, 10, 10)
    assert info.days_left == 3  # 10-08, 10-09, 10-10


def test_immediate_matter_is_due_the_acceptance_day() -> None:
    info = deadline(D(2026, 3, 10), 0, today=D(2026, 3, 10), legal=0)
    assert info.promised_due == info.legal_due == D(2026, 3, 10)
    assert info.days_left == 0 and not info.overdue
    late = deadline(D(2026, 3, 10), 0, today=D(2026, 3, 11), legal=0)
    assert late.overdue and late.days_left == -1


def test_twenty_days_from_mid_december_2026_is_provisional_2027() -> None:
    # Derivation in test_workdays: 2026-12-15 + 20 working days = Wed 2027-01-13 under the
    # provisional 2027 calendar (元旦 Fri 01-01 off, no 调休 guessed).
    info = deadline(D(2026, 12, 15), 20, today=D(2026, 12, 15), legal=20)
    assert info.promised_due == info.legal_due == D(2027, 1, 13)
    assert info.provisional and info.days_left == 20
    # Within 2026 only: official.
    assert not deadline(D(2026, 12, 1), 5, today=D(2026, 12, 1), legal=5).provisional


def test_official_2027_arriving_recomputes_the_date() -> None:
    # A hypothetical 2027 notice with a 调休 workday on Sat 2027-01-09: that Saturday becomes
    # the 18th working day, so the 20th is Tue 01-12, and no longer provisional.
    pushed = {
        "schema": 1,
        "complete_years": [2027],
        "days": [
            {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
            {"date": "2027-01-09", "kind": "workday", "name": "元旦"},
        ],
    }
    cal = CAL.with_override(CalendarOverride.from_json(pushed))
    info = deadline(D(2026, 12, 15), 20, today=D(2026, 12, 15), legal=20, cal=cal)
    assert info.promised_due == D(2027, 1, 12) and not info.provisional


def test_today_in_a_provisional_year_makes_days_left_provisional() -> None:
    info = deadline(D(2026, 12, 1), 30, today=D(2027, 1, 4), legal=30)
    assert info.provisional


def test_extension_adds_to_both_limits() -> None:
    base = deadline(D(2026, 3, 2), 10, today=D(2026, 3, 2))
    ext = deadline(D(2026, 3, 2), 10, today=D(2026, 3, 2), extension=10)
    assert CAL.working_days_between(base.legal_due or D.min, ext.legal_due or D.min) == 10
    assert CAL.working_days_between(base.promised_due or D.min, ext.promised_due or D.min) == 10


def test_negative_limits_are_rejected() -> None:
    with pytest.raises(DeadlineError) as err:
        deadline(D(2026, 3, 2), -1, today=D(2026, 3, 2))
    assert err.value.code == "deadline.negative_limit"


def test_a_year_without_any_calendar_is_a_typed_error() -> None:
    with pytest.raises(CalendarUnavailable):
        deadline(D(2099, 12, 20), 20, today=D(2099, 12, 20))


# -- pauses ---------------------------------------------------------------------------------------

# March 2026 has no holiday. Accepted Mon 03-02 with 10 days promised: 03-03..06 (4),
# 03-09..13 (9), 03-16 (10).
ACC = D(2026, 3, 2)
DUE = D(2026, 3, 16)


def test_no_pause_baseline() -> None:
    assert deadline(ACC, 10, today=ACC).promised_due == DUE


def test_supplement_pause_pushes_the_due_date() -> None:
    # 补正 Wed 03-04 → materials Tue 03-10: the clock stood for 03-05, 06, 09, 10 (4 days).
    info = deadline(ACC, 10, today=D(2026, 3, 11), pauses=[(D(2026, 3, 4), D(2026, 3, 10))])
    assert info.paused_days == 4
    assert info.promised_due == D(2026, 3, 20)
    assert info.days_left == 7  # 12, 13, 16, 17, 18, 19, 20


def test_overlapping_special_procedure_counts_once() -> None:
    # 特别程序 03-09..03-12 overlaps the 补正: together 03-05..03-12 = 6 working days.
    info = deadline(
        ACC,
        10,
        today=D(2026, 3, 13),
        pauses=[(D(2026, 3, 4), D(2026, 3, 10)), (D(2026, 3, 9), D(2026, 3, 12))],
    )
    assert info.paused_days == 6
    assert info.promised_due == D(2026, 3, 24)


def test_pause_across_a_holiday_only_counts_working_days() -> None:
    # Accepted 2026-02-10 (Tue), 10 days: 11,12,13,14(调休) 4, 24..27 8, 28(调休) 9, 03-02 10.
    # 特别程序 02-13..02-25 stops 02-14 (调休), 02-24, 02-25 = 3 working days → 03-05.
    base = deadline(D(2026, 2, 10), 10, today=D(2026, 2, 10))
    assert base.promised_due == D(2026, 3, 2)
    info = deadline(
        D(2026, 2, 10), 10, today=D(2026, 2, 26), pauses=[(D(2026, 2, 13), D(2026, 2, 25))]
    )
    assert info.paused_days == 3 and info.promised_due == D(2026, 3, 5)


def test_open_pause_runs_until_today_and_freezes_days_left() -> None:
    pause: list[tuple[dt.date, dt.date | None]] = [(D(2026, 3, 4), None)]
    before = deadline(ACC, 10, today=D(2026, 3, 4))
    assert before.days_left == 8
    for today, due in ((D(2026, 3, 10), D(2026, 3, 20)), (D(2026, 3, 11), D(2026, 3, 23))):
        info = deadline(ACC, 10, today=today, pauses=pause)
        assert info.promised_due == due
        assert info.days_left == 8 and not info.overdue


def test_pause_after_the_due_date_does_not_rescue_an_overdue_case() -> None:
    info = deadline(ACC, 10, today=D(2026, 3, 20), pauses=[(D(2026, 3, 17), None)])
    assert info.promised_due == DUE
    assert info.overdue and info.days_left == -4  # 17, 18, 19, 20 passed


def test_pause_before_acceptance_is_ignored_and_reversed_pause_rejected() -> None:
    info = deadline(ACC, 10, today=ACC, pauses=[(D(2026, 2, 20), D(2026, 3, 2))])
    assert info.promised_due == DUE and info.paused_days == 0
    with pytest.raises(DeadlineError) as err:
        deadline(ACC, 10, today=ACC, pauses=[(D(2026, 3, 5), D(2026, 3, 4))])
    assert err.value.code == "deadline.pause_reversed"


# -- days left and overdue ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "left", "overdue"),
    [
        (D(2026, 3, 2), 10, False),
        (D(2026, 3, 13), 1, False),
        (D(2026, 3, 14), 1, False),  # Saturday: no working day passed
        (D(2026, 3, 16), 0, False),  # the due day itself
        (D(2026, 3, 17), -1, True),
        (D(2026, 3, 21), -4, True),  # Saturday after: 17..20 passed
    ],
)
def test_days_left_and_overdue(today: dt.date, left: int, overdue: bool) -> None:
    info = deadline(ACC, 10, today=today)
    assert (info.days_left, info.overdue) == (left, overdue)


def test_overdue_on_the_weekend_right_after_a_friday_due_date() -> None:
    # Due Fri 03-20 (promised 14): on Sat 03-21 the day has passed but no working day has.
    info = deadline(ACC, 14, today=D(2026, 3, 21))
    assert info.promised_due == D(2026, 3, 20)
    assert info.overdue and info.days_left == 0


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=D(2005, 1, 1), max_value=D(2028, 12, 31)),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=30),
)
def test_pauses_extend_by_exactly_the_paused_days_before_due(
    accepted: dt.date, promised: int, offset: int, length: int, later: int
) -> None:
    start = accepted + dt.timedelta(days=offset)
    end = start + dt.timedelta(days=length)
    today = end + dt.timedelta(days=later)
    plain = deadline(accepted, promised, today=today, legal=promised)
    paused = deadline(accepted, promised, today=today, legal=promised, pauses=[(start, end)])
    assert plain.promised_due is not None and paused.promised_due is not None
    if start >= plain.promised_due:
        assert paused.promised_due == plain.promised_due
    else:
        moved = CAL.working_days_between(plain.promised_due, paused.promised_due)
        assert moved == CAL.working_days_between(start, end) == paused.paused_days
    # The running clock (working days since acceptance minus the paused ones) reaches the limit
    # exactly on the due day.
    due = paused.promised_due
    s = max(start, accepted)
    stood = CAL.working_days_between(s, min(end, due)) if s < due else 0
    assert CAL.working_days_between(accepted, due) - stood == promised
    assert promised == 0 or CAL.is_workday(due)


# -- from the case history ------------------------------------------------------------------------


def entry(seq: int, day: dt.date, status: Status, event: str | None = None) -> HistoryEntry:
    at = dt.datetime.combine(day, dt.time(10, 0))
    return HistoryEntry(seq, at, status, event or status.value, "station", "op1")


def test_history_supplement_after_acceptance_and_special_procedure() -> None:
    history = [
        entry(1, D(2026, 3, 1), Status.RECEIVED),
        entry(2, ACC, Status.ACCEPTED),
        entry(3, D(2026, 3, 3), Status.UNDERTAKEN),
        entry(4, D(2026, 3, 4), Status.SUPPLEMENT),  # a department asks for more
        entry(5, D(2026, 3, 10), Status.ACCEPTED),  # materials in: the clock runs again
        entry(6, D(2026, 3, 12), Status.ACCEPTED, Event.SPECIAL_START.value),
        entry(7, D(2026, 3, 13), Status.ACCEPTED, Event.MATERIALS_UPDATED.value),
        entry(8, D(2026, 3, 16), Status.ACCEPTED, Event.SPECIAL_END.value),
    ]
    clock = clock_from_history(history)
    assert clock.accepted_on == ACC
    assert clock.pauses == (
        Pause(D(2026, 3, 4), D(2026, 3, 10)),
        Pause(D(2026, 3, 12), D(2026, 3, 16)),
    )
    assert not clock.paused_now and clock.stopped_on is None
    got = deadline_for_case(
        history, legal_days=20, promised_days=10, calendar=CAL, today=D(2026, 3, 17)
    )
    # 4 days (03-05..10) + 2 days (03-13, 16) = 6 paused: 03-16 + 6 = 03-24.
    assert got.info.paused_days == 6
    assert got.info.promised_due == D(2026, 3, 24)
    assert got.info == compute_deadline(ACC, 20, 10, clock.pauses, CAL, D(2026, 3, 17))


def test_history_supplement_before_acceptance_is_not_a_pause() -> None:
    history = [
        entry(1, D(2026, 2, 26), Status.RECEIVED),
        entry(2, D(2026, 2, 26), Status.SUPPLEMENT),
        entry(3, ACC, Status.ACCEPTED),
    ]
    clock = clock_from_history(history)
    assert clock.accepted_on == ACC and clock.pauses == ()


def test_history_open_special_procedure_is_paused_now() -> None:
    history = [
        entry(1, ACC, Status.ACCEPTED),
        entry(2, D(2026, 3, 4), Status.ACCEPTED, Event.SPECIAL_START.value),
    ]
    got = deadline_for_case(
        history, legal_days=20, promised_days=10, calendar=CAL, today=D(2026, 3, 11)
    )
    assert got.paused_now
    assert got.clock.pauses == (Pause(D(2026, 3, 4), None),)
    assert got.info.promised_due == D(2026, 3, 23) and got.info.days_left == 8


def test_history_finished_case_is_judged_on_the_day_it_finished() -> None:
    done_early = [entry(1, ACC, Status.ACCEPTED), entry(2, D(2026, 3, 12), Status.COMPLETED)]
    got = deadline_for_case(
        done_early, legal_days=20, promised_days=10, calendar=CAL, today=D(2026, 6, 1)
    )
    assert got.clock.stopped_on == D(2026, 3, 12)
    assert not got.info.overdue and got.info.days_left == 2  # 13, 16 to spare
    done_late = [entry(1, ACC, Status.ACCEPTED), entry(2, D(2026, 3, 18), Status.COMPLETED)]
    got = deadline_for_case(
        done_late, legal_days=20, promised_days=10, calendar=CAL, today=D(2026, 6, 1)
    )
    assert got.info.overdue and got.info.days_left == -2


def test_history_withdrawn_during_supplement_closes_the_pause() -> None:
    history = [
        entry(1, ACC, Status.ACCEPTED),
        entry(2, D(2026, 3, 4), Status.SUPPLEMENT),
        entry(3, D(2026, 3, 6), Status.WITHDRAWN),
    ]
    clock = clock_from_history(history)
    assert clock.pauses == (Pause(D(2026, 3, 4), D(2026, 3, 6)),)
    assert not clock.paused_now and clock.stopped_on == D(2026, 3, 6)


def test_history_not_accepted_or_rejected_has_no_deadline() -> None:
    rejected = [entry(1, ACC, Status.RECEIVED), entry(2, ACC, Status.REJECTED)]
    got = deadline_for_case(rejected, legal_days=20, promised_days=10, calendar=CAL, today=ACC)
    assert got.info.promised_due is None and got.clock.accepted_on is None


@pytest.mark.parametrize(
    "events",
    [
        [Event.SPECIAL_END],
        [Event.SPECIAL_START, Event.SPECIAL_START],
    ],
)
def test_inconsistent_special_procedure_history_is_a_typed_error(events: list[Event]) -> None:
    history = [entry(1, ACC, Status.ACCEPTED)] + [
        entry(2 + i, D(2026, 3, 4), Status.ACCEPTED, e.value) for i, e in enumerate(events)
    ]
    with pytest.raises(DeadlineError) as err:
        clock_from_history(history)
    assert err.value.code == "deadline.history_inconsistent"


def test_history_order_is_by_seq_and_aware_times_are_beijing_dates() -> None:
    utc = dt.UTC
    late_evening_utc = dt.datetime(2026, 3, 1, 17, 30, tzinfo=utc)  # 01:30 on 03-02 in Beijing
    assert local_date(late_evening_utc) == D(2026, 3, 2)
    assert local_date(dt.datetime(2026, 3, 1, 23, 0)) == D(2026, 3, 1)  # naive: taken as local
    history = [
        HistoryEntry(2, late_evening_utc, Status.ACCEPTED, "accepted", "station", "op1"),
        HistoryEntry(1, late_evening_utc, Status.RECEIVED, "received", "station", "op1"),
    ]
    assert clock_from_history(history).accepted_on == ACC


def test_open_pause_stamped_after_today_pauses_nothing_yet() -> None:
    # A platform clock a little ahead of ours: the pause begins "tomorrow".
    info = deadline(ACC, 10, today=D(2026, 3, 4), pauses=[(D(2026, 3, 5), None)])
    assert info.promised_due == DUE and info.paused_days == 0
