"""Parsed specs, cached per definition hash: a diagram is parsed once per process, not per
request. The spec holds no instance state, so instances share it; it is complete when
parsed (settled_specs), so a cache that was just emptied serves as well as a warm one."""

from collections import OrderedDict
from threading import Lock

from app.workflow.bpmn import ParsedDiagram, parse_diagram

_CACHE: "OrderedDict[str, ParsedDiagram]" = OrderedDict()
_LOCK = Lock()
CAPACITY = 128


def diagram_for(version) -> ParsedDiagram:
    """The parsed diagram of a DefinitionVersion (parsing it on first use)."""
    with _LOCK:
        diagram = _CACHE.get(version.sha256)
        if diagram is not None:
            _CACHE.move_to_end(version.sha256)
            return diagram
    diagram = parse_diagram(version.xml, version.filename)
    with _LOCK:
        _CACHE[version.sha256] = diagram
        while len(_CACHE) > CAPACITY:
            _CACHE.popitem(last=False)
    return diagram


def clear() -> None:
    """Forget every parsed spec, as a new server process starts."""
    with _LOCK:
        _CACHE.clear()
