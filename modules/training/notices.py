"""What trainees and leads are told, in Vietnamese as the organiser writes it (a notice is
kept as written, whatever language its reader later picks)."""

from flask_babel import force_locale
from flask_babel import gettext as _

from app.notifications.models import Kind
from app.notifications.service import notify_users


def _date(day) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _class_name(training_class) -> str:
    return f"{training_class.code} · {training_class.course.topic}"


# Plain paths: a notice is also written by the timer worker, outside any request.
def _mine() -> str:
    return "/training/my"


def _class_link(training_class) -> str:
    return f"/training/classes/{training_class.id}"


def offered(registration) -> None:
    with force_locale("vi"):
        text = _("A seat is free in %(name)s: confirm that you will attend by %(day)s, or it "
                 "goes to the next person on the waiting list.",
                 name=_class_name(registration.training_class),
                 day=_date(registration.offer_until))
    notify_users([registration.user], Kind.TRAINING, text, _mine())


def reminded(registration) -> None:
    training_class = registration.training_class
    with force_locale("vi"):
        text = _("Reminder: %(name)s begins on %(day)s at %(time)s, %(where)s.",
                 name=_class_name(training_class), day=_date(training_class.first_day),
                 time=f"{training_class.sessions[0].starts_at:%H:%M}",
                 where=training_class.venue or training_class.online_link or "")
    notify_users([registration.user], Kind.TRAINING, text, _class_link(training_class))


def declined(registration, reason: str) -> None:
    with force_locale("vi"):
        text = _("Your agency's lead did not approve your registration for %(name)s.",
                 name=_class_name(registration.training_class))
        if reason:
            text += " " + _("Reason: %(reason)s", reason=reason)
    notify_users([registration.user], Kind.TRAINING, text, _mine())


def lapsed(registration, text_key: str) -> None:
    with force_locale("vi"):
        texts = {
            "offer": _("The seat offered to you in %(name)s was not confirmed in time and "
                       "has gone to the next person on the waiting list.",
                       name=_class_name(registration.training_class)),
            "approval": _("Your registration for %(name)s was not approved before the class "
                          "began.", name=_class_name(registration.training_class)),
        }
    notify_users([registration.user], Kind.TRAINING, texts[text_key], _mine())


def nominated(registration) -> None:
    with force_locale("vi"):
        text = _("%(lead)s nominated you for %(name)s.",
                 lead=registration.nominated_by.full_name,
                 name=_class_name(registration.training_class))
    notify_users([registration.user], Kind.TRAINING, text, _mine())


def postponed(training_class, registrations) -> None:
    with force_locale("vi"):
        text = _("%(name)s is postponed: it now begins on %(day)s.",
                 name=_class_name(training_class), day=_date(training_class.first_day))
        if training_class.postponement_note:
            text += " " + training_class.postponement_note
    notify_users([r.user for r in registrations], Kind.TRAINING, text,
                 _class_link(training_class))


def cancelled(training_class, registrations) -> None:
    with force_locale("vi"):
        text = _("%(name)s is cancelled. Reason: %(reason)s",
                 name=_class_name(training_class), reason=training_class.cancellation_reason)
    notify_users([r.user for r in registrations], Kind.TRAINING, text,
                 _class_link(training_class))


def removed(registration, reason: str) -> None:
    with force_locale("vi"):
        text = _("The organiser of %(name)s cancelled your registration. Reason: %(reason)s",
                 name=_class_name(registration.training_class), reason=reason)
    notify_users([registration.user], Kind.TRAINING, text, _mine())


def result_corrected(registration, reason: str, certificate) -> None:
    """A result corrected after the class was closed, and what it did to the certificate."""
    with force_locale("vi"):
        text = _("The organiser of %(name)s corrected your result to: %(result)s. Reason: "
                 "%(reason)s", name=_class_name(registration.training_class),
                 result=registration.result_label, reason=reason)
        if certificate is not None:
            text += " " + (_("Your certificate %(number)s is valid.", number=certificate.number)
                           if certificate.valid else
                           _("Your certificate %(number)s is no longer valid.",
                             number=certificate.number))
    notify_users([registration.user], Kind.TRAINING, text, _mine())
