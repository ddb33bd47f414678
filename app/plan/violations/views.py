"""The case register, intake, and one case with where it stands and its timeline."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from app import workflow
from app.auth.models import User
from app.auth.roles import Role, restrict_blueprint
from app.clock import today
from app.extensions import db
from app.fields import choose_first
from app.plan.violations import service
from app.plan.violations.deadlines import deadlines_of
from app.plan.violations.forms import HandOverForm, IntakeForm
from app.plan.violations.models import OUTCOME_LABELS, SECTORS, SOURCES, ViolationCase

bp = Blueprint("violations", __name__, url_prefix="/plan/violations",
               template_folder="templates")
restrict_blueprint(bp, Role.COORDINATOR, Role.ADMIN)


@bp.get("/")
def register_page():
    search, status = request.args.get("q", ""), request.args.get("status", "all")
    number = min(max(request.args.get("page", 1, type=int), 1), 100_000)
    page = service.register(search, status, number)
    return render_template("violations/register.html", page=page, search=search,
                           status=status, outcomes=OUTCOME_LABELS,
                           steps=service.waiting_steps(page.items))


@bp.route("/new", methods=["GET", "POST"])
def intake_page():
    form = IntakeForm()
    people = service.inspectors()
    form.inspector.choices = choose_first([(person.id, person.full_name) for person in people])
    if not form.is_submitted():
        form.received_on.data = form.discovered_on.data = today()
    if form.validate_on_submit():
        evidence = form.evidence.data
        try:
            case = service.open_case(
                source=form.source.data, received_on=form.received_on.data,
                discovered_on=form.discovered_on.data, ended_on=form.ended_on.data,
                sector=form.sector.data, subject=form.subject.data, channel=form.channel.data,
                description=form.description.data,
                inspector=next(p for p in people if p.id == form.inspector.data),
                actor=current_user,
                evidence=(evidence.filename, evidence.read()) if evidence else None)
        except service.CaseError as error:
            form.description.errors.append(str(error))
        else:
            flash(_("Case %(number)s recorded and sent to %(name)s for verification.",
                    number=case.number, name=case.inspector.full_name), "success")
            return redirect(url_for(".case_page", case_id=case.id))
    status = 400 if form.is_submitted() else 200
    return render_template("violations/intake.html", form=form), status


def _hand_over_form(case: ViolationCase) -> HandOverForm:
    form = HandOverForm()
    form.inspector.choices = choose_first([
        SelectChoice(person.id, person.full_name) for person in service.inspectors()
        if person.id != case.inspector_id])
    return form


@bp.get("/<int:case_id>")
def case_page(case_id: int, form: HandOverForm | None = None, status: int = 200):
    case = db.session.get(ViolationCase, case_id) or abort(404)
    step = service.waiting_steps([case]).get(case.instance_id)
    data = workflow.instance_detail(case.instance_id).raw_data if case.instance_id else {}
    return render_template("violations/case.html", case=case, sources=SOURCES, step=step,
                           sectors=SECTORS, deadlines=deadlines_of(case, data),
                           yours=step is not None and workflow.may_take(current_user, step),
                           hand_over=form or _hand_over_form(case),
                           history=workflow.history_of(case.instance_id),
                           files=workflow.readable_attachments(case.instance_id, current_user),
                           event_labels=workflow.EVENT_LABELS), status


@bp.post("/<int:case_id>/inspector")
def hand_over_page(case_id: int):
    case = db.session.get(ViolationCase, case_id) or abort(404)
    form = _hand_over_form(case)
    if form.validate_on_submit():
        inspector = db.session.get(User, form.inspector.data)  # one of the choices offered
        try:
            service.hand_over(case, inspector, form.reason.data, current_user)
        except service.CaseError as error:
            form.inspector.errors.append(str(error))
        else:
            flash(_("Case %(number)s is now with %(name)s.", number=case.number,
                    name=inspector.full_name), "success")
            return redirect(url_for(".case_page", case_id=case.id))
    return case_page(case_id, form, 400)
