"""Navigation: each feature registers its entries; the layout shows those the user may use."""

from dataclasses import dataclass

from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.auth.roles import Role


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: object  # a lazy string, translated when shown
    roles: frozenset[Role] = frozenset()  # empty: every signed-in user
    order: int = 50
    menu: object = None  # a lazy label: items with one are grouped under it


ADMINISTRATION = _l("Administration")


def register_nav(app: Flask, *items: NavItem) -> None:
    app.extensions.setdefault("nav", []).extend(items)
    app.extensions["nav"].sort(key=lambda item: item.order)


def items_for(app: Flask, user) -> list[NavItem]:
    if not user.is_authenticated:
        return []
    return [
        item
        for item in app.extensions.get("nav", [])
        if not item.roles or user.has_any_role(*item.roles)
    ]


def menus(items: list[NavItem]) -> list[tuple[object, list[NavItem]]]:
    """The items in the order of their first appearance, each menu's items together:
    [(None, [item]), (menu label, [items...]), ...]."""
    grouped: list[tuple[object, list[NavItem]]] = []
    for item in items:
        if item.menu is not None and grouped and grouped[-1][0] == item.menu:
            grouped[-1][1].append(item)
        else:
            grouped.append((item.menu, [item]))
    return grouped


def init_app(app: Flask) -> None:
    @app.context_processor
    def inject_nav():
        items = items_for(app, current_user)
        return {"nav_items": items, "nav_menus": menus(items)}
