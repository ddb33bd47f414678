"""Settings of a module shown on the plan's settings page (one page for an admin's settings,
not one per module): a module registers a section of whole-number settings, each with where
its value comes from."""

from dataclasses import dataclass

from flask import Flask, current_app

from app.settings import get_int_setting

EXTENSION = "settings_sections"


@dataclass(frozen=True)
class NumberSetting:
    key: str  # in the settings table
    label: object
    default: int
    source: object  # the legal text that sets it, or that none does and whose practice it is
    minimum: int = 1
    maximum: int = 365
    confirmed: bool = True  # False: read only in secondary sources; the page marks it so

    @property
    def field_name(self) -> str:
        return self.key.replace(".", "__")

    def value(self) -> int:
        return get_int_setting(self.key, self.default)


@dataclass(frozen=True)
class SettingsSection:
    title: object
    settings: tuple[NumberSetting, ...]


def register_settings_section(app: Flask, section: SettingsSection) -> None:
    app.extensions.setdefault(EXTENSION, []).append(section)


def sections() -> list[SettingsSection]:
    return list(current_app.extensions.get(EXTENSION, []))
