"""The layout Nghị định 30/2020/NĐ-CP, Phụ lục I gives an administrative document: the issuing
body (ô 2) and number (ô 3) on the left, the national title and motto (ô 1) and the place and
date (ô 4) on the right, the document's kind and summary (ô 5a), the body (ô 6), then the
recipients (ô 9b) beside the signature (ô 7a-7c); page numbers from page 2 in the top margin."""

import io
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.pdf.blocks import CentredLines
from app.pdf.lines import balanced_lines
from app.pdf.typeface import _register_fonts, _style, face, width

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# Phụ lục I, Phần I, mục I.3: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
TEXT_WIDTH = A4[0] - MARGINS["left"] - MARGINS["right"]
HEADER_SIZE = 12  # quốc hiệu and the bodies' names: 12-13 (Phần II, mục 1, 2)
MOTTO_SIZE = 13  # tiêu ngữ: 13-14, one point above the title (Phần II, mục 1)
NUMBER_SIZE = 13  # "Số:": 13 (Phần II, mục 3)
DATE_SIZE = 14  # place and date: 13-14, italic (Phần II, mục 4)
TITLE_SIZE = 14  # kind and summary: 13-14, bold (Phần II, mục 5)
BODY_SIZE = 13  # body: 13-14 (Phần II, mục 6)
PAGE_NUMBER_SIZE = 13  # 13-14, from page 2 (Phần I, mục I.6)
SIGN_SIZE = 13  # authority and name: 13-14, bold (Phần II, mục 7)
SUBJECT_SIZE = 12  # a công văn's summary after "V/v": 12-13, upright (Phần II, mục 5b)
ISSUER_RULE = 0.4  # of the name's line: 1/3-1/2 (Phần II, mục 2)
SUMMARY_RULE = 0.4  # of the summary's line: 1/3-1/2 (Phần II, mục 5)
PARAGRAPH_SPACE = 6  # points between paragraphs: at least 6 (Phần II, mục 6)


def date_line(place: str, day: date) -> str:
    """"Quảng Ngãi, ngày 05 tháng 02 năm 2026": a day below 10 and the months 1 and 2 take
    a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", str(value))


def _text(value: str) -> str:
    """NFC, with the characters ReportLab's mini-HTML would read as markup escaped."""
    return _clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class OfficialDocument:
    issuer_parent: str  # "UBND TỈNH QUẢNG NGÃI"
    issuer: str  # "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"; a new line sets where it breaks
    number: str  # "125/BC-STTTT"
    place: str
    issued_on: date
    kind: str  # "BÁO CÁO"
    summary: str  # "Kết quả thực hiện Kế hoạch số 116/KH-UBND năm 2025"
    body: list = field(default_factory=list)  # paragraphs (str) or flowables
    recipients: list[str] = field(default_factory=list)  # "Lưu: …" is put last, with a stop
    signer_authority: str = ""  # "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name: str = ""
    drafting_unit: str = ""  # "- Lưu: VT, <drafting unit>."
    subject: str = ""  # a công văn's "V/v …" under its number (ô 5b); it then has no kind
    appendix: list = field(default_factory=list)  # flowables after the signature (a list)


def _names(document: OfficialDocument, column: float) -> CentredLines:
    return issuer_lines(document.issuer_parent, document.issuer, column)


def issuer_lines(parent: str, issuer: str, column: float) -> CentredLines:
    """The issuing body under its parent, in capitals, broken between words to fit `column`,
    with the rule under it (Phụ lục I, Phần II, mục 2)."""
    lines, rule = [], 0.0
    for text, bold in ((parent, False), (issuer, True)):
        font = face(bold=bold)
        wrapped = balanced_lines(_clean(text).upper(), column,
                                 lambda s, font=font: width(s, font, HEADER_SIZE))
        lines += [(line, font, HEADER_SIZE) for line in wrapped]
        if bold:
            rule = ISSUER_RULE * max(width(line, font, HEADER_SIZE) for line in wrapped)
    return CentredLines(lines, rule=rule)


def _header(document: OfficialDocument) -> Table:
    bold = face(bold=True)
    right = width(NATIONAL_TITLE, bold, HEADER_SIZE) + 4 * mm
    left = TEXT_WIDTH - right
    title = CentredLines([(NATIONAL_TITLE, bold, HEADER_SIZE), (MOTTO, bold, MOTTO_SIZE)],
                         rule=width(MOTTO, bold, MOTTO_SIZE))
    number = [Paragraph(f"Số: {_text(document.number)}",
                        _style("number", NUMBER_SIZE, align=TA_CENTER))]
    if document.subject:  # ô 5b: 12-13 pt, upright, centred under the number, 6 pt below it
        number.append(Paragraph(f"V/v {_text(document.subject)}", _style(
            "subject", SUBJECT_SIZE, align=TA_CENTER, leading=SUBJECT_SIZE * 1.15,
            spaceBefore=PARAGRAPH_SPACE)))
    day = Paragraph(_text(date_line(document.place, document.issued_on)),
                    _style("date", DATE_SIZE, italic=True, align=TA_CENTER))
    table = Table([[_names(document, left - 2 * mm), title], [number, day]],
                  colWidths=[left, right])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, 0), 8),
                               ("BOTTOMPADDING", (0, 1), (-1, 1), 0)]))
    return table


