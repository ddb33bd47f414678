"""Notifications in the app (with an unread count) and by email when SMTP is configured."""

from flask import Flask, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app import workflow
from app.home.panels import WAITING, Figure, Panel, register_home_panel


def _unread_figure(user) -> Panel:
    from app.notifications import service

    return Panel(WAITING, _l("Waiting for you"), [Figure(
        _l("Unread notifications"), service.unread_count(user),
        url_for("notifications.list_page"), "info")], order=10)


def init_app(app: Flask) -> None:
    from app.notifications import dispatch, service, views

    app.register_blueprint(views.bp)
    workflow.register_worker_job(app, dispatch.run)
    register_home_panel(app, _unread_figure)

    @app.context_processor
    def inject_unread_count():
        if not current_user.is_authenticated:
            return {}
        return {"unread_notifications": service.unread_count(current_user)}
