"""The workflow engine: BPMN definitions run by SpiffWorkflow. This is its public API; nothing
outside app.workflow touches SpiffWorkflow.

    start_process(key, user=..., business_key=..., subject=..., data=..., commit=...)
    work_items_for(user, InboxFilter(...)): the inbox; count_for, tab_counts: its figures
    (counts_for(user, filter, statuses): several figures in one statement);
    badge(item), is_suspended(item): its status; due_soon_until(): where "due soon" ends
    (set_reminder_days(provider) says from how many working days before a deadline)
    audience_of(item): whom it waits for (also the template filter `audience`)
    step(item_id, user), fields_of(item), data_of(item): one step's page;
    filled_fields(fields, data): those of its fields that hold a value and show
    case_of(item): what the earlier steps of its case said, as its diagram's `shows` picks
    claim(item_id, user) / unclaim(item_id, user) / complete(item_id, user, values)
    hand_over(item_id, user, colleague_id, reason), colleagues_for(item, user): for leave
    suspend / resume / terminate / retry(instance_id, user)
    release(item_id, actor), may_release(user): an admin or the coordinator frees a step
    waiting_steps(agency_id): in a script's helper, the open steps of its instance
    running_work(): in a script's helper, its process and plan item (for successions)
    last_completion(task_name): in a script's helper, who completed that step and when
    change_data(instance_id, user, values, reason): correct a running instance's data;
    correctable_data(instance, raw_data), stored_value(item, value): the form it is done with;
    describe_data(version, data): an instance's data labelled and typed, for admins
    data_changed: a signal sent with each correction, for modules that keep a copy
    add_version(xml, filename, user=..., publish=...) / validate(xml, filename)

  Editing processes (drafts: kept with their problems, published once they can run):
    save_draft(key_or_None, xml, *, user, based_on_draft_revision=None, filename=None,
               from_version_id=None) -> DraftResult(draft, problems): the open draft of a
        process, saved whatever its problems. key None: its executable process's id, else
        KeyNeeded(candidates). A save based on another revision than the current one
        raises DraftConflict (saved_by, saved_at, revision): nothing is overwritten. Not
        BPMN at all (not well-formed XML, another document): NotBpmn, nothing saved.
        Importing a file is save_draft(None or the admin's key, its bytes, filename=...).
    draft_problems(xml, key=None) -> [Problem(element_id | None, message, line)]: every
        reason the server would refuse to run it, in the reader's language (empty: it runs)
    get_draft(id), draft_result(id) -> DraftResult (its problems as of now), drafts(key),
    open_drafts() (every process's open draft, the last saved first),
    discard_draft(id, user=..., based_on_draft_revision=None)
    publish_draft(draft_id, *, reason, user, based_on_draft_revision=None) -> version:
        refused while problems remain (DraftHasProblems(problems)) or without a reason;
        records the amendment (who, when, why, which version); new instances start with it
    amendments(key): the process's amendment history, newest first
    version_xml(version_id): a version's BPMN text
    compare_versions(a_id, b_id), compare_draft(draft_id, version_id=None) -> Comparison:
        elements added, removed, changed (id, type, name; what changed), .as_dict()

  Moving running instances to another version (SpiffWorkflow's diff and migration):
    migration_preview(instance_ids or key, to_version) -> [MigrationCheck(instance_id,
        subject, from_version, to_version, can_move, reasons)]
    migrate(instance_id, to_version, user): audited ("migrated"); its open work items,
        timers and messages carry on; refused (WorkflowError) when it cannot move
    list_definitions(), list_instances(...), instance_detail(id): what admins read
    attachments_of(instance_id), timeline_of(instance_id): a case's files and audit trail;
    case_diagram(instance_id, user, here_item_id=None): a case on its diagram (done, waiting,
    failed, the path taken; without scripts and expressions for readers not admins)
    history_of(instance_id): its timeline as people read it (what each step recorded)
    readable_attachments(instance_id, user), attachment_for(id, user): the files one may open
    register_helper(name, function): offer a function to BPMN scripts
    send_message(name, correlation_key, actor, keep=False): continue the instances waiting
    for a message (keep: else kept until one of that key waits for it)
    cancel_instance(instance_id, actor, reason): end an instance whose purpose is over, in the
    caller's transaction; instance_terminated: a signal sent when an admin terminates one
    file_of(instance_id, attachment_id): a file of a module's own case, for its own checks
    register_worker_job(app, job): run job() after each tick of the worker
    take_unannounced(), people_of(item, day): new items and who to tell of them
    check_file(filename, content), attach_file(filename, content, instance=..., ...): evidence
"""

from flask import Flask

