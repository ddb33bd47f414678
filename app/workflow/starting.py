"""Which processes a person may start by hand."""

from sqlalchemy import select

from app.extensions import db
from app.workflow.assignment import matches, resolve_name
from app.workflow.models import DefinitionVersion, VersionStatus
from app.workflow.specs import diagram_for


def _starts_by_message(diagram) -> bool:
    return any(type(getattr(spec, "event_definition", None)).__name__ ==
               "MessageEventDefinition" for spec in diagram.spec.start.outputs)


def may_start(user, version: DefinitionVersion) -> bool:
    diagram = diagram_for(version)
    if _starts_by_message(diagram):
        return False
    names = [name.strip() for name in (diagram.starters or "").split(",") if name.strip()]
    if not names:
        return True
    return any((assignee := resolve_name(name)) is not None and matches(user, assignee)
               for name in names)


def startable_by(user) -> list[DefinitionVersion]:
    """The newest published version of each process `user` may start."""
    newest: dict[int, DefinitionVersion] = {}
    for version in db.session.scalars(select(DefinitionVersion).where(
            DefinitionVersion.status == VersionStatus.PUBLISHED.value)
            .order_by(DefinitionVersion.number)):
        newest[version.definition_id] = version
    return sorted((v for v in newest.values() if may_start(user, v)),
                  key=lambda v: v.definition.name)
