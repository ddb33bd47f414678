"""Expressions as a Camunda modeler writes them.

"${agency}" wraps an expression (Camunda's syntax); we evaluate what is inside in the sandbox.
Timer values may be bare ISO 8601 ("P2D", "2025-12-15T08:00"): SpiffWorkflow evaluates timer
expressions as code, so a bare ISO value is taken as the literal it plainly is."""

import re

_WRAPPED = re.compile(r"^\$\{(.+)\}$", re.DOTALL)

_ISO = re.compile(
    r"^(R\d*/)?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$"
    r"|^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def literal_timer(expression: str) -> str | None:
    text = (expression or "").strip()
    return text if _ISO.match(text) else None


def expression_of(raw: str) -> str | None:
    """The code inside "${...}", or None when `raw` is not wrapped."""
    match = _WRAPPED.match((raw or "").strip())
    return match.group(1) if match else None
