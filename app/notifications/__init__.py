"""Notifications in the app (with an unread count) and by email when SMTP is configured."""

from flask import Flask
from flask_login import current_user

from app import workflow


def init_app(app: Flask) -> None:
    from app.notifications import dispatch, service, views

    app.register_blueprint(views.bp)
    workflow.register_worker_job(app, dispatch.run)

    @app.context_processor
    def inject_unread_count():
        if not current_user.is_authenticated:
            return {}
        return {"unread_notifications": service.unread_count(current_user)}
