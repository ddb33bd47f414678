"""The consolidated report to the Provincial People's Committee, as an official document:
every item with its lead agencies and their status, the coordinator's assessment, the
difficulties and proposals the agencies reported, and who has not reported."""

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from app.auth.models import Agency
from app.extensions import db
from app.pdf import OfficialDocument, render
from app.pdf.official import cell, heading_style
from app.plan.assignments import assignments_for
from app.plan.catalogue import current_plan, items_due_in
from app.plan.citation import cited_date
from app.plan.models import OUTCOME_BADGES, ReportCycle
from app.settings import COORDINATOR_AGENCY, get_setting

FEW_LEADS = 4
RECIPIENTS = ["UBND tỉnh (để báo cáo)", "Bộ Thông tin và Truyền thông", "Ban Tuyên giáo Tỉnh ủy",
              "Các sở, ban, ngành; UBND cấp huyện", "Lưu: VT"]


def _items_table(cycle: ReportCycle) -> Table:
    plan = current_plan()
    by_item: dict[int, list] = {}
    for assignment in assignments_for(cycle.year):
        by_item.setdefault(assignment.item_id, []).append(assignment)
    rows = [[cell("Mã"), cell("Nhiệm vụ"), cell("Cơ quan chủ trì"), cell("Tình trạng")]]
    for item in items_due_in(plan, cycle.year):
        leads = "; ".join(link.target.name_vi for link in item.leads)  # the plan's words
        rows.append([cell(item.code), cell(item.content), cell(leads),
                     cell(_states(by_item.get(item.id, []), cycle.issued_on))])
    width = 165 * mm
    # A row may run over a page break: an item of the plan can be long.
    table = Table(rows, colWidths=[width * 0.08, width * 0.42, width * 0.22, width * 0.28],
                  repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee")]))
    return table


def _states(launched: list, day) -> str:
    """Where an item stands: each agency's status when a few lead it; counts when many do
    (all the districts), which a page could not hold one by one."""
    if not launched:
        return "Chưa giao thực hiện"
    labelled = [(a.agency.name_vi, str(OUTCOME_BADGES[a.status_on(day)][0])) for a in launched]
    if len(launched) <= FEW_LEADS:
        return "; ".join(f"{name}: {label}" for name, label in labelled)
    counts = Counter(label for _, label in labelled)
    return f"{len(launched)} cơ quan: " + "; ".join(f"{label} {n}" for label, n in counts.items())


def consolidated_document(cycle: ReportCycle) -> OfficialDocument:
    plan = current_plan()
    coordinator = db.session.scalar(db.select(Agency).where(
        Agency.code == (get_setting(COORDINATOR_AGENCY) or "STTTT")))
    submitted = [r for r in cycle.reports if r.submitted_at]
    missing = [r.agency.name_vi for r in cycle.reports if not r.submitted_at]
    body = [
        f"Thực hiện Kế hoạch số {plan.number} ngày {cited_date(plan.issued_on)} của Chủ tịch "
        f"UBND tỉnh, {coordinator.name_vi} báo cáo kết quả thực hiện năm {cycle.year} (số liệu "
        f"từ ngày {cycle.period_from:%d/%m/%Y} đến ngày {cycle.period_to:%d/%m/%Y}) như sau:",
        Paragraph("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", heading_style()),
        _items_table(cycle),
        Paragraph("II. ĐÁNH GIÁ CHUNG", heading_style()),
        *[part.strip() for part in (cycle.assessment or "").split("\n") if part.strip()],
        Paragraph("III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", heading_style()),
    ]
    raised = [(r.agency.name_vi, r.difficulties, r.proposals) for r in submitted
              if r.difficulties or r.proposals]
    for name, difficulties, proposals in raised:
        text = "; ".join(part for part in (difficulties, proposals) if part)
        body.append(f"- {name}: {text}")
    if not raised:
        body.append("Các cơ quan không báo cáo khó khăn, vướng mắc.")
    body += [Paragraph("IV. TÌNH HÌNH GỬI BÁO CÁO", heading_style()),
             f"Đã nhận {len(submitted)}/{len(cycle.reports)} báo cáo của các cơ quan."
             + (f" Chưa gửi báo cáo: {'; '.join(missing)}." if missing else "")]
    return OfficialDocument(
        issuer_parent="UBND tỉnh Quảng Ngãi", issuer=coordinator.name_vi, number=cycle.number,
        place="Quảng Ngãi", issued_on=cycle.issued_on, kind="Báo cáo",
        summary=f"Kết quả thực hiện Kế hoạch số {plan.number} năm {cycle.year}", body=body,
        recipients=RECIPIENTS, signer_authority=cycle.signer_authority or "",
        signer_name=cycle.signer_name or "")


def consolidated_pdf(cycle: ReportCycle) -> bytes:
    return render(consolidated_document(cycle))
