"""The consolidated report to the Provincial People's Committee, as an official document, in
the parts a provincial report on foreign information work has: I. direction and
implementation (and who reported); II. results by the plan's task groups, each item as its
lead agency reported it (results, figures, self-assessment); III. assessment (strengths,
shortcomings, causes); IV. next year's directions and tasks; V. proposals. The coordinator
writes what the agencies' reports cannot say; a part left blank is left out. Written in the
plan's language, whatever the signer's."""

import unicodedata
from collections import Counter
from xml.sax.saxutils import escape

from flask_babel import force_locale
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from app.auth.agency_service import coordinator_agency
from app.pdf import OfficialDocument, render
from app.pdf.official import cell, heading_style
from app.plan.assignments import assignments_for
from app.plan.catalogue import current_plan, items_due_in
from app.plan.citation import plan_citation
from app.plan.models import ASSESSMENTS, OUTCOME_BADGES, ReportCycle
from app.plan.recipients import ARCHIVE, recipients

FEW_LEADS = 4
ROMAN = ("I", "II", "III", "IV", "V")


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
        # The plan's words, and who acts now where they name an agency that has ended.
        leads = "; ".join(link.as_planned("vi", cycle.issued_on) for link in item.leads)
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


def _item_lines(item, reported: dict) -> list[str]:
    """What each lead agency reported on the item, as it reported it; or that none did."""
    lines = []
    for name, entry in reported.get(item.code, []):
        text = (entry.get("results") or "").strip().rstrip(".")
        if (entry.get("figures") or "").strip():
            text += f"; số liệu: {entry['figures'].strip().rstrip('.')}"
        lines.append(f"- Nhiệm vụ {item.code}, {name} (tự đánh giá: "
                     f"{_assessment(entry).lower()}): {text}.")
    return lines or [f"- Nhiệm vụ {item.code}: chưa có báo cáo của cơ quan chủ trì."]


def _paragraphs(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split("\n") if part.strip()]


def _heading(text: str, style) -> Paragraph:
    return Paragraph(escape(unicodedata.normalize("NFC", text)), style)


def _numbered(parts: list[tuple[str, list]], numbers, style) -> list:
    """The parts that have something to say, numbered in turn under their headings: a part
    left blank is left out rather than filled with words nobody wrote."""
    body = []
    for index, (heading, content) in enumerate(part for part in parts if part[1]):
        body += [_heading(f"{numbers[index]}. {heading}", style), *content]
    return body


def _directing(cycle: ReportCycle, sections: dict) -> list:
    """I: how the plan was directed (the coordinator's words), and who reported."""
    missing = [r.agency.name_vi for r in cycle.reports if not r.submitted_at]
    received = len(cycle.reports) - len(missing)
    return [*_paragraphs(sections.get("directing")),
            f"Đã nhận {received}/{len(cycle.reports)} báo cáo của các cơ quan, đơn vị (hạn "
            f"gửi ngày {cycle.deadline:%d/%m/%Y})."
            + (f" Chưa gửi báo cáo: {'; '.join(missing)}." if missing else "")]


def _results_by_group(cycle: ReportCycle, reported: dict) -> list:
    """II: each item's status, then the plan's task groups, each item as its lead reported."""
    items = items_due_in(current_plan(), cycle.year)
    body = [f"Tình hình thực hiện các nhiệm vụ của Kế hoạch năm {cycle.year}:",
            _items_table(cycle, reported)]
    groups: dict[int, list] = {}
    for item in items:
        groups.setdefault(item.group_no, []).append(item)
    for number, group in groups.items():
        body.append(_heading(f"{number}. {group[0].group_title}", heading_style()))
        body += [line for item in group for line in _item_lines(item, reported)]
    return body


def _raised(submitted, attribute: str, lead_in: str) -> list[str]:
    """What the agencies themselves raised (their difficulties, or their proposals)."""
    lines = [f"- {r.agency.name_vi}: {getattr(r, attribute).strip().rstrip('.')}."
             for r in submitted if (getattr(r, attribute) or "").strip()]
    return [lead_in, *lines] if lines else []


def consolidated_document(cycle: ReportCycle) -> OfficialDocument:
    plan = current_plan()
    coordinator = coordinator_agency()  # who holds the coordinating duty today
    submitted = [r for r in cycle.reports if r.submitted_at]
    sections = cycle.sections or {}
    # The agencies' figures come before the cut-off (14/12): up to it they are estimates.
    period = (f"số liệu tính từ ngày {cycle.period_from:%d/%m/%Y}, ước thực hiện đến ngày "
              f"{cycle.period_to:%d/%m/%Y}" if cycle.deadline < cycle.period_to else
              f"số liệu từ ngày {cycle.period_from:%d/%m/%Y} đến ngày {cycle.period_to:%d/%m/%Y}")
    assessment = _numbered([
        ("Ưu điểm", _paragraphs(sections.get("strengths"))),
        ("Hạn chế, khó khăn", _paragraphs(sections.get("weaknesses")) + _raised(
            submitted, "difficulties", "Khó khăn, vướng mắc các cơ quan, đơn vị nêu:")),
        ("Nguyên nhân", _paragraphs(sections.get("causes")))], range(1, 4), heading_style())
    body = [f"Thực hiện {plan_citation(plan.number, plan.issued_on)}, {coordinator.name_vi} "
            f"báo cáo kết quả thực hiện năm {cycle.year} ({period}) như sau:",
            *_numbered([
                ("CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", _directing(cycle, sections)),
                ("KẾT QUẢ THỰC HIỆN THEO NHÓM NHIỆM VỤ", _results_by_group(
                    cycle, _reported(cycle))),
                ("ĐÁNH GIÁ", assessment),
                (f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {cycle.year + 1}",
                 _paragraphs(sections.get("next_year"))),
                ("ĐỀ XUẤT, KIẾN NGHỊ", _paragraphs(sections.get("recommendations")) + _raised(
                    submitted, "proposals", "Đề xuất, kiến nghị của các cơ quan, đơn vị:"))],
                ROMAN, heading_style())]
    return OfficialDocument(
        issuer_parent="UBND tỉnh Quảng Ngãi", issuer=coordinator.name_vi, number=cycle.number,
        place="Quảng Ngãi", issued_on=cycle.issued_on, kind="Báo cáo",
        summary=f"Kết quả thực hiện Kế hoạch số {plan.number} năm {cycle.year}", body=body,
        recipients=[*recipients(), ARCHIVE], signer_authority=cycle.signer_authority or "",
        signer_name=cycle.signer_name or "", drafting_unit=cycle.drafting_unit or "")


def consolidated_pdf(cycle: ReportCycle) -> bytes:
    with force_locale("vi"):  # an official document of the province, whoever signs it
        return render(consolidated_document(cycle))
