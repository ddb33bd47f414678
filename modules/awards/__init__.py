"""The awards module (plan item 5.4): commendations proposed, appraised and decided, and
the registry of every award given. create_app calls init_app for every module in
ENABLED_MODULES."""

from flask import Flask


def _init_registry(app: Flask) -> None:
    """The registry of awards given: its pages, the demo's past decisions, and the year's
    commendations as figures of item 5.4's annual report."""
    from modules.awards import registry_models  # noqa: F401


def init_app(app: Flask) -> None:
    _init_registry(app)
