"""Admin pages for people: create, change, deactivate, reset a password."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select

from app.auth import user_service
from app.auth.forms import NewUserForm, UserForm, agency_choices
from app.auth.models import Agency, User, UserRole
from app.auth.roles import ROLE_LABELS, Role, restrict_blueprint
from app.bounds import row_id
from app.extensions import db

bp = Blueprint("users_admin", __name__, url_prefix="/admin", template_folder="templates")


restrict_blueprint(bp, Role.ADMIN)


def _user_or_404(user_id: int) -> User:
    return db.session.get(User, user_id) or abort(404)


def _agency_choices(include: Agency | None = None):
    agencies = db.session.scalars(select(Agency)).all()
    return agency_choices(a for a in agencies if a.active or (include and a.id == include.id))


@bp.get("/users")
def users():
    query = select(User).order_by(User.full_name)
    search = request.args.get("q", "").strip()
    if search:
        like = f"%{search}%"
        query = query.where(or_(User.full_name.ilike(like), User.username.ilike(like)))
    agency_id = request.args.get("agency", type=row_id)
    if agency_id:
        query = query.where(User.agency_id == agency_id)
    role = request.args.get("role")
    if role in ROLE_LABELS:
        query = query.where(User.id.in_(select(UserRole.user_id).where(UserRole.role == role)))
    status = request.args.get("status", "active")
    if status in ("active", "inactive"):
        query = query.where(User.active.is_(status == "active"))
    page = db.paginate(query, per_page=50, error_out=False)
    return render_template(
        "auth/users.html", page=page, search=search, agency_id=agency_id, role=role,
        status=status, agencies=[(c.value, c.label) for c in _agency_choices()],
        roles=ROLE_LABELS,
    )


@bp.route("/users/new", methods=["GET", "POST"])
def new_user():
    form = NewUserForm()
    form.agency.choices = _agency_choices()
    if form.validate_on_submit():
        try:
            user, temporary = user_service.create_user(
                username=form.username.data, full_name=form.full_name.data,
                email=form.email.data, agency=db.session.get(Agency, form.agency.data),
                roles=form.roles.data, locale=form.locale.data,
            )
        except user_service.UserError as error:
            form.username.errors.append(str(error))
        else:
            return render_template("auth/temporary_password.html", user=user, password=temporary)
    return render_template("auth/user_form.html", form=form, user=None)


@bp.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
def edit_user(user_id: int):
    user = _user_or_404(user_id)
    form = UserForm(obj=user)
    form.agency.choices = _agency_choices(include=user.agency)
    if request.method == "GET":
        form.agency.data = user.agency_id
        form.roles.data = [role.value for role in user.roles]
    if form.validate_on_submit():
        try:
            user_service.update_user(
                user, actor=current_user, full_name=form.full_name.data, email=form.email.data,
                agency=db.session.get(Agency, form.agency.data), roles=form.roles.data,
                locale=form.locale.data,
            )
        except user_service.UserError as error:
            form.roles.errors.append(str(error))
        else:
            flash(_("%(name)s saved.", name=user.full_name), "success")
            return redirect(url_for(".users"))
    return render_template("auth/user_form.html", form=form, user=user)


@bp.post("/users/<int:user_id>/activate", endpoint="activate_user", defaults={"active": True})
@bp.post("/users/<int:user_id>/deactivate", endpoint="deactivate_user", defaults={"active": False})
def set_user_active(user_id: int, active: bool):
    user = _user_or_404(user_id)
    try:
        user_service.set_active(user, active, actor=current_user)
    except user_service.UserError as error:
        flash(str(error), "danger")
    else:
        message = _("%(name)s can sign in again.") if active else _("%(name)s was deactivated.")
        flash(message % {"name": user.full_name}, "success")
    return redirect(url_for(".users", status="all"))


@bp.post("/users/<int:user_id>/reset-password")
def reset_password(user_id: int):
    user = _user_or_404(user_id)
    password = user_service.reset_password(user)
    return render_template("auth/temporary_password.html", user=user, password=password)
