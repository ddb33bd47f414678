"""Importing people from a spreadsheet (.xlsx: name, email, agency, roles).

Reading refuses a file that is not a workbook, too large, without the columns, or with
formulas, with one sentence why. Each row is then new, already there (an account has the
email), or an error with its reasons; importing makes the new ones in one transaction and
runs the classification again at that moment, so a file imported twice makes nothing new."""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from enum import StrEnum

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from openpyxl import load_workbook
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from app.auth import account_service
from app.auth.models import Agency, AgencyGroup, User
from app.auth.roles import ROLE_LABELS, Role
from app.auth.successions import now_held_by
from app.clock import today
from app.extensions import db
from app.text import clean

MAX_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED = 60 * 1024 * 1024  # a small file that unpacks into gigabytes is refused
MAX_ROWS = 3000
IMPORT_ROLES = (Role.AGENCY_LEAD, Role.AGENCY_STAFF, Role.TRAINEE)
DEFAULT_ROLES = frozenset({Role.TRAINEE})

# What a header may say for each column, compared after _key(): English or Vietnamese.
HEADERS = {
    "name": {"name", "full name", "họ và tên", "họ tên", "tên"},
    "email": {"email", "e-mail", "thư điện tử", "địa chỉ email", "địa chỉ thư điện tử"},
    "agency": {"agency", "cơ quan", "đơn vị", "cơ quan, đơn vị", "cơ quan/đơn vị"},
    "roles": {"roles", "role", "vai trò"},
}
REQUIRED = ("name", "email", "agency")
COLUMN_LABELS = {"name": _l("Full name"), "email": _l("Email"), "agency": _l("Agency"),
                 "roles": _l("Roles")}


class FileRefused(ValueError):
    """The whole file is refused, with the reason."""


class Status(StrEnum):
    NEW = "new"
    EXISTS = "exists"
    ERROR = "error"


@dataclass
class Row:
    number: int  # the row number in the sheet, as the admin sees it
    name: str
    email: str
    agency: str
    roles: str

    def as_list(self) -> list:
        return [self.number, self.name, self.email, self.agency, self.roles]


@dataclass
class Line:
    row: Row
    status: Status = Status.NEW
    reasons: list[str] = field(default_factory=list)
    email: str = ""
    agency: Agency | None = None
    roles: frozenset[Role] = frozenset()
    holder: User | None = None

    def refuse(self, reason) -> None:
        self.status = Status.ERROR
        self.reasons.append(str(reason))


# Older Vietnamese writing puts the tone mark on the second vowel ("hoá", "uỷ"): the same
# name either way.
_OLD_TONES = {f"{a}{b}": f"{c}{d}" for a, b, c, d in [
    *(("o", t, m, "a") for t, m in zip("àáảãạ", "òóỏõọ", strict=True)),
    *(("o", t, m, "e") for t, m in zip("èéẻẽẹ", "òóỏõọ", strict=True)),
    *(("u", t, m, "y") for t, m in zip("ỳýỷỹỵ", "ùúủũụ", strict=True)),
]}
_OLD_TONE_PATTERN = re.compile("|".join(_OLD_TONES))


def _key(text) -> str:
    """How a name is compared: NFC, one space, case and old tone placement aside, "Ủy ban
    nhân dân" as "UBND"."""
    text = " ".join(unicodedata.normalize("NFC", str(text or "")).casefold().split())
    text = _OLD_TONE_PATTERN.sub(lambda match: _OLD_TONES[match.group()], text)
    return text.replace("ủy ban nhân dân", "ubnd")


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(clean(str(value)).split())


