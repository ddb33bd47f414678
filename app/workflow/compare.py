"""Two versions of a process compared element by element: which elements the newer one adds,
removes and changes, by id, with their type and name, for the admin to list and colour on
the diagram. The layout (BPMN DI) is not compared: moving a shape changes nothing that runs."""

import copy
import re
from dataclasses import asdict, dataclass, field

from flask_babel import lazy_gettext as _l
from lxml import etree

from app.extensions import db
from app.workflow.bpmn import BPMN_NS, safe_tree
from app.workflow.errors import NotFound, WorkflowError
from app.workflow.models import DefinitionVersion


@dataclass
class Element:
    id: str
    type: str  # the BPMN element's name: userTask, sequenceFlow, lane, ...
    name: str | None


@dataclass
class ChangedElement(Element):
    what: list[str] = field(default_factory=list)  # its attributes or parts that differ


@dataclass
class Comparison:
    a_id: int
    b_id: int
    added: list[Element]
    removed: list[Element]
    changed: list[ChangedElement]

    def as_dict(self) -> dict:
        return asdict(self)


# A node's incoming and outgoing flows repeat what the flows say (their sourceRef and
# targetRef, compared on the flows themselves); bpmn-js writes them, other tools may not.
DERIVED = {"incoming", "outgoing"}
BETWEEN_TAGS = re.compile(r">\s+<")


def _in_tag_order(part):
    """A copy of `part` whose children are grouped by tag at every level, keeping the order
    among those of one tag (form fields, an enum's values): editors write a field's
    validation before or after its values, which changes nothing."""
    part = copy.deepcopy(part)
    for node in list(part.iter()):
        children = [c for c in node if isinstance(c.tag, str)]
        if len(children) > 1:
            for c in children:
                node.remove(c)
            node.extend(sorted(children, key=lambda c: c.tag))
    return part


def _own(node) -> dict[str, str]:
    """What an element says by itself: its attributes and its parts without ids of their own
    (documentation, conditions, extension elements, flow node references), as text; the
    indentation between tags, which editors write each their own way, left out."""
    own = {etree.QName(key).localname: value for key, value in node.attrib.items()
           if key != "id"}
    for child in node:
        if not isinstance(child.tag, str) or child.get("id") is not None:
            continue
        part = etree.QName(child).localname
        if part in DERIVED:
            continue
        text = etree.tostring(_in_tag_order(child), method="c14n",
                              exclusive=True).decode("utf-8")
        own[part] = own.get(part, "") + " ".join(BETWEEN_TAGS.sub("><", text).split())
    return own


def elements_of(xml: str) -> dict[str, tuple[Element, dict]]:
    root = safe_tree(xml)
    found = {}
    for node in root.iter(f"{{{BPMN_NS}}}*"):
        element_id = node.get("id")
        if element_id is None or node is root:
            continue
        element = Element(element_id, etree.QName(node).localname, node.get("name"))
        found[element_id] = (element, _own(node))
    return found


def compare_xml(a_xml: str, b_xml: str, a_id: int = 0, b_id: int = 0) -> Comparison:
    a, b = elements_of(a_xml), elements_of(b_xml)
    changed = []
    for element_id in a.keys() & b.keys():
        (old, old_own), (new, new_own) = a[element_id], b[element_id]
        what = sorted(key for key in old_own.keys() | new_own.keys()
                      if old_own.get(key) != new_own.get(key))
        if old.type != new.type:
            what = ["type", *what]
        if what:
            changed.append(ChangedElement(new.id, new.type, new.name, what))
    return Comparison(
        a_id, b_id,
        added=sorted((b[i][0] for i in b.keys() - a.keys()), key=lambda e: e.id),
        removed=sorted((a[i][0] for i in a.keys() - b.keys()), key=lambda e: e.id),
        changed=sorted(changed, key=lambda e: e.id))


def compare_versions(a_id: int, b_id: int) -> Comparison:
    """What version b adds, removes and changes against version a (both of one process)."""
    a, b = db.session.get(DefinitionVersion, a_id), db.session.get(DefinitionVersion, b_id)
    if a is None or b is None:
        raise NotFound(_l("This version does not exist."))
    if a.definition_id != b.definition_id:
        raise WorkflowError(_l("Only two versions of one process can be compared."))
    return compare_xml(a.xml, b.xml, a.id, b.id)


def compare_draft(draft_id: int, version_id: int | None = None) -> Comparison:
    """What a draft adds, removes and changes against a version: the one given, else the one
    it was opened from, else its process's newest published one (a_id: that version, b_id:
    0). A draft of a new process is all added."""
    from app.workflow.definitions import published_version
    from app.workflow.drafts import get_draft

    draft = get_draft(draft_id)
    base = (db.session.get(DefinitionVersion, version_id or draft.based_on_version_id)
            if (version_id or draft.based_on_version_id) else published_version(draft.key))
    if base is None:
        if version_id:
            raise NotFound(_l("This version does not exist."))
        return Comparison(0, 0, added=sorted((e for e, _own in elements_of(draft.xml).values()),
                                             key=lambda e: e.id), removed=[], changed=[])
    return compare_xml(base.xml, draft.xml, base.id, 0)
