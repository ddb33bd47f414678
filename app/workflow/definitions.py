"""Process definitions and their versions: validate, store once per content, publish."""

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import contains_eager

from app.clock import utcnow
from app.extensions import db
from app.workflow.bpmn import BpmnError, NotBpmn, as_text, one_line
from app.workflow.models import DefinitionVersion, ProcessDefinition, VersionStatus
from app.workflow.problems import inspect

MAX_REASONS = 3
SHIPPED = Path(__file__).resolve().parents[2] / "workflows" / "bpmn"


@dataclass
class Verdict:
    """`ok`: it can run. Else `refused` (not BPMN, or unreadable: nothing to keep) or a draft
    (readable BPMN that needs fixing first), with the reasons in one line."""

    filename: str
    ok: bool
    reason: str
    process_id: str | None = None
    name: str | None = None
    refused: bool = False

    @property
    def kind(self) -> str:
        return "ok" if self.ok else "refused" if self.refused else "draft"

    def line(self) -> str:
        if self.ok:
            return f"{self.filename}: OK"
        return f"{self.filename}: {self.kind}: {self.reason}"


def validate(xml: bytes | str, filename: str) -> Verdict:
    """Accepted, or the reasons the diagram cannot run here, in one line. Never raises."""
    try:
        found = inspect(xml)
    except NotBpmn as error:
        return Verdict(filename, False, str(error), refused=True)
    except (OperationalError, ProgrammingError):  # no tables yet: the file may be fine
        db.session.rollback()
        return Verdict(filename, False, str(_l(
            "cannot check its agencies, groups and roles: the database is not ready "
            "(flask --app wsgi db upgrade)")), refused=True)
    except Exception as error:  # a verdict even when a library breaks on odd input
        return Verdict(filename, False, str(_l("the engine cannot read it: %(reason)s",
                                               reason=error.__class__.__name__)))
    problems = [problem.located() for problem in found.problems]
    if problems:
        more = len(problems) - MAX_REASONS
        reason = "; ".join(problems[:MAX_REASONS]) + (
            str(_l(" (+%(n)s more)", n=more)) if more > 0 else "")
        return Verdict(filename, False, one_line(reason), found.process_id, found.name)
    return Verdict(filename, True, "OK", found.process_id, found.name)


def add_version(xml: bytes | str, filename: str, *, user=None, publish: bool = False,
                commit: bool = True):
    """Store a diagram as the next version of its process (unless the newest version already
    has this content). Returns (version, created). Raises BpmnError when it cannot run.
    Whatever the file's encoding, the version keeps its text as UTF-8."""
    text = as_text(xml)
    verdict = validate(text, filename)
    if not verdict.ok:
        raise BpmnError(verdict.reason)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    definition = db.session.scalar(
        select(ProcessDefinition).where(ProcessDefinition.key == verdict.process_id)
    )
    if definition is None:
        definition = ProcessDefinition(key=verdict.process_id, name=verdict.name)
        db.session.add(definition)
        db.session.flush()
    newest = definition.versions[-1] if definition.versions else None
    if newest is not None and newest.sha256 == sha:
        if publish and newest.status != VersionStatus.PUBLISHED.value:
            publish_version(newest, commit=commit)
        return newest, False
    number = (db.session.scalar(
        select(func.max(DefinitionVersion.number))
        .where(DefinitionVersion.definition_id == definition.id)
    ) or 0) + 1
    version = DefinitionVersion(
        definition=definition, number=number, xml=text, sha256=sha, filename=filename,
        created_by_id=getattr(user, "id", None), created_at=utcnow(),
    )
    db.session.add(version)
    definition.name = verdict.name
    if publish:
        publish_version(version, commit=False)
    if commit:
        db.session.commit()
    else:
        db.session.flush()
    return version, True


def publish_version(version: DefinitionVersion, *, commit: bool = True) -> None:
    version.status = VersionStatus.PUBLISHED.value
    version.published_at = utcnow()
    if commit:
        db.session.commit()


def published_version(key: str) -> DefinitionVersion | None:
    """The newest published version: what new instances of `key` start with."""
    return db.session.scalar(_published_query(), {"key": key})


@cache
def _published_query():
    # Built once: every start reads it, and building it costs more than running it.
    return (select(DefinitionVersion)
            .join(DefinitionVersion.definition)
            .options(contains_eager(DefinitionVersion.definition))
            .where(ProcessDefinition.key == bindparam("key"),
                   DefinitionVersion.status == VersionStatus.PUBLISHED.value)
            .order_by(DefinitionVersion.number.desc())
            .limit(1))


def newest_published_versions() -> list[DefinitionVersion]:
    """The newest published version of each process: what new instances start with."""
    newest: dict[int, DefinitionVersion] = {}
    for version in db.session.scalars(
            select(DefinitionVersion)
            .where(DefinitionVersion.status == VersionStatus.PUBLISHED.value)
            .order_by(DefinitionVersion.number)):
        newest[version.definition_id] = version
    return list(newest.values())


def sync_folder(folder: Path = SHIPPED) -> list[tuple[str, str]]:
    """Load every *.bpmn of `folder` (by default the shipped workflows/bpmn) as a new
    published version where its content changed."""
    outcomes = []
    for path in sorted(folder.glob("*.bpmn")):
        try:
            version, created = add_version(path.read_bytes(), path.name, publish=True)
        except BpmnError as error:
            outcomes.append((path.name, f"refused: {error}"))
            continue
        state = "new version" if created else "unchanged"
        outcomes.append((path.name, f"{state} {version.definition.key} v{version.number}"))
    return outcomes
