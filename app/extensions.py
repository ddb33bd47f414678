"""Extensions, created without an app; create_app binds them."""

from flask import has_request_context, request
from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from app.bounds import page_number, requested_page

# Named constraints, so that migrations can alter them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Database(SQLAlchemy):
    def paginate(self, select, *, page=None, per_page=20, **kwargs):
        """Flask-SQLAlchemy's paginate, with the page kept to what a query can take (a ?page=
        of 30 digits would overflow OFFSET: app.paging) and per_page never read from the
        request."""
        if page is None:
            page = requested_page(request.args) if has_request_context() else 1
        return super().paginate(select, page=page_number(page), per_page=per_page, **kwargs)


db = Database(model_class=Base, session_options={"expire_on_commit": False})
migrate = Migrate(compare_type=True, render_as_batch=True)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
