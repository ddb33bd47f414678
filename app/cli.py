"""Command-line entry points: `flask --app wsgi seed`, `flask --app wsgi create-admin`."""

import click
from flask import Flask, current_app
from sqlalchemy import select

from app import workflow
from app.auth import user_service
from app.auth.models import Agency
from app.auth.reorg_seed import follow_successions, seed_reorganisation
from app.auth.roles import Role
from app.auth.seed import DEMO_PASSWORD, seed_agencies, seed_demo_users
from app.calendar.notices import seed_declared_days
from app.clock import today
from app.extensions import db
from app.plan.appendix import PLAN_NUMBER
from app.plan.demo import seed_demo_year
from app.plan.seed import seed_plan


@click.command("seed")
def seed_command():
    """Add what is missing: the plan's agencies and groups, the plan and its items, the
    days off and Saturdays worked of the Government's notices, then the shipped processes
    (workflows/bpmn); in development also demo people and a demo case."""
    added = seed_agencies()
    click.echo(f"Agencies and groups: {added} added.")
    click.echo(f"The 2025 reorganisation: {seed_reorganisation()} added.")
    click.echo(f"Plan {PLAN_NUMBER}: {seed_plan()} items added.")
    click.echo(f"Days off and Saturdays worked from the Government's notices: "
               f"{seed_declared_days()} added.")
    for filename, outcome in workflow.sync_folder():
        click.echo(f"{filename}: {outcome}")
    users = seed_demo_users() if current_app.config["DEVELOPMENT"] else None
    people, items, waiting = follow_successions()
    if people or items or waiting:
        click.echo(f"Ended agencies: {people} people and {items} open items (steps, plan "
                   f"assignments) moved to their "
                   f"successors; {waiting} people wait for an admin to choose their agency.")
    if users is not None:
        _start_demo_case()
        if seed_demo_year():
            click.echo("A year in progress: items done on time, late, overdue; the annual "
                       "report round; two violation cases.")
        for seeder in current_app.extensions.get("demo_seeds", []):
            said = seeder()
            if said:
                click.echo(said)
        click.echo("\nDemo logins (development only), password for all: " + DEMO_PASSWORD)
        rows = [(demo.username, ", ".join(role.value for role in demo.roles), demo.agency_code)
                for demo in users]
        width = max(len(roles) for _, roles, _ in rows)  # the agencies line up, however long
        for username, roles, agency_code in rows:
            click.echo(f"  {username:<18} {roles:<{width}}  {agency_code}")


def register_demo_seed(app: Flask, seeder) -> None:
    """A module's demo data, seeded in development after the demo people and year:
    `seeder()` adds what is missing and returns what it did (None: nothing)."""
    app.extensions.setdefault("demo_seeds", []).append(seeder)


DEMO_PROCESS = "demo_report"


def _start_demo_case() -> None:
    """One case of the demo process waiting in the coordinator's inbox, in development."""
    if workflow.published_version(DEMO_PROCESS) is None:
        return
    if workflow.list_instances(process=DEMO_PROCESS).total:
        return
    # The week is held every April (Ngày Thương hiệu Việt Nam, 20/4): this year's.
    workflow.start_process(DEMO_PROCESS,
                           subject=f"Tuần lễ Thương hiệu quốc gia {today().year} (ví dụ)")
    click.echo("A case of the demo process waits in dieuphoi's inbox.")


@click.command("create-admin")
@click.option("--username", prompt=True)
@click.option("--full-name", prompt=True)
@click.option("--agency", "agency_code", default="SVHTTDL", show_default=True)
@click.password_option()
def create_admin_command(username, full_name, agency_code, password):
    """Create an administrator (for the first sign-in of a production install)."""
    agency = db.session.scalar(select(Agency).where(Agency.code == agency_code.upper()))
    if agency is None:
        raise click.ClickException(f"No agency with code {agency_code}; run `seed` first.")
    try:
        user, _ = user_service.create_user(
            username=username, full_name=full_name, agency=agency, roles=[Role.ADMIN],
            password=password,
        )
    except user_service.UserError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Administrator {user.username} created.")


def register(app: Flask) -> None:
    app.cli.add_command(seed_command)
    app.cli.add_command(create_admin_command)
