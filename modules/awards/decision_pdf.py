"""The "Quyết định về việc tặng Bằng khen …" as an official document (Nghị định 30/2020/NĐ-CP,
Phụ lục I, mẫu quyết định cá biệt), through app/pdf/official.py: the issuing body, number and
date; "QUYẾT ĐỊNH / Về việc tặng …"; who decides; the grounds (căn cứ) in italics; "QUYẾT
ĐỊNH:"; Điều 1 (the award, to the attached list), Điều 2 (the reward), Điều 3 (who carries
it out); the recipients and the signature; then the attached list of awardees (Danh sách kèm
theo Quyết định số …), a table whose heading repeats on every page."""

from flask_babel import force_locale
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from app.pdf import OfficialDocument, render
from app.pdf.blocks import CentredLines
from app.pdf.lines import balanced_lines
from app.pdf.official import BODY_SIZE, PARAGRAPH_SPACE, TEXT_WIDTH, TITLE_SIZE, _clean, _text
from app.pdf.typeface import _style, face, width
from modules.awards.papers import COLLECTIVE, PERSON, Awardee, DecisionPaper

LIST_SIZE = 12  # the list's cells: a table, which Phụ lục I leaves to the drafter
INDENT = 10 * mm  # first line of a paragraph, and of "Điều N.": 1-1.27 cm (Phần II, mục 6)
COLUMNS = (0.09, 0.43, 0.48)  # STT, name, position and agency
ROMAN = ("I", "II")


def _ground_style():
    return _style("ground", BODY_SIZE, italic=True, align=TA_JUSTIFY, firstLineIndent=INDENT,
                  spaceAfter=PARAGRAPH_SPACE)


def _article_style():
    return _style("article", BODY_SIZE, align=TA_JUSTIFY, firstLineIndent=INDENT,
                  spaceAfter=PARAGRAPH_SPACE)


def _counts(awardees) -> str:
    """"02 tập thể và 05 cá nhân": two digits, as decisions write counts."""
    collectives = sum(1 for a in awardees if a.kind == COLLECTIVE)
    people = len(awardees) - collectives
    parts = [f"{n:02d} {label}" for n, label in ((collectives, "tập thể"), (people, "cá nhân"))
             if n]
    return " và ".join(parts)


def _article(number: int, text: str) -> Paragraph:
    return Paragraph(f"<b>Điều {number}.</b> {_text(text)}", _article_style())


def _decision_ref(paper: DecisionPaper) -> str:
    return (f"Quyết định số {_clean(paper.number)} ngày {paper.issued_on:%d/%m/%Y} của "
            f"{_clean(paper.decider)}")


def _body(paper: DecisionPaper) -> list:
    bold = face(bold=True)
    authority = balanced_lines(_clean(paper.authority).upper(), TEXT_WIDTH,
                               lambda s: width(s, bold, TITLE_SIZE))
    grounds = [_clean(line).strip().rstrip(".;") for line in paper.grounds if line.strip()]
    executors = ", ".join(_clean(name) for name in paper.executors)
    return [
        CentredLines([(line, bold, TITLE_SIZE) for line in authority], space_after=8),
        *[Paragraph(_text(line) + ";", _ground_style()) for line in grounds],
        Paragraph(_text(_clean(paper.proposal).strip().rstrip(".;")) + ".", _ground_style()),
        CentredLines([("QUYẾT ĐỊNH:", bold, TITLE_SIZE)], space_after=8),
        _article(1, f"Tặng {_clean(paper.award_form)} cho {_counts(paper.awardees)} (có danh "
                    f"sách kèm theo), {_clean(paper.achievement).strip().rstrip('.')}."),
        _article(2, paper.reward),
        _article(3, f"Quyết định này có hiệu lực thi hành kể từ ngày ký. {executors}, Thủ "
                    "trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên "
                    "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
    ]


def _cell(value, bold=False, centre=False) -> Paragraph:
    return Paragraph(_text(value), _style(f"list{bold}{centre}", LIST_SIZE, bold=bold,
                                          align=TA_CENTER if centre else 0,
                                          leading=LIST_SIZE * 1.2))


def awardee_table(awardees: tuple[Awardee, ...]) -> Table:
    """STT, name, position and agency; collectives first (I. TẬP THỂ), then people
    (II. CÁ NHÂN), each numbered from 1; the heading row repeats on every page."""
    rows = [[_cell("STT", True, True), _cell("Họ và tên / Tên tập thể", True, True),
             _cell("Chức vụ, đơn vị", True, True)]]
    spans = []
    groups = [(COLLECTIVE, "TẬP THỂ"), (PERSON, "CÁ NHÂN")]
    present = [(kind, title) for kind, title in groups
               if any(a.kind == kind for a in awardees)]
    for roman, (kind, title) in zip(ROMAN, present, strict=False):
        if len(present) > 1:
            spans.append(len(rows))
            rows.append([_cell(roman, True, True), _cell(title, True), ""])
        members = [a for a in awardees if a.kind == kind]
        rows += [[_cell(index, centre=True), _cell(a.name), _cell(a.position_and_agency)]
                 for index, a in enumerate(members, start=1)]
    table = Table(rows, colWidths=[TEXT_WIDTH * share for share in COLUMNS], repeatRows=1,
                  splitInRow=1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black")]  # kept on a repeated heading
    style += [("SPAN", (1, row), (2, row)) for row in spans]
    table.setStyle(TableStyle(style))
    return table


def _appendix(paper: DecisionPaper) -> list:
    bold = face(bold=True)
    kinds = {a.kind for a in paper.awardees}
    who = ("tập thể, cá nhân" if kinds == {PERSON, COLLECTIVE}
           else "tập thể" if kinds == {COLLECTIVE} else "cá nhân")
    heading = balanced_lines(f"{who} được tặng {_clean(paper.award_form)}".upper(),
                             TEXT_WIDTH * 0.9, lambda s: width(s, bold, TITLE_SIZE))
    reference = Paragraph(f"(Kèm theo {_text(_decision_ref(paper))})",
                          _style("list_ref", BODY_SIZE, italic=True, align=TA_CENTER))
    return [PageBreak(),
            CentredLines([("DANH SÁCH", bold, TITLE_SIZE),
                          *[(line, bold, TITLE_SIZE) for line in heading]]),
            reference,
            CentredLines([], rule=TEXT_WIDTH / 4, space_after=6 * mm),
            awardee_table(paper.awardees),
            Spacer(1, 4 * mm)]


def decision_document(paper: DecisionPaper) -> OfficialDocument:
    return OfficialDocument(
        issuer_parent=paper.issuer_parent, issuer=paper.issuer, number=paper.number,
        place=paper.place, issued_on=paper.issued_on, kind="Quyết định",
        summary=f"Về việc tặng {_clean(paper.award_form)}", body=_body(paper),
        recipients=list(paper.recipients), signer_authority=paper.signer_authority,
        signer_name=paper.signer_name, drafting_unit=paper.drafting_unit,
        appendix=_appendix(paper))


def decision_pdf(paper: DecisionPaper) -> bytes:
    """The decision and its list as PDF bytes: A4, Phụ lục I's margins and sizes, page
    numbers from page 2."""
    if not paper.awardees:
        raise ValueError("A decision names at least one awardee.")
    with force_locale("vi"):  # an official paper of the province, whoever prints it
        return render(decision_document(paper))
