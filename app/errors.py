"""Error pages in the user's language; never a traceback on screen."""

from flask import Flask, jsonify, make_response, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.extensions import db

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood.")),
    403: (_l("Access denied"), _l("You do not have permission to do this.")),
    404: (_l("Page not found"), _l("The page you asked for does not exist or was moved.")),
    401: (_l("Sign-in required"), _l("Please sign in to continue.")),
    405: (_l("Not allowed"), _l("This action cannot be done this way.")),
    413: (_l("Too large"), _l("The file or form is larger than the system accepts. Go back "
                              "and choose a smaller file.")),
    429: (_l("Too many requests"), _l("Please wait a moment and try again.")),
    500: (
        _l("Something went wrong"),
        _l("The system could not finish your request. Nothing was saved; please try again."),
    ),
}


def render_error(status: int, detail: str | None = None):
    title, message = MESSAGES[status]
    if request.path.startswith(("/api/", "/admin/api/")):  # the browser's editor reads JSON
        return jsonify({"error": str(detail or message)}), status
    return render_template(
        "errors/error.html", status=status, title=title, message=detail or message
    ), status


def _answer(error: HTTPException, status: int):
    """The error's page, with the headers the error carries: a 405's Allow (the methods
    that are), a 429's Retry-After."""
    body, status = render_error(status)
    response = make_response(body, status)
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def init_app(app: Flask) -> None:
    for status in (400, 401, 403, 404, 405, 413, 429):
        app.register_error_handler(status, lambda error, status=status: _answer(error, status))

    @app.errorhandler(CSRFError)
    def csrf_failed(_error):
        return render_error(
            400, _l("The form has expired or was not sent from this site. Reload and try again.")
        )

    @app.errorhandler(500)
    def server_error(_error):
        db.session.rollback()
        return render_error(500)
