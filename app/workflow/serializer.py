"""Workflow state to JSON and back, without the spec.

The spec is parsed once per definition hash and cached (specs.py); storing it again with every
instance would cost space and time on every step. The stored JSON carries only the instance's
own state; loading hands the cached spec back in.
"""

import json
from datetime import date

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.serializer.default.workflow import (
    BpmnWorkflowConverter,
    WorkflowConverter,
)
from SpiffWorkflow.camunda.serializer.config import CAMUNDA_CONFIG

from app.workflow.script_engine import SCRIPT_ENGINE
from app.workflow.spiff_workflow import Workflow


class _SpecFreeWorkflowConverter(BpmnWorkflowConverter):
    def to_dict(self, workflow):
        dct = WorkflowConverter.to_dict(self, workflow)
        dct["subprocesses"] = self.mapping_to_dict(workflow.subprocesses)
        dct["bpmn_events"] = self.registry.convert(workflow.bpmn_events)
        return dct

    def from_dict(self, dct, spec=None, subprocess_specs=None):
        workflow = Workflow(
            spec, subprocess_specs, script_engine=SCRIPT_ENGINE, deserializing=True
        )
        workflow.tasks = self.mapping_from_dict(dct["tasks"], _uuid, workflow=workflow)
        workflow.task_tree = workflow.tasks.get(_uuid(dct["root"]))
        self.set_default_attributes(workflow, dct)
        self.subprocesses_from_dict(dct["subprocesses"], workflow)
        workflow.bpmn_events = self.registry.restore(dct.pop("bpmn_events", []))
        return workflow


def _uuid(value):
    from uuid import UUID

    return UUID(value)


def _make_serializer() -> BpmnWorkflowSerializer:
    config = dict(CAMUNDA_CONFIG)
    config[BpmnWorkflow] = _SpecFreeWorkflowConverter  # reads states stored before Workflow
    config[Workflow] = _SpecFreeWorkflowConverter
    registry = BpmnWorkflowSerializer.configure(config)
    registry.register(
        date, lambda value: {"value": value.isoformat()},
        lambda dct: date.fromisoformat(dct["value"]),
    )
    return BpmnWorkflowSerializer(registry)


_SERIALIZER = _make_serializer()


def registry():
    """The serializer's registry: SpiffWorkflow's spec diff compares specs through it."""
    return _SERIALIZER.registry


def dumps(workflow: Workflow) -> str:
    return _SERIALIZER.serialize_json(workflow)


def loads(state: str, spec, subprocess_specs) -> Workflow:
    dct = json.loads(state)
    _SERIALIZER.migrate(dct)
    return _SERIALIZER.from_dict(dct, spec=spec, subprocess_specs=subprocess_specs)


def to_plain(value):
    """Task data as JSON-able values (dates as ISO strings), for the audit trail and the API."""
    return json.loads(json.dumps(value, default=str))
