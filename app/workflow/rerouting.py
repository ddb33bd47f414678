"""An ended agency's open steps go to whoever holds that work now (app.auth.successions): a
step of plan item 1.2 to the item's successor, a violation case's step to the successor for
that process, the rest to the successor for all its work. Whoever held a step keeps it only
if they may still take it there; every move is on the case's timeline."""

from sqlalchemy import select

from app.auth.models import AgencyGroup
from app.auth.successions import Work, route
from app.clock import today
from app.extensions import db
from app.workflow import audit, runtime
from app.workflow.assignment import may_take
from app.workflow.models import WorkItem, WorkItemStatus


def work_of(item: WorkItem, workflows: dict) -> Work:
    """What the step is part of: its process, and the plan item its data names, if any."""
    if item.instance_id not in workflows:
        workflows[item.instance_id] = runtime.load(item.instance)
    task = runtime.find_task(workflows[item.instance_id], item.task_id)
    code = task.data.get("item_code") if task is not None else None
    return Work(item=str(code) if code else None, process=item.process_key)


def open_steps(agency_id: int) -> list[WorkItem]:
    return list(db.session.scalars(select(WorkItem).where(
        WorkItem.agency_id == agency_id, WorkItem.status == WorkItemStatus.OPEN.value)
        .order_by(WorkItem.id)))


def destinations(agency) -> list[tuple[WorkItem, object]]:
    """Each open step of `agency` and where it goes today (an agency, a group, or None)."""
    workflows: dict = {}
    return [(item, route(agency, work_of(item, workflows), today()))
            for item in open_steps(agency.id)]


def reroute_open_steps(agency, *, actor=None, **_ignored) -> int:
    """Move `agency`'s open steps to their holders today, in the caller's transaction;
    return how many moved (a step nobody holds stays, for the admin to see)."""
    moved = 0
    for item, target in destinations(agency):
        if target is None or target is agency:
            continue
        if isinstance(target, AgencyGroup):
            item.agency_id, item.group_id = None, target.id
        else:
            item.agency_id, item.group_id = target.id, None
        db.session.flush()
        db.session.expire(item, ["agency", "group"])
        holder = item.claimed_by
        if holder is not None and not _may_still_take(holder, item):
            item.claimed_by_id = item.assigned_to_id = None  # its new agency's people take it
        item.announced_at = None  # its new people are told
        audit.record(item.instance, "reassigned", actor, item.task_name, title=item.title,
                     from_agency=agency.code, to_agency=target.code,
                     released=holder.full_name if holder and item.claimed_by_id is None
                     else None)
        moved += 1
    return moved


def _may_still_take(person, item: WorkItem) -> bool:
    """A person keeps a step only in the agency (or group) it moved to."""
    if item.agency_id is not None and person.agency_id != item.agency_id:
        return False
    probe = WorkItem(agency_id=item.agency_id, group_id=item.group_id, role=item.role,
                     required_role=item.required_role)
    return may_take(person, probe)


def preview(agency, **_ignored) -> list[tuple[str, list[str]]]:
    from flask_babel import lazy_gettext as _l

    lines = [f"{item.title} · {item.subject} → "
             f"{target.name_vi if target is not None else _l('nobody: add a successor')}"
             for item, target in destinations(agency)]
    return [(str(_l("Open steps")), lines)]
