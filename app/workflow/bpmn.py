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
    """A diagram that cannot run, with the reason in one line, in the reader's language."""

    def __init__(self, reason) -> None:
        super().__init__(str(reason))


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
                           "(line %(line)s)", element=element or "?", line=error.line))


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


def located(reason: str, tree, element_id: str | None) -> str:
    """The reason, followed by the element it is about and its line in the file."""
    node = None
    if element_id and tree is not None:
        node = next(iter(tree.xpath("//*[@id=$id]", id=element_id)), None)
    if node is None:
        return reason if not element_id else str(
            _l("%(reason)s (element %(id)s)", reason=reason, id=element_id))
    return str(_l("%(reason)s (element %(id)s, line %(line)s)", reason=reason, id=element_id,
                  line=node.sourceline))


def safe_tree(xml: bytes | str):
    """Parse untrusted XML: no DTD, no entities, no network; only a BPMN 2.0 document."""
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    if len(data) > MAX_BYTES:
        raise BpmnError(_l("the file is larger than %(n)s MB", n=MAX_BYTES // 1024 // 1024))
    try:
        root = etree.fromstring(data, _XML_PARSER)
    except etree.XMLSyntaxError as error:
        line, column = error.position  # lxml's words are English: say where, not what
        raise BpmnError(_l("not well-formed XML (line %(line)s, column %(column)s)",
                           line=line, column=column)) from None
    if root is None:
        raise BpmnError(_l("empty document"))
    if root.getroottree().docinfo.doctype:
        raise BpmnError(_l("documents with a DOCTYPE (DTDs, entities) are refused"))
    if root.tag != f"{{{BPMN_NS}}}definitions":
        raise BpmnError(_l("not a BPMN 2.0 document (root element %(tag)s)",
                           tag=etree.QName(root).localname))
    for tag, reason in UNSUPPORTED.items():
        node = next(root.iter(f"{{{BPMN_NS}}}{tag}"), None)
        if node is not None:
            raise BpmnError(located(str(reason), root, node.get("id")))
    return root


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
        raise BpmnError(located(str(_l("the engine refuses it: %(reason)s",
                                       reason=_one_line(error))),
                                root, getattr(error, "id", None))) from None
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
    return ParsedDiagram(process_id, name, spec, subprocess_specs, root, starters, catches,
                         by_hand)
