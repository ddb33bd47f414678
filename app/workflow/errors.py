"""What the engine's public API raises. Each carries a message a person can read; the views
map them to pages and the API to status codes (404, 403, 409, 400)."""

from datetime import UTC

from flask_babel import lazy_gettext as _l

from app.clock import LOCAL_TZ


class WorkflowError(Exception):
    status = 400

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class NotFound(WorkflowError):
    status = 404


class Forbidden(WorkflowError):
    status = 403


class Conflict(WorkflowError):
    """Someone else changed it first; nothing of this request was saved."""

    status = 409


class AlreadyCompleted(Conflict):
    def __init__(self, who: str | None, when):
        self.who, self.when = who, when
        shown = when.replace(tzinfo=UTC).astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y") \
            if when else "?"
        super().__init__(_l("This step was already completed by %(who)s at %(when)s.",
                            who=who or "?", when=shown))


class InvalidInput(WorkflowError):
    """Form values that fail their constraints: `errors` maps field id to messages."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(_l("Some values are not valid."))

    def reasons(self) -> str:
        """Every field's messages in one line, for a page that has no such fields."""
        return "; ".join(str(message) for messages in self.errors.values()
                         for message in messages)
