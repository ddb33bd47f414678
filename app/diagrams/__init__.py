"""Processes drawn as diagrams for everyone who follows a case: the case on its diagram as
JSON (the viewer loads it when asked), and the partial that offers it on case and step
pages."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.diagrams.views import bp

    app.register_blueprint(bp)
