"""How the engine's states and events read to a person."""

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from app.auth.roles import Role

INSTANCE_STATUS = {
    "running": (_l("Running"), "primary"),
    "error": (_l("Failed"), "danger"),
    "suspended": (_l("Suspended"), "warning"),
    "completed": (_l("Completed"), "success"),
    "terminated": (_l("Terminated"), "secondary"),
}

EVENTS = {
    "started": _l("Started"),
    "claimed": _l("Claimed"),
    "unclaimed": _l("Released"),
    "completed": _l("Completed"),
    "cancelled": _l("Step cancelled"),
    "timer": _l("Timer fired"),
    "message": _l("Message"),
    "error": _l("Error"),
    "retried": _l("Retried"),
    "suspended": _l("Suspended"),
    "resumed": _l("Resumed"),
    "terminated": _l("Terminated"),
    "cancelled_by_module": _l("Ended: what it was for is over"),
    "finished": _l("Finished"),
    "reassigned": _l("Moved to the successor agency"),
    "released": _l("Released by an administrator"),
    "data_changed": _l("Data changed"),
    "step_reassigned": _l("Step reassigned"),
    "handed_over": _l("Handed over to a colleague"),
    "migrated": _l("Moved to another version of the process"),
}


def _role_label(role: str) -> str:
    return Role(role).label if role in Role._value2member_map_ else str(role)


def audience_of(item) -> str:
    """Who a work item waits for, as people read it: the person it was given to, its agency
    or group (with the one role it needs there), or its role."""
    locale = str(get_locale() or "vi")
    if item.assigned_to is not None:
        return f"{item.assigned_to.full_name} ({item.assigned_to.agency.name(locale)})"
    where = item.agency or item.group
    if where is None:
        return _role_label(item.role)
    if item.required_role:
        return f"{where.name(locale)} ({_role_label(item.required_role)})"
    return where.name(locale)
