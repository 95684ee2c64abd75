"""The dashboard written to CSV or XLSX, in Chinese (a report a supervisor files or forwards).

Both formats carry the same sections (``sections``): the summary figures, cases per day, per
matter and per operator, the 好差评 distribution and the 差评 with their rectification clock.
The XLSX has one sheet per section; the CSV has the sections one after another, each with a
title line and a header, separated by an empty line, UTF-8 with a BOM so Excel shows the
Chinese. Files are written next to their target and renamed into place: a failed export
never leaves half a file under the name the supervisor chose.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from intake.stats.figures import LEVELS, Dashboard, Ratio

Cell = str | int | float | None


@dataclass(frozen=True)
class Section:
    title: str  # the sheet name (≤ 31 characters, Excel's limit)
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _pct(r: Ratio) -> float | None:
    return None if r.rate is None else round(r.rate * 100, 1)


def _num(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def default_file_name(d: Dashboard, suffix: str) -> str:
    """统计报表_2026-10-01_2026-10-31.xlsx"""
    return f"统计报表_{d.period.start.isoformat()}_{d.period.end.isoformat()}.{suffix}"


def sections(d: Dashboard) -> tuple[Section, ...]:
    p = d.period
    summary: list[tuple[Cell, ...]] = [
        ("统计期间", f"{p.start.isoformat()} 至 {p.end.isoformat()}", ""),
        ("统计日", d.today.isoformat(), ""),
        ("经办人", p.operator_id or "全部", ""),
        ("事项", p.matter_code or "全部", ""),
        ("收件总数", d.cases, "件"),
        ("即办率", _pct(d.immediate), f"%（{d.immediate.numerator}/{d.immediate.denominator}）"),
        (
            "一次办结率",
            _pct(d.first_time),
            f"%（{d.first_time.numerator}/{d.first_time.denominator}）",
        ),
        ("平均跑动次数", _num(d.visits.average, 2), f"次（{d.visits.cases} 件有记录）"),
        (
            "最多跑一次占比",
            _pct(d.visits.at_most_one),
            f"%（{d.visits.at_most_one.numerator}/{d.visits.at_most_one.denominator}）",
        ),
        (
            "平均办理时长（工作日）",
            _num(d.handling.average_working_days, 2),
            f"（{d.handling.completed} 件办结）",
        ),
        ("平均办理时长（小时）", _num(d.handling.average_hours, 1), ""),
        ("超期件", d.overdue, "件"),
        ("容缺逾期", d.deferred.overdue, "件"),
        ("容缺即将到期", d.deferred.due_soon, "件（3日内）"),
        ("好差评总数", d.ratings.total, "条"),
        (
            "好评率",
            _pct(d.ratings.good),
            f"%（{d.ratings.good.numerator}/{d.ratings.good.denominator}）",
        ),
        ("差评待整改", len(d.low_ratings), "条"),
    ]
    return (
        Section("概况", ("指标", "数值", "说明"), tuple(summary)),
        Section("每日收件", ("日期", "件数"), tuple((c.key, c.count) for c in d.per_day)),
        Section(
            "按事项",
            ("事项编码", "事项名称", "件数"),
            tuple((c.key, c.label, c.count) for c in d.per_matter),
        ),
        Section(
            "按经办人",
            ("经办人编号", "姓名", "件数"),
            tuple((c.key, c.label, c.count) for c in d.per_operator),
        ),
        Section(
            "好差评",
            ("等级", "评价", "条数"),
            tuple((lvl, LEVELS[lvl], d.ratings.counts.get(lvl, 0)) for lvl in LEVELS),
        ),
        Section(
            "差评整改",
            ("办件编号", "等级", "评价原因", "评价日期", "整改期限", "剩余工作日"),
            tuple(
                (
                    r.case_number,
                    LEVELS[r.level],
                    r.reason,
                    r.rated_on.isoformat(),
                    r.due.isoformat(),
                    r.days_left,
                )
                for r in d.low_ratings
            ),
        ),
    )


def _replace_into(target: Path, write: Callable[[Path], None]) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=".export-", dir=target.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_csv(d: Dashboard, target: str | os.PathLike[str]) -> Path:
    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            for i, s in enumerate(sections(d)):
                if i:
                    out.writerow([])
                out.writerow([s.title])
                out.writerow(s.header)
                out.writerows(["" if v is None else v for v in row] for row in s.rows)

    return _replace_into(Path(target), write)


def write_xlsx(d: Dashboard, target: str | os.PathLike[str]) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    def write(path: Path) -> None:
        book = Workbook()
        book.remove(book.active)
        for s in sections(d):
            sheet = book.create_sheet(s.title)
            sheet.append(list(s.header))
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for row in s.rows:
                sheet.append(list(row))
            for col, name in enumerate(s.header, start=1):
                width = max([len(str(name))] + [len(str(r[col - 1] or "")) for r in s.rows])
                sheet.column_dimensions[sheet.cell(1, col).column_letter].width = min(
                    60, 4 + width * 2
                )
        book.properties.creator = "WindowDesk"
        book.properties.created = dt.datetime(2000, 1, 1)  # no wall clock in the file
        book.save(path)

    return _replace_into(Path(target), write)


def read_csv(path: str | os.PathLike[str]) -> dict[str, list[list[str]]]:
    """Sections by title (header first): what the tests and a re-import read back."""
    found: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f):
            if not row:
                current = None
            elif current is None:
                current = found.setdefault(row[0], [])
            else:
                current.append(row)
    return found


def read_xlsx(path: str | os.PathLike[str]) -> dict[str, list[list[Cell]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return {
            ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets
        }
    finally:
        book.close()


__all__: Sequence[str] = (
    "Section",
    "default_file_name",
    "read_csv",
    "read_xlsx",
    "sections",
    "write_csv",
    "write_xlsx",
)
