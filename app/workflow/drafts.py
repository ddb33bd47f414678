"""Drafts: diagrams admins edit in the browser or import, kept as saved even when they cannot
run yet, and published as a version once nothing stands in the way, with the reason recorded.

A draft takes a path of its own beside add_version, which refuses what cannot run: a save
never loses the admin's work, and only publishing asks that the diagram run."""

from dataclasses import dataclass
from datetime import UTC

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from app.clock import LOCAL_TZ, utcnow
from app.extensions import db
from app.workflow.bpmn import Problem, as_text, safe_tree
from app.workflow.definitions import add_version
from app.workflow.errors import Conflict, NotFound, WorkflowError
from app.workflow.models import (
    DefinitionVersion,
    DraftStatus,
    ProcessAmendment,
    ProcessDefinition,
    ProcessDraft,
)
from app.workflow.problems import inspect, key_of

MAX_KEY = 100


@dataclass
class DraftResult:
    """A saved draft (id, key, revision, saved_by, saved_at, ...) and its problems."""

    draft: ProcessDraft
    problems: list[Problem]

    def as_dict(self) -> dict:
        return {**draft_dict(self.draft),
                "problems": [problem.as_dict() for problem in self.problems]}


def _shown(when) -> str:
    return when.replace(tzinfo=UTC).astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y")


def draft_dict(draft: ProcessDraft) -> dict:
    return {"id": draft.id, "key": draft.key, "name": draft.name, "revision": draft.revision,
            "status": draft.status, "filename": draft.filename,
            "saved_by": draft.saved_by.full_name if draft.saved_by else None,
            "saved_at": draft.saved_at.isoformat() + "Z", "problem_count": draft.problem_count,
            "based_on_version_id": draft.based_on_version_id,
            "published_version_id": draft.published_version_id}


class DraftConflict(Conflict):
    """Someone else saved (or published, or discarded) this draft after the revision the
    save was based on: nothing was saved. `saved_by`, `saved_at`, `revision`: theirs."""

    def __init__(self, draft: ProcessDraft):
        self.draft_id, self.revision, self.status = draft.id, draft.revision, draft.status
        self.saved_by = draft.saved_by.full_name if draft.saved_by else "?"
        self.saved_at = draft.saved_at
        when = _shown(draft.saved_at)
        if draft.status == DraftStatus.PUBLISHED.value:
            message = _l("%(who)s published this draft at %(when)s: nothing was saved. Open "
                         "the published version to change it again.", who=self.saved_by,
                         when=when)
        elif draft.status == DraftStatus.DISCARDED.value:
            message = _l("%(who)s discarded this draft at %(when)s: nothing was saved.",
                         who=self.saved_by, when=when)
        else:
            message = _l("%(who)s saved this draft at %(when)s (revision %(n)s), after the "
                         "one you edited: nothing was saved. Open their revision and make "
                         "your change again.", who=self.saved_by, when=when, n=draft.revision)
        super().__init__(message)

    def as_dict(self) -> dict:
        return {"error": str(self), "draft_id": self.draft_id, "revision": self.revision,
                "status": self.status, "saved_by": self.saved_by,
                "saved_at": self.saved_at.isoformat() + "Z"}


