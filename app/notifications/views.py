"""A person's notifications, newest first; opening one marks it read and leads to what it is
about."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user, login_required

from app.notifications import service

bp = Blueprint("notifications", __name__, url_prefix="/notifications",
               template_folder="templates")


@bp.get("/")
@login_required
def list_page():
    notifications = service.recent(current_user)
    return render_template("notifications/list.html", notifications=notifications,
                           unread=service.unread_ids(current_user, notifications))


@bp.get("/<int:notification_id>")
@login_required
def open_page(notification_id: int):
    notification = service.open_notification(current_user, notification_id)
    if notification is None:
        abort(404)
    link = notification.link or ""
    # Links are written by the app itself; still, only ever lead within it.
    if not link.startswith("/") or link.startswith("//"):
        link = url_for(".list_page")
    return redirect(link)


@bp.post("/read")
@login_required
def mark_read():
    service.mark_all_read(current_user)
    return redirect(url_for(".list_page"))
