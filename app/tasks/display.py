"""A step's stored values as its page shows them, whatever type the data turned out to have
(a script, an admin's correction or an older diagram may have written something else)."""

import json

from flask_babel import gettext as _

from app.tasks.forms import DATE_FORMAT, shown_value


def field_text(value, schema) -> str:
    """The value of one form field as people read it: dd/mm/yyyy, a choice by its name."""
    if value is None:
        return ""
    typed = shown_value(schema, value)
    if schema.type == "boolean" and typed is not None:
        return _("Yes") if typed else _("No")
    if schema.type == "date" and typed is not None:
        return typed.strftime(DATE_FORMAT)
    if schema.type == "enum" and typed is not None:
        return dict(schema.options).get(typed, typed)
    if typed is not None and schema.type in ("string", "long"):
        return str(typed)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                           default=str)


def stored_file(value) -> dict | None:
    """A file field's value when it is one ({"attachment_id": ..., "name": ...})."""
    if isinstance(value, dict) and isinstance(value.get("attachment_id"), int) \
            and not isinstance(value.get("attachment_id"), bool):
        return {"attachment_id": value["attachment_id"], "name": str(value.get("name") or "")}
    return None
