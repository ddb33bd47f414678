"""Every model of the core, imported in one place so Alembic sees all tables."""

from app.auth.models import Agency, AgencyGroup, LoginAttempt, User, UserRole
from app.settings import Setting

__all__ = ["Agency", "AgencyGroup", "LoginAttempt", "Setting", "User", "UserRole"]
