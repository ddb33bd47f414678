"""`flask --app wsgi workflow ...`: sync the shipped diagrams, validate files, fire timers."""

import signal
import sys
import time
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from app.workflow.definitions import sync_folder, validate
from app.workflow.timers import tick

workflow_cli = AppGroup("workflow", help="Process definitions and the engine.")


@workflow_cli.command("sync")
def sync_command():
    """Load workflows/bpmn/*.bpmn as new published versions where their content changed."""
    for filename, outcome in sync_folder():
        click.echo(f"{filename}: {outcome}")


@workflow_cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate_command(files):
    """Print `<file>: OK` or `<file>: <reason>` for each file; exit 1 if any fails."""
    failed = False
    for name in files:
        try:
            data = Path(name).read_bytes()
        except OSError as error:
            click.echo(f"{name}: cannot read the file ({error.strerror})")
            failed = True
            continue
        verdict = validate(data, name)
        click.echo(verdict.line())
        failed = failed or not verdict.ok
    sys.exit(1 if failed else 0)


@workflow_cli.command("tick")
def tick_command():
    """Fire the timers that are due, once."""
    click.echo(f"{tick()} instance(s) moved")


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
            moved = tick()
            if moved:
                click.echo(f"{moved} instance(s) moved")
            time.sleep(interval)
    except KeyboardInterrupt:
        pass
    click.echo("Timer worker stopped.")


def init_app(app: Flask) -> None:
    app.cli.add_command(workflow_cli)
