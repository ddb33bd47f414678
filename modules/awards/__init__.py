"""The awards module. Its pages, models and processes arrive with their own issue; create_app
calls init_app for every module in ENABLED_MODULES."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Nothing to register yet."""
