"""One's own account: profile, password, API tokens."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.api import tokens

bp = Blueprint("account", __name__, url_prefix="/account", template_folder="templates")


@bp.before_request
@login_required
def signed_in():
    """Every page here needs a signed-in user."""


@bp.get("")
def profile():
    return render_template("api/profile.html", tokens=tokens.tokens_of(current_user))


@bp.post("/tokens")
def create_token():
    token, plain = tokens.create(current_user, request.form.get("name", ""))
    return render_template("api/new_token.html", token=token, plain=plain)


@bp.post("/tokens/<int:token_id>/revoke")
def revoke_token(token_id: int):
    if tokens.revoke(current_user, token_id):
        flash(_("The token is revoked; programs using it are refused from now on."), "success")
    return redirect(url_for(".profile"))
