"""The inbox ("Việc của tôi") and the page of each step."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from app.nav import NavItem, register_nav


def init_app(app: Flask) -> None:
    from app.home.panels import register_home_panel
    from app.tasks import holding  # noqa: F401 - its routes join the blueprint
    from app.tasks.display import field_text, stored_file
    from app.tasks.home import waiting_panel
    from app.tasks.views import bp

    app.register_blueprint(bp)
    app.add_template_filter(field_text, "field_text")
    app.add_template_filter(stored_file, "stored_file")
    register_home_panel(app, waiting_panel)
    register_nav(
        app,
        NavItem("tasks.inbox_page", _l("My work"), order=10),
        NavItem("tasks.start_page", _l("Start a process"), order=11),
    )
