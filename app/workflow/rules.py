"""Checks beyond the parser's: a diagram that parses may still be unable to run here."""

from SpiffWorkflow.bpmn.specs.defaults import ScriptTask, ServiceTask
from SpiffWorkflow.bpmn.specs.event_definitions.message import MessageEventDefinition
from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition
from SpiffWorkflow.bpmn.specs.mixins.multiinstance_task import LoopTask, MultiInstanceTask
from SpiffWorkflow.camunda.specs.user_task import UserTask
from SpiffWorkflow.dmn.specs.business_rule_task_mixin import BusinessRuleTaskMixin

from app.workflow import sandbox
from app.workflow.assignment import raw_assignee, resolve_name, split_role
from app.workflow.bpmn import ParsedDiagram
from app.workflow.expressions import expression_of, literal_timer
from app.workflow.formschema import FormError, form_fields


def _compiles(problems: list, where: str, source: str | None, *, script: bool = False) -> None:
    if not source:
        return
    if not script and literal_timer(source) is not None:
        return
    try:
        if script:
            sandbox.compile_script(source)
        else:
            sandbox.compile_expression(expression_of(source) or source)
    except sandbox.SandboxError as error:
        problems.append(f"{where}: {error}")
    except SyntaxError as error:
        problems.append(f"{where}: {error.msg}")


def _check_user_task(problems: list, task_spec) -> None:
    where = task_spec.bpmn_name or task_spec.bpmn_id
    raw = raw_assignee(task_spec)
    person = (task_spec.extensions or {}).get("assignee")
    if person:
        if expression_of(person):
            _compiles(problems, f"assignee of '{where}'", person)
    elif not raw:
        problems.append(f"user task '{where}' has no lane and no candidateGroups")
    else:
        audience, role = split_role(raw)
        assignee = None if expression_of(audience) else resolve_name(audience)
        if expression_of(audience):
            _compiles(problems, f"candidateGroups of '{where}'", audience)
        elif assignee is None:
            problems.append(f"user task '{where}' goes to '{audience}', "
                            "which is no agency, group or role")
        elif role and assignee.role:
            problems.append(f"user task '{where}' goes to the role '{audience}', "
                            f"which cannot require the role '{role}' as well")
    _compiles(problems, f"dueDate of '{where}'", (task_spec.extensions or {}).get("dueDate"))
    try:
        form_fields(task_spec)
    except FormError as error:
        problems.append(f"form of '{where}': {error}")


def check(diagram: ParsedDiagram) -> list[str]:
    """Every reason this diagram cannot run here (empty when it can)."""
    problems: list[str] = []
    for starter in (diagram.starters or "").split(","):
        if starter.strip() and resolve_name(starter) is None:
            problems.append(f"candidateStarterGroups names '{starter.strip()}', "
                            "which is no agency, group or role")
    for spec in [diagram.spec, *diagram.subprocess_specs.values()]:
        for task_spec in spec.task_specs.values():
            name = getattr(task_spec, "bpmn_name", None) or getattr(task_spec, "bpmn_id", None)
            if isinstance(task_spec, UserTask):
                _check_user_task(problems, task_spec)
            elif isinstance(task_spec, ScriptTask):
                _compiles(problems, f"script '{name}'", task_spec.script, script=True)
            elif isinstance(task_spec, ServiceTask):
                problems.append(f"service task '{name}' is not supported")
            elif isinstance(task_spec, BusinessRuleTaskMixin):
                problems.append(f"business rule task '{name}' (DMN) is not supported")
            for condition, _target in getattr(task_spec, "cond_task_specs", []):
                if condition is not None:
                    _compiles(problems, f"condition after '{name}'", condition.args[0])
            if isinstance(task_spec, MultiInstanceTask):
                _compiles(problems, f"cardinality of '{name}'", task_spec.cardinality)
            if isinstance(task_spec, LoopTask | MultiInstanceTask):
                _compiles(problems, f"completion condition of '{name}'", task_spec.condition)
            event = getattr(task_spec, "event_definition", None)
            if isinstance(event, TimerEventDefinition):
                _compiles(problems, f"timer '{name}'", event.expression)
            elif isinstance(event, MessageEventDefinition):
                _compiles(problems, f"message of '{name}'", getattr(event, "expression", None))
    return problems
