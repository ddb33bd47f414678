"""What admins read: definitions with their versions, instances, and one instance in full."""

from dataclasses import dataclass, field

from sqlalchemy import func, or_, select

from app.extensions import db
from app.workflow import runtime
from app.workflow.errors import NotFound
from app.workflow.models import (
    Attachment,
    AuditEvent,
    DefinitionVersion,
    PendingMessage,
    ProcessDefinition,
    ProcessInstance,
    WorkItem,
    WorkItemStatus,
)
from app.workflow.serializer import to_plain


def definitions() -> list[ProcessDefinition]:
    return db.session.scalars(select(ProcessDefinition).order_by(ProcessDefinition.name)).all()


def instance_counts() -> dict[int, dict[str, int]]:
    """Per version id, how many instances are in each status."""
    counts: dict[int, dict[str, int]] = {}
    rows = db.session.execute(
        select(ProcessInstance.version_id, ProcessInstance.status, func.count())
        .group_by(ProcessInstance.version_id, ProcessInstance.status)
    )
    for version_id, status, count in rows:
        counts.setdefault(version_id, {})[status] = count
    return counts


def version(version_id: int) -> DefinitionVersion:
    found = db.session.get(DefinitionVersion, version_id)
    if found is None:
        raise NotFound("no such version")
    return found


def instances(*, status=None, process=None, search=None, page=1, per_page=30):
    query = select(ProcessInstance).join(DefinitionVersion).join(ProcessDefinition)
    if status:
        query = query.where(ProcessInstance.status == status)
    if process:
        query = query.where(ProcessDefinition.key == process)
    if search:
        like = f"%{search}%"
        query = query.where(or_(ProcessInstance.subject.ilike(like),
                                ProcessInstance.business_key.ilike(like)))
    query = query.order_by(ProcessInstance.started_at.desc(), ProcessInstance.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


@dataclass
class InstanceDetail:
    instance: ProcessInstance
    data: dict  # as JSON values
    steps: list[WorkItem]
    timeline: list[AuditEvent]
    raw_data: dict = field(default_factory=dict)  # as the workflow keeps it (dates as dates)

    @property
    def open_steps(self) -> list[WorkItem]:
        return [s for s in self.steps if s.status == WorkItemStatus.OPEN.value]


def instance_detail(instance_id: int) -> InstanceDetail:
    instance = db.session.get(ProcessInstance, instance_id)
    if instance is None:
        raise NotFound("no such instance")
    source = runtime.shown_task(runtime.load(instance))
    steps = db.session.scalars(select(WorkItem).where(WorkItem.instance_id == instance_id)
                               .order_by(WorkItem.id)).all()
    return InstanceDetail(instance, to_plain(source.data), steps, timeline_of(instance_id),
                          dict(source.data))


def open_steps(instance: ProcessInstance) -> list[WorkItem]:
    """The instance's open steps; after a start or completion in this request, without a
    query."""
    if instance.saved_open_items is not None:
        return sorted(instance.saved_open_items, key=lambda item: item.id)
    return db.session.scalars(
        select(WorkItem)
        .where(WorkItem.instance_id == instance.id, WorkItem.status == WorkItemStatus.OPEN.value)
        .order_by(WorkItem.id)).all()


def attachments_of(instance_id: int) -> list[Attachment]:
    """Every file submitted to the instance, oldest first (their content is not loaded)."""
    return db.session.scalars(select(Attachment).where(Attachment.instance_id == instance_id)
                              .order_by(Attachment.uploaded_at, Attachment.id)).all()


def timeline_of(instance_id: int) -> list[AuditEvent]:
    return db.session.scalars(select(AuditEvent).where(AuditEvent.instance_id == instance_id)
                              .order_by(AuditEvent.at, AuditEvent.id)).all()


def pending_messages() -> list[PendingMessage]:
    """Messages no instance has taken yet, oldest first."""
    return db.session.scalars(select(PendingMessage).where(PendingMessage.delivered_at.is_(None))
                              .order_by(PendingMessage.id)).all()
