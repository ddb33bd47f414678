"""Exit 0 when two BPMN files differ only in their drawing (BPMN DI): everything outside
<bpmndi:BPMNDiagram> is byte for byte the same.

    python tools/layout/same_process.py BEFORE.bpmn AFTER.bpmn
"""

import re
import sys

DIAGRAM = re.compile(r"\s*<bpmndi:BPMNDiagram\b.*</bpmndi:BPMNDiagram>", flags=re.S)


def without_drawing(text: str) -> str:
    return DIAGRAM.sub("", text)


def same_process(before: str, after: str) -> bool:
    return without_drawing(before) == without_drawing(after)


if __name__ == "__main__":
    texts = []
    for path in sys.argv[1:3]:
        with open(path, encoding="utf-8") as source:
            texts.append(source.read())
    if not same_process(*texts):
        print(f"{sys.argv[2]}: the process differs from {sys.argv[1]}, not only its drawing")
        sys.exit(1)
