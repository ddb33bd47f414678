"""The home page's figures of steps: mine, my agency's waiting for someone, due soon,
overdue; each leads to the inbox showing exactly those."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from app import workflow
from app.home.panels import WAITING, Figure, Panel

FIGURES = [
    ("mine", _l("My steps"), "primary"),
    ("unclaimed", _l("My agency's steps nobody has taken"), "primary"),
    ("due_soon", _l("Due soon"), "warning"),
    ("overdue", _l("Overdue"), "danger"),
]


def waiting_panel(user) -> Panel:
    counts = workflow.counts_for(user, None, [status for status, _label, _tone in FIGURES])
    return Panel(WAITING, _l("Waiting for you"), [
        Figure(label, counts[status], url_for("tasks.inbox_page", status=status), tone)
        for status, label, tone in FIGURES], order=10)
