"""The work-items list's query, read strictly: a filter or an order the API does not have is
refused naming the choices, never quietly read as the default (a program that misspells
"overdue" must not be shown all open steps as if they were overdue)."""

from flask_babel import lazy_gettext as _l

from app import workflow
from app.bounds import MAX_PAGE, MAX_ROW_ID

SORTS = ("due", "newest", "oldest")
MAX_PER_PAGE = 100


class BadQuery(ValueError):
    pass


def _choice(args, name: str, choices, default: str) -> str:
    value = args.get(name, "").strip() or default
    if value not in choices:
        raise BadQuery(_l("'%(name)s' must be one of: %(choices)s", name=name,
                          choices=", ".join(choices)))
    return value


def _whole(args, name: str, default: int | None, low: int, high: int | None) -> int | None:
    """A whole number from `low` up; a page or a count past `high` is taken as `high`."""
    text = args.get(name, "").strip()
    if not text:
        return default
    if not text.isascii() or not text.isdigit() or int(text) < low:
        raise BadQuery(_l("'%(name)s' must be a whole number from %(low)s", name=name, low=low))
    return min(int(text), high) if high else int(text)


def inbox_filter(args) -> workflow.InboxFilter:
    """The InboxFilter the query arguments `args` ask for, or BadQuery saying why not."""
    instance = _whole(args, "instance", None, 1, None)
    if instance is not None and instance > MAX_ROW_ID:
        raise BadQuery(_l("'%(name)s' must be a whole number from %(low)s", name="instance",
                          low=1))
    return workflow.InboxFilter(
        process=args.get("process", "").strip() or None,
        status=_choice(args, "status", workflow.STATUSES, "open"),
        sort=_choice(args, "sort", SORTS, "due"),
        instance_id=instance,
        search=" ".join(args.get("q", "").split())[:200] or None,
        page=_whole(args, "page", 1, 1, MAX_PAGE),
        per_page=_whole(args, "per_page", 25, 1, MAX_PER_PAGE),
    )