def _open(data: bytes):
    if len(data) > MAX_BYTES:
        raise FileRefused(_l("The file is larger than %(size)s MB.",
                             size=MAX_BYTES // (1024 * 1024)))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        names, unpacked = set(), 0
    if "xl/workbook.xml" not in names:
        raise FileRefused(_l("This is not an Excel workbook (.xlsx). Save it as .xlsx (an "
                             "older .xls too) and upload it again."))
    if unpacked > MAX_UNZIPPED:
        raise FileRefused(_l("The workbook is too large once opened. Keep only the sheet of "
                             "people, at most %(n)d rows.", n=MAX_ROWS))
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file; all mean the same here
        raise FileRefused(_l("The workbook could not be read; it may be damaged. Open it in "
                             "Excel, save it again as .xlsx and upload it.")) from None


def find_columns(header, headers: dict, labels: dict, required) -> dict[str, int]:
    """Where each known column stands in a sheet's first row (its names as `headers` lists
    them, a note in brackets ignored); FileRefused naming the `required` ones missing."""
    found = {}
    for index, cell in enumerate(header):
        text = _key(re.sub(r"\(.*?\)", "", _cell_text(cell.value)))
        for column, names in headers.items():
            if text in names and column not in found:
                found[column] = index
    missing = [str(labels[column]) for column in required if column not in found]
    if missing:
        raise FileRefused(_l("The first row of the sheet must name the columns; missing: "
                             "%(columns)s. Start from the template.",
                             columns=", ".join(missing)))
    return found


def read_rows(data: bytes) -> list[Row]:
    """The people rows of the first sheet; FileRefused when the file cannot be used."""
    workbook = _open(data)
    try:
        sheet = workbook.worksheets[0]
        # Read-only sheets give each row in turn, blank ones too: its place is its number.
        lines = enumerate(sheet.iter_rows(), start=1)
        header = next((line for _n, line in lines if any(c.value is not None for c in line)),
                      None)
        if header is None:
            raise FileRefused(_l("The first sheet of the workbook is empty."))
        columns = find_columns(header, HEADERS, COLUMN_LABELS, REQUIRED)
        rows, formulas = [], []
        for number, line in lines:
            formulas += [cell.coordinate for cell in line if cell.data_type == "f"]
            values = {name: _cell_text(line[index].value) if index < len(line) else ""
                      for name, index in columns.items()}
            if not any(values.values()):
                continue
            if len(rows) == MAX_ROWS:
                raise FileRefused(_l("The file has more than %(n)d people: split it.",
                                     n=MAX_ROWS))
            rows.append(Row(number, values["name"], values["email"], values["agency"],
                            values.get("roles", "")))
    finally:
        workbook.close()
    if formulas:
        raise FileRefused(_l("Cells %(cells)s hold formulas. Copy the sheet and paste it as "
                             "values only, then upload it again.",
                             cells=", ".join(formulas[:5]) + ("…" if len(formulas) > 5 else "")))
    if not rows:
        raise FileRefused(_l("The sheet names its columns but lists no one."))
    return rows


class _Agencies:
    """Agencies by code and by name, as a spreadsheet writes them."""

    def __init__(self):
        self.by_key: dict[str, list[Agency]] = {}
        for agency in db.session.scalars(select(Agency).order_by(Agency.id)):
            for name in {agency.code, agency.name_vi, agency.name_en}:
                self.by_key.setdefault(_key(name), []).append(agency)
        self.day = today()

    def find(self, text: str, line: Line) -> None:
        if not text:
            return line.refuse(_l("The agency is missing."))
        found = self.by_key.get(_key(text), [])
        if not found:
            return line.refuse(_l("No agency is called “%(text)s”: write its code or its "
                                  "name as the list of agencies has it.", text=text))
        current = [agency for agency in found if agency.is_current_on(self.day)]
        if len(current) == 1:
            line.agency = current[0]
        elif current:
            line.refuse(_l("Several agencies are called “%(text)s”: write the code (%(codes)s).",
                           text=text, codes=", ".join(a.code for a in current)))
        else:
            line.refuse(_ended(found[0], self.day))


def _ended(agency: Agency, day) -> str:
    holder = now_held_by(agency, day=day)
    if isinstance(holder, Agency):
        return str(_l("%(agency)s has ended; its work went to %(successor)s (%(code)s): write "
                      "that agency.", agency=agency.name_vi, successor=holder.name_vi,
                      code=holder.code))
    if isinstance(holder, AgencyGroup):
        return str(_l("%(agency)s has ended; its work went to the units of “%(group)s”: write "
                      "the commune or ward where the person works.", agency=agency.name_vi,
                      group=holder.name_vi))
    return str(_l("%(agency)s has ended and no agency took over its work.",
                  agency=agency.name_vi))


def _role_names() -> dict[str, Role]:
    names = {}
    for role, label in ROLE_LABELS.items():
        names[_key(role.value)] = role
        for locale in ("vi", "en"):
            with force_locale(locale):
                names[_key(str(label))] = role
    return names


def _roles(text: str, line: Line, names: dict[str, Role]) -> None:
    wanted, parts = set(), [_key(p) for p in re.split(r"[,;/\n]", text) if _key(p)]
    if not parts:
        line.roles = DEFAULT_ROLES
        return
    for part in parts:
        role = names.get(part)
        if role is None:
            line.refuse(_l("Unknown role “%(role)s”: write %(known)s.", role=part,
                           known=", ".join(str(ROLE_LABELS[r]) for r in IMPORT_ROLES)))
        elif role not in IMPORT_ROLES:
            line.refuse(_l("%(role)s is given on the person's own page, not by import.",
                           role=ROLE_LABELS[role]))
        else:
            wanted.add(role)
    line.roles = frozenset(wanted)


def _holders(emails: list[str]) -> dict[str, User]:
    found = {}
    for start in range(0, len(emails), 500):
        chunk = emails[start:start + 500]
        for user in db.session.scalars(select(User).where(or_(
                func.lower(User.email).in_(chunk), User.username.in_(chunk))).order_by(User.id)):
            for address in {(user.email or "").lower(), user.username} & set(chunk):
                found.setdefault(address, user)
    return found


def classify(rows: list[Row]) -> list[Line]:
    """Each row as new, already there, or an error with its reasons."""
    agencies, names = _Agencies(), _role_names()
    lines, first_row = [], {}
    for row in rows:
        line = Line(row)
        try:
            line.email = account_service.email_of(row.email)
        except account_service.AccountError as error:
            line.refuse(error)
        lines.append(line)
    holders = _holders(sorted({line.email for line in lines if line.email}))
    for line in lines:
        if line.email and line.email in first_row:
            line.refuse(_l("The same email as row %(n)d.", n=first_row[line.email]))
            continue
        if line.email:
            first_row[line.email] = line.row.number
        line.holder = holders.get(line.email)
        if line.holder is not None:
            line.status = Status.EXISTS
            continue
        if not line.row.name:
            line.refuse(_l("The full name is missing."))
        elif len(line.row.name) > 255:
            line.refuse(_l("The full name is longer than 255 characters."))
        agencies.find(line.row.agency, line)
        _roles(line.row.roles, line, names)
    return lines


class ImportRefused(ValueError):
    pass


def import_rows(rows: list[Row]) -> tuple[list[Line], list]:
    """Make the accounts of the rows that are new now, all in one transaction, and send
    (or hand back) each one's link. Returns the lines and the handovers."""
    lines = classify(rows)
    made = [(line, account_service.add_account(
        full_name=line.row.name, email=line.email, agency=line.agency, roles=line.roles))
        for line in lines if line.status == Status.NEW]
    try:
        db.session.flush()
        handovers = [account_service.send_link(user) for _line, user in made]
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ImportRefused(_l("Someone made one of these accounts at the same moment, so "
                               "nothing was imported. Upload the file again.")) from None
    return lines, handovers
