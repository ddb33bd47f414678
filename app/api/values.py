"""Form values sent as JSON, checked by the same WTForms form a clerk fills in."""

import base64
import binascii
from datetime import date

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import FileStorage, MultiDict

from app.tasks.forms import PREFIX, build_form, values_of


class BadValues(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid values")
        self.errors = errors


# What JSON type each field type takes; null (or leaving the field out) is blank, and so is
# "" for the types people write as text.
_EXPECTED = {"string": (str,), "enum": (str,), "date": (str,), "long": (int, str),
             "boolean": (bool,), "file": (dict,)}
_SAY = {"string": _l("text"), "enum": _l("one of its values' ids, as text"),
        "date": _l("a date as text, YYYY-MM-DD or dd/mm/yyyy"), "long": _l("a whole number"),
        "boolean": _l("true or false (a JSON boolean)"), "file": _l("an object")}


def _type_fault(schema, value) -> str | None:
    """Why `value` cannot be what a field of this type takes, or None."""
    wanted = _EXPECTED[schema.type]
    expected = str(_l("expected %(what)s", what=_SAY[schema.type]))
    if isinstance(value, bool) and bool not in wanted:  # True is an int to Python, not here
        return expected
    if not isinstance(value, wanted) or (schema.type == "long" and isinstance(value, str)
                                         and value.strip()):
        return expected
    return None


def _as_form_text(schema, value):
    if schema.type == "boolean":
        return "y" if value else None
    if schema.type == "date":
        try:
            return date.fromisoformat(value.strip()).strftime("%d/%m/%Y")
        except ValueError:
            return value  # dd/mm/yyyy, or what the form will say is not a date
    return str(value)


def _as_upload(field_id: str, value):
    if not isinstance(value, dict) or "name" not in value or "content_base64" not in value:
        raise BadValues({field_id: [str(_l('a file is {"name": ..., "content_base64": ...}'))]})
    try:
        content = base64.b64decode(value["content_base64"], validate=True)
    except (binascii.Error, ValueError):
        raise BadValues({field_id: [str(_l("content_base64 is not valid base64"))]}) from None
    from io import BytesIO

    return FileStorage(BytesIO(content), filename=str(value["name"]))


def check(fields, raw: dict, data: dict) -> tuple[dict, dict]:
    """Typed values and files from a JSON object, or BadValues with each field's errors."""
    known = {schema.id for schema in fields}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise BadValues({name: [str(_l("this step has no such field"))] for name in unknown})
    faults = {schema.id: [fault] for schema in fields if raw.get(schema.id) is not None
              for fault in [_type_fault(schema, raw[schema.id])] if fault}
    if faults:
        raise BadValues(faults)
    formdata = MultiDict()
    for schema in fields:
        value = raw.get(schema.id)
        if value is None:
            continue
        if schema.type == "file":
            formdata[PREFIX + schema.id] = _as_upload(schema.id, value)
        else:
            text = _as_form_text(schema, value)
            if text is not None:
                formdata[PREFIX + schema.id] = text
    form = build_form(fields, data, formdata=formdata, meta={"csrf": False})
    if not form.validate():
        raise BadValues({name[len(PREFIX):]: [str(e) for e in errors]
                         for name, errors in form.errors.items()})
    return values_of(form, fields)
