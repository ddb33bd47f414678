"""The plan's pages: the catalogue, one item with its history, and the admins' amendments."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from app.auth.roles import Role, roles_required
from app.clock import today
from app.extensions import db
from app.plan import assignments, catalogue, reporting
from app.plan.forms import LaunchForm, PlanItemForm, ReasonForm
from app.plan.models import AMENDED_FIELD_LABELS, OUTCOME_BADGES, PlanItem

bp = Blueprint("plan", __name__, url_prefix="/plan", template_folder="templates")


def _plan_or_404():
    return catalogue.current_plan() or abort(404)


def _item_or_404(item_id: int) -> PlanItem:
    return db.session.get(PlanItem, item_id) or abort(404)


@bp.get("/")
@login_required
def catalogue_page(launch_form: LaunchForm | None = None, status: int = 200):
    plan = _plan_or_404()
    include_retired = request.args.get("all") == "1"
    items = catalogue.plan_items(plan, include_retired=include_retired)
    groups: dict[tuple[int, str], list[PlanItem]] = {}
    for item in items:
        groups.setdefault((item.group_no, item.group_title), []).append(item)
    return render_template("plan/catalogue.html", plan=plan, groups=groups,
                           include_retired=include_retired,
                           may_amend=current_user.has_any_role(Role.ADMIN),
                           may_launch=_may_launch(),
                           launch_form=launch_form or _launch_form()), status


def _launch_form() -> LaunchForm:
    form = LaunchForm()
    if not form.is_submitted():
        form.year.data = today().year
        form.due_on.data = assignments.default_due_on(today().year)
    return form


def _may_launch() -> bool:
    return current_user.has_any_role(Role.COORDINATOR, Role.ADMIN)


@bp.get("/items/<int:item_id>")
@login_required
def item_page(item_id: int, launch_form: LaunchForm | None = None, status: int = 200):
    item = _item_or_404(item_id)
    year = min(max(request.args.get("year", today().year, type=int), 2000), 2100)
    return render_template(
        "plan/item.html", item=item, field_labels=AMENDED_FIELD_LABELS, year=year,
        assignments=assignments.assignments_for(year, item), today=today(),
        badges=OUTCOME_BADGES, reports=reporting.reports_on(item.code, year),
        may_amend=current_user.has_any_role(Role.ADMIN), may_launch=_may_launch(),
        launch_form=launch_form or _launch_form()), status


@bp.post("/launch")
@bp.post("/items/<int:item_id>/launch")
@roles_required(Role.COORDINATOR, Role.ADMIN)
def launch(item_id: int | None = None):
    """Launch one item, or every item with work in the year."""
    item = _item_or_404(item_id) if item_id else None
    form = _launch_form()
    back = url_for(".item_page", item_id=item.id) if item else url_for(".catalogue_page")
    if not form.validate_on_submit():  # the page again, with what was typed and why not
        return item_page(item.id, form, 400) if item else catalogue_page(form, 400)
    try:
        if item is not None:
            added = assignments.launch_item(item, form.year.data, form.due_on.data,
                                            current_user)
        else:
            added = assignments.launch_year(_plan_or_404(), form.year.data, form.due_on.data,
                                            current_user)
    except assignments.LaunchError as error:
        flash(str(error), "danger")
        return redirect(back)
    flash(ngettext("%(num)d assignment sent to its lead agency.",
                   "%(num)d assignments sent to their lead agencies.", len(added)), "success")
    if not added:
        flash(_("Everything due in %(year)s was launched already.", year=form.year.data),
              "info")
    return redirect(back + f"?year={form.year.data}" if item else back)


def _item_form(item: PlanItem | None) -> PlanItemForm:
    form = PlanItemForm(obj=item)
    form.leads.choices = form.cooperating.choices = catalogue.reference_choices()
    if item is not None and request.method == "GET":
        form.leads.data = [a.reference for a in item.leads]
        form.cooperating.data = [a.reference for a in item.cooperating]
    return form


def _fields(form: PlanItemForm) -> dict:
    return dict(group_no=form.group_no.data, group_title=form.group_title.data,
                content=form.content.data, timeframe=form.timeframe(),
                leads=catalogue.targets_of(form.leads.data),
                cooperating=catalogue.targets_of(form.cooperating.data or []))


def _amend(form, template: str, amend, done, **context):
    """For a valid form, run `amend()` (which returns the item) and go to the item; the
    catalogue's refusal shows under the reason, with what was typed kept."""
    if form.validate_on_submit():
        try:
            item = amend()
        except catalogue.PlanError as error:
            form.reason.errors.append(str(error))
        else:
            flash(done(item), "success")
            return redirect(url_for(".item_page", item_id=item.id))
    return render_template(template, form=form, **context)


@bp.route("/items/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def new_item():
    plan = _plan_or_404()
    form = _item_form(None)
    return _amend(
        form, "plan/item_form.html",
        lambda: catalogue.add_item(plan, code=form.code.data, actor=current_user,
                                   reason=form.reason.data, **_fields(form)),
        lambda item: _("Item %(code)s added to the plan.", code=item.code), item=None)


@bp.route("/items/<int:item_id>/edit", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_item(item_id: int):
    item = _item_or_404(item_id)
    form = _item_form(item)
    form.code.data = item.code  # the code names the item; it does not change
    return _amend(
        form, "plan/item_form.html",
        lambda: catalogue.change_item(item, actor=current_user, reason=form.reason.data,
                                      **_fields(form)),
        lambda item: _("Item %(code)s amended.", code=item.code), item=item)


@bp.route("/items/<int:item_id>/retire", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def retire_item(item_id: int):
    item = _item_or_404(item_id)
    form = ReasonForm()
    return _amend(
        form, "plan/retire.html",
        lambda: catalogue.retire_item(item, actor=current_user, reason=form.reason.data),
        lambda item: _("Item %(code)s retired.", code=item.code), item=item)
