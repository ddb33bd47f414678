"""Every reason a diagram cannot run here, tied to element ids, for drafts and for the
`validate` command. It asks what validate has always asked (the safe reader, SpiffWorkflow's
parser, rules.check); it only keeps going where one answer would hide the others."""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from app.workflow import rules
from app.workflow.bpmn import (
    BPMN_NS,
    BpmnError,
    NotBpmn,
    Problem,
    parse_diagram,
    problem,
    safe_tree,
    unsupported,
)


class KeyNeeded(BpmnError):
    """The document has no executable process or several: the admin says which one it is."""

    def __init__(self, candidates: list[str]):
        self.candidates = candidates
        if not candidates:
            super().__init__(_l("the document defines no process"))
            return
        super().__init__(_l("Say which process of the file this is: not exactly one of its "
                            "processes is marked executable (%(ids)s).",
                            ids=", ".join(candidates)))


@dataclass
class Inspection:
    """What reading a diagram found: its process (when one is clear) and its problems."""

    process_id: str | None
    name: str | None
    problems: list[Problem] = field(default_factory=list)
    diagram: object = None


def processes_of(root) -> list:
    return root.findall(f"{{{BPMN_NS}}}process")


def _is_executable(process) -> bool:
    return process.get("isExecutable") == "true"


def key_of(root) -> str:
    """The key a document's own process gives it, or KeyNeeded with the candidates."""
    processes = processes_of(root)
    executable = [p for p in processes if _is_executable(p)]
    chosen = executable if executable else processes
    if len(chosen) == 1:
        return chosen[0].get("id")
    raise KeyNeeded([p.get("id") for p in processes])


def _choice_problems(root, key: str | None) -> list[Problem]:
    """Which process runs: with a key, that one, marked executable, and no other; without,
    exactly one marked executable."""
    processes = processes_of(root)
    ids = ", ".join(p.get("id") or "?" for p in processes)
    if not processes:
        return [Problem(None, str(_l("the document defines no process")))]
    if key is None:
        return []  # the parser says it, in the words validate has always used
    chosen = next((p for p in processes if p.get("id") == key), None)
    if chosen is None:
        return [Problem(None, str(_l("no process has the id '%(key)s' (its processes: %(ids)s)",
                                     key=key, ids=ids)))]
    found = []
    if not _is_executable(chosen):
        found.append(problem(_l("process '%(name)s' is not marked executable",
                                name=chosen.get("name") or key), root, key))
    found += [problem(_l("only the process '%(key)s' may be marked executable", key=key),
                      root, other.get("id"))
              for other in processes if other is not chosen and _is_executable(other)]
    return found


def inspect(xml: bytes | str, key: str | None = None) -> Inspection:
    """Read a diagram and list every reason it cannot run. Raises NotBpmn when it is no BPMN
    document at all; any other failure is a problem of the diagram."""
    root = safe_tree(xml)
    found = unsupported(root) + _choice_problems(root, key)
    if found:
        return Inspection(key, None, found)
    try:
        diagram = parse_diagram(xml)
    except NotBpmn:
        raise
    except BpmnError as error:
        return Inspection(key, None, [error.problem or Problem(error.element_id, str(error),
                                                               error.line)])
    return Inspection(diagram.process_id, diagram.name, rules.problems_of(diagram), diagram)


def draft_problems(xml: bytes | str, key: str | None = None) -> list[Problem]:
    """Every reason the server would refuse to run this diagram, each tied to the element it
    is about (None for the whole document), in the reader's language; empty when it can run.
    With `key`, the process of that id is the one that must run. A document that is not BPMN
    at all answers one problem with no element."""
    try:
        return inspect(xml, key).problems
    except NotBpmn as error:
        return [Problem(None, str(error))]
