"""Violation cases: intake (a case and its process), the register, and closure (called
from the diagram). Every time limit is a setting with its legal source (limits.py)."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from app import workflow
from app.auth.models import Agency, User, UserRole
from app.auth.roles import Role
from app.auth.successions import INSPECTIONS, Work, holders
from app.clock import today, utcnow
from app.extensions import db
from app.plan.violations.deadlines import limitation_until
from app.plan.violations.limits import LIMITS, limit
from app.plan.violations.models import SECTORS, CaseOutcome, ViolationCase
from app.settings import COORDINATOR_AGENCY, get_setting
from app.workflow.models import WorkItem

PROCESS = "violation_handling"


class CaseError(ValueError):
    pass


def _inspecting_agencies() -> list[Agency]:
    """The coordinating agency of the setting, or whoever holds its inspections now."""
    code = get_setting(COORDINATOR_AGENCY) or "STTTT"
    agency = db.session.scalar(select(Agency).where(Agency.code == code))
    if agency is None:
        return []
    return holders(agency, Work(duty=INSPECTIONS, process=PROCESS)) or [agency]


def inspectors() -> list[User]:
    """The coordinating agency's active staff and leads, who verify and handle cases (as
    the agency's other official steps, not its administrator or trainee)."""
    agencies = _inspecting_agencies()
    return list(db.session.scalars(select(User).where(
        User.agency_id.in_([agency.id for agency in agencies]), User.active.is_(True),
        User.role_rows.any(UserRole.role.in_([Role.AGENCY_STAFF.value,
                                              Role.AGENCY_LEAD.value])),
    ).order_by(User.full_name)))


def _next_number(year: int) -> str:
    count = db.session.scalar(select(func.count(ViolationCase.id)).where(
        ViolationCase.number.like(f"VP-{year}-%"))) or 0
    return f"VP-{year}-{count + 1:03d}"


def open_case(*, source: str, received_on: date, subject: str, channel: str | None,
              description: str, inspector: User, actor, evidence=None,
              discovered_on: date | None = None, ended_on: date | None = None,
              sector: str = "other") -> ViolationCase:
    """Record the case and start its process with the inspector it goes to; `evidence` is
    (file name, bytes) or None. The violation was discovered on `discovered_on` (the day
    received when not said) and, when over, ended on `ended_on`."""
    discovered_on = discovered_on or received_on
    if inspector not in inspectors():
        raise CaseError(_l("Choose an inspector of the coordinating agency."))
    if received_on > today() or discovered_on > today():
        raise CaseError(_l("The case cannot be received in the future."))
    if ended_on is not None and ended_on > discovered_on:
        raise CaseError(_l("A violation that is over ended before it was discovered; leave "
                           "the day it ended blank when it was still going on."))
    if sector not in SECTORS:
        raise CaseError(_l("Choose the field of the violation."))
    if evidence is not None:
        try:
            workflow.check_file(*evidence)  # before anything is written
        except workflow.AttachmentError as error:
            raise CaseError(str(error)) from None
    for attempt in range(3):  # two intakes at once may take the same number: take the next
        case = ViolationCase(number=_next_number(received_on.year), source=source,
                             received_on=received_on, discovered_on=discovered_on,
                             ended_on=ended_on, sector=sector, subject=subject.strip(),
                             channel=(channel or "").strip() or None,
                             description=description.strip(), inspector_id=inspector.id,
                             opened_by_id=actor.id, opened_at=utcnow())
        db.session.add(case)
        try:
            db.session.flush()
            break
        except IntegrityError:
            db.session.rollback()
            if attempt == 2:
                raise
    summary = f"{case.number} · {case.subject}: {case.description}"[:2000]
    try:
        instance = workflow.start_process(
            PROCESS, on_behalf_of=actor, business_key=case.number,
            subject=f"{case.number} · {case.subject}", commit=False,  # with the evidence
            data={"case_id": case.id, "case_summary": summary,
                  "inspector": inspector.username, "inspector_agency": inspector.agency.code,
                  "discovered_on": discovered_on, "limitation_until": limitation_until(case),
                  **{item.key: limit(item.key) for item in LIMITS}})
    except workflow.WorkflowError as error:
        db.session.rollback()
        raise CaseError(str(error)) from None
    case.instance_id = instance.id
    if evidence is not None:
        filename, content = evidence
        workflow.attach_file(filename, content, instance=instance,
                             field_id="intake_evidence", user=actor)
    db.session.commit()
    return case


def hand_over(case: ViolationCase, inspector: User, reason: str, actor) -> None:
    """Give an open case to another inspector (one who left, or is away): the step waiting
    now and every later one go to them. The case and its process change together."""
    if case.outcome is not None:
        raise CaseError(_l("The case is closed."))
    if inspector not in inspectors():
        raise CaseError(_l("Choose an inspector of the coordinating agency."))
    if inspector.id == case.inspector_id:
        raise CaseError(_l("%(name)s has the case already.", name=inspector.full_name))
    try:  # the case follows through inspector_changed
        workflow.change_data(case.instance_id, actor, {
            "inspector": inspector.username, "inspector_agency": inspector.agency.code},
            reason)
    except workflow.WorkflowError as error:
        db.session.rollback()
        reason = error.reasons() if isinstance(error, workflow.InvalidInput) else str(error)
        raise CaseError(reason) from None


def inspector_changed(instance, *, values: dict, **_) -> None:
    """The case's process now names another inspector (a hand-over here, or an admin's
    correction of its data): the case says so too."""
    if "inspector" not in values:
        return
    case = db.session.scalar(select(ViolationCase).where(ViolationCase.instance_id == instance.id))
    person = db.session.scalar(select(User).where(User.username == str(values["inspector"])))
    if case is not None and person is not None:
        case.inspector_id = person.id


def case_closed(case_id: int, outcome: str) -> None:
    """Called from the diagram, in the step's transaction."""
    case = db.session.get(ViolationCase, case_id)
    if case is not None:
        case.outcome, case.closed_at = CaseOutcome(outcome).value, utcnow()


def register(search: str = "", status: str = "all", page: int = 1):
    """A page of cases, newest first."""
    query = select(ViolationCase).order_by(ViolationCase.id.desc())
    if search.strip():
        like = f"%{search.strip()}%"
        query = query.where(or_(ViolationCase.number.ilike(like),
                                ViolationCase.subject.ilike(like),
                                ViolationCase.description.ilike(like),
                                ViolationCase.channel.ilike(like)))
    if status == "open":
        query = query.where(ViolationCase.outcome.is_(None))
    elif status in {outcome.value for outcome in CaseOutcome}:
        query = query.where(ViolationCase.outcome == status)
    return db.paginate(query, page=page, per_page=25, error_out=False)


def waiting_steps(cases) -> dict[int, WorkItem]:
    """{instance id: the open step} for the cases of a page, in one query."""
    ids = [case.instance_id for case in cases if case.instance_id]
    items = db.session.scalars(select(WorkItem).where(WorkItem.instance_id.in_(ids),
                                                      WorkItem.status == "open"))
    return {item.instance_id: item for item in items}
