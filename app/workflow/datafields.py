"""The fields of a process's data as its diagram declares them, so that every value can be
labelled and typed wherever it is shown or corrected.

Two places declare fields, both in the Camunda dialect: each user task's form
(camunda:formData), and the start event's form, which declares the data the process starts
with (a launch page's deadline, the agency it goes to). A field id declared in several
places takes the start form's declaration first, then the first form where someone fills it
in, then the first that only shows it.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace

from flask_babel import get_locale
from SpiffWorkflow.camunda.parser.task_spec import CAMUNDA_MODEL_NS
from SpiffWorkflow.camunda.specs.user_task import EnumFormField, Form, FormField, UserTask
from sqlalchemy import select

from app.extensions import db
from app.workflow.bpmn import BPMN_NS
from app.workflow.formschema import FieldSchema, FormError, form_fields
from app.workflow.specs import diagram_for

_CAMUNDA = f"{{{CAMUNDA_MODEL_NS}}}"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")
_BPMN = f"{{{BPMN_NS}}}"


def user_tasks(diagram) -> dict:
    """{bpmn id: user task spec} over the process and its subprocesses."""
    found = {}
    for spec in [diagram.spec, *diagram.subprocess_specs.values()]:
        for task_spec in spec.task_specs.values():
            if isinstance(task_spec, UserTask):
                found.setdefault(task_spec.bpmn_id, task_spec)
    return found


def _form_of(node) -> Form:
    """A camunda:formData element read as SpiffWorkflow reads a user task's."""
    form = Form()
    for xml_field in node.iter(f"{_CAMUNDA}formField"):
        raw = EnumFormField() if xml_field.get("type") == "enum" else FormField()
        raw.id, raw.type = xml_field.get("id"), xml_field.get("type")
        raw.label, raw.default_value = xml_field.get("label"), xml_field.get("defaultValue")
        for child in xml_field:
            if child.tag == f"{_CAMUNDA}properties":
                for prop in child:
                    raw.add_property(prop.get("id"), prop.get("value"))
            elif child.tag == f"{_CAMUNDA}validation":
                for rule in child:
                    raw.add_validation(rule.get("name"), rule.get("config"))
            elif child.tag == f"{_CAMUNDA}value" and isinstance(raw, EnumFormField):
                raw.add_option(child.get("id"), child.get("name"))
        form.add_field(raw)
    return form


def start_events(diagram) -> list:
    """The process's own start events (not its subprocesses'), as XML elements."""
    process = diagram.tree.find(f"{_BPMN}process[@id='{diagram.process_id}']")
    return [] if process is None else process.findall(f"{_BPMN}startEvent")


def start_form(diagram) -> list[FieldSchema]:
    """The fields the start event's camunda:formData declares (FormError when it is wrong)."""
    fields = []
    for event in start_events(diagram):
        for form_data in event.iter(f"{_CAMUNDA}formData"):
            fields.extend(form_fields(SimpleNamespace(form=_form_of(form_data))))
    return fields


def fields_or_none(read, source) -> list[FieldSchema]:
    """A form's fields; none when a version published before a check came in has it wrong
    (the page still shows the data, by name)."""
    try:
        return read(source)
    except FormError:
        return []


def declared_fields(version) -> dict[str, FieldSchema]:
    """{field id: its declaration} for the data of instances of `version`."""
    diagram = diagram_for(version)
    declared = {schema.id: schema for schema in fields_or_none(start_form, diagram)}
    shown_only = {}
    for task_spec in user_tasks(diagram).values():
        for schema in fields_or_none(form_fields, task_spec):
            if schema.readonly:
                shown_only.setdefault(schema.id, schema)
            else:
                declared.setdefault(schema.id, schema)
    declared.update({key: schema for key, schema in shown_only.items() if key not in declared})
    return declared


def element_name(diagram, element_id: str | None) -> str | None:
    """The name of a diagram element (an activity a timer waits on, say), or None."""
    if not element_id:
        return None
    node = next((n for n in diagram.tree.iter() if n.get("id") == element_id), None)
    return None if node is None else node.get("name")


