"""The admin's page of a person's sign-in sessions and API tokens: end one or all, revoke a
token, and unlock the account after an attack (forget its failed sign-ins)."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from app.api import tokens
from app.auth import login_service, sessions
from app.auth.admin_users import _user_or_404, bp


def _back(user_id: int):
    return redirect(url_for(".sessions_of", user_id=user_id))


@bp.get("/users/<int:user_id>/sessions")
def sessions_of(user_id: int):
    user = _user_or_404(user_id)
    return render_template(
        "auth/user_sessions.html", user=user, sessions=sessions.live_sessions_of(user),
        tokens=tokens.tokens_of(user), failures=login_service.recent_failures(user))


@bp.post("/users/<int:user_id>/sessions/<int:session_id>/end")
def end_session(user_id: int, session_id: int):
    if sessions.end_one(_user_or_404(user_id), session_id):
        flash(_("The session has ended; that browser must sign in again."), "success")
    return _back(user_id)


@bp.post("/users/<int:user_id>/sessions/end-all")
def end_all_sessions(user_id: int):
    ended = sessions.end_every(_user_or_404(user_id))
    flash(ngettext("%(num)d sign-in session ended.", "%(num)d sign-in sessions ended.", ended),
          "success")
    return _back(user_id)


@bp.post("/users/<int:user_id>/tokens/<int:token_id>/revoke")
def revoke_token(user_id: int, token_id: int):
    if tokens.revoke(_user_or_404(user_id), token_id):
        flash(_("The token is revoked; programs using it are refused from now on."), "success")
    return _back(user_id)


@bp.post("/users/<int:user_id>/unlock")
def unlock(user_id: int):
    user = _user_or_404(user_id)
    login_service.unlock(user)
    flash(_("%(name)s's account is unlocked: earlier failed sign-ins no longer count.",
            name=user.full_name), "success")
    return _back(user_id)
