"""Security headers on every response; pages for a signed-in person are stored by no cache."""

import base64
import hashlib

from flask import Flask, make_response, request, session

BASE_POLICY = [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]
CONTENT_SECURITY_POLICY = "; ".join(BASE_POLICY)
# The pages that draw BPMN (the admin's editor, the case diagrams) grant one thing more:
# the exact inline style attributes bpmn-js writes in its HTML templates (the properties
# panel's two containers; the align/distribute icons of a multiple selection), each by its
# hash under 'unsafe-hashes', which matches those values and nothing else. No
# 'unsafe-inline', no 'unsafe-eval', nothing from another host; <style> elements stay
# forbidden. Listed here by value so that an upgrade of bpmn-js that writes another shows
# as a CSP violation in the browser tests.
BPMN_STYLE_ATTRIBUTES = (
    "height: 100%",  # bpmn-js-properties-panel: its container
    "flex: none; height: auto",  # bpmn-js-properties-panel: its header
    "fill:none;stroke:currentColor;stroke-width:100;",  # align/distribute icons
    "fill:none;stroke:currentColor;stroke-width:100;stroke-linejoin:round;",
    "fill:currentColor;stroke:currentColor;stroke-width:100;opacity:.5;",
    "stroke:currentColor;stroke-width:100;stroke-linecap:round;",
)


def _hash(value: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(value.encode()).digest()).decode() + "'"


DIAGRAM_POLICY = "; ".join([
    *BASE_POLICY,
    "style-src-attr 'unsafe-hashes' " + " ".join(_hash(v) for v in BPMN_STYLE_ATTRIBUTES),
])

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def editor_policy(response):
    """Give a page that draws BPMN the diagram policy (see DIAGRAM_POLICY)."""
    response = make_response(response)
    response.headers["Content-Security-Policy"] = DIAGRAM_POLICY
    return response


def init_app(app: Flask) -> None:
    @app.after_request
    def add_security_headers(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if "_user_id" in session and request.endpoint != "static":
            # A shared computer's Back button, or a proxy, shows nobody the person's pages.
            response.headers["Cache-Control"] = "no-store"
        if app.config["SESSION_COOKIE_SECURE"]:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