def attached_to(diagram, event_id: str | None) -> str | None:
    """The name of the activity a boundary event is attached to."""
    node = next((n for n in diagram.tree.iter(f"{_BPMN}boundaryEvent")
                 if n.get("id") == event_id), None)
    return None if node is None else element_name(diagram, node.get("attachedToRef"))


@dataclass(frozen=True)
class Answer:
    """One value of a case, as people read it: its field's label and type, the value typed
    (a date for a date, a number for a number; a file is {"attachment_id", "name", ...})."""

    field: FieldSchema
    value: object

    @property
    def label(self) -> str:
        return self.field.label

    @property
    def type(self) -> str:
        return self.field.type

    @property
    def choice(self) -> str:
        """An enum value by its name, as the form offered it."""
        return dict(self.field.options).get(self.value, str(self.value))

    @property
    def named(self) -> str:
        """A user name as the person's name, an agency's code as the agency's (the field's
        `names` property); what names nobody is shown as it is."""
        from app.auth.models import Agency, User

        if self.field.names == "person":
            person = db.session.scalar(select(User).where(User.username == str(self.value)))
            return person.full_name if person is not None else str(self.value)
        agency = db.session.scalar(select(Agency).where(Agency.code == str(self.value)))
        return agency.name(str(get_locale() or "vi")) if agency is not None else str(self.value)

    def as_json(self) -> dict:
        plain = self.value.isoformat() if isinstance(self.value, date) else self.value
        shown = {"id": self.field.id, "label": self.label, "type": self.type, "value": plain}
        if self.type == "enum":
            shown["text"] = self.choice
        return shown


def typed(schema: FieldSchema, value):
    """The value as its field's type reads it; None for an empty one. A value of another
    type than declared (corrected by hand, or by a script) is kept as it is."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if schema.type == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return value
    if schema.type == "file" and not (isinstance(value, dict) and "attachment_id" in value):
        return None
    return value


def condition_holds(schema: FieldSchema, values: dict) -> bool:
    """A requiredWhen field counts only when its condition holds, as its form shows it."""
    if not schema.required_when:
        return True
    other, wanted = schema.required_when
    return str(values.get(other, "")).casefold() == wanted.casefold()


def filled(fields, values: dict) -> list[FieldSchema]:
    """The fields that hold a value and show by their requiredWhen, in the form's order: what
    a done step's page lists (a blank optional field, or one its condition hid, says
    nothing)."""
    return [schema for schema in fields if condition_holds(schema, values)
            and typed(schema, values.get(schema.id)) is not None]


def answers(fields, values: dict, picks=lambda schema: not schema.readonly) -> list[Answer]:
    """The non-empty values of `fields` that `picks` selects (by default those a person
    filled in), in the form's order."""
    found = []
    for schema in fields:
        if not picks(schema) or not condition_holds(schema, values):
            continue
        value = typed(schema, values.get(schema.id))
        if value is not None:
            found.append(Answer(schema, value))
    return found


def readable(value):
    """A value no form declares, as people read it: a day or a moment written as ISO text
    becomes a date or a time, within lists and records too."""
    if isinstance(value, str) and ISO_DAY.match(value):
        return date.fromisoformat(value)
    if isinstance(value, str) and ISO_MOMENT.match(value):
        return datetime.fromisoformat(value)
    if isinstance(value, list):
        return [readable(item) for item in value]
    if isinstance(value, dict):
        return {key: readable(item) for key, item in value.items()}
    return value


def described(version, data: dict) -> tuple[list[Answer], list[tuple[str, object]]]:
    """An instance's data for the page an admin reads: the values its diagram declares,
    labelled and typed, in the diagram's order (an empty one too); then the others by name."""
    declared = declared_fields(version)
    shown = [Answer(schema, typed(schema, data.get(key)))
             for key, schema in declared.items() if key in data]
    others = [(key, readable(value)) for key, value in data.items() if key not in declared]
    return shown, others
