"""The spreadsheet an admin fills in to import people: the columns, how to fill them in, and
a sheet with the agencies of today by code and name, to copy from."""

import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from app.auth.models import Agency
from app.auth.roles import ROLE_LABELS, Role
from app.clock import today
from app.extensions import db


def template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("People")
    sheet.append([_("Full name"), _("Email"), _("Agency"), _("Roles")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCD", (30, 34, 40, 30), strict=True):
        sheet.column_dimensions[column].width = width

    # How to fill it in, on a sheet of its own: example rows left in the list would be
    # imported as people.
    notes = workbook.create_sheet(_("How to fill in"))
    for line in (
        _("One person per row of the first sheet; keep its first row (the column names)."),
        _("Full name: as on the person's papers, with every Vietnamese mark."),
        _("Email: the person's own address; they sign in with it and get the link to set "
          "their password there."),
        _("Agency: its code or its name as the sheet Agencies has it (for example SVHTTDL, "
          "or UBND xã Tịnh Khê)."),
        _("Roles: %(roles)s, several separated by commas; left blank: %(default)s.",
          roles=", ".join(str(ROLE_LABELS[r]) for r in
                          (Role.AGENCY_LEAD, Role.AGENCY_STAFF, Role.TRAINEE)),
          default=ROLE_LABELS[Role.TRAINEE]),
        _("Type values only, no formulas."),
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 110

    agencies = workbook.create_sheet(_("Agencies"))
    agencies.append([_("Code"), _("Name")])
    for cell in agencies[1]:
        cell.font = Font(bold=True)
    day = today()
    for agency in db.session.scalars(select(Agency).order_by(Agency.kind, Agency.name_vi)):
        if agency.is_current_on(day):
            agencies.append([agency.code, agency.name_vi])
    agencies.column_dimensions["A"].width = 18
    agencies.column_dimensions["B"].width = 60

    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
