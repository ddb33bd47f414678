"""WTForms and Flask-WTF ship no Vietnamese catalogue, so their built-in messages ("This
field is required.") are in ours: listed here for `make extract-messages` to find, and
handed to every form by the request (see AppRequest in app/i18n.py). Never called."""

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext


def _catalogue():  # pragma: no cover - read by pybabel, not run
    return [
        _l("This field is required."), _l("Invalid input."), _l("Not a valid choice."),
        _l("Not a valid date value."), _l("Not a valid datetime value."),
        _l("Not a valid integer value."), _l("Not a valid decimal value."),
        _l("Not a valid float value."), _l("Invalid email address."), _l("Invalid URL."),
        _l("Invalid Choice: could not coerce."), _l("Field must be equal to %(other_name)s."),
        _l("Field must be between %(min)d and %(max)d characters long."),
        _l("Number must be at least %(min)s."), _l("Number must be at most %(max)s."),
        _l("Number must be between %(min)s and %(max)s."),
        _l("Invalid value, must be one of: %(values)s."),
        _l("Invalid value, can't be any of: %(values)s."),
        _l("This field cannot be edited."),
        _l("This field is disabled and cannot have a value."),
        _l("Invalid CSRF Token."), _l("CSRF token missing."), _l("CSRF failed."),
        _l("CSRF token expired."),
        _l("File does not have an approved extension: {extensions}"),
        _l("This field is required."),
        lazy_ngettext("Field must be at least %(min)d character long.",
                      "Field must be at least %(min)d characters long.", 1),
        lazy_ngettext("Field cannot be longer than %(max)d character.",
                      "Field cannot be longer than %(max)d characters.", 1),
        lazy_ngettext("Field must be exactly %(max)d character long.",
                      "Field must be exactly %(max)d characters long.", 1),
    ]
