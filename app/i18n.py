"""Language: Vietnamese by default, English on request, remembered per user and per session."""

from datetime import UTC
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    Request,
    current_app,
    g,
    has_request_context,
    redirect,
    request,
    session,
    url_for,
)
from flask_babel import format_decimal, get_translations
from flask_login import current_user
from werkzeug.utils import cached_property

from app.clock import LOCAL_TZ
from app.extensions import db
from app.text import CleanFormData

bp = Blueprint("i18n", __name__)


class AppRequest(Request):
    # Form and query values come cleaned: NFC, no NUL, invisible-only as empty (app.text).
    parameter_storage_class = CleanFormData

    @cached_property
    def wtforms_translations(self):
        """Flask-WTF reads the translations of WTForms' own messages from here; WTForms has
        no Vietnamese ones, ours have them (app/form_messages.py)."""
        return get_translations()


def select_locale() -> str:
    if not has_request_context():  # the CLI and the timer worker speak the default
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user.is_authenticated:
        return current_user.locale
    if g.get("api_user") is not None:  # a program acting for a person answers in their language
        return g.api_user.locale
    return session.get("locale", current_app.config["BABEL_DEFAULT_LOCALE"])


def safe_next(target: str | None, fallback: str) -> str:
    """Only same-site paths: a `next` value must never send a user to another host."""
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target


@bp.post("/language")
def switch_language():
    locale = request.form.get("locale", "")
    if locale in current_app.config["LANGUAGES"]:
        session["locale"] = locale
        if current_user.is_authenticated:
            current_user.locale = locale
            db.session.commit()
    return redirect(safe_next(request.form.get("next"), url_for("home.index")))


def file_size(size: int) -> str:
    """A file's size as people read it: 512 B, 1,5 KB, 2,3 MB (in the page's language)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 ** 2:
        return f"{format_decimal(size / 1024, format='#,##0.#')} KB"
    return f"{format_decimal(size / 1024 ** 2, format='#,##0.#')} MB"


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.request_class = AppRequest

    @app.template_filter("local_datetime")
    def local_datetime(value):
        """Naive UTC from the database, shown as Vietnam time, dd/mm/yyyy HH:MM."""
        return value.replace(tzinfo=UTC).astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")

    app.add_template_filter(file_size, "file_size")

    @app.template_filter("day")
    def day(value) -> str:
        """A date as people write it here: dd/mm/yyyy."""
        return value.strftime("%d/%m/%Y") if value else ""

    @app.template_filter("number")
    def number(value):
        """A whole number with the language's thousands separator: 15.000.000 đồng."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return value
        return format_decimal(value)

    @app.context_processor
    def inject_locale():
        return {"current_locale": select_locale(), "languages": app.config["LANGUAGES"]}
