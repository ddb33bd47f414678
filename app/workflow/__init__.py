"""The workflow engine: BPMN definitions run by SpiffWorkflow. This is its public API; nothing
outside app.workflow touches SpiffWorkflow.

    start_process(key, user=..., business_key=..., subject=..., data=...)
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

__all__ = [
    "AlreadyCompleted", "Conflict", "Forbidden", "InvalidInput", "NotFound", "WorkflowError",
    "add_version", "claim", "complete", "init_app", "published_version", "register_helper",
    "resume", "retry", "start_process", "suspend", "terminate", "unclaim", "validate",
]


def init_app(app: Flask) -> None:
    from app.workflow import cli

    cli.init_app(app)
