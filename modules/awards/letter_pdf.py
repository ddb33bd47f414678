"""Home Affairs' official letter (công văn) to an agency whose nominee was not approved, in the
state's format (Nghị định 30/2020/NĐ-CP, Phụ lục I, mẫu công văn) through app/pdf/official.py:
the issuing body and number with "V/v …" under it (ô 5b), "Kính gửi:", the body (what was
proposed, the result and the reason), the recipients and the signature."""

from flask_babel import force_locale
from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Paragraph

from app.pdf import OfficialDocument, render
from app.pdf.official import BODY_SIZE, PARAGRAPH_SPACE, _clean, _text
from app.pdf.typeface import _style
from modules.awards.papers import RefusalPaper


def _sentence(text: str) -> str:
    text = _clean(text).strip().rstrip(".;")
    return text[:1].upper() + text[1:] + "." if text else ""


def letter_document(paper: RefusalPaper) -> OfficialDocument:
    if not _clean(paper.reason).strip():
        raise ValueError("A refusal states its reason.")
    proposal = f" tại {_clean(paper.proposal)}" if _clean(paper.proposal).strip() else ""
    to = Paragraph(f"Kính gửi: {_text(paper.to)}.", _style(
        "to", BODY_SIZE + 1, align=TA_CENTER, spaceBefore=PARAGRAPH_SPACE,
        spaceAfter=2 * PARAGRAPH_SPACE))
    body = [
        to,
        f"Sở Nội vụ nhận được đề nghị của {_clean(paper.to)}{proposal} về việc đề nghị tặng "
        f"{_clean(paper.award_form)} cho {_clean(paper.nominee)}.",
        "Qua thẩm định hồ sơ, đối chiếu với quy định của Luật Thi đua, khen thưởng năm 2022 và "
        "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ, trường hợp nêu trên chưa đủ "
        "điều kiện trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, khen thưởng. Lý do: "
        f"{_sentence(paper.reason)}",
        f"Sở Nội vụ thông báo để {_clean(paper.to)} biết, thông tin đến cá nhân, tập thể được "
        "đề nghị; trường hợp bổ sung đủ điều kiện, tiêu chuẩn, hồ sơ thì đề nghị lại theo quy "
        "định./.",
    ]
    return OfficialDocument(
        issuer_parent=paper.issuer_parent, issuer=paper.issuer, number=paper.number,
        place=paper.place, issued_on=paper.issued_on, kind="", summary="",
        subject=paper.subject, body=body, recipients=list(paper.recipients),
        signer_authority=paper.signer_authority, signer_name=paper.signer_name,
        drafting_unit=paper.drafting_unit)


def letter_pdf(paper: RefusalPaper) -> bytes:
    with force_locale("vi"):  # an official paper of the province, whoever prints it
        return render(letter_document(paper))
