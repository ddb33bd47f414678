"""The Bằng khen / Giấy khen as a PDF, one page per awardee, in two layouts:
- ARTWORK: the whole certificate on white paper, a drawn decorative frame (no emblem: the
  Quốc huy is the state's, printed only on the official blank) with every line of text;
- BLANK: only what changes from one awardee to the next, placed where the pre-printed blank
  (phôi) leaves space for it, shifted by the printer's offsets (modules/awards/print_settings).
Both layouts put each varying line at the same place, so what the artwork shows is what the
blank receives.

The lines follow the pattern Nghị định 50/2006/NĐ-CP, Điều 28 gave a Bằng khen of a
province's Chairman: quốc hiệu and tiêu ngữ; the authority (red); "Tặng"; "Bằng khen" (red);
the name, position and agency, the achievement; at the foot, left: the decision's number and
date and the số sổ vàng; right: place and date, the signer's title, 35 mm to sign and seal,
the name. Paper 400 × 300 mm, the frame's inner line 320 × 230 mm. That decree was superseded
and the pattern in force (the Prime Minister's, under Nghị định 152/2025/NĐ-CP) was not found:
the sizes are unconfirmed. No size was found for a Giấy khen: A4 landscape, scaled."""

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.pdf.lines import balanced_lines
from app.pdf.official import MOTTO, NATIONAL_TITLE
from app.pdf.typeface import _register_fonts, face, width
from modules.awards.papers import CertificatePaper

ARTWORK, BLANK = "artwork", "blank"
LAYOUTS = (ARTWORK, BLANK)
BANG_KHEN_PAGE = (400 * mm, 300 * mm)  # NĐ 50/2006/NĐ-CP Đ.28 (superseded): unconfirmed
GIAY_KHEN_PAGE = landscape(A4)  # no size found: unconfirmed
REFERENCE_WIDTH = 400 * mm  # every position below is on the 400 mm sheet, then scaled
INNER = (40 * mm, 35 * mm)  # the frame's inner line: 320 × 230 mm on the 400 × 300 sheet
RED = Color(0.70, 0.09, 0.09)
GOLD = Color(0.78, 0.60, 0.12)
SIGN_SPACE = 35 * mm  # left to sign and seal


@dataclass(frozen=True)
class Line:
    """One line of text: centred on x, its baseline y below the page's top (points)."""

    text: str
    x: float
    y: float
    size: float
    bold: bool = False
    italic: bool = False
    red: bool = False
    fixed: bool = False  # printed on the blank already: drawn only in the artwork


def page_size(paper: CertificatePaper) -> tuple[float, float]:
    return GIAY_KHEN_PAGE if "GIẤY" in _clean(paper.form_title).upper() else BANG_KHEN_PAGE


def _clean(value) -> str:
    return unicodedata.normalize("NFC", str(value or "")).strip()


def _wrapped(text: str, column: float, size: float, bold=False, italic=False) -> list[str]:
    font = face(bold, italic)
    return balanced_lines(_clean(text), column, lambda s: width(s, font, size))


def lines(paper: CertificatePaper, page: tuple[float, float]) -> list[Line]:
    """Every line of the certificate, where it stands on a page of `page`'s size."""
    scale = page[0] / REFERENCE_WIDTH
    centre, column = page[0] / 2, page[0] - 2 * INNER[0] * scale - 20 * mm * scale
    found: list[Line] = []

    def add(text, y, size, **style):
        found.append(Line(_clean(text), centre if "x" not in style else style.pop("x"),
                          y * scale, size * scale, **style))

    def block(text, y, size, step, **style) -> float:
        """A text on as many centred lines as it needs; the y after its last line."""
        for line in _wrapped(text, column, size * scale,
                             style.get("bold", False), style.get("italic", False)):
            add(line, y, size, **style)
            y += step
        return y

    add(NATIONAL_TITLE, 60 * mm, 15, bold=True, fixed=True)
    add(MOTTO, 67 * mm, 16, bold=True, fixed=True)
    y = block(paper.authority.upper(), 82 * mm, 20, 8 * mm, bold=True, red=True, fixed=True)
    add("TẶNG", y + 3 * mm, 18, bold=True, fixed=True)
    add(paper.form_title.upper(), y + 22 * mm, 46, bold=True, red=True, fixed=True)
    y += 38 * mm
    y = block(paper.recipient, y, 26, 11 * mm, bold=True)
    for detail in (paper.position, paper.agency):
        if _clean(detail):
            y = block(detail, y, 17, 7.5 * mm)
    block(paper.achievement, y + 3 * mm, 17, 7.5 * mm, italic=True)

    left, right = INNER[0] + 70 * mm, REFERENCE_WIDTH - INNER[0] - 70 * mm
    foot = [f"Quyết định số {_clean(paper.decision_number)}",
            f"ngày {paper.decision_date:%d/%m/%Y}"]
    if _clean(paper.serial_number):
        foot.append(f"Số sổ vàng: {_clean(paper.serial_number)}")
    for index, text in enumerate(foot):
        add(text, 222 * mm + index * 6.5 * mm, 13, x=left * scale)
    day = paper.decision_date
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    add(f"{_clean(paper.place)}, ngày {day.day:02d} tháng {month} năm {day.year}",
        195 * mm, 15, italic=True, x=right * scale)
    titles = [_clean(t).upper() for t in paper.signer_title.splitlines() if _clean(t)]
    for index, title in enumerate(titles):
        add(title, 203 * mm + index * 6.5 * mm, 15, bold=True, x=right * scale)
    add(paper.signer_name, 203 * mm + (len(titles) - 1) * 6.5 * mm + SIGN_SPACE, 16,
        bold=True, x=right * scale)
    return found


