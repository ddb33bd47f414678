"""Give a shipped diagram the layout bpmn-auto-layout made for it: its BPMN DI (shapes and
edges) replaces the file's, and nothing else of the file changes (the process itself stays
byte for byte). bpmn-auto-layout ignores lanes: where the process has lanes, each lane's
nodes are moved into a band of their own, the bands stacked under a pool, and the flows that
cross bands redrawn.

    python tools/layout/finish.py SHIPPED.bpmn LAID_OUT.bpmn
"""

import re
import sys

from lxml import etree

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
NSMAP = {"bpmndi": BPMNDI, "dc": DC, "di": DI}
LANE_PAD = 40  # above and below a lane's nodes
POOL_HEADER = 30  # the pool's and each lane's name, written sideways on the left


def _bounds(shape):
    return shape.find(f"{{{DC}}}Bounds")


def _box(shape) -> tuple[float, float, float, float]:
    b = _bounds(shape)
    return (float(b.get("x")), float(b.get("y")), float(b.get("width")),
            float(b.get("height")))


def _set(shape, x=None, y=None, width=None, height=None) -> None:
    b = _bounds(shape)
    for key, value in (("x", x), ("y", y), ("width", width), ("height", height)):
        if value is not None:
            b.set(key, f"{value:g}")


def _shape(plane, element_id, box, **attributes):
    shape = etree.SubElement(plane, f"{{{BPMNDI}}}BPMNShape", id=f"{element_id}_di",
                             bpmnElement=element_id, **attributes)
    etree.SubElement(shape, f"{{{DC}}}Bounds", x=f"{box[0]:g}", y=f"{box[1]:g}",
                     width=f"{box[2]:g}", height=f"{box[3]:g}")
    return shape


def _route(edge, source, target) -> None:
    """Right side of the source to the left side of the target, at right angles."""
    for old in edge.findall(f"{{{DI}}}waypoint"):
        edge.remove(old)
    sx, sy, sw, sh = source
    tx, ty, tw, th = target
    start, end = (sx + sw, sy + sh / 2), (tx, ty + th / 2)
    if end[0] < start[0]:  # backwards: leave from below, come in from below
        start, end = (sx + sw / 2, sy + sh), (tx + tw / 2, ty + th)
        low = max(start[1], end[1]) + 20
        points = [start, (start[0], low), (end[0], low), end]
    elif start[1] == end[1]:
        points = [start, end]
    else:
        middle = (start[0] + end[0]) / 2
        points = [start, (middle, start[1]), (middle, end[1]), end]
    for x, y in points:
        etree.SubElement(edge, f"{{{DI}}}waypoint", x=f"{x:g}", y=f"{y:g}")


