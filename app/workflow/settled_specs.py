"""What SpiffWorkflow sets on a spec while an instance runs, set once when it is parsed.

A parsed spec is cached and shared by every instance and request of its process (specs.py).
SpiffWorkflow, though, finishes some specs only as it runs them: a loop connects its child's
`completed_event` to itself when it creates a child, and a Camunda multi-instance task points
its input at its collection when it starts. A server process that restores an instance
started elsewhere never ran those lines, so its parent would never hear of a child finishing
(the instance stalls) or would append answers instead of replacing them. Settling each spec
when it is parsed, as SpiffWorkflow's own spec deserializer does, makes a cold cache serve
exactly as a warm one.
"""

from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.bpmn.specs.data_spec import TaskDataReference
from SpiffWorkflow.bpmn.specs.mixins.multiinstance_task import LoopTask, MultiInstanceTask
from SpiffWorkflow.camunda.specs.multiinstance_task import (
    ParallelMultiInstanceTask,
    SequentialMultiInstanceTask,
)

_CAMUNDA_MULTI_INSTANCE = (ParallelMultiInstanceTask, SequentialMultiInstanceTask)


def settle(process_spec) -> None:
    """Wire and fill in every loop of one process (or subprocess) spec."""
    for task_spec in process_spec.task_specs.values():
        if isinstance(task_spec, _CAMUNDA_MULTI_INSTANCE):
            _fill_camunda_references(task_spec)
        if isinstance(task_spec, LoopTask):
            child = process_spec.task_specs[task_spec.task_spec]
            if not child.completed_event.is_connected(task_spec.merge_child):
                child.completed_event.connect(task_spec.merge_child)


def _fill_camunda_references(task_spec: MultiInstanceTask) -> None:
    """What camunda's update_task_spec sets when the task starts, known from the diagram."""
    element = task_spec.output_item
    if task_spec.cardinality is None:  # camunda:collection: one child per item, kept in place
        if element is None:
            raise ValidationException(
                "a multi-instance activity over a collection needs camunda:elementVariable",
                id=task_spec.bpmn_id)
        task_spec.data_input = TaskDataReference(task_spec.data_output.bpmn_id)
        task_spec.input_item = TaskDataReference(element.bpmn_id)
        return
    if not task_spec.cardinality.strip().isdigit():
        # The engine would decide at run time whether it is a count or a collection and
        # rewrite the shared spec accordingly; a list belongs in camunda:collection.
        raise ValidationException(
            "loopCardinality must be a whole number; to run once per item of a list, "
            "use camunda:collection", id=task_spec.bpmn_id)
    task_spec.input_item = TaskDataReference(element.bpmn_id) if element is not None else None
