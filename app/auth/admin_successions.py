"""An agency's reorganisation page: who carries each part of its work once it has ended,
where each of its people goes (the admin chooses), and its open work moved to its holders."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import SelectChoice

from app.auth import reorg_service
from app.auth.admin_agencies import bp
from app.auth.forms import SuccessionForm, agency_choices
from app.auth.models import Agency, AgencyGroup
from app.auth.successions import DUTIES, SCOPE_LABELS
from app.clock import today
from app.extensions import db
from app.fields import choose_first


def _agency_or_404(agency_id: int) -> Agency:
    return db.session.get(Agency, agency_id) or abort(404)


def _live_agencies(exclude: int | None = None) -> list[Agency]:
    day = today()
    return [a for a in db.session.scalars(select(Agency)) if a.is_current_on(day)
            and a.id != exclude]


def _successor_choices(agency: Agency) -> list[SelectChoice]:
    agencies = [SelectChoice(f"agency:{choice.value}", choice.label, optgroup=choice.optgroup)
                for choice in agency_choices(_live_agencies(exclude=agency.id))]
    groups = [SelectChoice(f"group:{group.id}", group.name_vi, optgroup=_("Agency groups"))
              for group in db.session.scalars(select(AgencyGroup).order_by(AgencyGroup.name_vi))]
    return choose_first(agencies + groups)


def _row_id(text: str) -> int | None:
    """A row's id as a form sends it: ASCII digits within the database's integers (a number
    too large, or digits of another script, names no row)."""
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        return None
    return int(text)


def _successor_of(reference: str):
    kind, _colon, number = (reference or "").partition(":")
    model = {"agency": Agency, "group": AgencyGroup}.get(kind)
    row_id = _row_id(number)
    return db.session.get(model, row_id) if model and row_id is not None else None


def _succession_form(agency: Agency) -> SuccessionForm:
    form = SuccessionForm(prefix="succession")
    form.scope.choices = [SelectChoice(scope.value, label) for scope, label in
                          SCOPE_LABELS.items()]
    form.successor.choices = _successor_choices(agency)
    return form


def _page(agency: Agency, form: SuccessionForm | None = None):
    day = today()
    people = reorg_service.people_of(agency)
    return render_template(
        "auth/agency_successions.html", agency=agency, form=form or _succession_form(agency),
        ended=not agency.is_current_on(day), duties=DUTIES, people=people,
        suggested={person.id: reorg_service.suggested_agency(person, agency, day)
                   for person in people},
        targets=agency_choices(_live_agencies(exclude=agency.id)),
        work=reorg_service.work_preview(agency), moves=reorg_service.moves_of(agency),
        csrf_form=FlaskForm())


@bp.get("/agencies/<int:agency_id>/successions")
def agency_successions(agency_id: int):
    return _page(_agency_or_404(agency_id))


@bp.post("/agencies/<int:agency_id>/successions")
def add_succession(agency_id: int):
    agency = _agency_or_404(agency_id)
    form = _succession_form(agency)
    if form.validate_on_submit():
        try:
            reorg_service.add_succession(
                agency, scope=form.scope.data, value=form.scope_value.data,
                successor=_successor_of(form.successor.data), source=form.source.data)
        except reorg_service.ReorgError as error:
            form.successor.errors.append(str(error))
        else:
            flash(_("Succession saved."), "success")
            return redirect(url_for(".agency_successions", agency_id=agency.id))
    return _page(agency, form), 422


@bp.post("/agencies/<int:agency_id>/successions/<int:succession_id>/delete")
def remove_succession(agency_id: int, succession_id: int):
    agency = _agency_or_404(agency_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    reorg_service.remove_succession(agency, succession_id)
    flash(_("Succession removed."), "success")
    return redirect(url_for(".agency_successions", agency_id=agency.id))


@bp.post("/agencies/<int:agency_id>/people")
def move_people(agency_id: int):
    """Each person of the ended agency to the live agency the admin chose for them."""
    agency = _agency_or_404(agency_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    choices, unchosen = {}, []
    for key, value in request.form.items():
        if not key.startswith("person-"):
            continue
        person_id, agency_id = _row_id(key.removeprefix("person-")), _row_id(value)
        if person_id is None or agency_id is None:
            unchosen.append(key)
            continue
        choices[person_id] = agency_id
    try:
        if unchosen or not choices:
            raise reorg_service.ReorgError(_("Choose a new agency for each person."))
        moved = reorg_service.move_people(agency, choices, current_user)
    except reorg_service.ReorgError as error:
        flash(str(error), "danger")
    else:
        flash(_("%(n)d people moved.", n=moved), "success")
    return redirect(url_for(".agency_successions", agency_id=agency.id))


@bp.post("/agencies/<int:agency_id>/work")
def move_work(agency_id: int):
    agency = _agency_or_404(agency_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    try:
        moved = reorg_service.move_open_work(agency, current_user)
    except reorg_service.ReorgError as error:
        flash(str(error), "danger")
    else:
        flash(_("%(n)d open items moved to their successors.", n=moved) if moved else
              _("Nothing open is left with this agency."), "success" if moved else "info")
    return redirect(url_for(".agency_successions", agency_id=agency.id))
