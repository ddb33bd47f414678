"""Centred lines with a rule under them, as Phụ lục I of Nghị định 30/2020/NĐ-CP draws the
motto, the issuing body and the summary: a solid line drawn below the text (not an underline),
centred on it, of a length the decree gives relative to the text's line."""

from reportlab.platypus import Flowable

SINGLE = 1.15  # Word's single line spacing for Times New Roman, as a multiple of the size
ASCENT = 0.891  # Times New Roman's ascent: the baseline's depth in a line, per point of size
RULE_GAP = 3  # points between the last line's box and its rule, clear of the dots below
RULE_WIDTH = 0.5


class CentredLines(Flowable):
    """`lines` as (text, font, size), each centred in the column, single-spaced; a rule of
    `rule` points centred under them when given."""

    def __init__(self, lines: list[tuple[str, str, float]], rule: float = 0,
                 space_after: float = 0):
        super().__init__()
        self.lines = lines
        self.rule = rule
        self.spaceAfter = space_after

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = sum(size * SINGLE for _, _, size in self.lines)
        if self.rule:
            self.height += RULE_GAP + RULE_WIDTH
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        y = self.height
        for text, font, size in self.lines:
            y -= size * SINGLE
            canvas.setFont(font, size)
            canvas.drawCentredString(self.width / 2, y + size * (SINGLE - ASCENT), text)
        if self.rule:
            y -= RULE_GAP
            canvas.setLineWidth(RULE_WIDTH)
            canvas.line((self.width - self.rule) / 2, y, (self.width + self.rule) / 2, y)
