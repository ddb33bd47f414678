"""Exit 0 when a diagram's BPMN DI has a shape for every flow node (lanes and pools, and
subprocesses with their content, included); else list what has none and exit 1.

    python tools/layout/coverage.py FILE.bpmn
"""

import sys

from lxml import etree

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
# What a viewer draws as a shape (flows are edges; definitions, messages, ... are not drawn).
DRAWN = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
         "boundaryEvent", "task", "userTask", "scriptTask", "serviceTask", "sendTask",
         "receiveTask", "manualTask", "businessRuleTask", "callActivity", "subProcess",
         "transaction", "exclusiveGateway", "parallelGateway", "inclusiveGateway",
         "eventBasedGateway", "complexGateway", "lane", "participant",
         "dataObjectReference", "dataStoreReference", "textAnnotation"}


def missing_shapes(path: str) -> list[str]:
    root = etree.parse(path).getroot()
    shaped = {shape.get("bpmnElement") for shape in root.iter(f"{{{BPMNDI}}}BPMNShape")}
    return [f"{etree.QName(node).localname} {node.get('id')}"
            for node in root.iter(*(f"{{{BPMN}}}{tag}" for tag in DRAWN))
            if node.get("id") not in shaped]


if __name__ == "__main__":
    missing = missing_shapes(sys.argv[1])
    for what in missing:
        print(f"{sys.argv[1]}: no shape for {what}")
    sys.exit(1 if missing else 0)
