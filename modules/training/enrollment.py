"""Registering, nominating and withdrawing: the writes of a trainee and their agency lead.
Each starts or ends the registration's enrollment process in the same transaction, and
takes the class's lock (seats.lock) before anything else, so that requests for one class are
served one after another: the last seat goes to one person, a double submit makes one
registration."""

from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from app import workflow
from app.auth.roles import Role
from app.clock import utcnow
from app.extensions import db
from app.races import lost_a_lock
from modules.training import access, notices, offers, schedule, seats, settings
from modules.training.models import Registration, RegistrationStatus, TrainingClass

PROCESS = "training_enrollment"
NOMINATION_FIELD = "nomination_document"
ATTEMPTS = 5  # a deadlock the database broke is tried again this often


class EnrollmentError(ValueError):
    pass


def _retrying(write):
    """Run `write()` (which commits); when the database broke a lock wait between this and
    another request (a deadlock), everything of ours was undone: try again."""
    for attempt in range(ATTEMPTS):
        try:
            return write()
        except (OperationalError, StaleDataError) as error:
            db.session.rollback()
            if isinstance(error, OperationalError) and not lost_a_lock(error):
                raise
            if attempt == ATTEMPTS - 1:
                raise EnrollmentError(_l("Many people are registering at this moment: try "
                                         "again.")) from None


def register(class_id: int, person, *, nominated_by=None, document=None) -> Registration:
    """Register `person` for the class (they themselves, or nominated by their agency's
    lead with the nomination document, (file name, bytes)), and start its enrollment."""
    if nominated_by is not None:
        if not access.is_lead_of(nominated_by, person.agency_id):
            raise EnrollmentError(_l("A lead nominates officials of their own agency."))
        if document is None:
            raise EnrollmentError(_l("Attach the nomination document."))
    if document is not None:
        try:
            workflow.check_file(*document)  # before anything is written
        except workflow.AttachmentError as error:
            raise EnrollmentError(str(error)) from None
    return _retrying(lambda: _register(class_id, person, nominated_by, document))


def _register(class_id, person, nominated_by, document) -> Registration:
    training_class = seats.lock(class_id)
    if training_class is None:
        raise EnrollmentError(_l("This class does not exist."))
    problem = access.why_not_register(training_class, person)
    if problem:
        db.session.rollback()
        raise EnrollmentError(problem)
    registration = Registration(class_id=class_id, user_id=person.id,
                                agency_id=person.agency_id, nominated_by=nominated_by,
                                created_at=utcnow())
    db.session.add(registration)
    try:
        db.session.flush()
    except IntegrityError:  # the same person a moment ago (a second tab)
        db.session.rollback()
        raise EnrollmentError(_l("%(name)s is registered for this class already.",
                                 name=person.full_name)) from None
    actor = nominated_by or person
    # A lead's nomination is the lead's approval; a lead registering decides for themselves.
    needs_approval = (training_class.approval_needed and nominated_by is None
                      and not person.has_any_role(Role.AGENCY_LEAD))
    try:
        instance = workflow.start_process(
            PROCESS, on_behalf_of=actor, business_key=offers.business_key(registration),
            subject=f"{training_class.code} · {person.full_name}", commit=False,
            data={"registration_id": registration.id, "class_code": training_class.code,
                  "class_title": training_class.course.topic, "trainee": person.username,
                  "trainee_name": person.full_name, "agency": person.agency.code,
                  "needs_approval": needs_approval,
                  "reminder_days": settings.value(settings.REMINDER_DAYS),
                  "close_grace_days": settings.value(settings.CLOSE_GRACE_DAYS)})
    except workflow.WorkflowError as error:
        db.session.rollback()
        raise EnrollmentError(str(error)) from None
    registration.instance_id = instance.id
    if document is not None:
        stored = workflow.attach_file(*document, instance=instance, field_id=NOMINATION_FIELD,
                                      user=actor)
        registration.nomination_attachment_id = stored.id
        notices.nominated(registration)
    db.session.commit()
    return registration


def withdraw(registration_id: int, person) -> Registration:
    """The trainee withdraws before the class begins: their enrollment ends, and a seat
    they held goes to the first on the waiting list at once."""
    registration = db.session.get(Registration, registration_id)
    if registration is None or registration.user_id != person.id:
        raise workflow.Forbidden(_l("This is not your registration."))
    return _retrying(lambda: _end(registration_id, RegistrationStatus.WITHDRAWN, person, None))


def remove(registration_id: int, organiser, reason: str) -> Registration:
    """The organiser cancels one registration, with a reason the person is told."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise EnrollmentError(_l("Say why the registration is cancelled."))
    registration = _retrying(
        lambda: _end(registration_id, RegistrationStatus.CANCELLED, organiser, reason))
    notices.removed(registration, reason)
    db.session.commit()
    return registration


def _end(registration_id: int, status: RegistrationStatus, actor, reason) -> Registration:
    registration = db.session.get(Registration, registration_id)
    training_class: TrainingClass = seats.lock(registration.class_id)
    db.session.refresh(registration)
    if not registration.active:
        db.session.rollback()
        raise EnrollmentError(_l("This registration has ended already: %(status)s.",
                                 status=registration.status_label))
    if status == RegistrationStatus.WITHDRAWN and schedule.has_begun(training_class):
        db.session.rollback()
        raise EnrollmentError(_l("The class has begun: ask the organiser."))
    if registration.instance_id is not None:
        workflow.cancel_instance(registration.instance_id, actor, reason or status.value)
    seats.end(registration.id, status, reason, actor=actor)
    db.session.commit()
    return registration


def terminated_by_admin(instance, *, actor=None, **_) -> None:
    """An admin terminated an enrollment: its registration ends, and its seat goes on."""
    from sqlalchemy import select

    registration = db.session.scalar(select(Registration).where(
        Registration.instance_id == instance.id))
    if registration is not None and registration.active:
        seats.end(registration.id, RegistrationStatus.CANCELLED,
                  str(_l("Enrollment terminated by an administrator.")), actor=actor)