from app.workflow.assignment import may_take
from app.workflow.attachments import (
    AttachmentError,
    attachment_for,
    file_of,
    readable_attachments,
)
from app.workflow.attachments import check as check_file
from app.workflow.attachments import store as attach_file
from app.workflow.bpmn import MAX_BYTES as MAX_DIAGRAM_BYTES
from app.workflow.bpmn import BpmnError, NotBpmn, Problem
from app.workflow.cli import register_worker_job
from app.workflow.compare import Comparison, compare_draft, compare_versions
from app.workflow.completing import complete
from app.workflow.corrections import Correctable, stored_value
from app.workflow.corrections import correctable as correctable_data
from app.workflow.datafields import described as describe_data
from app.workflow.datafields import filled as filled_fields
from app.workflow.deadlines import due_soon_until, set_reminder_days
from app.workflow.definitions import (
    add_version,
    publish_version,
    published_version,
    sync_folder,
    validate,
)
from app.workflow.diagram import CaseDiagram, case_diagram, without_expressions
from app.workflow.drafts import (
    DraftConflict,
    DraftHasProblems,
    DraftResult,
    amendments,
    discard_draft,
    draft_dict,
    draft_result,
    drafts,
    get_draft,
    open_drafts,
    publish_draft,
    save_draft,
    version_xml,
)
from app.workflow.errors import (
    AlreadyCompleted,
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    WorkflowError,
)
from app.workflow.history import history_of
from app.workflow.inbox import (
    BADGES,
    STATUSES,
    InboxFilter,
    badge,
    count_for,
    counts_for,
    is_suspended,
    people_of,
    process_choices,
    tab_counts,
    take_unannounced,
    work_items_for,
)
from app.workflow.labels import EVENTS as EVENT_LABELS
from app.workflow.labels import INSTANCE_STATUS as INSTANCE_STATUS_LABELS
from app.workflow.labels import audience_of
from app.workflow.messages import send as send_message
from app.workflow.migration import MigrationCheck, migrate, migration_preview
from app.workflow.monitor import (
    attachments_of,
    instance_counts,
    instance_detail,
    open_steps,
    pending_messages,
    timeline_of,
)
from app.workflow.monitor import definitions as list_definitions
from app.workflow.monitor import instances as list_instances
from app.workflow.monitor import version as definition_version
from app.workflow.operations import cancel as cancel_instance
from app.workflow.operations import (
    change_data,
    claim,
    colleagues_for,
    hand_over,
    may_release,
    release,
    resume,
    retry,
    start_process,
    suspend,
    terminate,
    unclaim,
)
from app.workflow.problems import KeyNeeded, draft_problems
from app.workflow.running import Completion, last_completion, running_work, waiting_steps
from app.workflow.sandbox import register_helper
from app.workflow.signals import data_changed, instance_terminated
from app.workflow.starting import startable_by
from app.workflow.steps import EarlierStep, case_of, data_of, documentation_of, fields_of, step

__all__ = [
    "CaseDiagram", "case_diagram", "without_expressions",
    "DraftConflict", "DraftHasProblems", "DraftResult", "KeyNeeded", "NotBpmn", "Problem",
    "amendments", "discard_draft", "draft_dict", "draft_problems", "draft_result", "drafts",
    "open_drafts", "get_draft", "publish_draft", "save_draft", "version_xml", "Comparison",
    "compare_draft", "compare_versions", "MigrationCheck", "migrate", "migration_preview",
    "AlreadyCompleted", "AttachmentError", "BADGES", "BpmnError", "Conflict", "EVENT_LABELS",
    "Completion", "Correctable", "EarlierStep", "last_completion", "case_of",
    "correctable_data", "describe_data", "history_of",
    "send_message", "stored_value", "cancel_instance", "instance_terminated", "file_of",
    "Forbidden", "INSTANCE_STATUS_LABELS", "InboxFilter", "InvalidInput", "MAX_DIAGRAM_BYTES",
    "NotFound", "STATUSES", "WorkflowError", "add_version", "attach_file", "attachment_for",
    "attachments_of", "audience_of", "badge", "change_data", "check_file", "claim",
    "colleagues_for", "complete", "count_for", "counts_for", "data_changed", "data_of",
    "definition_version",
    "documentation_of", "due_soon_until", "fields_of", "filled_fields", "hand_over", "init_app",
    "instance_counts", "instance_detail", "is_suspended", "list_definitions", "list_instances",
    "may_release", "may_take", "open_steps", "pending_messages", "people_of", "process_choices",
    "publish_version", "published_version", "readable_attachments", "register_helper",
    "register_worker_job", "release", "resume", "retry", "running_work", "set_reminder_days",
    "start_process",
    "startable_by", "step", "suspend", "sync_folder", "tab_counts", "take_unannounced",
    "terminate", "timeline_of", "unclaim", "validate", "waiting_steps", "work_items_for",
]


def init_app(app: Flask) -> None:
    from app.auth.signals import (
        agency_merge_preview,
        agency_merged,
        agency_work_moving,
        agency_work_preview,
    )
    from app.workflow import cli, rerouting
    from app.workflow.agency_work import open_steps_of
    from app.workflow.operations import move_open_work

    cli.init_app(app)
    agency_merged.connect(move_open_work)
    agency_merge_preview.connect(open_steps_of)
    agency_work_moving.connect(rerouting.reroute_open_steps)
    agency_work_preview.connect(rerouting.preview)
    app.add_template_filter(audience_of, "audience")
