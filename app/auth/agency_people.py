"""An agency lead's pages for the people of their agency: the list, a new account for a
person who has none (staff or trainee only), and a new link for one who has not yet set a
password. Every action checks on the server that the agency is the lead's own."""

from flask import Blueprint, abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from app.auth import account_service
from app.auth.forms import AccountForm
from app.auth.models import Agency, User
from app.auth.roles import Role
from app.extensions import db

bp = Blueprint("agency_people", __name__, template_folder="templates")


def _own_agency_or_403(agency_id: int) -> Agency:
    agency = db.session.get(Agency, agency_id) or abort(404)
    if current_user.has_any_role(Role.ADMIN):
        return agency
    if not (current_user.has_any_role(Role.AGENCY_LEAD) and current_user.agency_id == agency.id):
        abort(403)
    return agency


def may_get_new_link(person: User) -> bool:
    """A lead hands links only to people who have not set a password yet and who hold no
    more than what a lead gives: never a way into a colleague's working account."""
    return person.active and person.must_change_password and bool(person.email) \
        and person.roles <= set(account_service.LEAD_GIVES)


def handover_page(handovers, back_url: str):
    """The links to pass on, shown once and never cached."""
    response = make_response(render_template("auth/handover.html", handovers=handovers,
                                             back_url=back_url))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/agency/people")
@login_required
def own_people():
    if not current_user.has_any_role(Role.AGENCY_LEAD):
        abort(403)
    return redirect(url_for(".people", agency_id=current_user.agency_id))


@bp.get("/agencies/<int:agency_id>/people")
@login_required
def people(agency_id: int):
    agency = _own_agency_or_403(agency_id)
    members = db.session.scalars(select(User).where(User.agency_id == agency.id)
                                 .order_by(User.active.desc(), User.full_name)).all()
    return render_template("auth/agency_people.html", agency=agency, members=members,
                           may_get_new_link=may_get_new_link)


@bp.route("/agencies/<int:agency_id>/people/new", methods=["GET", "POST"])
@login_required
def new_account(agency_id: int):
    agency = _own_agency_or_403(agency_id)
    form = AccountForm()
    if form.validate_on_submit():
        try:
            handover = account_service.create_for_agency(
                lead=current_user, agency=agency, full_name=form.full_name.data,
                email=form.email.data, roles=form.roles.data)
        except account_service.AccountError as error:
            form.email.errors.append(str(error))
        else:
            back = url_for(".people", agency_id=agency.id)
            if handover.link:
                return handover_page([handover], back)
            flash(_("The account of %(name)s is made; a link to set the password is being "
                    "mailed to %(email)s.", name=handover.user.full_name,
                    email=handover.user.email), "success")
            return redirect(back)
    return render_template("auth/account_form.html", form=form, agency=agency), \
        400 if form.is_submitted() else 200


@bp.post("/agencies/<int:agency_id>/people/<int:user_id>/link")
@login_required
def new_link(agency_id: int, user_id: int):
    agency = _own_agency_or_403(agency_id)
    person = db.session.get(User, user_id)
    if person is None or person.agency_id != agency.id:
        abort(404)
    if not may_get_new_link(person):
        abort(403)
    handover = account_service.send_link(person)
    db.session.commit()
    back = url_for(".people", agency_id=agency.id)
    if handover.link:
        return handover_page([handover], back)
    flash(_("A new link to set the password is being mailed to %(email)s.",
            email=person.email), "success")
    return redirect(back)
