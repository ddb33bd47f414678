"""Hand finishing of a shipped diagram's layout: move shapes and redraw edges in its BPMN DI
without touching anything else of the file (the process stays byte for byte; `same_process.py`
checks it). Used from a small script per diagram:

    d = Drawing("workflows/bpmn/x.bpmn")
    d.place("review", 400, 60)             # top-left corner
    d.route("flow_a")                      # right side to left side, at right angles
    d.route("flow_b", via="below", y=300)  # a loop back under the others
    d.save()
"""

import re

from lxml import etree

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"


class Drawing:
    def __init__(self, path: str):
        self.path = path
        with open(path, encoding="utf-8") as source:
            self.text = source.read()
        self.root = etree.fromstring(self.text.encode("utf-8"))
        self.diagram = self.root.find(f"{{{BPMNDI}}}BPMNDiagram")
        self.shapes = {s.get("bpmnElement"): s for s in self.diagram.iter(f"{{{BPMNDI}}}BPMNShape")}
        self.edges = {e.get("bpmnElement"): e for e in self.diagram.iter(f"{{{BPMNDI}}}BPMNEdge")}
        self.flows = {f.get("id"): f for f in self.root.iter(f"{{{BPMN}}}sequenceFlow")}

    def box(self, element_id):
        b = self.shapes[element_id].find(f"{{{DC}}}Bounds")
        return tuple(float(b.get(k)) for k in ("x", "y", "width", "height"))

    def place(self, element_id, x, y, width=None, height=None):
        shape = self.shapes[element_id]
        b = shape.find(f"{{{DC}}}Bounds")
        for key, value in (("x", x), ("y", y), ("width", width), ("height", height)):
            if value is not None:
                b.set(key, f"{value:g}")
        self._drop_label(shape)

    def shift(self, dx=0, dy=0, only=None):
        for element_id in self.shapes:
            if only is None or element_id in only:
                x, y, _, _ = self.box(element_id)
                self.shapes[element_id].find(f"{{{DC}}}Bounds").set("x", f"{x + dx:g}")
                self.shapes[element_id].find(f"{{{DC}}}Bounds").set("y", f"{y + dy:g}")
        for label_bounds in self.diagram.iter(f"{{{DC}}}Bounds"):
            if label_bounds.getparent().tag == f"{{{BPMNDI}}}BPMNLabel" and only is None:
                label_bounds.set("x", f"{float(label_bounds.get('x')) + dx:g}")
                label_bounds.set("y", f"{float(label_bounds.get('y')) + dy:g}")
        if only is None:
            for point in self.diagram.iter(f"{{{DI}}}waypoint"):
                point.set("x", f"{float(point.get('x')) + dx:g}")
                point.set("y", f"{float(point.get('y')) + dy:g}")

    def attach(self, boundary_id, host_id, at=0.5):
        """A boundary event on its host's lower edge, `at` of the way along."""
        x, y, w, h = self.box(host_id)
        self.place(boundary_id, x + w * at - 18, y + h - 18)

    def label(self, element_id, x, y, width=90, height=27):
        owner = self.shapes.get(element_id)
        if owner is None:
            owner = self.edges[element_id]
        self._drop_label(owner)
        label = etree.SubElement(owner, f"{{{BPMNDI}}}BPMNLabel")
        etree.SubElement(label, f"{{{DC}}}Bounds", x=f"{x:g}", y=f"{y:g}", width=f"{width:g}",
                         height=f"{height:g}")

    def points(self, flow_id, points):
        edge = self.edges[flow_id]
        for old in edge.findall(f"{{{DI}}}waypoint"):
            edge.remove(old)
        label = edge.find(f"{{{BPMNDI}}}BPMNLabel")
        for x, y in points:
            point = etree.Element(f"{{{DI}}}waypoint", x=f"{x:g}", y=f"{y:g}")
            if label is not None:
                label.addprevious(point)
            else:
                edge.append(point)

    def route(self, flow_id, via=None, y=None, x=None):
        """Draw a flow at right angles. Default: leave on the right, enter on the left (a
        dogleg halfway when the rows differ). via='down'/'up': leave from the bottom/top and
        turn into the target's left side (or its top/bottom when it is straight below/above).
        via='below'/'above': a loop back at height y, from the source's bottom/top into the
        target's bottom/top. x: where a dogleg turns."""
        flow = self.flows[flow_id]
        sx, sy, sw, sh = self.box(flow.get("sourceRef"))
        tx, ty, tw, th = self.box(flow.get("targetRef"))
        scx, scy, tcx, tcy = sx + sw / 2, sy + sh / 2, tx + tw / 2, ty + th / 2
        if via in ("down", "up"):
            start = (scx, sy + sh) if via == "down" else (scx, sy)
            if tx <= scx <= tx + tw:
                points = [start, (scx, ty if via == "down" else ty + th)]
            else:
                points = [start, (scx, tcy), (tx, tcy)]
        elif via in ("below", "above"):
            start = (scx, sy + sh) if via == "below" else (scx, sy)
            end_x = x if x is not None else tcx
            end = (end_x, ty + th) if via == "below" else (end_x, ty)
            points = [start, (scx, y), (end_x, y), end]
        elif abs(scy - tcy) < 1:
            points = [(sx + sw, scy), (tx, tcy)]
        else:
            middle = x if x is not None else (sx + sw + tx) / 2
            points = [(sx + sw, scy), (middle, scy), (middle, tcy), (tx, tcy)]
        self.points(flow_id, points)
        self._drop_label(self.edges[flow_id])

    @staticmethod
    def _drop_label(owner):
        label = owner.find(f"{{{BPMNDI}}}BPMNLabel")
        if label is not None:
            owner.remove(label)

    def save(self):
        etree.indent(self.diagram, space="  ", level=1)
        di_text = etree.tostring(self.diagram, encoding="unicode")
        di_text = re.sub(r' xmlns:\w+="[^"]+"', "", di_text)
        match = re.search(r"<bpmndi:BPMNDiagram\b.*</bpmndi:BPMNDiagram>", self.text, flags=re.S)
        text = self.text[:match.start()] + di_text.strip() + self.text[match.end():]
        with open(self.path, "w", encoding="utf-8") as target:
            target.write(text)
