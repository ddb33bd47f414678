"""What the worker does for notifications after each tick: tell people of new steps, and
email what is not emailed yet (when SMTP is configured). Each batch commits on its own."""

import logging
import smtplib
from datetime import timedelta
from email.message import EmailMessage

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app import workflow
from app.auth import account_mail
from app.auth.models import User
from app.clock import today, utcnow
from app.extensions import db
from app.notifications.models import Kind, Notification
from app.notifications.service import notify_users

BATCH = 200
log = logging.getLogger(__name__)
FRESH = timedelta(days=2)  # mail set up later does not flood people with old news


def announce_new_steps() -> int:
    """A "new step" notification to each person who may take a step opened since the last
    run. Returns how many steps were announced."""
    items = workflow.take_unannounced(BATCH)
    day = today()
    for item in items:
        notify_users(workflow.people_of(item, day), Kind.NEW_STEP,
                     f"{item.title}: {item.subject}", link=f"/tasks/{item.id}",
                     work_item_id=item.id)
    db.session.commit()
    return len(items)


def _message(notification: Notification, user: User) -> EmailMessage:
    config = current_app.config
    with force_locale(user.locale or "vi"):
        message = EmailMessage()
        message["From"] = config["MAIL_FROM"]
        message["To"] = user.email
        if notification.kind == Kind.PASSWORD_LINK:  # the link is made now, to count from now
            message["Subject"] = f"[{_('Foreign information work')}] {account_mail.subject()}"
            message.set_content(account_mail.body(user))
            return message
        message["Subject"] = f"[{_('Foreign information work')}] {notification.kind_label}"
        # Through the notice, so that opening it from the mail marks it read too.
        path = f"/notifications/{notification.id}" if notification.link else "/notifications/"
        link = config["PUBLIC_URL"].rstrip("/") + path
        message.set_content(f"{notification.text}\n\n{link}\n")
    return message


def send_emails() -> int:
    """Email the notifications not emailed yet; a person without an address is skipped.
    A mail server that is down leaves them for the next run."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        return 0
    pending = list(db.session.execute(
        select(Notification, User).join(User, User.id == Notification.user_id)
        .where(Notification.emailed_at.is_(None), Notification.created_at >= utcnow() - FRESH)
        .order_by(Notification.id).limit(BATCH)
        .with_for_update(skip_locked=True, of=Notification)))
    if not pending:
        db.session.rollback()
        return 0
    sent = 0
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        for notification, user in pending:
            if user.email:
                try:
                    smtp.send_message(_message(notification, user))
                    sent += 1
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError):
                    # This message only: not again, and the others still go.
                    log.warning("mail to %s refused; notification %s not emailed",
                                user.email, notification.id)
            notification.emailed_at = utcnow()
    # One commit while the rows are locked, so a second worker never takes them too.
    db.session.commit()
    return sent


def run() -> None:
    announce_new_steps()
    send_emails()
