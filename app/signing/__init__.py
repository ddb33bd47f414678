"""Digital signatures on the documents the system issues: the admin's trusted root
certificates, and reading a signed PDF's signatures (who signed, when, whether the signature
covers the whole document and verifies, and whether the signer's certificate chains to a
root the admin installed). The signing itself happens outside the system, with the
agency's digital signature."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from app.auth.roles import Role
from app.nav import ADMINISTRATION, NavItem, register_nav


def init_app(app: Flask) -> None:
    from app.signing.views import bp

    app.register_blueprint(bp)
    register_nav(app, NavItem("signing_admin.roots_page", _l("Trusted root certificates"),
                              frozenset({Role.ADMIN}), menu=ADMINISTRATION, order=86))
