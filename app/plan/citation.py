"""How the plan's date is written, one way everywhere (pages, documents, seed texts): as the
plan itself and Nghị định 30/2020/NĐ-CP write a document's date, the day in two digits and
the month in two only for January and February: "Kế hoạch số 116/KH-UBND ngày 03/6/2024"."""

from datetime import date

from flask import Flask
from flask_babel import lazy_gettext as _l


def cited_date(day: date) -> str:
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


# The plan is the Provincial People's Committee's ("UBND tỉnh ban hành Kế hoạch", its number
# 116/KH-UBND): a document of the province names it without the province's name.
ISSUER_AS_CITED = "Ủy ban nhân dân tỉnh"


def plan_citation(number: str, issued_on: date) -> str:
    """The plan as a document of the province cites it: "Kế hoạch số 116/KH-UBND ngày
    03/6/2024 của Ủy ban nhân dân tỉnh"."""
    return f"Kế hoạch số {number} ngày {cited_date(issued_on)} của {ISSUER_AS_CITED}"


def plan_reference(number: str, issued_on: date):
    """The plan as pages name it: "Kế hoạch 116/KH-UBND ngày 03/6/2024"."""
    return _l("Plan %(number)s of %(date)s", number=number, date=cited_date(issued_on))


def init_app(app: Flask) -> None:
    from app.plan.appendix import PLAN_ISSUED_ON, PLAN_NUMBER

    app.add_template_filter(cited_date, "cited_date")

    @app.context_processor
    def the_plan():  # for the layout's footer, without asking the database on every page
        return {"plan_reference": plan_reference(PLAN_NUMBER, PLAN_ISSUED_ON)}
