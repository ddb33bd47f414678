"""The mail that carries a link to set one's password. The link is made when the mail is
written (by the worker), so it expires counted from when it was sent."""

from datetime import UTC

from flask_babel import gettext as _

from app.auth import password_links
from app.auth.models import User
from app.clock import LOCAL_TZ


def subject() -> str:
    return _("Set the password of your account")


def body(user: User) -> str:
    link = password_links.url_for_user(user)
    until = password_links.expires_at().replace(tzinfo=UTC).astimezone(LOCAL_TZ)
    return "\n\n".join([
        _("Dear %(name)s,", name=user.full_name),
        _("You have an account in the system for foreign information work of Quang Ngai "
          "province. Your user name is your email address: %(username)s.",
          username=user.username),
        _("To set your password, open this link. It works once, until %(time)s:",
          time=until.strftime("%H:%M %d/%m/%Y")),
        link,
        _("If you did not ask for this, ignore this mail: your account stays as it is."),
    ]) + "\n"
