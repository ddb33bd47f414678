"""What an API client sends, checked before anything reads it: text that PostgreSQL can keep
(no NUL, no lone surrogate) and that is NFC, nesting no deeper than MAX_DEPTH. Each fault
is named by where it is ("data.items[2].name"), as a 400 answer says."""

from flask_babel import lazy_gettext as _l

from app.text import clean

MAX_DEPTH = 16


class BadBody(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid body")
        self.errors = errors


def _text_fault(text: str) -> str | None:
    if "\x00" in text:
        return str(_l("contains a NUL character"))
    if any("\ud800" <= char <= "\udfff" for char in text):
        return str(_l("contains a lone surrogate, which is not Unicode text"))
    return None


def checked(body):
    """`body` with its text cleaned (app.text.clean), or BadBody naming each fault."""
    errors: dict[str, list[str]] = {}

    def walk(value, path: str, depth: int):
        if depth > MAX_DEPTH:
            errors.setdefault(path, []).append(str(_l("nested deeper than %(n)s levels",
                                                      n=MAX_DEPTH)))
            return None
        if isinstance(value, str):
            fault = _text_fault(value)
            if fault:
                errors.setdefault(path or "body", []).append(fault)
                return value
            return clean(value)
        if isinstance(value, list):
            return [walk(item, f"{path}[{index}]", depth + 1) for index, item in enumerate(value)]
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                where = f"{path}.{key}" if path else key
                fault = _text_fault(key)
                if fault:
                    errors.setdefault(where, []).append(str(_l("its name %(fault)s",
                                                               fault=fault)))
                    continue
                out[clean(key)] = walk(item, where, depth + 1)
            return out
        return value

    result = walk(body, "", 0)
    if errors:
        raise BadBody(errors)
    return result
