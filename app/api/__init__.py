"""The JSON API under /api/v1, authenticated by per-user tokens."""

from flask import Flask

from app.extensions import csrf


def init_app(app: Flask) -> None:
    from app.api import profile, views

    csrf.exempt(views.bp)  # token authentication; the API never reads the session cookie
    app.register_blueprint(views.bp)
    app.register_blueprint(profile.bp)
