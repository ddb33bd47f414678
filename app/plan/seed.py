"""Seeding the plan and its 21 appendix items from the plan's text. It adds the plan once;
after that the catalogue belongs to the admins, whose amendments it never overwrites."""

from sqlalchemy import select

from app.auth.models import Agency, AgencyGroup
from app.extensions import db
from app.plan import appendix
from app.plan.agency_names import resolve_names
from app.plan.catalogue import position_of, set_fields
from app.plan.models import Plan, PlanItem
from app.plan.timeframe import parse_timeframe


def seed_plan() -> int:
    """Add the plan with its items if it is missing; return how many items were added."""
    if db.session.scalar(select(Plan).where(Plan.number == appendix.PLAN_NUMBER)):
        return 0
    text = appendix.read_plan_text()
    agencies = list(db.session.scalars(select(Agency)))
    groups = list(db.session.scalars(select(AgencyGroup)))
    plan = Plan(number=appendix.PLAN_NUMBER, issued_on=appendix.PLAN_ISSUED_ON,
                title=text.title, issuer=appendix.PLAN_ISSUER, signer=appendix.PLAN_SIGNER)
    db.session.add(plan)
    for row in text.items:
        item = PlanItem(plan=plan, code=row.code, position=position_of(row.code))
        db.session.add(item)
        set_fields(item, group_no=row.group_no, group_title=row.group_title, content=row.content,
               timeframe=parse_timeframe(row.timeframe),
               leads=resolve_names(row.leads, agencies, groups),
               cooperating=resolve_names(row.cooperating, agencies, groups))
    db.session.commit()
    return len(text.items)
