"""Where the certificate's text lands on the pre-printed blank (phôi): each printer feeds the
sheet a little off, so an admin shifts the text by a few millimetres until it sits in the
blank's spaces. Positive x moves the text right, positive y moves it down. No legal text sets
these: they are the printer's, kept in the settings table."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.settings import get_setting, set_setting

LIMIT_MM = 30.0  # further than this the text would leave the blank's spaces: refused


@dataclass(frozen=True)
class Offset:
    key: str
    label: object
    default: float = 0.0


OFFSET_X = Offset("awards.blank_offset_x_mm",
                  _l("Shift the text on the printed blank to the right by (mm; negative: left)"))
OFFSET_Y = Offset("awards.blank_offset_y_mm",
                  _l("Shift the text on the printed blank down by (mm; negative: up)"))
OFFSETS = (OFFSET_X, OFFSET_Y)


def parse_mm(text) -> float:
    """A shift in millimetres as an admin types it ("1,5", "-2", "0.5"); ValueError, with a
    message the form shows, when it is not a number or lies beyond ±30 mm."""
    try:
        number = float(str(text).strip().replace(",", "."))
    except ValueError:
        raise ValueError(_l("Type the shift in millimetres, for example 1,5 or -2.")) from None
    if number != number or abs(number) > LIMIT_MM:  # NaN, or off the blank
        raise ValueError(_l("A shift must lie between -30 and 30 mm."))
    return number


def offset_mm(offset: Offset) -> float:
    """The saved shift; the default when unset or unreadable (never an error at print time)."""
    try:
        return parse_mm(get_setting(offset.key, str(offset.default)))
    except ValueError:
        return offset.default


def offsets_mm() -> tuple[float, float]:
    """(x, y) in millimetres, as certificate_pdf.render takes them."""
    return offset_mm(OFFSET_X), offset_mm(OFFSET_Y)


def save_offset(offset: Offset, text) -> float:
    """Stage an admin's shift (the caller's service commits); ValueError when it is wrong."""
    number = parse_mm(text)
    set_setting(offset.key, f"{number:g}")
    return number


def save_offsets(x_text, y_text) -> tuple[float, float]:
    """Both shifts, or neither when one is wrong (ValueError, its message for the form)."""
    x, y = parse_mm(x_text), parse_mm(y_text)
    save_offset(OFFSET_X, x)
    save_offset(OFFSET_Y, y)
    db.session.commit()
    return x, y
