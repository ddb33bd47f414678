"""Every model of the core, imported in one place so Alembic sees all tables."""

from app.api.models import ApiToken
from app.auth.models import (
    Agency,
    AgencyGroup,
    LoginAttempt,
    SignInSession,
    User,
    UserRole,
)
from app.calendar.models import DeclaredDay
from app.notifications.models import Notification
from app.plan.models import Assignment, Plan, PlanAmendment, PlanItem, PlanItemAgency
from app.plan.violations.models import ViolationCase
from app.settings import Setting
from app.signing.models import TrustedRoot
from app.workflow.models import (
    AuditEvent,
    DefinitionVersion,
    PendingMessage,
    ProcessDefinition,
    ProcessInstance,
    WorkItem,
)

__all__ = [
    "Agency", "AgencyGroup", "ApiToken", "Assignment", "AuditEvent", "DeclaredDay",
    "DefinitionVersion", "LoginAttempt", "Notification", "PendingMessage", "Plan",
    "PlanAmendment", "PlanItem", "PlanItemAgency", "ProcessDefinition", "ProcessInstance",
    "Setting", "SignInSession", "TrustedRoot", "User", "UserRole", "ViolationCase", "WorkItem",
]
