"""The templates a new process can start from besides a blank diagram, each drawn (BPMN DI)
and ready to run once its people are named: a one-lane approval (a reviewer decides on a form,
a return loops back for more), and a step each agency reports on at the same time (the plan's
reporting). Their texts are Vietnamese, like the shipped diagrams; in each file {key},
{key_attr} and {name_attr} stand for the new process's key and name."""

from pathlib import Path
from xml.sax.saxutils import quoteattr

from flask_babel import lazy_gettext as _l

HERE = Path(__file__).parent
STARTERS = {
    "approval": _l("An approval in one lane (review, approve or return)"),
    "each_agency": _l("Each agency reports (one step per agency, at once)"),
}


def starter_choices() -> list[tuple[str, str]]:
    return [(name, str(label)) for name, label in STARTERS.items()]


def starter_diagram(starter: str, key: str, name: str) -> str | None:
    """The template `starter` as process `key` named `name`; None for an unknown one."""
    if starter not in STARTERS:
        return None
    text = (HERE / f"{starter}.bpmn").read_text(encoding="utf-8")
    return (text.replace("{key_attr}", quoteattr(key)).replace("{name_attr}", quoteattr(name))
            .replace("{key}", key))
