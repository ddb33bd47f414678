"""The layout Nghị định 30/2020/NĐ-CP gives an administrative document: issuing body and
number on the left, national title and motto on the right, the place and date line, the
document's kind and summary, the body, then the recipients and the signature."""

import io
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "NotoSerif"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def _register_fonts() -> None:
    if FAMILY in pdfmetrics.getRegisteredFontNames():
        return
    faces = {"": "400Regular", "-Bold": "700Bold", "-Italic": "400Regular_Italic",
             "-BoldItalic": "700Bold_Italic"}
    for suffix, face in faces.items():
        pdfmetrics.registerFont(TTFont(FAMILY + suffix, FONTS / f"NotoSerif_{face}.ttf"))
    pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=f"{FAMILY}-Bold",
                                  italic=f"{FAMILY}-Italic", boldItalic=f"{FAMILY}-BoldItalic")


_FACES = {(False, False): FAMILY, (True, False): f"{FAMILY}-Bold",
          (False, True): f"{FAMILY}-Italic", (True, True): f"{FAMILY}-BoldItalic"}


def _style(name, size=13, bold=False, italic=False, align=TA_LEFT, **extra) -> ParagraphStyle:
    face = _FACES[(bold, italic)]
    return ParagraphStyle(name, fontName=face, fontSize=size, leading=size * 1.3,
                          alignment=align, **extra)


def date_line(place: str, day: date) -> str:
    """"Quảng Ngãi, ngày 05 tháng 02 năm 2026": a day below 10 and the months 1 and 2 take
    a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _text(value: str) -> str:
    """NFC, with the characters ReportLab's mini-HTML would read as markup escaped."""
    value = unicodedata.normalize("NFC", str(value))
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class OfficialDocument:
    issuer_parent: str  # "UBND TỈNH QUẢNG NGÃI"
    issuer: str  # "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    number: str  # "125/BC-STTTT"
    place: str
    issued_on: date
    kind: str  # "BÁO CÁO"
    summary: str  # "Kết quả thực hiện Kế hoạch số 116/KH-UBND năm 2025"
    body: list = field(default_factory=list)  # paragraphs (str) or flowables
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""  # "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name: str = ""


def _header(document: OfficialDocument, width: float) -> Table:
    small = _style("small", 12, align=TA_CENTER)
    small_bold = _style("small_bold", 12, bold=True, align=TA_CENTER)
    motto = _style("motto", 13, bold=True, align=TA_CENTER)
    left = [Paragraph(_text(document.issuer_parent.upper()), small),
            Paragraph(_text(document.issuer.upper()), small_bold),
            HRFlowable(width="35%", thickness=0.6, color=colors.black, spaceBefore=1,
                       spaceAfter=6),
            Paragraph(f"Số: {_text(document.number)}", small)]
    right = [Paragraph(NATIONAL_TITLE, small_bold), Paragraph(MOTTO, motto),
             HRFlowable(width="60%", thickness=0.6, color=colors.black, spaceBefore=1,
                        spaceAfter=6),
             Paragraph(_text(date_line(document.place, document.issued_on)),
                       _style("date", 13, italic=True, align=TA_CENTER))]
    table = Table([[left, right]], colWidths=[width * 0.4, width * 0.6])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _closing(document: OfficialDocument, width: float) -> Flowable:
    recipients = [Paragraph("Nơi nhận:", _style("to", 12, bold=True, italic=True))] + [
        Paragraph(f"- {_text(name)};", _style("to_item", 11)) for name in document.recipients]
    sign_style = _style("sign", 13, bold=True, align=TA_CENTER)
    signature = [Paragraph(_text(line.upper()), sign_style)
                 for line in document.signer_authority.splitlines() if line.strip()]
    signature += [Spacer(1, 22 * mm), Paragraph(_text(document.signer_name), sign_style)]
    table = Table([[recipients, signature]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 6 * mm), table])


def body_style() -> ParagraphStyle:
    _register_fonts()
    return _style("body", 13, align=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=4)


def heading_style() -> ParagraphStyle:
    _register_fonts()
    return _style("heading", 13, bold=True, spaceBefore=6, spaceAfter=4)


def table_style(size: int = 10) -> ParagraphStyle:
    _register_fonts()
    return _style(f"cell{size}", size)


def cell(value, size: int = 10) -> Paragraph:
    """A table cell: the value as text (nothing for None), escaped, in the documents' font."""
    return Paragraph(_text("" if value is None else value), table_style(size))


def render(document: OfficialDocument) -> bytes:
    """The document as PDF bytes, A4, margins as the decree sets them (top and bottom
    20-25 mm, left 30-35 mm, right 15-20 mm)."""
    _register_fonts()
    out = io.BytesIO()
    pdf = SimpleDocTemplate(out, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm,
                            title=f"{document.kind} {document.number}",
                            author=document.issuer)
    width = A4[0] - 45 * mm
    story = [_header(document, width), Spacer(1, 8 * mm),
             Paragraph(_text(document.kind.upper()), _style("kind", 14, bold=True,
                                                            align=TA_CENTER)),
             Paragraph(_text(document.summary), _style("summary", 14, bold=True,
                                                       align=TA_CENTER)),
             HRFlowable(width="25%", thickness=0.6, color=colors.black, spaceBefore=2,
                        spaceAfter=8)]
    for part in document.body:
        story.append(Paragraph(_text(part), body_style()) if isinstance(part, str) else part)
    story.append(_closing(document, width))
    pdf.build(story)
    return out.getvalue()
