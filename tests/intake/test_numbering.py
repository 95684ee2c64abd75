from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.numbering import CASE_NUMBER, format_case_number, next_case_number
from intake.station import Station


@given(
    st.from_regex(r"[A-Z0-9]{2,12}", fullmatch=True),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(1, 99_999),
)
def test_format_and_pattern_agree(station: str, day: date, seq: int) -> None:
    number = format_case_number(station, day, seq)
    match = CASE_NUMBER.fullmatch(number)
    assert match is not None
    assert (match["station"], match["day"], int(match["seq"])) == (station, f"{day:%Y%m%d}", seq)


@settings(
    max_examples=15,
    deadline=None,  # a fresh store per example: its migrations take what a loaded machine gives
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.sampled_from([date(2026, 11, 20), date(2026, 11, 21), date(2027, 1, 4)]),
        min_size=1,
        max_size=25,
    )
)
def test_daily_sequences_are_contiguous_whatever_the_order(
    data_dir: Path, days: list[date]
) -> None:
    folder = data_dir / f"n{uuid.uuid4().hex}"  # a replayed example starts from an empty store
    with Station.open(folder) as st_, st_.db.write() as session:
        numbers = [next_case_number(session, "CSX001", d) for d in days]
    assert len(set(numbers)) == len(numbers)
    for day in set(days):
        seqs = [int(n.rsplit("-", 1)[1]) for n in numbers if f"-{day:%Y%m%d}-" in n]
        assert seqs == list(range(1, days.count(day) + 1))
