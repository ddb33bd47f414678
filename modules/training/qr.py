"""QR codes (segno, pure Python): drawn as vector squares in a PDF, or as inline SVG on a
page (the check-in code the organiser projects)."""

import segno
from markupsafe import Markup
from reportlab.platypus import Flowable

QUIET = 4  # modules of white around the symbol, as the standard asks


def _symbol(text: str):
    return segno.make(text, error="m", micro=False)


def svg(text: str, scale: int = 8) -> Markup:
    """The code as inline SVG (our own drawing of our own text: safe to put in a page)."""
    drawing = _symbol(text).svg_inline(scale=scale, border=QUIET, dark="#000", light="#fff")
    return Markup(drawing)  # noqa: S704 - segno's own markup; the text is inside a path


def dark_modules(text: str) -> list[tuple[int, int]]:
    """(row, column) of each dark module, without the quiet zone."""
    matrix = _symbol(text).matrix
    return [(row, col) for row, line in enumerate(matrix) for col, dark in enumerate(line)
            if dark]


class QrFlowable(Flowable):
    """A QR code `size` points wide, quiet zone included."""

    def __init__(self, text: str, size: float):
        super().__init__()
        self.text, self.size = text, size
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        symbol = _symbol(self.text)
        count = len(symbol.matrix) + 2 * QUIET
        module = self.size / count
        canvas = self.canv
        canvas.setFillColorRGB(0, 0, 0)
        for row, col in dark_modules(self.text):
            x = (col + QUIET) * module
            y = self.size - (row + QUIET + 1) * module
            canvas.rect(x, y, module, module, stroke=0, fill=1)
