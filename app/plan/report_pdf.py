"""The consolidated report to the Provincial People's Committee, as an official document:
every item with its lead agencies and their status, what each agency reported on it, the
coordinator's assessment, the difficulties and proposals the agencies reported, and who has
not reported. Written in the plan's language, whatever the signer's."""

from collections import Counter

from flask_babel import force_locale
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from app.auth.agency_service import coordinator_agency
from app.pdf import OfficialDocument, render
from app.pdf.official import cell, heading_style
from app.plan.assignments import assignments_for
from app.plan.catalogue import current_plan, items_due_in
from app.plan.citation import cited_date
from app.plan.models import ASSESSMENTS, OUTCOME_BADGES, ReportCycle

FEW_LEADS = 4
RECIPIENTS = ["UBND tỉnh (để báo cáo)", "Bộ Thông tin và Truyền thông", "Ban Tuyên giáo Tỉnh ủy",
              "Các sở, ban, ngành; UBND cấp huyện", "Lưu: VT"]


def _reported(cycle: ReportCycle) -> dict[str, list[tuple[str, dict]]]:
    """{item code: [(agency, what it reported on the item)]} of the reports received."""
    found: dict[str, list[tuple[str, dict]]] = {}
    for report in cycle.reports:
        if report.submitted_at:
            for entry in report.items:
                found.setdefault(entry.get("code"), []).append((report.agency.name_vi, entry))
    return found


def _assessment(entry: dict) -> str:
    return str(ASSESSMENTS.get(entry.get("assessment"), entry.get("assessment") or ""))


def _items_table(cycle: ReportCycle, reported: dict) -> Table:
    plan = current_plan()
    by_item: dict[int, list] = {}
    for assignment in assignments_for(cycle.year):
        by_item.setdefault(assignment.item_id, []).append(assignment)
    rows = [[cell("Mã"), cell("Nhiệm vụ"), cell("Cơ quan chủ trì"), cell("Tình trạng")]]
    for item in items_due_in(plan, cycle.year):
        leads = "; ".join(link.target.name_vi for link in item.leads)  # the plan's words
        rows.append([cell(item.code), cell(item.content), cell(leads), cell(_states(
            by_item.get(item.id, []), reported.get(item.code, []), cycle.issued_on))])
    width = 165 * mm
    # A row may run over a page break: an item of the plan can be long.
    table = Table(rows, colWidths=[width * 0.08, width * 0.42, width * 0.22, width * 0.28],
                  repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee")]))
    table.spaceAfter = 3 * mm  # before what the agencies reported
    return table


def _states(launched: list, reported: list, day) -> str:
    """Where an item stands: as launched, each agency's status; an item not launched but
    reported on in the round, as the agencies rated it themselves."""
    if launched:
        return _by_agency([(a.agency.name_vi, str(OUTCOME_BADGES[a.status_on(day)][0]))
                           for a in launched])
    if reported:
        return "Tự đánh giá: " + _by_agency([(name, _assessment(entry))
                                             for name, entry in reported])
    return "Chưa giao thực hiện"


def _by_agency(labelled: list[tuple[str, str]]) -> str:
    """Each agency's label when a few; counts when many (all the districts), which a page
    could not hold one by one."""
    if len(labelled) <= FEW_LEADS:
        return "; ".join(f"{name}: {label}" for name, label in labelled)
    counts = Counter(label for _, label in labelled)
    return f"{len(labelled)} cơ quan: " + "; ".join(f"{label} {n}" for label, n in counts.items())


def _results(reported: dict, items) -> list[str]:
    """What each agency reported on each item, in the plan's order."""
    lines = []
    for item in items:
        for name, entry in reported.get(item.code, []):
            text = (entry.get("results") or "").strip().rstrip(".")
            if entry.get("figures"):
                text += f"; số liệu: {entry['figures'].strip().rstrip('.')}"
            lines.append(f"- Nhiệm vụ {item.code}, {name} (tự đánh giá: "
                         f"{_assessment(entry).lower()}): {text}.")
    return lines


def consolidated_document(cycle: ReportCycle) -> OfficialDocument:
    plan = current_plan()
    coordinator = coordinator_agency()  # who holds the coordinating duty today
    submitted = [r for r in cycle.reports if r.submitted_at]
    missing = [r.agency.name_vi for r in cycle.reports if not r.submitted_at]
    reported = _reported(cycle)
    results = _results(reported, items_due_in(plan, cycle.year))
    body = [
        f"Thực hiện Kế hoạch số {plan.number} ngày {cited_date(plan.issued_on)} của Chủ tịch "
        f"UBND tỉnh, {coordinator.name_vi} báo cáo kết quả thực hiện năm {cycle.year} (số liệu "
        f"từ ngày {cycle.period_from:%d/%m/%Y} đến ngày {cycle.period_to:%d/%m/%Y}) như sau:",
        Paragraph("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", heading_style()),
        _items_table(cycle, reported),
        *(["Kết quả cụ thể theo báo cáo của các cơ quan:", *results] if results else []),
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
    with force_locale("vi"):  # an official document of the province, whoever signs it
        return render(consolidated_document(cycle))
