"""Which processes a person may start by hand."""

from app.auth.successions import Work
from app.workflow.assignment import matches, resolve_name
from app.workflow.definitions import newest_published_versions
from app.workflow.models import DefinitionVersion
from app.workflow.specs import diagram_for


def start_messages(version: DefinitionVersion) -> set[str]:
    """The names of the messages whose arrival starts this process (none: started by hand)."""
    names = set()
    for spec in diagram_for(version).spec.start.outputs:
        definition = getattr(spec, "event_definition", None)
        if type(definition).__name__ == "MessageEventDefinition":
            names.add(definition.name)
    return names


def may_start(user, version: DefinitionVersion) -> bool:
    diagram = diagram_for(version)
    if start_messages(version) or not diagram.startable_by_hand:
        return False
    names = [name.strip() for name in (diagram.starters or "").split(",") if name.strip()]
    if not names:
        return True
    # An ended agency named as a starter is whoever holds this process of its work now.
    work = Work(process=version.definition.key)
    return any((assignee := resolve_name(name, work)) is not None and matches(user, assignee)
               for name in names)


def startable_by(user) -> list[DefinitionVersion]:
    """The newest published version of each process `user` may start."""
    return sorted((v for v in newest_published_versions() if may_start(user, v)),
                  key=lambda v: v.definition.name)
