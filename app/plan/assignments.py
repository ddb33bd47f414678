"""Launching the plan's items: each lead agency of an item gets one task_assignment instance
per year, and the process reports back where the task stands. Launching twice adds nothing."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from app import workflow
from app.auth.models import Agency
from app.calendar import add_working_days
from app.clock import local_date, today, utcnow
from app.extensions import db
from app.plan.models import Assignment, Outcome, Plan, PlanItem
from app.settings import get_int_setting

PROCESS = "task_assignment"
REMINDER_DAYS = "plan.reminder_working_days"  # a setting: reminders this many working days before
DEFAULT_REMINDER_DAYS = 3
# A setting: cooperating agencies answer within this many working days; silence is assent.
CONSULT_DAYS = "plan.consult_working_days"
DEFAULT_CONSULT_DAYS = 5
LATE_LAUNCH_WORKING_DAYS = 10  # launched after November: two working weeks to report


class LaunchError(ValueError):
    pass


def default_due_on(year: int) -> date:
    """The deadline the launch form offers: results come in before the annual report is
    written (Nghị định 09/2019: data to 14/12), so the last working day by 30/11; once that
    has passed, LATE_LAUNCH_WORKING_DAYS working days from today."""
    last_of_november = add_working_days(date(year, 12, 1), -1)
    if last_of_november > today():
        return last_of_november
    return add_working_days(today(), LATE_LAUNCH_WORKING_DAYS)


def reminder_days() -> int:
    return get_int_setting(REMINDER_DAYS, DEFAULT_REMINDER_DAYS)


def consult_days() -> int:
    return get_int_setting(CONSULT_DAYS, DEFAULT_CONSULT_DAYS)


def _start_or_refuse(key: str, **arguments):
    """Start the process; if the engine refuses (say, the diagram is not published), undo
    this launch's writes and say why."""
    try:
        return workflow.start_process(key, **arguments)
    except workflow.WorkflowError as error:
        db.session.rollback()
        raise LaunchError(str(error)) from None


def launch_item(item: PlanItem, year: int, due_on: date, actor=None) -> list[Assignment]:
    """Give `item` to each of its lead agencies for `year`; return the assignments added."""
    if not item.active:
        raise LaunchError(_l("Item %(code)s is retired.", code=item.code))
    if not item.applies_in(year):
        raise LaunchError(_l("Item %(code)s has nothing to do in %(year)s.",
                             code=item.code, year=year))
    if due_on.year < year:
        raise LaunchError(_l("The deadline falls before the year it is for."))
    day = today()
    existing = set(db.session.scalars(select(Assignment.agency_id).where(
        Assignment.item_id == item.id, Assignment.year == year)))
    cooperating = {agency.code for link in item.cooperating for agency in link.agencies_on(day)}
    added = []
    for lead in (agency for link in item.leads for agency in link.agencies_on(day)):
        if lead.id in existing:
            continue
        existing.add(lead.id)
        assignment = Assignment(item_id=item.id, year=year, agency_id=lead.id, due_on=due_on,
                                launched_at=utcnow(), launched_by_id=getattr(actor, "id", None))
        db.session.add(assignment)
        try:
            db.session.flush()
        except IntegrityError:  # another coordinator launched it this very moment
            db.session.rollback()
            continue
        instance = _start_or_refuse(
            PROCESS, on_behalf_of=actor, business_key=f"{year}-{item.code}-{lead.code}",
            subject=f"{item.code} · {lead.name_vi} · {year}",
            data={"assignment_id": assignment.id, "item_code": item.code, "year": year,
                  "item_summary": f"{item.code}. {item.content} (năm {year})",
                  "lead_agency": lead.code, "due_date": due_on.isoformat(),
                  "cooperating": sorted(cooperating - {lead.code}),
                  "reminder_days": reminder_days(), "consult_days": consult_days()})
        assignment.instance_id = instance.id
        db.session.commit()
        added.append(assignment)
    return added


def launch_year(plan: Plan, year: int, due_on: date, actor=None) -> list[Assignment]:
    """Launch every item with work in `year` (already launched ones are left as they are)."""
    from app.plan.catalogue import items_due_in

    added = []
    for item in items_due_in(plan, year):
        added += launch_item(item, year, due_on, actor)
    return added


def assignments_for(year: int, item: PlanItem | None = None) -> list[Assignment]:
    query = (select(Assignment).where(Assignment.year == year).order_by(Assignment.id)
             .options(selectinload(Assignment.agency), selectinload(Assignment.item)))
    if item is not None:
        query = query.where(Assignment.item_id == item.id)
    return list(db.session.scalars(query))


def lead_changed(instance, *, values: dict, **_) -> None:
    """An admin corrected which agency leads a task's process: the assignment (what the
    dashboard and the report count) follows, unless that agency has this item already."""
    if "lead_agency" not in values:
        return
    assignment = db.session.scalar(select(Assignment).where(
        Assignment.instance_id == instance.id))
    agency = db.session.scalar(select(Agency).where(
        Agency.code == str(values["lead_agency"]).upper()))
    if assignment is None or agency is None:
        return
    taken = db.session.scalar(select(Assignment.id).where(
        Assignment.item_id == assignment.item_id, Assignment.year == assignment.year,
        Assignment.agency_id == agency.id))
    if taken is None:
        assignment.agency_id = agency.id


# Called from the diagram's scripts, inside the step's transaction.

def report_submitted(assignment_id: int, progress: str | None) -> None:
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is not None:
        assignment.submitted_at, assignment.progress = utcnow(), progress


def report_accepted(assignment_id: int) -> None:
    """The coordinator accepted a report of completed work: done on time, or late, by the
    day of its last report. (Accepted progress keeps the assignment open: its status then
    follows the deadline.)"""
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.progress != "completed":
        return
    assignment.accepted_at = utcnow()
    late = local_date(assignment.submitted_at or assignment.accepted_at) > assignment.due_on
    assignment.outcome = (Outcome.DONE_LATE if late else Outcome.DONE_ON_TIME).value


def reroute_assignments(agency: Agency, **_ignored) -> int:
    """An ended agency's assignments still open (not accepted) go with their item's work to
    whoever holds it now, unless that agency has the item for that year already; the
    process's own steps move with the engine's rerouting."""
    from app.auth.successions import Work, route

    moved = 0
    for assignment in db.session.scalars(select(Assignment).where(
            Assignment.agency_id == agency.id, Assignment.outcome.is_(None))):
        target = route(agency, Work(item=assignment.item.code, process=PROCESS), today())
        if not isinstance(target, Agency) or target is agency:
            continue
        taken = db.session.scalar(select(Assignment.id).where(
            Assignment.item_id == assignment.item_id, Assignment.year == assignment.year,
            Assignment.agency_id == target.id))
        if taken is None:
            assignment.agency_id = target.id
            moved += 1
    return moved
