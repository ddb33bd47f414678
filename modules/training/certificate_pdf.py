"""The "Giấy chứng nhận" as a PDF: an A4 landscape form with the parts of an administrative
document that Nghị định 30/2020/NĐ-CP, Phụ lục I gives (the issuing body under its parent on
the left, the national title and motto on the right, each with its rule; the title; place and
date; the signer's authority and name), in Liberation Serif (Times New Roman's metrics, every
Vietnamese letter). Below the text: the number, and a QR code of the public check page.
No legal text found fixes the form of a short course's certificate: its wording is the
organiser's practice (chưa đối chiếu văn bản)."""

import io
import unicodedata

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.pdf.blocks import CentredLines
from app.pdf.official import (
    DATE_SIZE,
    HEADER_SIZE,
    MOTTO,
    MOTTO_SIZE,
    NATIONAL_TITLE,
    SIGN_SIZE,
    date_line,
    issuer_lines,
)
from app.pdf.typeface import _register_fonts, _style, face, width
from modules.training.certificate_models import Certificate
from modules.training.qr import QrFlowable

PAGE = landscape(A4)
MARGIN = 20 * mm
TEXT_WIDTH = PAGE[0] - 2 * MARGIN
PROVINCE = "UBND tỉnh Quảng Ngãi"
PLACE = "Quảng Ngãi"
TITLE = "GIẤY CHỨNG NHẬN"
TITLE_SIZE = 30
NAME_SIZE = 24
TEXT_SIZE = 16
QR_SIZE = 28 * mm


def _clean(value) -> str:
    return unicodedata.normalize("NFC", str(value or ""))


def _escaped(value) -> str:
    return _clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _centred(text: str, size: float, bold=False, italic=False, name="line") -> Paragraph:
    return Paragraph(_escaped(text), _style(f"gcn-{name}", size, bold=bold, italic=italic,
                                            align=TA_CENTER, leading=size * 1.3))


def _header(certificate: Certificate) -> Table:
    bold = face(bold=True)
    right = width(NATIONAL_TITLE, bold, HEADER_SIZE) + 20 * mm
    left = TEXT_WIDTH - right
    title = CentredLines([(NATIONAL_TITLE, bold, HEADER_SIZE), (MOTTO, bold, MOTTO_SIZE)],
                         rule=width(MOTTO, bold, MOTTO_SIZE))
    return _plain_table([[issuer_lines(PROVINCE, certificate.issuer, left * 0.8), title]],
                        [left, right])


def _plain_table(rows, widths) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _body(certificate: Certificate) -> list:
    days = (f"từ ngày {certificate.first_day:%d/%m/%Y} đến ngày {certificate.last_day:%d/%m/%Y}"
            if certificate.first_day != certificate.last_day
            else f"ngày {certificate.first_day:%d/%m/%Y}")
    return [
        _centred(f"{_clean(certificate.issuer)} chứng nhận:", TEXT_SIZE, italic=True,
                 name="lead"),
        Spacer(1, 2 * mm),
        _centred(certificate.holder_name, NAME_SIZE, bold=True, name="holder"),
        _centred(f"Cơ quan, đơn vị: {_clean(certificate.holder_agency)}", TEXT_SIZE,
                 name="agency"),
        Spacer(1, 2 * mm),
        _centred("Đã hoàn thành lớp bồi dưỡng", TEXT_SIZE, name="done"),
        _centred(certificate.course_topic, TEXT_SIZE + 2, bold=True, name="topic"),
        _centred(f"Lớp {_clean(certificate.class_code)}, {days}", TEXT_SIZE, name="dates"),
    ]


def _closing(certificate: Certificate, check_url: str) -> Table:
    half = TEXT_WIDTH / 2
    small = _style("gcn-small", 11, align=TA_CENTER, leading=13)
    left = [QrFlowable(check_url, QR_SIZE),
            Paragraph(f"Số: {_escaped(certificate.number)}",
                      _style("gcn-number", 13, align=TA_CENTER)),
            Paragraph(f"Tra cứu: {_escaped(check_url)}", small)]
    bold = face(bold=True)
    authority = [(_clean(line).upper(), bold, SIGN_SIZE)
                 for line in certificate.signer_authority.splitlines() if line.strip()]
    right = [_centred(date_line(PLACE, certificate.issued_on), DATE_SIZE, italic=True,
                      name="date"),
             CentredLines(authority), Spacer(1, 22 * mm),
             CentredLines([(_clean(certificate.signer_name), bold, SIGN_SIZE)])]
    table = _plain_table([[left, right]], [half, half])
    table.setStyle(TableStyle([("ALIGN", (0, 0), (0, 0), "CENTER")]))
    return table


def render(certificate: Certificate, check_url: str) -> bytes:
    _register_fonts()
    out = io.BytesIO()
    pdf = BaseDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN,
                          title=f"Giấy chứng nhận {certificate.number}",
                          author=_clean(certificate.issuer))
    frame = Frame(MARGIN, MARGIN, TEXT_WIDTH, PAGE[1] - 2 * MARGIN, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    pdf.addPageTemplates([PageTemplate("certificate", frames=[frame])])
    title = CentredLines([(TITLE, face(bold=True), TITLE_SIZE)], space_after=6 * mm)
    pdf.build([_header(certificate), Spacer(1, 10 * mm), title, *_body(certificate),
               Spacer(1, 6 * mm), _closing(certificate, check_url)])
    return out.getvalue()
