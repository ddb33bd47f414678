"""Moving running instances to another version of their process, with SpiffWorkflow's own diff
and migration (SpiffWorkflow.bpmn.util.diff).

An instance may move when none of the steps it has done or is at (completed, ready, started,
waiting for a timer or message, failed) was removed or changed in the new version: what it
did stays true, and what it waits for waits on. The steps ahead may change freely. A moved
instance keeps its tasks (and their ids), so its open work items, timers and messages carry
on; only what it has not reached yet is predicted anew from the new version."""

from dataclasses import asdict, dataclass, field

from flask_babel import lazy_gettext as _l
from SpiffWorkflow.bpmn.util.diff import diff_workflow, migrate_workflow
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from app.extensions import db
from app.races import commit_unless_raced
from app.workflow import audit, runtime, serializer
from app.workflow.errors import Conflict, NotFound, WorkflowError
from app.workflow.models import DefinitionVersion, InstanceStatus, ProcessInstance
from app.workflow.specs import diagram_for

# The steps an instance has done or is at: their specs must not change under it.
REACHED = (TaskState.COMPLETED | TaskState.READY | TaskState.STARTED | TaskState.WAITING
           | TaskState.ERROR)
# migrate_workflow resets the tasks of this mask; none: a ready step keeps its data (and any
# correction an admin made), a waiting timer keeps the moment it fires.
_RESET_NOTHING = 1 << 12  # no TaskState has this bit
MOVABLE = (InstanceStatus.RUNNING.value, InstanceStatus.SUSPENDED.value,
           InstanceStatus.ERROR.value)


@dataclass
class MigrationCheck:
    instance_id: int
    subject: str
    from_version: int  # the version numbers, as admins read them
    to_version: int
    can_move: bool
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _version(version_id: int) -> DefinitionVersion:
    version = db.session.get(DefinitionVersion, version_id)
    if version is None:
        raise NotFound(_l("This version does not exist."))
    return version


def _step_name(task) -> str:
    spec = task.task_spec
    return getattr(spec, "bpmn_name", None) or getattr(spec, "bpmn_id", None) or spec.name


def _what(task) -> str:
    return str(_l("done") if task.has_state(TaskState.COMPLETED) else _l("open"))


def _diff(instance: ProcessInstance, to: DefinitionVersion):
    """The workflow, SpiffWorkflow's diffs, and the reasons it cannot move (empty: it can)."""
    workflow = runtime.load(instance)
    target = diagram_for(to)
    registry = serializer.registry()
    top, sub_diffs = diff_workflow(registry, workflow, target.spec, target.subprocess_specs)
    reasons = []
    for diff in [top, *(d for d in sub_diffs.values() if d is not None)]:
        for task in {*diff.removed, *diff.changed}:
            if task.has_state(REACHED) and getattr(task.task_spec, "bpmn_id", None):
                verb = (_l("is not in the new version") if task in diff.removed
                        else _l("is changed in the new version"))
                reasons.append(str(_l("step '%(step)s' (%(what)s) %(verb)s",
                                      step=_step_name(task), what=_what(task), verb=verb)))
    for sp_id, diff in sub_diffs.items():
        if diff is None:
            name = workflow.subprocesses[sp_id].spec.name
            reasons.append(str(_l("the subprocess '%(name)s' it is in is not in the new "
                                  "version", name=name)))
    return workflow, target, top, sub_diffs, sorted(set(reasons))


def check(instance: ProcessInstance, to: DefinitionVersion) -> MigrationCheck:
    result = MigrationCheck(instance.id, instance.subject, instance.version.number, to.number,
                            False)
    if instance.version.definition_id != to.definition_id:
        result.reasons = [str(_l("it is an instance of another process"))]
    elif instance.version_id == to.id:
        result.reasons = [str(_l("it runs on this version already"))]
    elif instance.status not in MOVABLE:
        result.reasons = [str(_l("it has ended"))]
    else:
        try:
            result.reasons = _diff(instance, to)[-1]
        except Exception as error:  # an old state SpiffWorkflow cannot align: it stays
            result.reasons = [str(_l("it cannot be compared with the new version: %(reason)s",
                                     reason=runtime.describe(error)))]
    result.can_move = not result.reasons
    return result


def migration_preview(instances: list[int] | str, to_version: int) -> list[MigrationCheck]:
    """Which instances can move to version `to_version` and which cannot, with why. Give the
    instance ids, or a process key for all its running (or suspended, or failed) ones on
    other versions."""
    to = _version(to_version)
    if isinstance(instances, str):
        if instances and instances != to.definition.key:
            raise WorkflowError(_l("Version %(n)s is not a version of '%(key)s'.",
                                   n=to.number, key=instances))
        query = (select(ProcessInstance).join(ProcessInstance.version)
                 .where(DefinitionVersion.definition_id == to.definition_id,
                        ProcessInstance.version_id != to.id,
                        ProcessInstance.status.in_(MOVABLE)))
    else:
        query = select(ProcessInstance).where(ProcessInstance.id.in_(list(instances)))
    found = db.session.scalars(query.order_by(ProcessInstance.id)).all()
    return [check(instance, to) for instance in found]


def _predict_anew(workflow) -> None:
    """Predict what each open task leads to from the specs it now has."""
    for task in workflow.get_tasks(state=TaskState.READY | TaskState.WAITING | TaskState.STARTED):
        task.task_spec._predict(task, mask=TaskState.PREDICTED_MASK | task.state)


def migrate(instance_id: int, to_version: int, user) -> ProcessInstance:
    """Move a running instance to version `to_version` of its process, audited. Refused, with
    nothing changed, when a step it has done or is at changed (the reasons say which)."""
    instance = db.session.get(ProcessInstance, instance_id)
    if instance is None:
        raise NotFound(_l("This process instance does not exist."))
    to = _version(to_version)
    verdict = check(instance, to)
    if not verdict.can_move:
        raise WorkflowError(_l("Instance #%(id)s cannot move to version %(n)s: %(reasons)s.",
                               id=instance.id, n=to.number, reasons="; ".join(verdict.reasons)))
    workflow, target, top, sub_diffs, _reasons = _diff(instance, to)
    migrate_workflow(top, workflow, target.spec, reset_mask=_RESET_NOTHING)
    for sp_id, diff in sub_diffs.items():
        sub = workflow.subprocesses[sp_id]
        migrate_workflow(diff, sub, target.subprocess_specs[sub.spec.name],
                         reset_mask=_RESET_NOTHING)
    workflow.subprocess_specs = target.subprocess_specs
    _predict_anew(workflow)
    before = instance.version
    instance.version_id = to.id
    set_committed_value(instance, "version", to)
    audit.record(instance, "migrated", user, None, from_version=before.number,
                 to_version=to.number, from_version_id=before.id, to_version_id=to.id)
    runtime.save(instance, workflow, user)
    if not commit_unless_raced():
        raise Conflict(_l("Someone else changed this process at the same moment. "
                          "Reload the page and try again."))
    return instance
