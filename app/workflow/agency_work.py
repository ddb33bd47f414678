"""An agency's open steps, as a merge's preview lists them (operations.move_open_work is
what moves them when the merge is done)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.extensions import db
from app.workflow.models import WorkItem, WorkItemStatus


def open_steps_of(agency, **_ignored) -> list[tuple[str, list[str]]]:
    items = db.session.scalars(select(WorkItem).where(
        WorkItem.agency_id == agency.id, WorkItem.status == WorkItemStatus.OPEN.value)
        .order_by(WorkItem.due_at, WorkItem.id))
    return [(str(_l("Open steps")), [f"{item.title} · {item.subject}" for item in items])]
