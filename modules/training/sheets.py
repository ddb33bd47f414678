"""What the organiser prints: the attendance sheet (each trainee with a seat, a column to sign
in for each session, A4 landscape, six sessions to a page) and the list of those who
completed (an official document, Nghị định 30/2020/NĐ-CP). Written in the province's
language, whoever prints them."""

import io
import unicodedata

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.clock import local_date, today
from app.extensions import db
from app.pdf import OfficialDocument, render
from app.pdf.official import TEXT_WIDTH, cell
from app.pdf.typeface import _register_fonts, _style
from modules.training import attendance, certificates
from modules.training.attendance_models import COMPLETED, AttendanceBook

SESSIONS_PER_PAGE = 6
SIGNING_ROW = 12 * mm


def _days(training_class) -> str:
    first, last = training_class.first_day, training_class.last_day
    if first is None:
        return ""
    if first == last:
        return f"ngày {first:%d/%m/%Y}"
    return f"từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}"


def _heading(training_class) -> list:
    course = training_class.course
    centred = _style("sheet-title", 14, bold=True, align=TA_CENTER)
    below = _style("sheet-sub", 12, align=TA_CENTER)
    place = training_class.venue or training_class.online_link or ""
    return [Paragraph(_safe(course.agency.name_vi.upper()), _style("sheet-issuer", 12,
                                                                   bold=True)),
            Spacer(1, 3 * mm), Paragraph("DANH SÁCH ĐIỂM DANH HỌC VIÊN", centred),
            Paragraph(_safe(f"Lớp {training_class.code}: {course.topic}"), below),
            Paragraph(_safe(f"Thời gian: {_days(training_class)}. Địa điểm: {place}"), below),
            Spacer(1, 4 * mm)]


def _safe(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attendance_sheet(training_class) -> bytes:
    """One row per trainee with a seat, a signature column per session."""
    _register_fonts()
    out = io.BytesIO()
    page = landscape(A4)
    width = page[0] - 30 * mm
    pdf = SimpleDocTemplate(out, pagesize=page, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm,
                            title=f"Danh sách điểm danh {training_class.code}")
    trainees = attendance.confirmed(training_class)
    sessions = training_class.sessions
    story = []
    for start in range(0, max(len(sessions), 1), SESSIONS_PER_PAGE):
        chunk = sessions[start:start + SESSIONS_PER_PAGE]
        if story:
            story.append(PageBreak())
        story += _heading(training_class)
        header = [cell("STT", 9), cell("Họ và tên", 9), cell("Cơ quan, đơn vị", 9)] + [
            cell(f"Buổi {start + i + 1}\n{s.day:%d/%m/%Y}\n"
                 f"{s.starts_at:%H:%M}–{s.ends_at:%H:%M}\n(ký tên)", 9)
            for i, s in enumerate(chunk)]
        rows = [[cell(n, 10), cell(r.user.full_name, 10), cell(r.agency.name_vi, 9)]
                + ["" for _ in chunk] for n, r in enumerate(trainees, start=1)]
        fixed = [0.05, 0.22, 0.25]
        each = (1 - sum(fixed)) / max(len(chunk), 1)
        table = Table([header, *rows], colWidths=[width * w for w in fixed]
                      + [width * each] * len(chunk), repeatRows=1,
                      rowHeights=[None] + [SIGNING_ROW] * len(rows))
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "black"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee")]))
        story.append(table)
    pdf.build(story)
    return out.getvalue()


def completion_list(training_class) -> bytes:
    """The trainees who completed, with their certificates' numbers: an official document
    signed by who signs the certificates."""
    book = attendance_book(training_class)
    course = training_class.course
    numbers = {c.registration_id: c.number for c in certificates.of_class(training_class)}
    completed = [r for r in attendance.confirmed(training_class) if r.result == COMPLETED]
    total = len([r for r in attendance.confirmed(training_class) if r.result])
    rows = [[cell("STT"), cell("Họ và tên"), cell("Cơ quan, đơn vị"), cell("Số buổi có mặt"),
             cell("Số giấy chứng nhận")]]
    for n, registration in enumerate(completed, start=1):
        record = registration.result_record
        present = f"{record.attended}/{record.sessions}" if record else ""
        rows.append([cell(n), cell(registration.user.full_name),
                     cell(registration.agency.name_vi), cell(present),
                     cell(numbers.get(registration.id, ""))])
    table = Table(rows, colWidths=[TEXT_WIDTH * w for w in (0.07, 0.25, 0.26, 0.12, 0.30)],
                  repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee")]))
    closed_on = local_date(book.closed_at) if book and book.closed_at else today()
    intro = [f"Lớp {training_class.code} ({_days(training_class)}), do {course.agency.name_vi} "
             f"tổ chức. Điều kiện hoàn thành: có mặt từ {book.min_percent if book else ''}% số "
             "buổi học trở lên, hoặc theo quyết định của đơn vị tổ chức có ghi lý do.",
             f"Số học viên hoàn thành: {len(completed)}/{total} học viên, danh sách như sau:"]
    document = OfficialDocument(
        issuer_parent="UBND tỉnh Quảng Ngãi", issuer=course.agency.name_vi,
        number=f"      /DS-{course.agency.code}", place="Quảng Ngãi", issued_on=closed_on,
        kind="Danh sách", summary=f"Học viên hoàn thành lớp bồi dưỡng {course.topic}",
        body=[*intro, table], recipients=["Các cơ quan có học viên", "Lưu: VT"],
        signer_authority=(book.signer_authority if book else "") or "",
        signer_name=(book.signer_name if book else "") or "")
    return render(document)


def attendance_book(training_class) -> AttendanceBook | None:
    return db.session.get(AttendanceBook, training_class.id)
