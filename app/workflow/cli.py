"""`flask --app wsgi workflow ...`: sync the shipped diagrams, validate files, fire timers."""

import logging
import signal
import sys
import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from app.extensions import db
from app.workflow.definitions import sync_folder, validate
from app.workflow.timers import tick

workflow_cli = AppGroup("workflow", help="Process definitions and the engine.")
log = logging.getLogger(__name__)


@workflow_cli.command("sync")
def sync_command():
    """Load workflows/bpmn/*.bpmn as new published versions where their content changed."""
    for filename, outcome in sync_folder():
        click.echo(f"{filename}: {outcome}")


@workflow_cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate_command(files):
    """One line per file: `<file>: OK`, `<file>: draft: <reason>` (BPMN that needs fixing
    before it can run; an admin may import it as a draft) or `<file>: refused: <reason>` (not
    BPMN XML, or unreadable). Exit 1 only if a file is refused."""
    refused = False
    for name in files:
        try:
            data = Path(name).read_bytes()
        except OSError as error:
            click.echo(f"{name}: refused: " + _("cannot read the file (%(reason)s)",
                                                 reason=error.strerror))
            refused = True
            continue
        verdict = validate(data, name)
        click.echo(verdict.line())
        refused = refused or verdict.refused
    sys.exit(1 if refused else 0)


def register_worker_job(app: Flask, job) -> None:
    """Run `job()` (no arguments; it commits its own work) after each tick of the worker:
    features send their mail and notices from there, never from a person's request."""
    app.extensions.setdefault("worker_jobs", []).append(job)


def _run_once() -> int:
    moved = tick()
    for job in current_app.extensions.get("worker_jobs", []):
        try:
            job()
        except Exception:  # one failing job must not stop the timers
            db.session.rollback()
            log.exception("worker job %s failed", getattr(job, "__name__", job))
    return moved


@workflow_cli.command("tick")
def tick_command():
    """Fire the timers that are due and run the worker's jobs (mail, notices), once."""
    click.echo(f"{_run_once()} instance(s) moved")


@workflow_cli.command("worker")
@click.option("--interval", default=10.0, show_default=True, help="Seconds between ticks.")
def worker_command(interval):
    """Fire timers as they fall due, until stopped (Ctrl+C or SIGTERM)."""
    running = True

    def stop(*_):
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    click.echo(f"Timer worker started; a tick every {interval:g} s.")
    try:
        while running:
            moved = _run_once()
            if moved:
                click.echo(f"{moved} instance(s) moved")
            time.sleep(interval)
    except KeyboardInterrupt:
        pass
    click.echo("Timer worker stopped.")


def init_app(app: Flask) -> None:
    app.cli.add_command(workflow_cli)
