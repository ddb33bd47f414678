"""What the dashboard shows for a year: each item with its lead agencies and their status,
each agency's counts, the totals; and the same as a spreadsheet and a PDF."""

import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from app.auth.models import Agency
from app.plan.assignments import assignments_for
from app.plan.catalogue import items_due_in
from app.plan.models import OUTCOME_BADGES, Assignment, Outcome, Plan, PlanItem

ORDER = [Outcome.DONE_ON_TIME, Outcome.DONE_LATE, Outcome.IN_PROGRESS, Outcome.OVERDUE]
FILLS = {Outcome.DONE_ON_TIME: "C6EFCE", Outcome.DONE_LATE: "FFEB9C",
         Outcome.IN_PROGRESS: "DDEBF7", Outcome.OVERDUE: "FFC7CE"}


@dataclass
class ItemRow:
    item: PlanItem
    cells: list[tuple[Assignment, Outcome]]  # each lead agency's assignment and status


@dataclass
class AgencyRow:
    agency: Agency
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Summary:
    year: int
    day: date
    items: list[ItemRow]
    agencies: list[AgencyRow]
    totals: Counter


def summary(plan: Plan, year: int, day: date) -> Summary:
    by_item: dict[int, list[Assignment]] = {}
    agencies: dict[int, AgencyRow] = {}
    totals: Counter = Counter()
    for assignment in assignments_for(year):
        by_item.setdefault(assignment.item_id, []).append(assignment)
        status = assignment.status_on(day)
        agencies.setdefault(assignment.agency_id, AgencyRow(assignment.agency)).counts[status] += 1
        totals[status] += 1
    rows = [ItemRow(item, [(a, a.status_on(day)) for a in by_item.get(item.id, [])])
            for item in items_due_in(plan, year)]
    ranked = sorted(agencies.values(),
                    key=lambda row: (-row.counts[Outcome.OVERDUE], row.agency.name_vi))
    return Summary(year, day, rows, ranked, totals)


def _label(status: Outcome) -> str:
    return str(OUTCOME_BADGES[status][0])


def workbook(data: Summary) -> bytes:
    """Two sheets: the items with their lead agencies' status, and the counts per agency."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"Nhiệm vụ {data.year}"
    sheet.append(["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Tình trạng"])
    for row in data.items:
        for assignment, status in row.cells or [(None, None)]:
            sheet.append([row.item.code, row.item.content,
                          assignment.agency.name_vi if assignment else "Chưa giao thực hiện",
                          assignment.due_on if assignment else None,
                          _label(status) if status else ""])
            if status:
                sheet.cell(sheet.max_row, 5).fill = PatternFill("solid", fgColor=FILLS[status])
                sheet.cell(sheet.max_row, 4).number_format = "DD/MM/YYYY"
    per_agency = book.create_sheet("Theo cơ quan")
    per_agency.append(["Cơ quan", *[_label(s) for s in ORDER], "Tổng"])
    for row in data.agencies:
        per_agency.append([row.agency.name_vi, *[row.counts[s] for s in ORDER], row.total])
    per_agency.append(["Tổng", *[data.totals[s] for s in ORDER], sum(data.totals.values())])
    for ws, widths in ((sheet, [8, 70, 40, 12, 26]), (per_agency, [45, 20, 20, 26, 26, 8])):
        for column, width in zip("ABCDEF", widths, strict=False):
            ws.column_dimensions[column].width = width
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for line in ws.iter_rows(min_row=2):
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf(data: Summary, plan: Plan) -> bytes:
    from app.pdf.tables import render_table

    rows, colours = [], []
    for row in data.items:
        for assignment, status in row.cells or [(None, None)]:
            rows.append([row.item.code, row.item.content,
                         assignment.agency.name_vi if assignment else "Chưa giao thực hiện",
                         assignment.due_on.strftime("%d/%m/%Y") if assignment else "",
                         _label(status) if status else ""])
            colours.append("#" + FILLS[status] if status else None)
    return render_table(
        f"TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH SỐ {plan.number} NĂM {data.year}",
        f"Số liệu đến ngày {data.day:%d/%m/%Y}",
        ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Tình trạng"], rows,
        [0.06, 0.49, 0.22, 0.09, 0.14], colours)
