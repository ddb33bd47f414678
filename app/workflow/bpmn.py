"""Reading BPMN: untrusted XML parsed safely, the Camunda dialect parsed by SpiffWorkflow,
and every failure turned into one line a person can read."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from flask_babel import lazy_gettext as _l
from lxml import etree
from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnValidator, full_tag
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.camunda.parser.CamundaParser import CamundaParser
from SpiffWorkflow.camunda.parser.task_spec import CAMUNDA_MODEL_NS, UserTaskParser
from SpiffWorkflow.camunda.specs.user_task import UserTask

from app.workflow.settled_specs import settle

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
MAX_BYTES = 5 * 1024 * 1024

# DTDs are never loaded, entities never expanded, the network never reached.
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False, remove_blank_text=False,
)

# Camunda attributes of a user task that SpiffWorkflow ignores but the app uses.
USER_TASK_ATTRIBUTES = ("candidateGroups", "candidateUsers", "assignee", "dueDate")


class BpmnError(ValueError):
    """A diagram that cannot run, with the reason in one line, in the reader's language, and
    the element it is about where one is to blame."""

    def __init__(self, reason, element_id: str | None = None, line: int | None = None) -> None:
        super().__init__(str(reason))
        self.element_id, self.line = element_id, line
        self.problem: Problem | None = None  # the reason without its place, when known

    @classmethod
    def of(cls, found: "Problem") -> "BpmnError":
        error = cls(found.located(), found.element_id, found.line)
        error.problem = found
        return error


class NotBpmn(BpmnError):
    """Not a BPMN document at all (not well-formed XML, another kind of document, a DTD, too
    large): refused, never kept as a draft."""


@dataclass(frozen=True)
class Problem:
    """One reason a diagram cannot run: the element it is about (None for the whole
    document), what is wrong in the reader's language, and the element's line in the file."""

    element_id: str | None
    message: str
    line: int | None = None

    def located(self) -> str:
        if self.element_id is None:
            return self.message
        if self.line is None:
            return str(_l("%(reason)s (element %(id)s)", reason=self.message, id=self.element_id))
        return str(_l("%(reason)s (element %(id)s, line %(line)s)", reason=self.message,
                      id=self.element_id, line=self.line))

    def as_dict(self) -> dict:
        return {"element_id": self.element_id, "message": self.message, "line": self.line}


class _UserTaskParser(UserTaskParser):
    def parse_extensions(self, node=None):
        extensions = super().parse_extensions(node)
        for attribute in USER_TASK_ATTRIBUTES:
            value = self.node.get(f"{{{CAMUNDA_MODEL_NS}}}{attribute}")
            if value:
                extensions[attribute] = value.strip()
        return extensions


class AppParser(CamundaParser):
    OVERRIDE_PARSER_CLASSES = {
        **CamundaParser.OVERRIDE_PARSER_CLASSES,
        full_tag("userTask"): (_UserTaskParser, UserTask),
    }


class _SchemaValidator(BpmnValidator):
    """BPMN 2.0's schema, its verdict in the admin's language: where it fails (the element
    and its line), not lxml's English."""

    def validate(self, bpmn, filename=None):
        self.preprocess(bpmn)
        if self.validator.validate(bpmn):
            return
        error = self.validator.error_log.last_error
        element = (error.path or "").rsplit("/", 1)[-1].split(":")[-1].split("[")[0]
        raise BpmnError(_l("does not follow the BPMN 2.0 schema at element '%(element)s' "
                           "(line %(line)s)", element=element or "?", line=error.line),
                        _nearest_id(bpmn, error.line), error.line)


def _nearest_id(tree, line: int) -> str | None:
    """The id of the element at `line`, or of the nearest enclosing element that has one."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    node = next((n for n in root.iter() if n.sourceline == line), None)
    while node is not None and (not isinstance(node.tag, str) or node.get("id") is None):
        node = node.getparent()
    return node.get("id") if node is not None else None


@lru_cache(maxsize=1)
def _schema_validator() -> BpmnValidator:
    return _SchemaValidator()


@dataclass
class ParsedDiagram:
    process_id: str
    name: str
    spec: object
    subprocess_specs: dict
    tree: object = field(repr=False)
    starters: str | None = None  # camunda:candidateStarterGroups: who may start it by hand
    catches_messages: bool = False  # whether any event waits for a message
    # camunda:isStartableInTasklist="false": only the application starts it (a launch page)
    startable_by_hand: bool = True
    # Whether it throws or catches messages at all: a message names its sender by id, so an
    # instance of such a process is written before it runs (operations.start_process).
    uses_messages: bool = False


_ELEMENT_REPR = re.compile(r"<Element \{[^}]*\}(\w+) at 0x[0-9a-f]+>")
UNSUPPORTED = {
    "businessRuleTask": _l("business rule tasks (DMN decisions) are not supported"),
    "complexGateway": _l("complex gateways are not supported"),
}


def one_line(text) -> str:
    """Collapse whitespace and object addresses: a reason fits on one line."""
    text = _ELEMENT_REPR.sub(r"<\1>", " ".join(str(text).split()))
    return text.rstrip(".")[:300]


def _one_line(error: Exception) -> str:
    return one_line(getattr(error, "message", None) or str(error) or error.__class__.__name__)


def problem(reason, tree, element_id: str | None) -> Problem:
    """The reason tied to its element and the element's line in the file."""
    node = None
    if element_id and tree is not None:
        node = next(iter(tree.xpath("//*[@id=$id]", id=element_id)), None)
    return Problem(element_id or None, str(reason),
                   node.sourceline if node is not None else None)


