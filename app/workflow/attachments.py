"""Evidence files: an allow-list of types checked by content, a size limit, a checksum; and
who may read them.

A file is read by the people who may see the step it was sent with (its agency), by its
uploader, and by the people of every step of its case that needs it. A user task says which
files of its case it needs with a property on the task (not on a form field):

    <camunda:property name="caseFiles" value="evidence, input_file" />

naming file fields of earlier steps (or "*" for every file of the case). Without it, a step
reads only its own agency's files: a cooperating agency does not read another's answer.
Those who follow a case without a step of their own (the coordinator of violation cases,
whose decision now belongs to an official with sanctioning competence) are named by role
on a step that needs files: <camunda:property name="caseReaders" value="coordinator" />.
"""

import hashlib
import unicodedata
from pathlib import PurePath

from flask_babel import lazy_gettext as _l
from SpiffWorkflow.camunda.specs.user_task import UserTask
from sqlalchemy import select

from app.auth.roles import Role
from app.extensions import db
from app.workflow.assignment import fixed_assignee, may_take
from app.workflow.errors import Forbidden, NotFound
from app.workflow.models import Attachment, ProcessInstance, WorkItem
from app.workflow.specs import diagram_for

CASE_FILES = "caseFiles"  # the task property that names the files a step needs
CASE_READERS = "caseReaders"  # roles that read those files too, from the case's start

MAX_BYTES = 10 * 1024 * 1024

# extension → (content type, how its first bytes must look)
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"
ALLOWED = {
    "pdf": ("application/pdf", (b"%PDF",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (_ZIP,)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (_ZIP,)),
    "odt": ("application/vnd.oasis.opendocument.text", (_ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (_ZIP,)),
    "doc": ("application/msword", (_OLE,)),
    "xls": ("application/vnd.ms-excel", (_OLE,)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG",)),
    "txt": ("text/plain", ()),
}


class AttachmentError(ValueError):
    pass


def check(filename: str, content: bytes) -> tuple[str, str]:
    """The clean file name and content type, or AttachmentError with the reason."""
    name = unicodedata.normalize("NFC", PurePath(filename.replace("\\", "/")).name).strip()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED:
        raise AttachmentError(_l("Files of this type are not accepted. Accepted: %(types)s.",
                                 types=", ".join(sorted(ALLOWED))))
    if len(content) > MAX_BYTES:
        raise AttachmentError(_l("The file is larger than %(mb)d MB.", mb=MAX_BYTES // 2**20))
    if not content:
        raise AttachmentError(_l("The file is empty."))
    content_type, signatures = ALLOWED[extension]
    if signatures and not content.startswith(signatures):
        raise AttachmentError(_l("The file's content does not match its type (.%(ext)s).",
                                 ext=extension))
    if extension == "txt":
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            raise AttachmentError(_l("A text file must be UTF-8.")) from None
    return name[:255], content_type


def store(filename: str, content: bytes, *, instance, field_id: str, user, work_item=None):
    """Add the file to the session (the caller's transaction commits it); without a step,
    it belongs to the instance as a whole (evidence received with a case)."""
    name, content_type = check(filename, content)
    attachment = Attachment(
        instance_id=instance.id, work_item_id=getattr(work_item, "id", None), field_id=field_id,
        filename=name,
        content_type=content_type, size=len(content), sha256=hashlib.sha256(content).hexdigest(),
        content=content, uploaded_by_id=user.id,
    )
    db.session.add(attachment)
    db.session.flush()
    return attachment


def _declared(task_spec) -> frozenset[str]:
    declared = (task_spec.extensions or {}).get(CASE_FILES) or ""
    return frozenset(name.strip() for name in declared.split(",") if name.strip())


def _user_tasks(version):
    diagram = diagram_for(version)
    for spec in [diagram.spec, *diagram.subprocess_specs.values()]:
        for task_spec in spec.task_specs.values():
            if isinstance(task_spec, UserTask):
                yield task_spec


def files_needed_by(item: WorkItem) -> frozenset[str]:
    """The file fields of its case that a step declares it needs ("*": all of them)."""
    return next((_declared(task_spec) for task_spec in _user_tasks(item.instance.version)
                 if task_spec.bpmn_id == item.task_name), frozenset())


def _needed_by_fixed_steps(user, version) -> set[str]:
    """What the diagram's steps with a fixed audience that `user` belongs to declare they
    need, whether or not the case has come to them yet (the coordinator's decision on a
    violation case reads its evidence from the start)."""
    needed: set[str] = set()
    roles = {role.value for role in user.roles}
    for task_spec in _user_tasks(version):
        declared = _declared(task_spec)
        if declared and not declared <= needed:
            readers = (task_spec.extensions or {}).get(CASE_READERS) or ""
            if roles & {name.strip() for name in readers.split(",")}:
                needed |= declared
                continue
            assignee = fixed_assignee(task_spec)
            if assignee is not None and may_take(user, assignee):
                needed |= declared
    return needed


def _readable(user, files: list[Attachment], instance_id: int) -> list[Attachment]:
    from app.workflow.steps import took_part

    if user.has_any_role(Role.ADMIN):
        return list(files)
    instance = db.session.get(ProcessInstance, instance_id)
    steps = db.session.scalars(select(WorkItem).where(WorkItem.instance_id == instance_id))
    seen = {step.id: step for step in steps if took_part(user, step)}
    needed = set().union(*(files_needed_by(step) for step in seen.values()))
    needed |= _needed_by_fixed_steps(user, instance.version)
    return [file for file in files
            if file.uploaded_by_id == user.id or file.work_item_id in seen
            or "*" in needed or file.field_id in needed]


def readable_attachments(instance_id: int, user) -> list[Attachment]:
    """The files of a case this person may open, oldest first (content not loaded)."""
    files = list(db.session.scalars(select(Attachment).where(
        Attachment.instance_id == instance_id).order_by(Attachment.uploaded_at, Attachment.id)))
    return _readable(user, files, instance_id) if files else []


def attachment_for(attachment_id: int, user) -> Attachment:
    """A file, for a person who may read it (see the module's comment)."""
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFound(_l("This file does not exist."))
    if not _readable(user, [attachment], attachment.instance_id):
        raise Forbidden(_l("You may not open this file."))
    return attachment
