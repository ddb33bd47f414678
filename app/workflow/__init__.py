"""The workflow engine: BPMN definitions run by SpiffWorkflow. This is its public API; nothing
outside app.workflow touches SpiffWorkflow.

    start_process(key, user=..., business_key=..., subject=..., data=...)
    work_items_for(user, InboxFilter(...)): the inbox; badge(item): its status
    step(item_id, user), fields_of(item), data_of(item): one step's page
    claim(item_id, user) / unclaim(item_id, user) / complete(item_id, user, values)
    suspend / resume / terminate / retry(instance_id, user)
    add_version(xml, filename, user=..., publish=...) / validate(xml, filename)
    register_helper(name, function): offer a function to BPMN scripts
"""

from flask import Flask

from app.workflow.definitions import add_version, published_version, validate
from app.workflow.errors import (
    AlreadyCompleted,
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    WorkflowError,
)
from app.workflow.inbox import BADGES, InboxFilter, badge, process_choices, work_items_for
from app.workflow.operations import (
    claim,
    complete,
    resume,
    retry,
    start_process,
    suspend,
    terminate,
    unclaim,
)
from app.workflow.sandbox import register_helper
from app.workflow.steps import attachment_for, data_of, documentation_of, fields_of, step

__all__ = [
    "BADGES", "AlreadyCompleted", "Conflict", "Forbidden", "InboxFilter", "InvalidInput",
    "NotFound", "WorkflowError", "add_version", "attachment_for", "badge", "claim", "complete",
    "data_of", "documentation_of", "fields_of", "init_app", "process_choices",
    "published_version", "register_helper", "resume", "retry", "start_process", "step",
    "suspend", "terminate", "unclaim", "validate", "work_items_for",
]


def init_app(app: Flask) -> None:
    from app.workflow import cli

    cli.init_app(app)
