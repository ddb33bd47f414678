"""Official documents as PDF in the state's format (Nghị định 30/2020/NĐ-CP), with a serif
font metric-compatible with the Times New Roman it names and carrying every Vietnamese letter
(Liberation Serif, SIL OFL, vendored by `make fonts`)."""

from app.pdf.official import OfficialDocument, date_line, render

__all__ = ["OfficialDocument", "date_line", "render"]
