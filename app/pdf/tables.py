"""A working document (not an official one): a title and a table, A4 landscape, in the
documents' font; what a dashboard exports."""

import io

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.pdf.official import cell
from app.pdf.typeface import _register_fonts, _style


def render_table(title: str, subtitle: str, header: list[str], rows: list[list],
                 widths: list[float], colours: list[str | None] | None = None) -> bytes:
    """`widths` are fractions of the page width; `colours` (one per row, or None) shade the
    last cell of a row."""
    _register_fonts()
    out = io.BytesIO()
    page = landscape(A4)
    width = page[0] - 30 * mm
    pdf = SimpleDocTemplate(out, pagesize=page, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm, title=title)
    table = Table([[cell(h, 9) for h in header], *[[cell(v, 9) for v in row] for row in rows]],
                  colWidths=[width * w for w in widths], repeatRows=1,
                  splitInRow=1)  # a long row runs over a page break, it does not fail
    style = [("GRID", (0, 0), (-1, -1), 0.4, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee")]
    for index, colour in enumerate(colours or [], start=1):
        if colour:
            style.append(("BACKGROUND", (-1, index), (-1, index), colour))
    table.setStyle(TableStyle(style))
    pdf.build([Paragraph(title, _style("title", 14, bold=True, align=TA_CENTER)),
               Paragraph(subtitle, _style("subtitle", 11, italic=True, align=TA_CENTER)),
               Spacer(1, 5 * mm), table])
    return out.getvalue()
