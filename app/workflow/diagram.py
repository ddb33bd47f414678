"""A case drawn on its diagram: which elements are done (by whom, when), which wait (for
whom, since when), which failed, and the sequence flows the case took. People who are not
admins get the diagram without its scripts and expressions: the shapes, names and
documentation, nothing our engine evaluates."""

from dataclasses import dataclass, field

from lxml import etree
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import select

from app.auth.roles import Role
from app.extensions import db
from app.workflow import runtime
from app.workflow.bpmn import BPMN_NS, safe_tree
from app.workflow.errors import Forbidden, NotFound
from app.workflow.labels import audience_of
from app.workflow.models import ProcessInstance, WorkItem, WorkItemStatus
from app.workflow.steps import may_read

CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn"
# What a reader who is not an admin does not receive: the code and the expressions the
# engine runs, and the extension elements (forms, properties, listeners) altogether.
STRIPPED = ("script", "conditionExpression", "completionCondition", "loopCardinality",
            "timeDuration", "timeDate", "timeCycle", "condition", "extensionElements")
REACHED = TaskState.COMPLETED | TaskState.READY | TaskState.WAITING | TaskState.STARTED \
    | TaskState.ERROR


@dataclass
class CaseDiagram:
    xml: str
    completed: dict[str, dict] = field(default_factory=dict)  # element id → who, when
    active: dict[str, dict] = field(default_factory=dict)  # element id → waiting for, since
    failed: dict[str, dict] = field(default_factory=dict)  # element id → reason
    taken: list[str] = field(default_factory=list)  # sequence flow ids
    here: str | None = None  # the step a step page shows

    def as_dict(self) -> dict:
        return {"xml": self.xml, "completed": self.completed, "active": self.active,
                "failed": self.failed, "taken": self.taken, "here": self.here}


def without_expressions(xml: str) -> str:
    """The diagram as a reader who is not an admin receives it (see STRIPPED)."""
    root = safe_tree(xml)
    for name in STRIPPED:
        for node in root.iter(f"{{{BPMN_NS}}}{name}"):
            node.getparent().remove(node)
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        for attribute in [a for a in node.attrib if a.startswith(f"{{{CAMUNDA_NS}}}")]:
            del node.attrib[attribute]
    return etree.tostring(root, encoding="unicode")


def may_view(user, instance: ProcessInstance) -> bool:
    """Admins, the plan's coordinator, whoever started the case, and whoever may read one
    of its steps."""
    if user.has_any_role(Role.ADMIN, Role.COORDINATOR) or instance.started_by_id == user.id:
        return True
    items = db.session.scalars(select(WorkItem).where(WorkItem.instance_id == instance.id))
    return any(may_read(user, item) for item in items)


def case_diagram(instance_id: int, user, *, here_item_id: int | None = None) -> CaseDiagram:
    """The case on its diagram for `user` (Forbidden when they may not follow it)."""
    instance = db.session.get(ProcessInstance, instance_id)
    if instance is None:
        raise NotFound("no such instance")
    if not may_view(user, instance):
        raise Forbidden("not your case")
    xml = instance.version.xml
    full = user.has_any_role(Role.ADMIN)
    diagram = CaseDiagram(xml if full else without_expressions(xml))
    workflow = runtime.load(instance)
    reached: dict[str, str] = {}  # task id → element id
    pairs = set()
    for task in workflow.get_tasks(state=TaskState.ANY_MASK):
        element = getattr(task.task_spec, "bpmn_id", None)
        if not element or not task.state & REACHED:
            continue
        reached[str(task.id)] = element
        if task.state == TaskState.COMPLETED:
            diagram.completed.setdefault(element, {})
        elif task.state == TaskState.ERROR:
            diagram.failed[element] = {"reason": instance.error_message or ""}
        elif element not in diagram.completed:
            diagram.active.setdefault(element, {})
        source = _reached_parent(task)
        if source:
            pairs.add((source, element))
    _people(instance, diagram, here_item_id)
    diagram.taken = _flows(safe_tree(xml), pairs)
    return diagram


def _reached_parent(task) -> str | None:
    parent = task.parent
    while parent is not None and not getattr(parent.task_spec, "bpmn_id", None):
        parent = parent.parent
    return parent.task_spec.bpmn_id if parent is not None else None


def _people(instance, diagram: CaseDiagram, here_item_id: int | None) -> None:
    items = db.session.scalars(select(WorkItem).where(WorkItem.instance_id == instance.id)
                               .order_by(WorkItem.id))
    for item in items:
        if item.id == here_item_id:
            diagram.here = item.task_name
        # A multi-instance step has one work item per agency: all of them are named.
        if item.status == WorkItemStatus.OPEN.value:
            _join(diagram.active, item.task_name, audience_of(item), "since",
                  _iso(item.created_at))
            diagram.completed.pop(item.task_name, None)
        elif item.completed_at is not None and item.task_name in diagram.completed:
            who = item.completed_by.full_name if item.completed_by else ""
            _join(diagram.completed, item.task_name, who, "when", _iso(item.completed_at))


def _join(states: dict, element: str, who: str, key: str, when: str | None) -> None:
    """Add a person or an agency to an element's state; its time is the latest one's."""
    known = states.get(element) or {}
    names = [n for n in (known.get("who") or "").split("; ") if n]
    if who and who not in names:
        names.append(who)
    states[element] = {"who": "; ".join(names), key: max(filter(None, (known.get(key), when)),
                                                          default=None)}


def _flows(root, pairs: set[tuple[str, str]]) -> list[str]:
    return [flow.get("id") for flow in root.iter(f"{{{BPMN_NS}}}sequenceFlow")
            if (flow.get("sourceRef"), flow.get("targetRef")) in pairs]


def _iso(when) -> str | None:
    return when.isoformat() + "Z" if when else None
