"""Admin pages for agencies, agency groups and the coordinating agency."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import case, or_, select

from app.auth import agency_service
from app.auth.forms import (
    AgencyForm,
    GroupForm,
    MergeForm,
    SettingsForm,
    agency_choices,
)
from app.auth.models import AGENCY_KIND_LABELS, KIND_ORDER, Agency, AgencyGroup, User
from app.auth.roles import Role, restrict_blueprint
from app.clock import today
from app.extensions import db
from app.fields import choose_first
from app.settings import COORDINATOR_AGENCY, get_setting

bp = Blueprint("auth_admin", __name__, url_prefix="/admin", template_folder="templates")


restrict_blueprint(bp, Role.ADMIN)


def _agency_or_404(agency_id: int) -> Agency:
    return db.session.get(Agency, agency_id) or abort(404)


def _active_agency_choices(exclude: int | None = None):
    agencies = db.session.scalars(select(Agency).where(Agency.active.is_(True)))
    return agency_choices(a for a in agencies if a.id != exclude)


@bp.get("/agencies")
def agencies():
    # The kinds as an official lists them; names within a kind as the database sorts them.
    kind_rank = case({kind.value: rank for rank, kind in enumerate(KIND_ORDER)},
                     value=Agency.kind, else_=len(KIND_ORDER))
    query = select(Agency).order_by(kind_rank, Agency.name_vi)
    search = request.args.get("q", "").strip()
    if search:
        like = f"%{search}%"
        query = query.where(
            or_(Agency.name_vi.ilike(like), Agency.name_en.ilike(like), Agency.code.ilike(like))
        )
    kind = request.args.get("kind")
    if kind in AGENCY_KIND_LABELS:
        query = query.where(Agency.kind == kind)
    status = request.args.get("status", "active")
    if status in ("active", "inactive"):
        query = query.where(Agency.active.is_(status == "active"))
    page = db.paginate(query, per_page=50, error_out=False)
    return render_template(
        "auth/agencies.html", page=page, kinds=AGENCY_KIND_LABELS, search=search,
        kind=kind, status=status,
    )


@bp.route("/agencies/new", methods=["GET", "POST"])
@bp.route("/agencies/<int:agency_id>/edit", methods=["GET", "POST"])
def edit_agency(agency_id: int | None = None):
    agency = _agency_or_404(agency_id) if agency_id else None
    form = AgencyForm(obj=agency)
    if form.validate_on_submit():
        try:
            agency = agency_service.save_agency(
                agency,
                code=form.code.data, name_vi=form.name_vi.data, name_en=form.name_en.data,
                kind=form.kind.data, valid_from=form.valid_from.data, valid_to=form.valid_to.data,
            )
        except agency_service.AgencyError as error:
            form.code.errors.append(str(error))
        else:
            flash(_("Agency %(name)s saved.", name=agency.name_vi), "success")
            return redirect(url_for(".agencies"))
    return render_template("auth/agency_form.html", form=form, agency=agency)


@bp.route("/agencies/<int:agency_id>/merge", methods=["GET", "POST"])
def merge_agency(agency_id: int):
    """Choose the successor and the date, read what moves, confirm: then merge."""
    agency = _agency_or_404(agency_id)
    form = MergeForm()
    form.successor.choices = choose_first(_active_agency_choices(exclude=agency.id))
    if request.method == "GET":
        form.effective.data = today()
    if form.validate_on_submit():
        successor = _agency_or_404(form.successor.data)
        try:
            if form.confirmed.data != "yes":
                agency_service.check_merge(agency, successor, form.effective.data)
                return render_template(
                    "auth/agency_merge_confirm.html", form=form, agency=agency,
                    successor=successor, moves=agency_service.merge_preview(agency))
            moved = agency_service.merge_agency(agency, successor, form.effective.data)
        except agency_service.AgencyError as error:
            form.successor.errors.append(str(error))
        else:
            flash(
                _(
                    "%(old)s was merged into %(new)s; %(n)d people moved.",
                    old=agency.name_vi, new=successor.name_vi, n=moved,
                ),
                "success",
            )
            return redirect(url_for(".agencies", status="all"))
    people = db.session.scalar(select(db.func.count(User.id)).where(User.agency_id == agency.id))
    return render_template("auth/agency_merge.html", form=form, agency=agency, people=people)


@bp.post(
    "/agencies/<int:agency_id>/activate", endpoint="activate_agency", defaults={"active": True}
)
@bp.post(
    "/agencies/<int:agency_id>/deactivate", endpoint="deactivate_agency", defaults={"active": False}
)
def set_agency_active(agency_id: int, active: bool):
    agency = _agency_or_404(agency_id)
    agency_service.set_agency_active(agency, active)
    message = _("%(name)s is active again.") if active else _("%(name)s was deactivated.")
    flash(message % {"name": agency.name_vi}, "success")
    return redirect(url_for(".agencies", status="all"))


@bp.get("/groups")
def groups():
    rows = db.session.scalars(select(AgencyGroup).order_by(AgencyGroup.name_vi)).all()
    return render_template("auth/groups.html", groups=rows, today=today())


@bp.route("/groups/new", methods=["GET", "POST"])
@bp.route("/groups/<int:group_id>/edit", methods=["GET", "POST"])
def edit_group(group_id: int | None = None):
    group = (db.session.get(AgencyGroup, group_id) or abort(404)) if group_id else None
    form = GroupForm(obj=group)
    agencies = db.session.scalars(select(Agency))
    form.members.choices = agency_choices(a for a in agencies if not agency_service.has_ended(a))
    if request.method == "GET" and group:
        form.members.data = [agency.id for agency in group.members]
    if form.validate_on_submit():
        members = db.session.scalars(
            select(Agency).where(Agency.id.in_(form.members.data or []))
        ).all()
        try:
            group = agency_service.save_group(
                group, code=form.code.data, name_vi=form.name_vi.data,
                name_en=form.name_en.data, members=members,
            )
        except agency_service.AgencyError as error:
            form.code.errors.append(str(error))
        else:
            flash(_("Group %(name)s saved.", name=group.name_vi), "success")
            return redirect(url_for(".groups"))
    return render_template("auth/group_form.html", form=form, group=group,
                           ended=agency_service.ended_members(group))


@bp.route("/settings", methods=["GET", "POST"])
def settings():
    form = SettingsForm()
    form.coordinator_agency.choices = choose_first(_active_agency_choices())
    current_code = get_setting(COORDINATOR_AGENCY)
    named = db.session.scalar(select(Agency).where(Agency.code == current_code)) \
        if current_code else None
    coordinator = agency_service.coordinator_agency()
    if request.method == "GET":
        # The list holds only agencies that exist: where the setting names one that has
        # ended, it shows who holds its coordinating duty, never just the first agency.
        offered = {choice.value for choice in form.coordinator_agency.choices}
        shown = next((a for a in (named, coordinator) if a and a.id in offered), None)
        form.coordinator_agency.data = shown.id if shown else None
    if form.validate_on_submit():
        agency = _agency_or_404(form.coordinator_agency.data)
        agency_service.set_coordinator_agency(agency)
        flash(_("%(name)s now coordinates the plan.", name=agency.name_vi), "success")
        return redirect(url_for(".settings"))
    return render_template("auth/settings.html", form=form, named=named,
                           coordinator=coordinator)
