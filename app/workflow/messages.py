"""Messages between instances, in the sender's transaction.

A thrown message is matched by name and correlation key (the sender's business key, or the
"correlation_key" of its payload): it continues the instances waiting for it, or else starts
an instance of every published process whose start event awaits it, or else it is kept as a
pending message, delivered when a matching instance comes to wait for it. Never dropped."""

from sqlalchemy import delete, select

from app.clock import utcnow
from app.extensions import db
from app.workflow import audit
from app.workflow.definitions import newest_published_versions
from app.workflow.models import (
    DefinitionVersion,
    InstanceStatus,
    MessageSubscription,
    PendingMessage,
    ProcessInstance,
)
from app.workflow.serializer import to_plain
from app.workflow.waiting import waiting_events

MAX_DEPTH = 10


def _is_message(event) -> bool:
    return type(event.event_definition).__name__ == "MessageEventDefinition"


def _correlation_key(instance, event) -> str | None:
    payload = (event.payload or {}).get("payload") if isinstance(event.payload, dict) else None
    if isinstance(payload, dict) and payload.get("correlation_key"):
        return str(payload["correlation_key"])
    return instance.business_key


def waiting_names(workflow) -> set[str]:
    return {e.name for e in waiting_events(workflow) if "Message" in e.event_type}


def subscribe(instance, workflow) -> None:
    """Record which messages the instance now waits for (none unless it runs)."""
    db.session.execute(delete(MessageSubscription).where(
        MessageSubscription.instance_id == instance.id))
    if instance.status != InstanceStatus.RUNNING.value:
        return
    for name in waiting_names(workflow):
        db.session.add(MessageSubscription(instance_id=instance.id, name=name,
                                           correlation_key=instance.business_key))


def route(instance, workflow, actor=None, depth: int = 0) -> None:
    """Deliver every message the workflow threw."""
    for event in workflow.get_events():
        if not _is_message(event):
            continue
        name, key = event.event_definition.name, _correlation_key(instance, event)
        audit.record(instance, "message", actor, None, name=name, direction="sent",
                     correlation_key=key)
        if depth >= MAX_DEPTH:
            _keep(instance, event, name, key)
            continue
        delivered = _to_waiting(event, name, key, instance, actor, depth)
        delivered = delivered or _to_starters(event, name, key, instance, actor, depth)
        if not delivered:
            _keep(instance, event, name, key)


def _to_waiting(event, name, key, sender, actor, depth) -> int:
    """Hand the message to the running instances waiting for it; return how many took it.
    `sender` is the instance that threw it, or None when the application sent it."""
    from app.workflow import runtime

    query = (select(ProcessInstance).join(MessageSubscription)
             .where(MessageSubscription.name == name, MessageSubscription.correlation_key == key,
                    ProcessInstance.status == InstanceStatus.RUNNING.value)
             .order_by(ProcessInstance.id))
    if sender is not None:
        query = query.where(ProcessInstance.id != sender.id)
    targets = db.session.scalars(query).all()
    for target in targets:
        workflow = runtime.load(target)
        workflow.catch(event)
        audit.record(target, "message", actor, None, name=name, direction="received",
                     sender=getattr(sender, "id", None))
        runtime.advance(target, workflow, actor, depth + 1)
        runtime.save(target, workflow, actor)
    return len(targets)


def send(name: str, correlation_key: str, actor=None, *, keep: bool = False) -> int:
    """A message from the application itself (a reporting round signed off, say) to the
    instances waiting for it, in the caller's transaction: how many took it. Unlike one an
    instance throws, it is not kept when none waits (the caller decides what then), unless
    `keep`: then it waits for an instance of that key to come to wait for it (one suspended
    now, say, once resumed)."""
    from SpiffWorkflow.bpmn.util import BpmnEvent
    from SpiffWorkflow.camunda.specs.event_definitions import MessageEventDefinition

    # The shape a thrown message's payload has (Camunda keeps it under <task>_Response).
    event = BpmnEvent(MessageEventDefinition(name), {"payload": None, "result_var": None})
    delivered = _to_waiting(event, name, correlation_key, None, actor, 0)
    if not delivered and keep:
        db.session.add(PendingMessage(name=name, correlation_key=correlation_key,
                                      payload=to_plain(event.payload), created_at=utcnow()))
    return delivered


def _starter_versions(name: str) -> list[DefinitionVersion]:
    from app.workflow.starting import start_messages

    return [v for v in newest_published_versions() if name in start_messages(v)]


def _to_starters(event, name, key, sender, actor, depth) -> bool:
    from app.workflow import runtime

    versions = _starter_versions(name)
    for version in versions:
        workflow = runtime.new_workflow(version)
        instance = ProcessInstance(
            version_id=version.id, business_key=key, subject=sender.subject, state="{}",
            started_by_id=getattr(actor, "id", None), started_at=utcnow())
        db.session.add(instance)
        db.session.flush()
        audit.record(instance, "started", actor, version=version.number, by_message=name,
                     sender=sender.id)
        workflow.do_engine_steps()  # the start event now waits for its message
        workflow.catch(event)
        runtime.advance(instance, workflow, actor, depth + 1)
        runtime.save(instance, workflow, actor)
    return bool(versions)


def _keep(sender, event, name, key) -> None:
    payload = event.payload if isinstance(event.payload, dict) else {"payload": event.payload}
    db.session.add(PendingMessage(name=name, correlation_key=key, payload=to_plain(payload),
                                  source_instance_id=sender.id, created_at=utcnow()))


def deliver_pending(instance, workflow, actor=None) -> bool:
    """Hand the instance the oldest kept messages it now waits for. True if any arrived."""
    from SpiffWorkflow.bpmn.util import BpmnEvent
    from SpiffWorkflow.camunda.specs.event_definitions import MessageEventDefinition

    names = waiting_names(workflow)
    if not names or instance.status != InstanceStatus.RUNNING.value:
        return False
    pending = db.session.scalars(
        select(PendingMessage).where(
            PendingMessage.name.in_(names), PendingMessage.delivered_at.is_(None),
            PendingMessage.correlation_key == instance.business_key)
        .order_by(PendingMessage.id)
    ).all()
    arrived = False
    for message in pending:
        if message.name not in waiting_names(workflow):
            continue
        workflow.catch(BpmnEvent(MessageEventDefinition(message.name), message.payload))
        message.delivered_at = utcnow()
        audit.record(instance, "message", actor, None, name=message.name,
                     direction="received", pending=message.id)
        arrived = True
    return arrived
