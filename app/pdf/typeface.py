"""The documents' font. Nghị định 30/2020/NĐ-CP, Phụ lục I (Phần I, mục I) names Times New
Roman; Liberation Serif (SIL OFL 1.1, Debian's fonts-liberation2 2.1.5, vendored by `make fonts`)
has the same advance widths, so a line breaks where Word breaks it, and it carries every
Vietnamese letter."""

from pathlib import Path

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "LiberationSerif"
FACE_FILES = {FAMILY: "Regular", f"{FAMILY}-Bold": "Bold", f"{FAMILY}-Italic": "Italic",
              f"{FAMILY}-BoldItalic": "BoldItalic"}
LINE_SPACING = 1.3  # between single (1.15) and 1.5 lines, as Phụ lục I, Phần II, mục 6 allows


def _register_fonts() -> None:
    if FAMILY in pdfmetrics.getRegisteredFontNames():
        return
    for name, face in FACE_FILES.items():
        pdfmetrics.registerFont(TTFont(name, FONTS / f"LiberationSerif-{face}.ttf"))
    pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=f"{FAMILY}-Bold",
                                  italic=f"{FAMILY}-Italic", boldItalic=f"{FAMILY}-BoldItalic")


def face(bold: bool = False, italic: bool = False) -> str:
    return {(False, False): FAMILY, (True, False): f"{FAMILY}-Bold",
            (False, True): f"{FAMILY}-Italic", (True, True): f"{FAMILY}-BoldItalic"}[(bold, italic)]


def width(text: str, font: str, size: float) -> float:
    _register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


def _style(name, size=13, bold=False, italic=False, align=TA_LEFT, **extra) -> ParagraphStyle:
    _register_fonts()
    extra.setdefault("leading", size * LINE_SPACING)
    return ParagraphStyle(name, fontName=face(bold, italic), fontSize=size, alignment=align,
                          **extra)
