"""The plan catalogue: reading its items, and the admins' amendments (change, add, retire),
each recorded with who, when and why. This module owns the catalogue's writes."""

from textwrap import shorten

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms import SelectChoice

from app.auth.models import Agency, AgencyGroup
from app.clock import utcnow
from app.extensions import db
from app.plan.models import (
    AmendmentAction,
    ItemRole,
    Plan,
    PlanAmendment,
    PlanItem,
    PlanItemAgency,
)
from app.plan.timeframe import Timeframe


class PlanError(ValueError):
    pass


def current_plan() -> Plan | None:
    return db.session.scalar(select(Plan).order_by(Plan.issued_on.desc()).limit(1))


def plan_items(plan: Plan, *, include_retired: bool = False) -> list[PlanItem]:
    query = (select(PlanItem).where(PlanItem.plan_id == plan.id).order_by(PlanItem.position)
             .options(selectinload(PlanItem.agencies).selectinload(PlanItemAgency.agency),
                      selectinload(PlanItem.agencies).selectinload(PlanItemAgency.group)))
    if not include_retired:
        query = query.where(PlanItem.retired_at.is_(None))
    return list(db.session.scalars(query))


def items_due_in(plan: Plan, year: int) -> list[PlanItem]:
    """The items with work to do in `year`: of that year, spanning it, or yearly."""
    return [item for item in plan_items(plan) if item.applies_in(year)]


def item_by_code(plan: Plan, code: str) -> PlanItem | None:
    return db.session.scalar(select(PlanItem).where(PlanItem.plan_id == plan.id,
                                                    PlanItem.code == code))


def names(targets) -> str:
    return "; ".join(target.name_vi for target in targets) or "—"


def _snapshot(item: PlanItem) -> dict:
    return {
        "group": f"{item.group_no}. {item.group_title}",
        "content": item.content,
        "timeframe": item.timeframe_label,
        "leads": names(a.target for a in item.leads),
        "cooperating": names(a.target for a in item.cooperating),
    }


def position_of(code: str) -> int:
    group, _, number = code.partition(".")
    return int(group) * 1000 + int(number or 0)


def set_fields(item: PlanItem, *, group_no: int, group_title: str, content: str,
           timeframe: Timeframe, leads: list, cooperating: list) -> None:
    if not leads:
        raise PlanError(_l("An item needs at least one lead agency."))
    if not content.strip():
        raise PlanError(_l("Write what the item is about."))
    item.group_no, item.group_title = group_no, " ".join(group_title.split())
    item.content = " ".join(content.split())
    item.timeframe_kind = timeframe.kind.value
    item.start_year, item.end_year = timeframe.start_year, timeframe.end_year
    item.agencies = [
        PlanItemAgency(role=role.value, position=position,
                       agency=target if isinstance(target, Agency) else None,
                       group=target if isinstance(target, AgencyGroup) else None)
        for role, targets in ((ItemRole.LEAD, leads), (ItemRole.COOPERATING, cooperating))
        for position, target in enumerate(targets)
    ]


def _record(item: PlanItem, action: AmendmentAction, actor, reason: str, changes: dict):
    reason = " ".join((reason or "").split())
    if not reason:
        raise PlanError(_l("Say why the plan is amended."))
    db.session.add(PlanAmendment(item=item, at=utcnow(), actor_id=getattr(actor, "id", None),
                                 action=action.value, reason=reason, changes=changes))


def add_item(plan: Plan, *, code: str, actor, reason: str, **fields) -> PlanItem:
    code = code.strip()
    if item_by_code(plan, code) is not None:
        raise PlanError(_l("Item %(code)s exists already.", code=code))
    item = PlanItem(plan=plan, code=code, position=position_of(code))
    db.session.add(item)
    set_fields(item, **fields)
    _record(item, AmendmentAction.ADDED, actor, reason,
            {key: [None, value] for key, value in _snapshot(item).items()})
    db.session.commit()
    return item


def change_item(item: PlanItem, *, actor, reason: str, **fields) -> PlanItem:
    before = _snapshot(item)
    set_fields(item, **fields)
    after = _snapshot(item)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if not changes:
        db.session.rollback()
        raise PlanError(_l("Nothing was changed."))
    _record(item, AmendmentAction.CHANGED, actor, reason, changes)
    db.session.commit()
    return item


def retire_item(item: PlanItem, *, actor, reason: str) -> PlanItem:
    if item.retired_at is not None:
        raise PlanError(_l("This item is retired already."))
    item.retired_at = utcnow()
    _record(item, AmendmentAction.RETIRED, actor, reason, {})
    db.session.commit()
    return item


def reference_choices() -> list[SelectChoice]:
    """Groups, then agencies in use today, for the lead and cooperating checkboxes."""
    groups = db.session.scalars(select(AgencyGroup).order_by(AgencyGroup.name_vi))
    agencies = sorted(db.session.scalars(select(Agency).where(Agency.active.is_(True))),
                      key=lambda agency: agency.sort_key)
    return ([SelectChoice(f"group:{g.id}", g.name_vi) for g in groups]
            + [SelectChoice(f"agency:{a.id}", a.name_vi) for a in agencies])


def targets_of(references: list[str]) -> list[Agency | AgencyGroup]:
    """The agencies and groups that form references ("agency:3", "group:1") name."""
    found = []
    for reference in references:
        kind, _, number = reference.partition(":")
        model = {"agency": Agency, "group": AgencyGroup}.get(kind)
        target = db.session.get(model, int(number)) if model and number.isdigit() else None
        if target is None:
            raise PlanError(_l("An agency chosen no longer exists; reload the page."))
        found.append(target)
    return found


def items_of(agency: Agency, **_ignored) -> list[tuple[str, list[str]]]:
    """For a merge's preview: the items that name the agency, leading or cooperating (its
    successor carries them once it is merged)."""
    links = db.session.scalars(select(PlanItemAgency).join(PlanItemAgency.item).where(
        PlanItemAgency.agency_id == agency.id, PlanItem.retired_at.is_(None))).all()

    def named(role: ItemRole) -> list[str]:
        items = sorted({link.item for link in links if link.role == role.value},
                       key=lambda item: position_of(item.code))
        return [f"{item.code}. {shorten(item.content, 90, placeholder=' …')}" for item in items]

    return [(str(_l("Plan items it leads")), named(ItemRole.LEAD)),
            (str(_l("Plan items it cooperates on")), named(ItemRole.COOPERATING))]
