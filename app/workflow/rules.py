"""Checks beyond the parser's: a diagram that parses may still be unable to run here. Each
reason is in the admin's language and names the element it is about and its line."""

from flask_babel import lazy_gettext as _l
from SpiffWorkflow.bpmn.specs.defaults import ScriptTask, ServiceTask
from SpiffWorkflow.bpmn.specs.event_definitions.message import MessageEventDefinition
from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition
from SpiffWorkflow.bpmn.specs.mixins.multiinstance_task import LoopTask, MultiInstanceTask
from SpiffWorkflow.camunda.specs.user_task import UserTask
from SpiffWorkflow.dmn.specs.business_rule_task_mixin import BusinessRuleTaskMixin

from app.workflow import sandbox
from app.workflow.assignment import raw_assignee, resolve_name, split_role
from app.workflow.bpmn import ParsedDiagram, Problem, problem
from app.workflow.datafields import start_events, start_form
from app.workflow.expressions import expression_of, literal_timer
from app.workflow.formschema import FormError, form_fields


class _Problems(list):
    """Reasons, each tied to its element and where in the file that element is."""

    def __init__(self, diagram: ParsedDiagram):
        super().__init__()
        self.tree = diagram.tree

    def add(self, element_id: str | None, reason) -> None:
        self.append(problem(reason, self.tree, element_id))


def _compiles(problems: _Problems, element_id, what, source: str | None, *,
              script: bool = False) -> None:
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
        problems.add(element_id, f"{what}: {error}")
    except SyntaxError as error:
        problems.add(element_id, f"{what}: {error.msg}")


def _check_user_task(problems: _Problems, task_spec) -> None:
    where, element = task_spec.bpmn_name or task_spec.bpmn_id, task_spec.bpmn_id
    raw = raw_assignee(task_spec)
    person = (task_spec.extensions or {}).get("assignee")
    if person:
        if expression_of(person):
            _compiles(problems, element, _l("assignee of '%(name)s'", name=where), person)
    elif not raw:
        problems.add(element, _l("user task '%(name)s' has no lane and no candidateGroups",
                                 name=where))
    else:
        audience, role = split_role(raw)
        assignee = None if expression_of(audience) else resolve_name(audience)
        if expression_of(audience):
            _compiles(problems, element, _l("candidateGroups of '%(name)s'", name=where),
                      audience)
        elif assignee is None:
            problems.add(element, _l("user task '%(name)s' goes to '%(to)s', which is no "
                                     "agency, group or role", name=where, to=audience))
        elif role and assignee.role:
            problems.add(element, _l("user task '%(name)s' goes to the role '%(to)s', which "
                                     "cannot require the role '%(role)s' as well", name=where,
                                     to=audience, role=role))
    _compiles(problems, element, _l("dueDate of '%(name)s'", name=where),
              (task_spec.extensions or {}).get("dueDate"))
    try:
        form_fields(task_spec)
    except FormError as error:
        problems.add(element, _l("form of '%(name)s': %(reason)s", name=where, reason=error))


def check(diagram: ParsedDiagram) -> list[str]:
    """Every reason this diagram cannot run here (empty when it can), each in one line with
    the element it is about and its line."""
    return [found.located() for found in problems_of(diagram)]


def problems_of(diagram: ParsedDiagram) -> list[Problem]:
    """Every reason this diagram cannot run here, tied to element ids (empty when it can)."""
    problems = _Problems(diagram)
    for starter in (diagram.starters or "").split(","):
        if starter.strip() and resolve_name(starter) is None:
            problems.add(diagram.process_id, _l(
                "candidateStarterGroups names '%(name)s', which is no agency, group or role",
                name=starter.strip()))
    try:
        start_form(diagram)
    except FormError as error:
        starts = start_events(diagram)
        problems.add(starts[0].get("id") if starts else None,
                     _l("start form: %(reason)s", reason=error))
    for spec in [diagram.spec, *diagram.subprocess_specs.values()]:
        for task_spec in spec.task_specs.values():
            element = getattr(task_spec, "bpmn_id", None)
            name = getattr(task_spec, "bpmn_name", None) or element
            if isinstance(task_spec, UserTask):
                _check_user_task(problems, task_spec)
            elif isinstance(task_spec, ScriptTask):
                _compiles(problems, element, _l("script '%(name)s'", name=name),
                          task_spec.script, script=True)
            elif isinstance(task_spec, ServiceTask):
                problems.add(element, _l("service task '%(name)s' is not supported", name=name))
            elif isinstance(task_spec, BusinessRuleTaskMixin):
                problems.add(element, _l("business rule task '%(name)s' (DMN) is not supported",
                                         name=name))
            for condition, _target in getattr(task_spec, "cond_task_specs", []):
                if condition is not None:
                    _compiles(problems, element,
                              _l("condition after '%(name)s'", name=name), condition.args[0])
            if isinstance(task_spec, MultiInstanceTask):
                _compiles(problems, element, _l("cardinality of '%(name)s'", name=name),
                          task_spec.cardinality)
            if isinstance(task_spec, LoopTask | MultiInstanceTask):
                _compiles(problems, element,
                          _l("completion condition of '%(name)s'", name=name), task_spec.condition)
            event = getattr(task_spec, "event_definition", None)
            if isinstance(event, TimerEventDefinition):
                _compiles(problems, element, _l("timer '%(name)s'", name=name), event.expression)
            elif isinstance(event, MessageEventDefinition):
                _compiles(problems, element, _l("message of '%(name)s'", name=name),
                          getattr(event, "expression", None))
    if not problems:  # what a step shows is checked once its forms read well
        from app.workflow.steps import shows_problems  # steps runs instances: imports more

        problems.extend(shows_problems(diagram))
    return list(problems)
