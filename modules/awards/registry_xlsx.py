"""The spreadsheet to fill in with past years' awards: its columns, how to fill them in (with
the award forms it knows), and the agencies of the list, to copy from."""

import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from app.auth.models import Agency
from app.extensions import db
from modules.awards.registry_award_forms import KNOWN_FORMS
from modules.awards.registry_import import COLUMN_LABELS, COLUMNS


def _bold_first_row(sheet) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Awards")
    sheet.append([str(COLUMN_LABELS[column]) for column in COLUMNS])
    _bold_first_row(sheet)
    for letter, width in zip("ABCDEFGHIJ", (8, 40, 14, 32, 26, 40, 20, 16, 26), strict=False):
        sheet.column_dimensions[letter].width = width

    # How to fill it in, on a sheet of its own: an example row left in the list would be
    # imported as an award.
    notes = workbook.create_sheet(_("How to fill in"))
    for line in (
        _("One award per row of the first sheet; keep its first row (the column names)."),
        _("Year: the year of the award; left blank, the year of the decision."),
        _("Award form: as the decision writes it, one of those listed below."),
        _("Person or collective: “Cá nhân” or “Tập thể” (may be left blank for a form given "
          "to collectives only, or to persons only)."),
        _("Name: the person's full name with every Vietnamese mark, or the collective's name."),
        _("Agency: its code or its name as the sheet Agencies has it; an agency that no "
          "longer exists may be written as the decision wrote it."),
        _("Decision number and date: as on the decision, the date as dd/mm/yyyy."),
        _("A row with the same decision number and name as an award of the registry is not "
          "imported again."),
        _("Type values only, no formulas."),
        "",
        _("Award forms:"),
        *(f"• {form.name}" for form in KNOWN_FORMS),
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 110

    agencies = workbook.create_sheet(_("Agencies"))
    agencies.append([_("Code"), _("Name")])
    _bold_first_row(agencies)
    for agency in db.session.scalars(select(Agency).order_by(Agency.kind, Agency.name_vi)):
        agencies.append([agency.code, agency.name_vi])
    agencies.column_dimensions["A"].width = 18
    agencies.column_dimensions["B"].width = 60

    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
