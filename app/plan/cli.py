"""`flask --app wsgi plan items`: the catalogue, one line per item."""

import click
from flask import Flask
from flask.cli import AppGroup

from app.plan.catalogue import current_plan, names, plan_items

plan_cli = AppGroup("plan", help="The plan's catalogue.")
CONTENT_WIDTH = 60


def _start_of(text: str) -> str:
    return text if len(text) <= CONTENT_WIDTH else text[:CONTENT_WIDTH - 1].rstrip() + "…"


@plan_cli.command("items")
@click.option("--all", "include_retired", is_flag=True, help="Also the retired items.")
def items_command(include_retired):
    """One line per item: code, the start of its content, lead and cooperating agencies."""
    plan = current_plan()
    if plan is None:
        raise click.ClickException("No plan yet; run `flask --app wsgi seed` first.")
    for item in plan_items(plan, include_retired=include_retired):
        retired = " [retired]" if item.retired_at else ""
        click.echo(f"{item.code:<5} {_start_of(item.content):<{CONTENT_WIDTH}} | "
                   f"lead: {names(a.target for a in item.leads)} | "
                   f"cooperating: {names(a.target for a in item.cooperating)}{retired}")


def init_app(app: Flask) -> None:
    app.cli.add_command(plan_cli)
