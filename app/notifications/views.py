"""A person's notifications, newest first; reading the page marks them read."""

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required

from app.notifications import service

bp = Blueprint("notifications", __name__, url_prefix="/notifications",
               template_folder="templates")


@bp.get("/")
@login_required
def list_page():
    notifications = service.recent(current_user)
    unread = {n.id for n in notifications if n.read_at is None}
    return render_template("notifications/list.html", notifications=notifications,
                           unread=unread)


@bp.post("/read")
@login_required
def mark_read():
    service.mark_all_read(current_user)
    return redirect(url_for(".list_page"))
