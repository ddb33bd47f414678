"""Sign in, sign out, and one's own password."""

from flask import (
    Blueprint,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from app.auth import account_service, password_links, sessions
from app.auth.forms import ChangePasswordForm, ForgotPasswordForm, LoginForm, SetPasswordForm
from app.auth.login_service import authenticate
from app.auth.user_service import UserError
from app.auth.user_service import change_password as change_user_password
from app.i18n import safe_next

bp = Blueprint("auth", __name__, template_folder="templates")
PASSWORD_TOO_WEAK = "password_too_weak"  # noqa: S105 - a session key: why they must change it


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    if form.validate_on_submit():
        result = authenticate(form.username.data, form.password.data, request.remote_addr)
        if result.retry_after:
            flash(_("Too many failed sign-in attempts. Try again in %(n)d minutes.",
                    n=result.locked_minutes), "danger")
            return render_template("auth/login.html", form=form), 429, {
                "Retry-After": str(result.retry_after)}
        if result.user is None:
            flash(_("Wrong user name or password."), "danger")
            return render_template("auth/login.html", form=form), 200
        login_user(result.user)
        sessions.start(result.user, request.remote_addr, request.user_agent.string)
        session[PASSWORD_TOO_WEAK] = result.password_too_weak
        session.pop("csrf_token", None)  # a token seen before sign-in is worth nothing after
        return redirect(safe_next(request.args.get("next"), url_for("home.index")))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    sessions.end_this_one()
    logout_user()
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_user_password(current_user, form.current.data, form.new.data,
                                 keep=sessions.current())
        except UserError as error:
            form.new.errors.append(str(error))
        else:
            session.pop(PASSWORD_TOO_WEAK, None)
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("home.index"))
    return render_template("auth/change_password.html", form=form,
                           too_weak=session.get(PASSWORD_TOO_WEAK, False))


@bp.post("/account/sessions/end-others")
@login_required
def end_other_sessions():
    ended = sessions.end_others()
    flash(_("%(n)d other sign-in sessions ended.", n=ended), "success")
    return redirect(url_for("account.profile"))


@bp.route(password_links.PATH + "<token>", methods=["GET", "POST"])
def set_password(token: str):
    """A new person, or one who forgot their password, sets it from the mailed link."""
    form = SetPasswordForm()
    try:
        user = password_links.user_for(token)
    except password_links.LinkError as error:
        return render_template("auth/link_refused.html", reason=str(error)), 410
    if form.validate_on_submit():
        try:
            account_service.set_password_from_link(token, form.new.data)
        except password_links.LinkError as error:
            return render_template("auth/link_refused.html", reason=str(error)), 410
        except UserError as error:
            form.new.errors.append(str(error))
        else:
            sessions.end_this_one()
            logout_user()  # whoever was signed in on this browser, the person signs in now
            flash(_("Your password is set. Sign in with your user name %(username)s.",
                    username=user.username), "success")
            return redirect(url_for("auth.login"))
    response = make_response(render_template("auth/set_password.html", form=form, user=user))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/account/forgot-password", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        account_service.forgot_password(form.email.data)
        # The same answer whether or not the address has an account.
        flash(_("If an account has this address, a link to set its password has been sent "
                "to it. It works for %(n)d hours.", n=current_app.config["PASSWORD_LINK_HOURS"]),
              "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot_password.html", form=form,
                           mail=account_service.mail_configured())