def _title(document: OfficialDocument) -> CentredLines:
    bold = face(bold=True)
    summary = balanced_lines(_clean(document.summary), TEXT_WIDTH * 0.8,
                             lambda s: width(s, bold, TITLE_SIZE))
    rule = SUMMARY_RULE * max((width(line, bold, TITLE_SIZE) for line in summary), default=0)
    return CentredLines([(_clean(document.kind).upper(), bold, TITLE_SIZE),
                         *[(line, bold, TITLE_SIZE) for line in summary]],
                        rule=rule, space_after=12)


def recipient_lines(document: OfficialDocument) -> list[str]:
    """Each recipient on its line with a dash and a semicolon; the archive line last, with
    the drafting unit and a full stop: "- Lưu: VT, TTĐN." (Phụ lục I, Phần II, mục 9)."""
    named = [_clean(name).strip().lstrip("-").strip().rstrip(".;") for name in document.recipients]
    kept = [name for name in named if name.startswith("Lưu")]
    archive = kept[0] if kept else "Lưu: VT"
    if document.drafting_unit and document.drafting_unit not in archive:
        archive += f", {_clean(document.drafting_unit).strip()}"
    return [f"- {name};" for name in named if name and not name.startswith("Lưu")] + [
        f"- {archive}."]


def _closing(document: OfficialDocument) -> Flowable:
    # "Nơi nhận:" stands level with the signer's authority (Phần II, mục 9).
    recipients = [Paragraph("Nơi nhận:", _style("to", 12, bold=True, italic=True))]
    recipients += [Paragraph(_text(line), _style("to_item", 11, leading=11 * 1.15))
                   for line in recipient_lines(document)]
    bold = face(bold=True)
    authority = [(_clean(line).upper(), bold, SIGN_SIZE)
                 for line in document.signer_authority.splitlines() if line.strip()]
    signature = [CentredLines(authority), Spacer(1, 25 * mm),
                 CentredLines([(_clean(document.signer_name), bold, SIGN_SIZE)])]
    half = TEXT_WIDTH / 2
    table = Table([[recipients, signature]], colWidths=[half - 10 * mm, half + 10 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 4 * mm), table])


def body_style() -> ParagraphStyle:
    return _style("body", BODY_SIZE, align=TA_JUSTIFY, firstLineIndent=10 * mm,
                  spaceAfter=PARAGRAPH_SPACE)


def heading_style() -> ParagraphStyle:
    return _style("heading", BODY_SIZE, bold=True, spaceBefore=PARAGRAPH_SPACE,
                  spaceAfter=PARAGRAPH_SPACE)


def table_style(size: int = 10) -> ParagraphStyle:
    return _style(f"cell{size}", size)


def cell(value, size: int = 10) -> Paragraph:
    """A table cell: the value as text (nothing for None), escaped, in the documents' font."""
    return Paragraph(_text("" if value is None else value), table_style(size))


def _page_number(canvas, doc) -> None:
    """Arabic, centred in the top margin, not on the first page (Phụ lục I, Phần I, mục I.6)."""
    if doc.page < 2:
        return
    canvas.setFont(face(), PAGE_NUMBER_SIZE)
    baseline = A4[1] - MARGINS["top"] / 2 - PAGE_NUMBER_SIZE * 0.33
    canvas.drawCentredString(MARGINS["left"] + TEXT_WIDTH / 2, baseline, str(doc.page))


def render(document: OfficialDocument) -> bytes:
    """The document as PDF bytes: A4 upright, in the margins Phụ lục I sets."""
    _register_fonts()
    out = io.BytesIO()
    pdf = BaseDocTemplate(out, pagesize=A4, leftMargin=MARGINS["left"],
                          rightMargin=MARGINS["right"], topMargin=MARGINS["top"],
                          bottomMargin=MARGINS["bottom"],
                          title=f"{document.kind or 'Công văn'} {document.number}",
                          author=document.issuer)
    frame = Frame(MARGINS["left"], MARGINS["bottom"], TEXT_WIDTH,
                  A4[1] - MARGINS["top"] - MARGINS["bottom"], leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    pdf.addPageTemplates([PageTemplate("page", frames=[frame], onPage=_page_number)])
    story = [_header(document), Spacer(1, 6 * mm)]
    if document.kind:  # a công văn has none: its summary stands under its number
        story.append(_title(document))
    for part in document.body:
        story.append(Paragraph(_text(part), body_style()) if isinstance(part, str) else part)
    story += [_closing(document), *document.appendix]
    pdf.build(story)
    return out.getvalue()
