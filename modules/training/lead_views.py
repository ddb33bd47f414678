"""The agency lead's pages: the agency's training history with the approvals waiting, and
nominating officials of the agency for a class with the nomination document. Approving is
the enrollment's step in the lead's inbox (/tasks)."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from app import workflow
from app.auth import account_service
from app.auth.agency_people import handover_page
from app.auth.models import User
from app.auth.roles import Role
from app.extensions import db
from app.fields import choose_first
from modules.training import access, enrollment, queries
from modules.training.forms import NominateForm
from modules.training.views import bp, visible_or_404


def _lead() -> None:
    if not current_user.has_any_role(Role.AGENCY_LEAD):
        abort(403)


@bp.get("/agency")
def agency_page():
    _lead()
    waiting = workflow.work_items_for(current_user, workflow.InboxFilter(
        process=enrollment.PROCESS, status="open", per_page=100)).items
    return render_template("training/agency.html", agency=current_user.agency,
                           history=queries.agency_history(current_user.agency_id),
                           waiting=waiting)


def _officials() -> list[User]:
    return list(db.session.scalars(select(User).where(
        User.agency_id == current_user.agency_id, User.active.is_(True))
        .order_by(User.full_name)))


def _nominee(form, people) -> tuple[User, bool]:
    """The official chosen, or the new person written in (an account made for them)."""
    if form.person.data:
        return next(p for p in people if p.id == form.person.data), False
    return account_service.account_for_nomination(
        current_user, full_name=form.new_name.data, email=form.new_email.data)


def _hand_over(person: User):
    """A new person's link to set their password: mailed, or shown once to the lead."""
    handover = account_service.hand_over(person)
    if handover.link:
        return handover_page([handover], url_for(".agency_page"))
    flash(_("A link to set the password is being mailed to %(email)s.", email=person.email),
          "info")
    return redirect(url_for(".agency_page"))


@bp.route("/classes/<int:class_id>/nominate", methods=["GET", "POST"])
def nominate_page(class_id: int):
    _lead()
    training_class = visible_or_404(class_id)
    form = NominateForm()
    people = _officials()
    form.person.choices = choose_first([SelectChoice(p.id, f"{p.full_name} ({p.username})")
                                        for p in people])
    if form.validate_on_submit():
        document = form.document.data
        try:
            person, new = _nominee(form, people)
            registration = enrollment.register(
                training_class.id, person, nominated_by=current_user,
                document=(document.filename, document.read()))
        except (enrollment.EnrollmentError, account_service.AccountError) as error:
            db.session.rollback()  # a new person's account goes with the refused nomination
            form.person.errors = [*form.person.errors, str(error)]
        else:
            flash(_("%(name)s is nominated for %(code)s: %(status)s.", name=person.full_name,
                    code=training_class.code, status=registration.status_label), "success")
            if new:
                return _hand_over(person)
            return redirect(url_for(".agency_page"))
    return render_template("training/nominate.html", form=form, training_class=training_class,
                           why_not=None if access.open_to(training_class, current_user) else
                           _("This class is not open to your agency.")), \
        400 if form.is_submitted() else 200
