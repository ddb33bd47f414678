"""The dashboard for the coordinator and agency leaders: a year at a glance, and exports."""

from flask import Response, render_template, request

from app.auth.roles import Role, roles_required
from app.clock import today
from app.plan import consolidation, dashboard
from app.plan.models import OUTCOME_BADGES
from app.plan.reporting import annual_cycle
from app.plan.views import _plan_or_404, bp

READERS = (Role.COORDINATOR, Role.ADMIN, Role.AGENCY_LEAD)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _summary():
    year = min(max(request.args.get("year", today().year, type=int), 2000), 2100)
    plan = _plan_or_404()
    return plan, dashboard.summary(plan, year, today())


@bp.get("/dashboard")
@roles_required(*READERS)
def dashboard_page():
    plan, data = _summary()
    cycle = annual_cycle(data.year)  # its consolidated report, due to UBND tỉnh
    return render_template("plan/dashboard.html", plan=plan, data=data, badges=OUTCOME_BADGES,
                           order=dashboard.ORDER, cycle=cycle,
                           due=consolidation.due_state(cycle) if cycle else None)


def _download(content: bytes, mimetype: str, filename: str) -> Response:
    return Response(content, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/dashboard.xlsx")
@roles_required(*READERS)
def dashboard_xlsx():
    _, data = _summary()
    return _download(dashboard.workbook(data), XLSX, f"tien-do-ke-hoach-116-{data.year}.xlsx")


@bp.get("/dashboard.pdf")
@roles_required(*READERS)
def dashboard_pdf():
    plan, data = _summary()
    return _download(dashboard.pdf(data, plan), "application/pdf",
                     f"tien-do-ke-hoach-116-{data.year}.pdf")
