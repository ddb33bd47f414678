"""What the engine stores: definitions and their versions, instances with their serialized
state, the work items the inbox reads, the audit trail, and messages nobody waited for."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import Agency, AgencyGroup, User
from app.clock import utcnow
from app.extensions import db


class VersionStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class InstanceStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    ERROR = "error"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"


class WorkItemStatus(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ProcessDefinition(db.Model):
    """A process by its BPMN process id; its versions hold the diagrams."""

    __tablename__ = "process_definitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    versions: Mapped[list["DefinitionVersion"]] = relationship(
        back_populates="definition", order_by="DefinitionVersion.number"
    )


class DefinitionVersion(db.Model):
    __tablename__ = "definition_versions"
    __table_args__ = (UniqueConstraint("definition_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("process_definitions.id"), index=True)
    number: Mapped[int]
    xml: Mapped[str] = mapped_column(Text, deferred=True)  # read only to parse, once
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(20), default=VersionStatus.DRAFT.value)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]

    definition: Mapped[ProcessDefinition] = relationship(back_populates="versions")
    created_by: Mapped[User | None] = relationship()


class ProcessInstance(db.Model):
    __tablename__ = "process_instances"
    __table_args__ = (Index("ix_process_instances_timer", "status", "next_timer_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("definition_versions.id"), index=True)
    business_key: Mapped[str | None] = mapped_column(String(255), index=True)
    subject: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20), default=InstanceStatus.RUNNING.value)
    state: Mapped[str] = mapped_column(Text)
    lock_version: Mapped[int] = mapped_column(default=1)
    next_timer_at: Mapped[datetime | None]
    error_message: Mapped[str | None] = mapped_column(Text)
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]

    # Read-only relationships: the engine writes the *_id columns, and a flush that need
    # not sort out relationships is a good part cheaper on every step.
    version: Mapped[DefinitionVersion] = relationship(viewonly=True)
    started_by: Mapped[User | None] = relationship(viewonly=True)

    # Not a column: the open steps as this request's last save left them, so the caller
    # that just moved the instance can show them without asking the database again.
    saved_open_items = None
    # Not a column: audit events recorded but not yet written, written together (a list
    # while a new instance runs to its first wait, or a step is completed; see audit.record).
    unwritten_audit = None

    # Optimistic locking: every UPDATE checks and bumps lock_version, so of two writers
    # that loaded the same state, the second fails instead of overwriting the first.
    __mapper_args__ = {"version_id_col": lock_version}


def _inbox_index(name: str, present: str, *columns: str) -> Index:
    """An index of the work items whose `present` column is set, holding `columns`."""
    where = text(f"{present} IS NOT NULL")
    return Index(name, *columns, postgresql_include=["id"], postgresql_where=where,
                 sqlite_where=where)


class WorkItem(db.Model):
    """One user task waiting for people: what the inbox lists, without loading workflows."""

    __tablename__ = "work_items"
    __table_args__ = (
        UniqueConstraint("instance_id", "task_id"),
        # What the inbox asks, each way a step reaches a person (assignment.audiences): an
        # index holds every column those questions read, so counting a clerk's agency's
        # steps and finding its first page read no rows (PostgreSQL: with the id included).
        # Each holds only the steps of its way (partial): without planner statistics (a
        # fresh restore), an index of every step looked as good as the right one, and the
        # planner read every open step of every agency; now only the right one can answer.
        _inbox_index("ix_work_items_open_agency", "agency_id", "status", "agency_id",
                     "claimed_by_id", "due_at", "required_role"),
        _inbox_index("ix_work_items_open_role", "role", "status", "role", "claimed_by_id",
                     "due_at"),
        _inbox_index("ix_work_items_open_group", "group_id", "status", "group_id",
                     "claimed_by_id", "due_at", "required_role"),
        _inbox_index("ix_work_items_claimed", "claimed_by_id", "status", "claimed_by_id",
                     "due_at"),
        _inbox_index("ix_work_items_done_by", "completed_by_id", "completed_by_id", "status",
                     "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("process_instances.id"), index=True)
    task_id: Mapped[str] = mapped_column(String(36))
    task_name: Mapped[str] = mapped_column(String(255))
    title: Mapped[str] = mapped_column(String(500))
    process_key: Mapped[str] = mapped_column(String(100), index=True)
    subject: Mapped[str] = mapped_column(String(500))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("agency_groups.id"))
    role: Mapped[str | None] = mapped_column(String(40))
    # With an agency or group: the one role its people need to take the step ("SCT:agency_lead"
    # in a diagram); none means the agency's staff and leads.
    required_role: Mapped[str | None] = mapped_column(String(40))
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Given to this person by name (camunda:assignee): theirs until they hand it to a
    # colleague or an admin or the coordinator releases it; they cannot just let it go.
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(20), default=WorkItemStatus.OPEN.value)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # When its people were told of it; the worker announces new items in batches.
    announced_at: Mapped[datetime | None] = mapped_column(index=True)
    lock_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Title, subject and case number folded for search (lower case, no diacritics), so that
    # "bao cao" finds "Báo cáo" on SQLite and PostgreSQL alike.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    # Read-only, like the instance's: the engine writes the *_id columns.
    instance: Mapped[ProcessInstance] = relationship(viewonly=True)
    agency: Mapped[Agency | None] = relationship(viewonly=True)
    group: Mapped[AgencyGroup | None] = relationship(viewonly=True)
    claimed_by: Mapped[User | None] = relationship(foreign_keys=[claimed_by_id], viewonly=True)
    assigned_to: Mapped[User | None] = relationship(foreign_keys=[assigned_to_id],
                                                    viewonly=True)
    completed_by: Mapped[User | None] = relationship(foreign_keys=[completed_by_id],
                                                     viewonly=True)

    # Optimistic locking, as on instances: a claim and a correction that both read the
    # step cannot both write it (a claim does not touch its instance).
    __mapper_args__ = {"version_id_col": lock_version}


class AuditEvent(db.Model):
    """Who did what to an instance, and when: the timeline."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("process_instances.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(40))
    task_name: Mapped[str | None] = mapped_column(String(255))
    details: Mapped[dict] = mapped_column(JSON, default=dict)

    actor: Mapped[User | None] = relationship()


