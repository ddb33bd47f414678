"""Issuing certificates: the diagram's "Cấp giấy chứng nhận" calls issue_for for a trainee
who completed. A number is the year, a serial of the year and a random part drawn with
`secrets` ("GCN-2026-0007-K7Q9X2"), so knowing one certificate's number tells nothing of
another's. What a certificate says is copied on the day it is issued."""

import secrets

from flask import current_app
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from app.clock import today, utcnow
from app.extensions import db
from modules.training import access
from modules.training.attendance_models import COMPLETED, AttendanceBook
from modules.training.certificate_models import Certificate, CertificateCounter
from modules.training.models import Registration

RANDOM_PART_LETTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read out or typed
RANDOM_PART_LENGTH = 6  # 31⁶ ≈ 890 million per serial
PREFIX = "GCN"


def _next_serial(year: int) -> int:
    """The year's next serial, under the counter row's lock (made the first time)."""
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    db.session.execute(dialect.insert(CertificateCounter).values(year=year, last=0)
                       .on_conflict_do_nothing(index_elements=["year"]))
    counter = db.session.scalar(select(CertificateCounter).where(CertificateCounter.year == year)
                                .with_for_update().execution_options(populate_existing=True))
    counter.last += 1
    return counter.last


def number_for(year: int, serial: int) -> str:
    token = "".join(secrets.choice(RANDOM_PART_LETTERS) for _ in range(RANDOM_PART_LENGTH))
    return f"{PREFIX}-{year}-{serial:04d}-{token}"


def issue_for(registration_id: int) -> str | None:
    """The certificate of a trainee who completed (the one issued before, when run again,
    standing again if it was revoked); None for any other result."""
    registration = db.session.get(Registration, int(registration_id))
    if registration is None or registration.result != COMPLETED:
        return None
    issued = of_registration(registration.id)
    if issued is not None:
        issued.revoked_at = issued.revoked_reason = None
        return issued.number
    training_class = registration.training_class
    book = db.session.get(AttendanceBook, training_class.id)
    day = today()
    serial = _next_serial(day.year)
    certificate = Certificate(
        registration_id=registration.id, number=number_for(day.year, serial), year=day.year,
        serial=serial, issued_on=day, holder_name=registration.user.full_name,
        holder_agency=registration.agency.name_vi, class_code=training_class.code,
        course_topic=training_class.course.topic, first_day=training_class.first_day,
        last_day=training_class.last_day, issuer=training_class.course.agency.name_vi,
        signer_authority=(book.signer_authority if book else "") or "",
        signer_name=(book.signer_name if book else "") or "", created_at=utcnow())
    db.session.add(certificate)
    db.session.flush()
    return certificate.number


def of_registration(registration_id: int) -> Certificate | None:
    return db.session.scalar(select(Certificate).where(
        Certificate.registration_id == int(registration_id)))


def revoke_for(registration_id: int, reason: str) -> Certificate | None:
    """The trainee's result is no longer "completed": their certificate (if any) is void from
    now on; the public check page says so."""
    issued = of_registration(registration_id)
    if issued is not None and issued.revoked_at is None:
        issued.revoked_at, issued.revoked_reason = utcnow(), reason
    return issued


def normalised(number: str) -> str:
    return "".join((number or "").split()).upper()[:40]


def lookup(number: str) -> Certificate | None:
    wanted = normalised(number)
    if not wanted:
        return None
    return db.session.scalar(select(Certificate).where(Certificate.number == wanted))


def check_url(number: str) -> str:
    """Where the QR code printed on the certificate leads: its public check page."""
    return f"{current_app.config['PUBLIC_URL'].rstrip('/')}/gcn/{number}"


def may_read(user, certificate: Certificate) -> bool:
    """The holder, and whoever manages the class's course."""
    registration = certificate.registration
    return (registration.user_id == user.id
            or access.may_manage(user, registration.training_class.course))


def of_class(training_class) -> list[Certificate]:
    return list(db.session.scalars(
        select(Certificate).join(Registration, Certificate.registration_id == Registration.id)
        .where(Registration.class_id == training_class.id).order_by(Certificate.serial)))
