"""What bpmn-auto-layout needs to read a diagram as we mean it: each flow node's incoming and
outgoing flows (it walks those, and our files leave them out, as the BPMN standard allows), and
every subprocess marked expanded (it draws subprocesses expanded only when an existing shape
says so). Writes the prepared copy; the shipped file is not touched here."""

import sys

from lxml import etree

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"


def prepare(source: str, target: str) -> None:
    tree = etree.parse(source)
    root = tree.getroot()
    for old in root.findall(f"{{{BPMNDI}}}BPMNDiagram"):
        root.remove(old)
    nodes = {node.get("id"): node for node in root.iter() if isinstance(node.tag, str)}
    for flow in root.iter(f"{{{BPMN}}}sequenceFlow"):
        for end, tag in ((flow.get("sourceRef"), "outgoing"), (flow.get("targetRef"), "incoming")):
            node = nodes.get(end)
            if node is None or any(ref.text == flow.get("id")
                                   for ref in node.findall(f"{{{BPMN}}}{tag}")):
                continue
            ref = etree.Element(f"{{{BPMN}}}{tag}")
            ref.text = flow.get("id")
            # incoming/outgoing follow documentation and extensionElements, per the schema
            skip = {f"{{{BPMN}}}documentation", f"{{{BPMN}}}extensionElements",
                    f"{{{BPMN}}}incoming"}
            position = sum(1 for child in node if child.tag in skip)
            node.insert(position, ref)
    process = root.find(f"{{{BPMN}}}process")
    diagram = etree.SubElement(root, f"{{{BPMNDI}}}BPMNDiagram", id="prepared")
    plane = etree.SubElement(diagram, f"{{{BPMNDI}}}BPMNPlane", id="prepared_plane",
                             bpmnElement=process.get("id"))
    for sub in root.iter(f"{{{BPMN}}}subProcess"):
        shape = etree.SubElement(plane, f"{{{BPMNDI}}}BPMNShape", id=f"{sub.get('id')}_di",
                                 bpmnElement=sub.get("id"), isExpanded="true")
        etree.SubElement(shape, f"{{{DC}}}Bounds", x="0", y="0", width="100", height="80")
    tree.write(target, xml_declaration=True, encoding="UTF-8")


if __name__ == "__main__":
    prepare(sys.argv[1], sys.argv[2])
