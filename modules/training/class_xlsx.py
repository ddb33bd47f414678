"""The class list as a spreadsheet: every registration in the list's order, with its status,
sessions present, result and certificate number."""

import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from modules.training import certificates, queries
from modules.training.models import RESULT_LABELS


def class_list(training_class) -> bytes:
    numbers = {c.registration_id: c.number for c in certificates.of_class(training_class)}
    book = Workbook()
    sheet = book.active
    sheet.title = training_class.code[:31]
    sheet.append([f"{training_class.code} · {training_class.course.topic}"])
    sheet["A1"].font = Font(bold=True)
    header = [_("No."), _("Full name"), _("Email"), _("Agency"), _("Registration status"),
              _("Sessions present"), _("Result"), _("Certificate number")]
    sheet.append(header)
    for column in range(1, len(header) + 1):
        sheet.cell(row=2, column=column).font = Font(bold=True)
    for n, registration in enumerate(queries.roster(training_class), start=1):
        record = registration.result_record
        sheet.append([
            n, registration.user.full_name, registration.user.email or "",
            registration.agency.name_vi, registration.status_label,
            f"{record.attended}/{record.sessions}" if record else "",
            str(RESULT_LABELS[registration.result]) if registration.result else "",
            numbers.get(registration.id, "")])
    for letter, size in zip("ABCDEFGH", (6, 28, 30, 40, 26, 14, 18, 26), strict=True):
        sheet.column_dimensions[letter].width = size
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
