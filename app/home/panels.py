"""What the home page shows each person: panels of figures, each a link to the list it
counts. Features register a panel builder (user → Panel or None), as they register their
navigation, so the home page needs to know none of them; builders that give the same key
add their figures to one panel (the inbox's and the notices' "waiting for you")."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from flask import Flask


@dataclass(frozen=True)
class Figure:
    label: object  # a lazy string, translated when shown
    count: int
    url: str
    tone: str = "primary"  # the Bootstrap colour the figure takes when it is not zero


@dataclass(frozen=True)
class Panel:
    key: str
    title: object
    figures: list[Figure] = field(default_factory=list)
    order: int = 50

WAITING = "waiting"  # the key of the panel of what waits for the person


PanelBuilder = Callable[[object], Panel | None]


def register_home_panel(app: Flask, builder: PanelBuilder) -> None:
    app.extensions.setdefault("home_panels", []).append(builder)


def panels_for(app: Flask, user) -> list[Panel]:
    merged: dict[str, Panel] = {}
    for builder in app.extensions.get("home_panels", []):
        panel = builder(user)
        if panel is None:
            continue
        first = merged.setdefault(panel.key, panel)
        if first is not panel:
            merged[panel.key] = replace(first, figures=[*first.figures, *panel.figures])
    return sorted(merged.values(), key=lambda panel: panel.order)


HomeChooser = Callable[[object], str | None]


def register_home_page(app: Flask, chooser: HomeChooser) -> None:
    """A feature that is someone's whole business here (training, for a trainee) gives
    their home page: chooser(user) → the URL they land on, or None."""
    app.extensions.setdefault("home_pages", []).append(chooser)


def home_page_for(app: Flask, user) -> str | None:
    return next((url for chooser in app.extensions.get("home_pages", [])
                 if (url := chooser(user))), None)