class PendingMessage(db.Model):
    """A message thrown when no instance waited for it and no process starts on it: kept,
    shown to admins, and delivered when a matching instance comes to wait for it."""

    __tablename__ = "pending_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), index=True)
    correlation_key: Mapped[str | None] = mapped_column(String(255))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    source_instance_id: Mapped[int | None] = mapped_column(ForeignKey("process_instances.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[datetime | None]


class Attachment(db.Model):
    """An evidence file submitted with a step. Kept in the database with its checksum, so a
    backup of the database is a backup of the reports."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("process_instances.id"), index=True)
    work_item_id: Mapped[int | None] = mapped_column(ForeignKey("work_items.id"))
    field_id: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)

    def describe(self) -> dict:
        """What task data and the audit trail keep of the file."""
        return {"attachment_id": self.id, "name": self.filename, "size": self.size,
                "sha256": self.sha256}


class MessageSubscription(db.Model):
    """An instance waiting for a message: what a thrown message is matched against, without
    loading workflows."""

    __tablename__ = "message_subscriptions"
    __table_args__ = (Index("ix_message_subscriptions_match", "name", "correlation_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("process_instances.id"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    correlation_key: Mapped[str | None] = mapped_column(String(255))


class DraftStatus(StrEnum):
    OPEN = "open"
    PUBLISHED = "published"
    DISCARDED = "discarded"


class ProcessDraft(db.Model):
    """A diagram an admin is editing: kept as saved, problems and all, until it is published
    as a version. One open draft per process key; `revision` counts its saves, and a save
    based on an older revision than the current one is refused (no silent overwrite)."""

    __tablename__ = "process_drafts"
    __table_args__ = (
        Index("uq_process_drafts_open_key", "key", unique=True,
              postgresql_where=text("status = 'open'"), sqlite_where=text("status = 'open'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), index=True)
    name: Mapped[str | None] = mapped_column(String(255))
    filename: Mapped[str] = mapped_column(String(255))
    xml: Mapped[str] = mapped_column(Text, deferred=True)
    status: Mapped[str] = mapped_column(String(20), default=DraftStatus.OPEN.value)
    revision: Mapped[int] = mapped_column(default=1)
    problem_count: Mapped[int] = mapped_column(default=0)
    based_on_version_id: Mapped[int | None] = mapped_column(ForeignKey("definition_versions.id"))
    published_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("definition_versions.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)

    saved_by: Mapped[User | None] = relationship(foreign_keys=[saved_by_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    based_on_version: Mapped[DefinitionVersion | None] = relationship(
        foreign_keys=[based_on_version_id])
    published_version: Mapped[DefinitionVersion | None] = relationship(
        foreign_keys=[published_version_id])

    # Two saves that read the same revision: the second one's UPDATE finds no row.
    __mapper_args__ = {"version_id_col": revision}


class ProcessAmendment(db.Model):
    """A published change to a process: who published which version, when and why."""

    __tablename__ = "process_amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("process_definitions.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("definition_versions.id"))
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("process_drafts.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(Text)

    definition: Mapped[ProcessDefinition] = relationship()
    version: Mapped[DefinitionVersion] = relationship()
    actor: Mapped[User | None] = relationship()
