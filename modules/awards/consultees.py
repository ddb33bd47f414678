"""Hiệp y: an enterprise's nominee needs the written opinion of the tax, social insurance
and environment agencies, asked in parallel. The coordinator records each answer with its
document, or the agency answers in the app where it has accounts (its code is a setting)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.auth.models import Agency
from app.extensions import db
from app.settings import get_setting, set_setting
from modules.awards.catalogue_data import HIEP_Y_AGENCIES as BODIES

# The agency that answers in the app for each body (Sở Nông nghiệp và Môi trường holds the
# environment work since 01/3/2025; the demo's STNMT stands for it until an admin changes it).
DEFAULT_CODES = {"thue": "THUE", "bhxh": "BHXH", "moi_truong": "STNMT"}


def agency_code(body: str) -> str:
    return get_setting(f"awards.consultee.{body}", DEFAULT_CODES[body]) or ""


def bodies_of(agency_code_: str | None) -> list[str]:
    """The bodies an agency answers for."""
    return [body for body in BODIES if agency_code_ and agency_code(body) == agency_code_]


class ConsulteeError(ValueError):
    pass


def set_agencies(codes: dict[str, str]) -> None:
    """The admin says which agency answers for each body in the app ("" for none: the
    coordinator then records its written answer)."""
    known = set(db.session.scalars(select(Agency.code).where(Agency.active.is_(True))))
    if set(codes) - set(BODIES) or any(code and code not in known for code in codes.values()):
        raise ConsulteeError(_l("Choose from the values offered."))
    for body, code in codes.items():
        set_setting(f"awards.consultee.{body}", code)
    db.session.commit()
