"""`flask --app wsgi workflow ...`: sync the shipped diagrams, validate files."""

import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from app.workflow.definitions import sync_folder, validate

workflow_cli = AppGroup("workflow", help="Process definitions and the engine.")

BPMN_FOLDER = Path(__file__).resolve().parents[2] / "workflows" / "bpmn"


@workflow_cli.command("sync")
def sync_command():
    """Load workflows/bpmn/*.bpmn as new published versions where their content changed."""
    for filename, outcome in sync_folder(BPMN_FOLDER):
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


def init_app(app: Flask) -> None:
    app.cli.add_command(workflow_cli)
