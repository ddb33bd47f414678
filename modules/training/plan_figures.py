"""Into the plan (items 1.2 and 5.2): the figures of the classes an agency organised for an
item in the report's period — classes held, trainees per agency, completions — filled in
the item's annual report step, where the lead edits them before sending."""

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from modules.training.models import (
    ClassSession,
    ClassStatus,
    Course,
    Registration,
    RegistrationStatus,
    TrainingClass,
)

HELD = (ClassStatus.PUBLISHED.value, ClassStatus.POSTPONED.value, ClassStatus.FINISHED.value)


def figures(item_code, agency, period_from, period_to) -> str | None:
    """The text of the figures, in Vietnamese (the report's language); None: no class."""
    classes = list(db.session.scalars(
        select(TrainingClass).join(Course).where(
            Course.agency_id == agency.id, Course.plan_item_code == item_code,
            TrainingClass.status.in_(HELD),
            TrainingClass.id.in_(select(ClassSession.class_id).where(
                ClassSession.day >= period_from, ClassSession.day <= period_to)))
        .order_by(TrainingClass.code)))
    if not classes:
        return None
    seated = list(db.session.scalars(select(Registration).where(
        Registration.class_id.in_([c.id for c in classes]),
        Registration.status == RegistrationStatus.CONFIRMED.value)))
    per_agency: dict[str, int] = {}
    for registration in seated:
        name = registration.agency.name_vi
        per_agency[name] = per_agency.get(name, 0) + 1
    completed = sum(1 for r in seated if r.result == "completed")
    with force_locale("vi"):
        return "\n".join([
            _("Classes: %(n)d (%(codes)s).", n=len(classes),
              codes=", ".join(c.code for c in classes)),
            _("Trainees: %(n)d — %(agencies)s.", n=len(seated), agencies="; ".join(
                f"{name}: {count}" for name, count in sorted(per_agency.items()))),
            _("Completed: %(n)d.", n=completed)])
