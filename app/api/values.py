"""Form values sent as JSON, checked by the same WTForms form a clerk fills in."""

import base64
import binascii
from datetime import date

from werkzeug.datastructures import FileStorage, MultiDict

from app.tasks.forms import PREFIX, build_form, values_of


class BadValues(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid values")
        self.errors = errors


def _as_form_text(schema, value):
    if schema.type == "boolean":
        return "y" if value is True else None
    if schema.type == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


def _as_upload(field_id: str, value):
    if not isinstance(value, dict) or "name" not in value or "content_base64" not in value:
        raise BadValues({field_id: ["a file is {\"name\": ..., \"content_base64\": ...}"]})
    try:
        content = base64.b64decode(value["content_base64"], validate=True)
    except (binascii.Error, ValueError):
        raise BadValues({field_id: ["content_base64 is not valid base64"]}) from None
    from io import BytesIO

    return FileStorage(BytesIO(content), filename=str(value["name"]))


def check(fields, raw: dict, data: dict) -> tuple[dict, dict]:
    """Typed values and files from a JSON object, or BadValues with each field's errors."""
    known = {schema.id for schema in fields}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise BadValues({name: ["this step has no such field"] for name in unknown})
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