def place_lanes(shipped_root, plane) -> None:
    """Move each lane's nodes into a band of its own and draw the pool and the lanes."""
    process = shipped_root.find(f"{{{BPMN}}}process")
    lanes = process.findall(f".//{{{BPMN}}}lane")
    if not lanes:
        return
    shapes = {s.get("bpmnElement"): s for s in plane.findall(f"{{{BPMNDI}}}BPMNShape")}
    hosts = {node.get("id"): node.get("attachedToRef")
             for node in process.iter(f"{{{BPMN}}}boundaryEvent")}
    lane_of = {}
    for lane in lanes:
        for ref in lane.findall(f"{{{BPMN}}}flowNodeRef"):
            lane_of[ref.text.strip()] = lane.get("id")
    first = lanes[0].get("id")
    members: dict[str, list[str]] = {lane.get("id"): [] for lane in lanes}
    for element_id in shapes:
        if element_id in hosts:
            continue  # a boundary event moves with its host
        if process.find(f".//*[@id='{element_id}']") is None:
            continue
        members[lane_of.get(element_id, first)].append(element_id)
    left = min(_box(s)[0] for s in shapes.values()) - POOL_HEADER * 2 - 20
    right = max(_box(s)[0] + _box(s)[2] for s in shapes.values()) + 40
    top, bands, moved = 0.0, {}, {}
    for lane in lanes:
        ids = members[lane.get("id")]
        boxes = [_box(shapes[i]) for i in ids]
        low = min((b[1] for b in boxes), default=0)
        high = max((b[1] + b[3] for b in boxes), default=low + 80)
        for element_id in ids:
            moved[element_id] = top + LANE_PAD - low
        bands[lane.get("id")] = (top, high - low + 2 * LANE_PAD)
        top += bands[lane.get("id")][1]
    for element_id, shape in shapes.items():
        shift = moved.get(hosts.get(element_id, element_id))
        if shift is not None:
            _set(shape, y=_box(shape)[1] + shift)
            label = shape.find(f"{{{BPMNDI}}}BPMNLabel")
            if label is not None:
                shape.remove(label)
    for edge in plane.findall(f"{{{BPMNDI}}}BPMNEdge"):
        flow = process.find(f".//*[@id='{edge.get('bpmnElement')}']")
        if flow is None or flow.get("sourceRef") not in shapes:
            continue
        _route(edge, _box(shapes[flow.get("sourceRef")]), _box(shapes[flow.get("targetRef")]))
        label = edge.find(f"{{{BPMNDI}}}BPMNLabel")
        if label is not None:
            edge.remove(label)
    participant = shipped_root.find(
        f"{{{BPMN}}}collaboration/{{{BPMN}}}participant[@processRef='{process.get('id')}']")
    if participant is not None:
        plane.set("bpmnElement", participant.getparent().get("id"))
        _shape(plane, participant.get("id"), (left, 0, right - left, top), isHorizontal="true")
    for lane in lanes:
        band_top, height = bands[lane.get("id")]
        _shape(plane, lane.get("id"), (left + POOL_HEADER, band_top,
                                       right - left - POOL_HEADER, height),
               isHorizontal="true")
    containers = [s for s in plane if s.get("bpmnElement") in bands
                  or (participant is not None and s.get("bpmnElement") == participant.get("id"))]
    for shape in reversed(containers):
        plane.remove(shape)
        plane.insert(0, shape)  # the pool, then its lanes, first: drawn under the nodes


def finish(shipped: str, laid_out: str) -> None:
    with open(shipped, encoding="utf-8") as source:
        text = source.read()
    shipped_root = etree.fromstring(text.encode("utf-8"))
    laid = etree.parse(laid_out).getroot()
    diagram = laid.find(f"{{{BPMNDI}}}BPMNDiagram")
    plane = diagram.find(f"{{{BPMNDI}}}BPMNPlane")
    place_lanes(shipped_root, plane)
    process = shipped_root.find(f"{{{BPMN}}}process")
    diagram.set("id", f"BPMNDiagram_{process.get('id')}")
    plane.set("id", f"BPMNPlane_{process.get('id')}")
    # Serialised with the usual prefixes, whatever the layouter called them.
    fresh = etree.Element(f"{{{BPMNDI}}}BPMNDiagram", nsmap=NSMAP, attrib=diagram.attrib)
    fresh.extend(list(diagram))
    etree.indent(fresh, space="  ", level=1)
    di_text = etree.tostring(fresh, encoding="unicode")
    di_text = re.sub(r' xmlns:\w+="[^"]+"', "", di_text, count=3)
    text = re.sub(r"\s*<bpmndi:BPMNDiagram\b.*</bpmndi:BPMNDiagram>", "", text, flags=re.S)
    start = re.search(r"<bpmn:definitions\b[^>]*>", text)
    declarations = "".join(f'\n                  xmlns:{prefix}="{uri}"'
                           for prefix, uri in NSMAP.items() if f"xmlns:{prefix}=" not in
                           start.group(0))
    opening = start.group(0)[:-1] + declarations + ">"
    text = text[:start.start()] + opening + text[start.end():]
    closing = text.rindex("</bpmn:definitions>")
    text = text[:closing].rstrip() + "\n  " + di_text + "\n" + text[closing:]
    with open(shipped, "w", encoding="utf-8") as target:
        target.write(text)


if __name__ == "__main__":
    finish(sys.argv[1], sys.argv[2])
