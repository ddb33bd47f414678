"""Official documents as PDF in the state's format (Nghị định 30/2020/NĐ-CP), with a serif
font that carries every Vietnamese letter (Noto Serif, SIL OFL, vendored by `make vendor`)."""

from app.pdf.official import OfficialDocument, date_line, render

__all__ = ["OfficialDocument", "date_line", "render"]