def _frame(canvas: Canvas, page: tuple[float, float]) -> None:
    """The decorative frame: a red outer rule, a gold band of lozenges, the inner line."""
    scale = page[0] / REFERENCE_WIDTH
    outer, band = 12 * mm * scale, 16 * mm * scale
    inner_x, inner_y = INNER[0] * scale, INNER[1] * scale
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(3 * scale)
    canvas.rect(outer, outer, page[0] - 2 * outer, page[1] - 2 * outer)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.2 * scale)
    canvas.rect(band, band, page[0] - 2 * band, page[1] - 2 * band)
    canvas.setFillColor(GOLD)
    step = 10 * mm * scale
    half = 2.2 * mm * scale
    middle_x, middle_y = (band + inner_x) / 2, (band + inner_y) / 2

    def lozenge(x, y):
        path = canvas.beginPath()
        path.moveTo(x, y - half)
        path.lineTo(x + half, y)
        path.lineTo(x, y + half)
        path.lineTo(x - half, y)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)

    x = band + step
    while x < page[0] - band - step / 2:
        lozenge(x, middle_y)
        lozenge(x, page[1] - middle_y)
        x += step
    y = band + step
    while y < page[1] - band - step / 2:
        lozenge(middle_x, y)
        lozenge(page[0] - middle_x, y)
        y += step
    for cx in (middle_x, page[0] - middle_x):
        for cy in (middle_y, page[1] - middle_y):
            canvas.circle(cx, cy, 4 * mm * scale, stroke=0, fill=1)
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(1.5 * scale)
    canvas.rect(inner_x, inner_y, page[0] - 2 * inner_x, page[1] - 2 * inner_y)


def _draw(canvas: Canvas, line: Line, page_height: float, dx: float, dy: float) -> None:
    canvas.setFillColor(RED if line.red else black)
    canvas.setFont(face(line.bold, line.italic), line.size)
    canvas.drawCentredString(line.x + dx, page_height - line.y - dy, line.text)


def render(papers: Sequence[CertificatePaper], layout: str = ARTWORK,
           offset_mm: tuple[float, float] = (0.0, 0.0)) -> bytes:
    """One page per paper. ARTWORK ignores the offsets; BLANK draws only the varying lines,
    moved right by offset_mm[0] and down by offset_mm[1] millimetres."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}")
    if not papers:
        raise ValueError("No certificate to print.")
    _register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=page_size(papers[0]))
    canvas.setTitle(f"{_clean(papers[0].form_title).title()} {_clean(papers[0].decision_number)}")
    dx, dy = (offset_mm[0] * mm, offset_mm[1] * mm) if layout == BLANK else (0.0, 0.0)
    for paper in papers:
        page = page_size(paper)
        canvas.setPageSize(page)
        if layout == ARTWORK:
            _frame(canvas, page)
            scale = page[0] / REFERENCE_WIDTH
            motto = next(line for line in lines(paper, page) if line.text == MOTTO)
            rule = width(MOTTO, face(bold=True), motto.size)
            canvas.setStrokeColor(black)
            canvas.setLineWidth(0.6 * scale)
            y = page[1] - motto.y - motto.size * 0.35
            canvas.line(motto.x - rule / 2, y, motto.x + rule / 2, y)
        for line in lines(paper, page):
            if layout == ARTWORK or not line.fixed:
                _draw(canvas, line, page[1], dx, dy)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