def located(reason: str, tree, element_id: str | None) -> str:
    """The reason, followed by the element it is about and its line in the file."""
    return problem(reason, tree, element_id).located()


_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def as_text(xml: bytes | str) -> str:
    """The document as text whose declaration says UTF-8, whatever encoding the file was in
    (UTF-16 with its byte order mark, ISO-8859-1, ...): stored and parsed the same way after.
    Raises NotBpmn when the bytes are not XML."""
    if isinstance(xml, str):
        text = xml
    else:
        root = safe_tree(xml)
        encoding = root.getroottree().docinfo.encoding or "utf-8"
        try:
            text = xml.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            raise NotBpmn(_l("the file's characters do not match its encoding (%(encoding)s)",
                             encoding=encoding)) from None
    text = text.lstrip("\ufeff")
    if _DECLARATION.match(text):
        text = _DECLARATION.sub('<?xml version="1.0" encoding="UTF-8"?>', text, count=1)
    return text


def safe_tree(xml: bytes | str):
    """Parse untrusted XML: no DTD, no entities, no network; only a BPMN 2.0 document."""
    # Text is stored UTF-8, whatever its declaration said: as_text keeps them in step.
    data = as_text(xml).encode("utf-8") if isinstance(xml, str) else xml
    if len(data) > MAX_BYTES:
        raise NotBpmn(_l("the file is larger than %(n)s MB", n=MAX_BYTES // 1024 // 1024))
    try:
        root = etree.fromstring(data, _XML_PARSER)
    except etree.XMLSyntaxError as error:
        line, column = error.position  # lxml's words are English: say where, not what
        raise NotBpmn(_l("not well-formed XML (line %(line)s, column %(column)s)",
                           line=line, column=column)) from None
    if root is None:
        raise NotBpmn(_l("empty document"))
    if root.getroottree().docinfo.doctype:
        raise NotBpmn(_l("documents with a DOCTYPE (DTDs, entities) are refused"))
    if root.tag != f"{{{BPMN_NS}}}definitions":
        raise NotBpmn(_l("not a BPMN 2.0 document (root element %(tag)s)",
                           tag=etree.QName(root).localname))
    return root


def unsupported(root) -> list[Problem]:
    """The elements the engine cannot parse at all (each is a reason of its own)."""
    return [problem(reason, root, node.get("id"))
            for tag, reason in UNSUPPORTED.items()
            for node in root.iter(f"{{{BPMN_NS}}}{tag}")]


def _executable_process_id(parser: AppParser, root) -> str:
    processes = root.findall(f"{{{BPMN_NS}}}process")
    if not processes:
        raise BpmnError(_l("the document defines no process"))
    executable = [p for p in processes if p.get("isExecutable") == "true"]
    candidates = executable or (processes if len(processes) == 1 else [])
    if len(candidates) != 1:
        raise BpmnError(_l(
            "the document has several processes and not exactly one is marked executable"))
    return candidates[0].get("id")


def parse_diagram(xml: bytes | str, filename: str = "diagram.bpmn") -> ParsedDiagram:
    """Parse a diagram into the spec SpiffWorkflow runs, or raise BpmnError."""
    root = safe_tree(xml)
    blocked = unsupported(root)
    if blocked:
        raise BpmnError.of(blocked[0])
    parser = AppParser(validator=_schema_validator())
    try:
        parser.add_bpmn_xml(root, filename)
        process_id = _executable_process_id(parser, root)
        spec = parser.get_spec(process_id)
        subprocess_specs = parser.get_subprocess_specs(process_id)
        for process_spec in (spec, *subprocess_specs.values()):
            settle(process_spec)
    except BpmnError:
        raise
    except ValidationException as error:  # the engine's own words, with where they apply
        found = problem(_l("the engine refuses it: %(reason)s", reason=_one_line(error)),
                        root, getattr(error, "id", None))
        raise BpmnError.of(found) from None
    except Exception as error:  # the library's own failures are still a verdict
        raise BpmnError(_l("the engine cannot read it: %(reason)s",
                           reason=_one_line(error))) from None
    process = root.find(f"{{{BPMN_NS}}}process[@id='{process_id}']")
    name = (process.get("name") if process is not None else None) or process_id
    attributes = process.attrib if process is not None else {}
    starters = attributes.get(f"{{{CAMUNDA_MODEL_NS}}}candidateStarterGroups")
    by_hand = attributes.get(f"{{{CAMUNDA_MODEL_NS}}}isStartableInTasklist", "true") != "false"
    catches = next(root.iter(f"{{{BPMN_NS}}}receiveTask"), None) is not None or any(
        node.find(f"{{{BPMN_NS}}}messageEventDefinition") is not None
        for tag in ("intermediateCatchEvent", "boundaryEvent", "startEvent")
        for node in root.iter(f"{{{BPMN_NS}}}{tag}")
    )
    uses_messages = catches or any(
        next(root.iter(f"{{{BPMN_NS}}}{tag}"), None) is not None
        for tag in ("messageEventDefinition", "sendTask", "receiveTask"))
    return ParsedDiagram(process_id, name, spec, subprocess_specs, root, starters, catches,
                         by_hand, uses_messages)
