"""Importing past years' awards from a spreadsheet (.xlsx), so the registry does not start
empty. The file is read as the people import reads one (app.auth.people_import: a workbook,
not too large, no formulas); each row is then new, already in the registry (the same
decision number and name), or an error with its reasons (a bad date, an unknown form, a
missing name…). Importing classifies the rows again at that moment and adds the new ones in
one transaction, so a file imported twice adds nothing the second time."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.auth.models import Agency
from app.auth.people_import import FileRefused, _cell_text, _key, _open, find_columns
from app.clock import today
from app.extensions import db
from app.folding import fold
from modules.awards import registry_award_forms
from modules.awards.registry import record_award
from modules.awards.registry_models import Award

__all__ = ["FileRefused", "Line", "Row", "Status", "classify", "import_rows", "read_rows"]

MAX_ROWS = 3000
FIRST_YEAR = 1945

HEADERS = {
    "year": {"year", "năm", "năm khen thưởng"},
    "form": {"form", "award", "award form", "hình thức", "hình thức khen thưởng",
             "danh hiệu, hình thức khen thưởng", "danh hiệu/hình thức khen thưởng"},
    "kind": {"kind", "person or collective", "đối tượng", "cá nhân/tập thể",
             "cá nhân hay tập thể", "loại"},
    "name": {"name", "full name", "awardee", "họ và tên", "họ tên", "tên",
             "họ tên/tên tập thể", "họ và tên/tên tập thể", "họ tên, tên tập thể",
             "tên cá nhân, tập thể", "cá nhân, tập thể được khen"},
    "position": {"position", "chức vụ", "chức vụ, chức danh"},
    "agency": {"agency", "cơ quan", "đơn vị", "cơ quan, đơn vị", "cơ quan/đơn vị"},
    "decision_number": {"decision number", "decision", "số quyết định", "quyết định số",
                        "số qđ"},
    "decision_date": {"decision date", "date", "ngày quyết định", "ngày ký", "ngày qđ",
                      "ngày ban hành"},
    "signer": {"signer", "signed by", "người ký"},
}
COLUMNS = tuple(HEADERS)
REQUIRED = ("form", "name", "agency", "decision_number", "decision_date")
COLUMN_LABELS = {
    "year": _l("Year"), "form": _l("Award form"), "kind": _l("Person or collective"),
    "name": _l("Name of the person or collective"), "position": _l("Position"),
    "agency": _l("Agency"), "decision_number": _l("Decision number"),
    "decision_date": _l("Decision date"), "signer": _l("Signer")}
KINDS = {"person": {"cá nhân", "ca nhan", "person", "individual", "cn"},
         "collective": {"tập thể", "tap the", "collective", "tt"}}


class Status:
    NEW = "new"
    EXISTS = "exists"
    ERROR = "error"


@dataclass
class Row:
    number: int
    year: str
    form: str
    kind: str
    name: str
    position: str
    agency: str
    decision_number: str
    decision_date: str

    signer: str

    def as_list(self) -> list:
        return [self.number, self.year, self.form, self.kind, self.name, self.position,
                self.agency, self.decision_number, self.decision_date, self.signer]


@dataclass
class Line:
    row: Row
    status: str = Status.NEW
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    year: int | None = None
    form: registry_award_forms.KnownForm | None = None
    kind: str = ""
    agency: Agency | None = None
    day: date | None = None

    def refuse(self, reason) -> None:
        self.status = Status.ERROR
        self.reasons.append(str(reason))


def _value_text(value) -> str:
    """A cell as text; a date cell as dd/mm/yyyy, as the sheet shows it."""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return _cell_text(value)


def read_rows(data: bytes) -> list[Row]:
    """The award rows of the first sheet; FileRefused when the file cannot be used."""
    workbook = _open(data)
    try:
        lines = enumerate(workbook.worksheets[0].iter_rows(), start=1)
        header = next((line for _n, line in lines if any(c.value is not None for c in line)),
                      None)
        if header is None:
            raise FileRefused(_l("The first sheet of the workbook is empty."))
        columns = find_columns(header, HEADERS, COLUMN_LABELS, REQUIRED)
        rows, formulas = [], []
        for number, line in lines:
            formulas += [cell.coordinate for cell in line if cell.data_type == "f"]
            values = {name: _value_text(line[index].value) if index < len(line) else ""
                      for name, index in columns.items()}
            if not any(values.values()):
                continue
            if len(rows) == MAX_ROWS:
                raise FileRefused(_l("The file has more than %(n)d awards: split it.",
                                     n=MAX_ROWS))
            rows.append(Row(number, *(values.get(name, "") for name in COLUMNS)))
    finally:
        workbook.close()
    if formulas:
        raise FileRefused(_l("Cells %(cells)s hold formulas. Copy the sheet and paste it as "
                             "values only, then upload it again.",
                             cells=", ".join(formulas[:5]) + ("…" if len(formulas) > 5 else "")))
    if not rows:
        raise FileRefused(_l("The sheet names its columns but lists no award."))
    return rows


_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _date(text: str) -> date | None:
    if found := _DATE.match(text):
        day, month, year = (int(part) for part in found.groups())
    elif found := _ISO.match(text):
        year, month, day = (int(part) for part in found.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _check_date(line: Line) -> None:
    text = line.row.decision_date
    if not text:
        return line.refuse(_l("The decision date is missing."))
    line.day = _date(text)
    if line.day is None:
        return line.refuse(_l("“%(text)s” is not a date: write it as dd/mm/yyyy, for example "
                              "20/12/2024.", text=text))
    if line.day.year < FIRST_YEAR or line.day > today():
        line.day = None
        line.refuse(_l("The decision date %(text)s is not a past date.", text=text))


def _check_year(line: Line) -> None:
    text = line.row.year
    if not text:
        line.year = line.day.year if line.day else None
        return
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= today().year:
        return line.refuse(_l("“%(text)s” is not a year from %(first)d to %(last)d.",
                              text=text, first=FIRST_YEAR, last=today().year))
    line.year = int(text)


def _check_form_and_kind(line: Line) -> None:
    row = line.row
    if not row.form:
        line.refuse(_l("The award form is missing."))
    else:
        line.form = registry_award_forms.find(row.form)
        if line.form is None:
            line.refuse(_l("Unknown award form “%(text)s”: write it as the decision does, for "
                           "example “Bằng khen của Chủ tịch UBND tỉnh” (the sheet “How to "
                           "fill in” lists them).", text=row.form))
    wanted = fold(row.kind)
    line.kind = next((kind for kind, names in KINDS.items() if wanted in names), "")
    if row.kind and not line.kind:
        return line.refuse(_l("“%(text)s”: write “Cá nhân” or “Tập thể”.", text=row.kind))
    if line.form is None:
        return
    if not line.kind and len(line.form.kinds) == 1:
        line.kind = next(iter(line.form.kinds))
    elif not line.kind:
        line.refuse(_l("Say whether the award went to a person (Cá nhân) or a collective "
                       "(Tập thể)."))
    elif line.kind not in line.form.kinds:
        line.refuse(_l("%(form)s is not given to a %(kind)s.", form=line.form.name,
                       kind=_l("person") if line.kind == "person" else _l("collective")))


class _Agencies:
    """Agencies by code and name, ended ones too: an old decision names them as they were."""

    def __init__(self):
        self.by_key: dict[str, list[Agency]] = {}
        for agency in db.session.scalars(select(Agency).order_by(Agency.id)):
            for name in {agency.code, agency.name_vi, agency.name_en}:
                self.by_key.setdefault(_key(name), []).append(agency)

    def find(self, line: Line) -> None:
        text = line.row.agency
        if not text:
            return line.refuse(_l("The agency is missing."))
        found = self.by_key.get(_key(text), [])
        if len(found) == 1:
            line.agency = found[0]
        else:
            line.notes.append(str(_l("Agency kept as written: no single agency of the list "
                                     "is called so.")))


def _key_of(decision_number: str, name: str) -> tuple[str, str]:
    return fold(decision_number).replace(" ", ""), fold(name)


def _in_registry(lines: list[Line]) -> set[tuple[str, str]]:
    numbers = sorted({line.row.decision_number for line in lines if line.row.decision_number})
    found = set()
    for start in range(0, len(numbers), 500):
        for number, name in db.session.execute(select(
                Award.decision_number, Award.name).where(
                Award.decision_number.in_(numbers[start:start + 500]))):
            found.add(_key_of(number, name))
    return found


def classify(rows: list[Row]) -> list[Line]:
    """Each row as new, already in the registry, or an error with its reasons."""
    agencies, lines, first_row = _Agencies(), [Line(row) for row in rows], {}
    present = _in_registry(lines)
    for line in lines:
        row = line.row
        if not row.name:
            line.refuse(_l("The name of the person or collective is missing."))
        elif len(row.name) > 255:
            line.refuse(_l("The name is longer than 255 characters."))
        if not row.decision_number:
            line.refuse(_l("The decision number is missing."))
        elif len(row.decision_number) > 60:
            line.refuse(_l("The decision number is longer than 60 characters."))
        _check_date(line)
        _check_year(line)
        _check_form_and_kind(line)
        agencies.find(line)
        if len(row.position) > 255 or len(row.signer) > 255 or len(row.agency) > 500:
            line.refuse(_l("A position, agency or signer is too long."))
        if not (row.decision_number and row.name):
            continue
        key = _key_of(row.decision_number, row.name)
        if key in first_row:
            line.refuse(_l("The same decision and name as row %(n)d.", n=first_row[key]))
        else:
            first_row[key] = row.number
            if key in present and line.status != Status.ERROR:
                line.status = Status.EXISTS
    return lines


def import_rows(rows: list[Row]) -> list[Line]:
    """Add the rows that are new now, in one transaction; returns every row's line."""
    lines = classify(rows)
    for line in lines:
        if line.status != Status.NEW:
            continue
        row = line.row
        record_award(
            year=line.year, form_code=line.form.code, form_name=line.form.name, kind=line.kind,
            name=row.name, position=row.position, agency_id=getattr(line.agency, "id", None),
            agency_name=row.agency, decision_number=row.decision_number,
            decision_date=line.day, signer=row.signer, imported=True)
    db.session.commit()
    return lines