class DraftHasProblems(WorkflowError):
    """Publishing refused: the draft cannot run yet. `problems`: why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(_l("The draft cannot be published until its %(n)s problem(s) are "
                            "fixed.", n=len(problems)))


def _clean_key(key: str | None) -> str | None:
    key = (key or "").strip()
    if not key:
        return None
    if len(key) > MAX_KEY or any(c.isspace() for c in key):
        raise WorkflowError(_l("A process key is one word of at most %(n)s characters.",
                               n=MAX_KEY))
    return key


def _open_draft(key: str) -> ProcessDraft | None:
    return db.session.scalar(select(ProcessDraft).where(
        ProcessDraft.key == key, ProcessDraft.status == DraftStatus.OPEN.value))


def _latest_draft(key: str) -> ProcessDraft | None:
    return db.session.scalar(select(ProcessDraft).where(ProcessDraft.key == key)
                             .order_by(ProcessDraft.id.desc()).limit(1))


def save_draft(key: str | None, xml: bytes | str, *, user,
               based_on_draft_revision: int | None = None, filename: str | None = None,
               from_version_id: int | None = None) -> DraftResult:
    """Save `xml` as the open draft of process `key` (None: the key its executable process
    gives; KeyNeeded, with the candidate process ids, when it has none or several), kept
    whatever its problems, and return it with them.

    `based_on_draft_revision`: the revision the admin edited; None to start a new draft (from
    a version, `from_version_id`, or a file). A save based on another revision than the
    draft's current one, or a new draft where one is open, is refused with DraftConflict
    (who saved, when): nothing is overwritten. Not BPMN at all: NotBpmn, nothing saved."""
    text = as_text(xml)
    root = safe_tree(text)
    key = _clean_key(key) or key_of(root)
    found = inspect(text, key)
    draft = _open_draft(key)
    if draft is not None and draft.revision != based_on_draft_revision:
        raise DraftConflict(draft)
    if draft is None and based_on_draft_revision is not None:
        gone = _latest_draft(key)
        if gone is not None:
            raise DraftConflict(gone)
    now = utcnow()
    if draft is None:
        draft = ProcessDraft(key=key, created_by_id=user.id, created_at=now,
                             based_on_version_id=from_version_id)
        db.session.add(draft)
    draft.xml, draft.name = text, found.name or draft.name or key
    draft.filename = filename or draft.filename or f"{key}.bpmn"
    draft.saved_by_id, draft.saved_at = user.id, now
    draft.problem_count = len(found.problems)
    _commit(key)
    return DraftResult(draft, found.problems)


def _commit(key: str) -> None:
    try:
        db.session.commit()
    except (StaleDataError, IntegrityError):  # another save of this draft came first
        db.session.rollback()
        raise DraftConflict(_open_draft(key) or _latest_draft(key)) from None


def get_draft(draft_id: int) -> ProcessDraft:
    draft = db.session.get(ProcessDraft, draft_id)
    if draft is None:
        raise NotFound(_l("This draft does not exist."))
    return draft


def draft_result(draft_id: int) -> DraftResult:
    """A draft as the editor opens it: its XML and its problems as of now."""
    draft = get_draft(draft_id)
    return DraftResult(draft, inspect(draft.xml, draft.key).problems)


def publish_draft(draft_id: int, *, reason: str, user,
                  based_on_draft_revision: int | None = None) -> DefinitionVersion:
    """Publish a draft without problems as the next version of its process (new instances
    start with it), recording who, when, why and which version in the process's amendment
    history. Refused (DraftHasProblems) while problems remain, without a reason, and
    (DraftConflict) when the draft changed after `based_on_draft_revision` or is not open."""
    draft = get_draft(draft_id)
    reason = " ".join((reason or "").split())
    if not reason:
        raise WorkflowError(_l("Say why the process is amended."))
    if draft.status != DraftStatus.OPEN.value or (
            based_on_draft_revision is not None and draft.revision != based_on_draft_revision):
        raise DraftConflict(draft)
    problems = inspect(draft.xml, draft.key).problems
    if problems:
        raise DraftHasProblems(problems)
    version, _created = add_version(draft.xml, draft.filename, user=user, publish=True,
                                    commit=False)
    draft.status = DraftStatus.PUBLISHED.value
    draft.published_version_id = version.id
    draft.saved_by_id, draft.saved_at = user.id, utcnow()
    db.session.add(ProcessAmendment(definition_id=version.definition_id, version_id=version.id,
                                    draft_id=draft.id, actor_id=user.id, at=utcnow(),
                                    reason=reason))
    _commit(draft.key)
    return version


def discard_draft(draft_id: int, *, user, based_on_draft_revision: int | None = None) -> None:
    """Set an open draft aside (kept, no longer open): a new draft of its process may start."""
    draft = get_draft(draft_id)
    if draft.status != DraftStatus.OPEN.value or (
            based_on_draft_revision is not None and draft.revision != based_on_draft_revision):
        raise DraftConflict(draft)
    draft.status = DraftStatus.DISCARDED.value
    draft.saved_by_id, draft.saved_at = user.id, utcnow()
    _commit(draft.key)


def drafts(key: str) -> list[ProcessDraft]:
    """The drafts of a process, newest first (the open one, then those published or set
    aside)."""
    return list(db.session.scalars(select(ProcessDraft).where(ProcessDraft.key == key)
                                   .order_by(ProcessDraft.id.desc())))


def open_drafts() -> list[ProcessDraft]:
    """Every process's open draft, the last saved first: those of processes never published
    too, which have no version to be listed under."""
    return list(db.session.scalars(select(ProcessDraft)
                                   .where(ProcessDraft.status == DraftStatus.OPEN.value)
                                   .order_by(ProcessDraft.saved_at.desc(), ProcessDraft.id.desc())))


def amendments(key: str) -> list[ProcessAmendment]:
    """The process's amendment history, newest first: who published which version, when,
    why."""
    return list(db.session.scalars(
        select(ProcessAmendment).join(ProcessAmendment.definition)
        .where(ProcessDefinition.key == key)
        .order_by(ProcessAmendment.at.desc(), ProcessAmendment.id.desc())))


def version_xml(version_id: int) -> str:
    """The BPMN text of a version, as stored (UTF-8)."""
    version = db.session.get(DefinitionVersion, version_id)
    if version is None:
        raise NotFound(_l("This version does not exist."))
    return version.xml
