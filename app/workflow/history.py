"""A case's timeline as people read it: each step with what it recorded (labelled, typed, as
its form asked it), a correction with what it changed, a timer with the activity it watched.
What one action did is one entry: a correction and the steps it gave anew, steps cancelled
together."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.workflow.datafields import (
    Answer,
    answers,
    attached_to,
    declared_fields,
    fields_or_none,
    start_form,
    typed,
    user_tasks,
)
from app.workflow.formschema import FieldSchema, form_fields
from app.workflow.models import AuditEvent, ProcessInstance
from app.workflow.specs import diagram_for


@dataclass
class Change:
    label: str
    before: Answer | None
    after: Answer | None


@dataclass
class Entry:
    event: AuditEvent
    subject: str | None = None  # the step, or the activity a timer watched
    answers: list[Answer] = field(default_factory=list)  # what a step recorded
    changes: list[Change] = field(default_factory=list)  # what a correction changed
    also: list["Entry"] = field(default_factory=list)  # what the same action did besides
    count: int = 1  # steps cancelled together

    @property
    def kind(self) -> str:
        return self.event.kind

    @property
    def details(self) -> dict:
        return self.event.details or {}

    @property
    def due_at(self) -> datetime | None:
        """A step given anew: its new deadline (stored as naive UTC ISO text)."""
        raw = self.details.get("due_at")
        try:
            return datetime.fromisoformat(raw) if raw else None
        except (TypeError, ValueError):
            return None


class _Reader:
    """Labels and types from the instance's diagram, read once for its whole timeline."""

    def __init__(self, instance: ProcessInstance):
        self.diagram = diagram_for(instance.version)
        self.version = instance.version
        self._forms: dict[str, list[FieldSchema]] = {}
        self._declared = None

    def form(self, task_name: str | None) -> list[FieldSchema]:
        if task_name not in self._forms:
            self._forms[task_name] = fields_or_none(
                form_fields, user_tasks(self.diagram).get(task_name))
        return self._forms[task_name]

    def start(self) -> list[FieldSchema]:
        return fields_or_none(start_form, self.diagram)

    def declared(self, key: str) -> FieldSchema:
        if self._declared is None:
            self._declared = declared_fields(self.version)
        return self._declared.get(key) or FieldSchema(id=key, label=key, type="string")

    def entry(self, event: AuditEvent) -> Entry:
        details = event.details or {}
        if event.kind == "completed":
            return Entry(event, details.get("title"),
                         answers(self.form(event.task_name), details.get("values") or {}))
        if event.kind == "started":
            return Entry(event, None, answers(self.start(), details.get("data") or {}))
        if event.kind == "timer":
            watched = attached_to(self.diagram, event.task_name)
            name = details.get("name") or event.task_name
            return Entry(event, f"{name} ({watched})" if watched else name)
        if event.kind == "data_changed":
            before = details.get("before") or {}
            return Entry(event, None, changes=[
                self._change(key, before, value) for key, value in
                (details.get("values") or {}).items() if before.get(key) != value])
        return Entry(event, details.get("title") or details.get("name"))

    def _change(self, key: str, before: dict, after) -> Change:
        schema = self.declared(key)
        old, new = typed(schema, before.get(key)), typed(schema, after)
        return Change(schema.label, Answer(schema, old) if old is not None else None,
                      Answer(schema, new) if new is not None else None)


def _same_action(entry: Entry, previous: Entry | None) -> bool:
    return (previous is not None and previous.event.actor_id == entry.event.actor_id
            and abs((entry.event.at - previous.event.at).total_seconds()) < 2)


def history_of(instance_id: int) -> list[Entry]:
    """The instance's timeline, oldest first, one entry per thing that happened."""
    instance = db.session.get(ProcessInstance, instance_id)
    if instance is None:
        return []
    reader = _Reader(instance)
    events = db.session.scalars(select(AuditEvent).options(selectinload(AuditEvent.actor))
                                .where(AuditEvent.instance_id == instance_id)
                                .order_by(AuditEvent.at, AuditEvent.id))
    entries: list[Entry] = []
    for event in events:
        entry = reader.entry(event)
        previous = entries[-1] if entries else None
        if (entry.kind == "step_reassigned" and _same_action(entry, previous)
                and previous.kind == "data_changed"):
            previous.also.append(entry)  # the steps the correction gave anew
            continue
        if (entry.kind == "cancelled" and previous is not None and previous.kind == "cancelled"
                and previous.subject == entry.subject and _same_action(entry, previous)):
            previous.count += 1
            continue
        entries.append(entry)
    return entries
