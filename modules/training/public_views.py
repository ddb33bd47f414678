"""The public check of a certificate, no sign-in: anyone with its number (typed, or read
from the QR code printed on it) sees whether it is genuine — the holder's name, the class and
the date, nothing else. Each look-up counts against the address's limit (throttle), so
numbers cannot be tried in bulk: past it, 429 with Retry-After."""

from flask import Blueprint, render_template, request

from app.extensions import db
from modules.training import certificates, throttle

bp = Blueprint("certificate_check", __name__, template_folder="templates")


def _checked(number: str | None):
    """Look the number up (counting it), or say how long to wait."""
    address = request.remote_addr or "unknown"
    wait = throttle.wait_seconds(throttle.CERTIFICATE_CHECK, address)
    if wait:
        response = render_template("training/check.html", number=number, asked=True,
                                   found=None, wait=wait)
        return response, 429, {"Retry-After": str(wait)}
    throttle.record(throttle.CERTIFICATE_CHECK, address)
    found = certificates.lookup(number or "")
    db.session.commit()
    return render_template("training/check.html", number=number, asked=True, found=found,
                           wait=0), 200 if found and found.valid else 410 if found else 404


@bp.get("/gcn")
def check_page():
    number = request.args.get("number", "")[:100].strip()
    if not number:
        return render_template("training/check.html", number="", asked=False, found=None,
                               wait=0)
    return _checked(number)


@bp.get("/gcn/<path:number>")
def check_number(number: str):
    return _checked(number[:100])
