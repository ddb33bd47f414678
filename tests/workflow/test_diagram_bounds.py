"""Every shipped diagram is drawn where a viewer shows it: nothing at negative coordinates or
flush on the canvas's top or left edge, every node inside its lane, its pool and its expanded
subprocess, every edge inside the pool;
and hand finishing of a layout changes only the drawing (tools/layout/same_process.py)."""

import importlib.util
from pathlib import Path

import pytest
from lxml import etree

from app.workflow.definitions import SHIPPED

ROOT = Path(__file__).resolve().parents[2]
BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
SHIPPED_FILES = sorted(SHIPPED.glob("*.bpmn"))
MARGIN = 10  # a line drawn flush on the canvas's edge is cut in half by the viewer


def _box(shape):
    b = shape.find(f"{{{DC}}}Bounds")
    x, y = float(b.get("x")), float(b.get("y"))
    return x, y, x + float(b.get("width")), y + float(b.get("height"))


def _inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2]
            and inner[3] <= outer[3])


def drawing_problems(text: bytes) -> list[str]:
    root = etree.fromstring(text)
    shapes = {s.get("bpmnElement"): s for s in root.iter(f"{{{BPMNDI}}}BPMNShape")}
    boxes = {element_id: _box(shape) for element_id, shape in shapes.items()}
    problems = []
    for element in root.iter(f"{{{BPMNDI}}}BPMNShape", f"{{{BPMNDI}}}BPMNEdge"):
        for bounds in element.iter(f"{{{DC}}}Bounds"):
            if float(bounds.get("x")) < MARGIN or float(bounds.get("y")) < MARGIN:
                problems.append(f"{element.get('bpmnElement')}: drawn on or over the canvas's edge")
        for point in element.iter(f"{{{DI}}}waypoint"):
            if float(point.get("x")) < MARGIN or float(point.get("y")) < MARGIN:
                problems.append(
                    f"{element.get('bpmnElement')}: a waypoint on or over the canvas's edge")
    containers = []  # (container id, member ids)
    for lane in root.iter(f"{{{BPMN}}}lane"):
        containers.append((lane.get("id"),
                           [ref.text.strip() for ref in lane.findall(f"{{{BPMN}}}flowNodeRef")]))
    for sub in root.iter(f"{{{BPMN}}}subProcess", f"{{{BPMN}}}transaction"):
        if sub.get("id") in shapes and shapes[sub.get("id")].get("isExpanded") == "true":
            containers.append((sub.get("id"), [child.get("id") for child in sub
                                               if child.get("id") in boxes]))
    for participant in root.iter(f"{{{BPMN}}}participant"):
        process = root.find(f"{{{BPMN}}}process[@id='{participant.get('processRef')}']")
        if participant.get("id") in boxes and process is not None:
            members = [node.get("id") for node in process.iter() if node.get("id") in boxes]
            containers.append((participant.get("id"), members))
            flows = {f.get("id") for f in process.iter(f"{{{BPMN}}}sequenceFlow")}
            for edge in root.iter(f"{{{BPMNDI}}}BPMNEdge"):
                if edge.get("bpmnElement") in flows:
                    for point in edge.iter(f"{{{DI}}}waypoint"):
                        xy = (float(point.get("x")), float(point.get("y")))
                        if not _inside(xy + xy, boxes[participant.get("id")]):
                            problems.append(f"{edge.get('bpmnElement')}: a waypoint outside "
                                            f"{participant.get('id')}")
    hosts = {b.get("id"): b.get("attachedToRef") for b in root.iter(f"{{{BPMN}}}boundaryEvent")}
    for container, members in containers:
        for member in members:
            if (member in boxes and member not in hosts and member != container
                    and not _inside(boxes[member], boxes[container])):
                problems.append(f"{member}: outside {container}")
    return problems


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=[p.name for p in SHIPPED_FILES])
def test_every_shipped_diagram_is_drawn_inside_its_lanes_pool_and_the_canvas(path):
    assert drawing_problems(path.read_bytes()) == []


def test_the_check_finds_a_node_outside_its_lane_and_a_waypoint_above_the_canvas():
    text = (SHIPPED / "task_assignment.bpmn").read_bytes()
    root = etree.fromstring(text)
    point = next(root.iter(f"{{{DI}}}waypoint"))
    point.set("y", "-20")
    bounds = next(s for s in root.iter(f"{{{BPMNDI}}}BPMNShape")
                  if s.get("bpmnElement") == "give_input").find(f"{{{DC}}}Bounds")
    bounds.set("x", "5000")

    problems = drawing_problems(etree.tostring(root))

    assert any("a waypoint on or over the canvas's edge" in p for p in problems)
    assert "give_input: outside consult" in problems


def _tool(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "layout" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_redrawing_changes_only_the_drawing(tmp_path):
    redraw, same = _tool("redraw"), _tool("same_process")
    copy = tmp_path / "task_assignment.bpmn"
    original = (SHIPPED / "task_assignment.bpmn").read_text(encoding="utf-8")
    copy.write_text(original, encoding="utf-8")

    drawing = redraw.Drawing(str(copy))
    drawing.place("review", 2000, 400)
    drawing.route("flow_reviewed")
    drawing.save()

    changed = copy.read_text(encoding="utf-8")
    assert changed != original and same.same_process(original, changed)
    assert not same.same_process(original, changed.replace('name="Xem xét báo cáo"', 'name="X"'))
