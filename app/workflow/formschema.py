"""The form a user task asks for, read from camunda:formData, checked and typed.

Field types: string (multi-line with the property multiline=true), long, boolean, date,
enum, and file (evidence attachments). Constraints: required, minlength, maxlength, min,
max, readonly. The property requiredWhen="other=value" makes a field required only when
another field of the form has that value ("what was done" only when reporting); the
property names="person" (or "agency") says a value is a user name (or an agency's code), so
pages show the person (or agency) by name.
"""

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from flask_babel import lazy_gettext as _l

FIELD_TYPES = ("string", "long", "boolean", "date", "enum", "file")
CONSTRAINTS = ("required", "minlength", "maxlength", "min", "max", "readonly")
NAMED = ("person", "agency")  # what a text field's value may name (the property `names`)


class FormError(ValueError):
    """A form the diagram defines wrongly, said in the reader's language."""

    def __init__(self, reason) -> None:
        super().__init__(str(reason))


@dataclass
class FieldSchema:
    id: str
    label: str
    type: str
    required: bool = False
    readonly: bool = False
    multiline: bool = False
    minlength: int | None = None
    maxlength: int | None = None
    min: int | date | None = None
    max: int | date | None = None
    options: list[tuple[str, str]] = field(default_factory=list)
    default: str | None = None
    required_when: tuple[str, str] | None = None
    names: str | None = None  # "person" (a user name) or "agency" (a code): shown by name

    def as_json(self) -> dict:
        data = asdict(self)
        for key in ("min", "max"):
            if isinstance(data[key], date):
                data[key] = data[key].isoformat()
        data["options"] = [{"id": o, "name": n} for o, n in self.options]
        return {key: value for key, value in data.items() if value not in (None, [], False)}


def parse_date(text: str) -> date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise FormError(_l("'%(text)s' is not a date (dd/mm/yyyy)", text=text))


def _bound(kind: str, name: str, config) -> int | date:
    if config is None or str(config).strip() == "":
        raise FormError(_l("constraint %(name)s needs a value", name=name))
    if kind == "date":
        return parse_date(str(config))
    try:
        return int(str(config).strip())
    except ValueError:
        raise FormError(_l("constraint %(name)s needs a whole number, not '%(config)s'",
                           name=name, config=config)) from None


def _field(raw) -> FieldSchema:
    field_id = raw.id or ""
    if not field_id.isidentifier() or field_id.startswith("_"):
        raise FormError(_l("field id '%(id)s' must be a name of letters, digits and '_'",
                           id=field_id))
    if raw.type not in FIELD_TYPES:
        raise FormError(_l("field %(id)s has unsupported type '%(type)s'", id=field_id,
                           type=raw.type))
    schema = FieldSchema(id=field_id, label=raw.label or field_id, type=raw.type,
                         default=raw.default_value or None)
    schema.multiline = str(raw.get_property("multiline")).lower() == "true"
    schema.names = raw.get_property("names") or None
    if schema.names not in (None, *NAMED):
        raise FormError(_l("field %(id)s: names is 'person' or 'agency', not '%(names)s'",
                           id=field_id, names=schema.names))
    condition = raw.get_property("requiredWhen")
    if condition:
        other, sign, value = str(condition).partition("=")
        if not sign or not other.strip():
            raise FormError(_l("field %(id)s: requiredWhen is 'field=value', not '%(condition)s'",
                               id=field_id, condition=condition))
        schema.required_when = (other.strip(), value.strip())
    if raw.type == "enum":
        schema.options = [(o.id, o.name or o.id) for o in raw.options]
        if not schema.options:
            raise FormError(_l("enum field %(id)s has no values", id=field_id))
    for rule in raw.validation:
        if rule.name not in CONSTRAINTS:
            raise FormError(_l("field %(id)s has unknown constraint '%(name)s'", id=field_id,
                               name=rule.name))
        if rule.name in ("required", "readonly"):
            setattr(schema, rule.name, str(rule.config or "true").lower() != "false")
        elif rule.name in ("minlength", "maxlength"):
            if raw.type != "string":
                raise FormError(_l("%(name)s applies to text fields, not %(id)s",
                                   name=rule.name, id=field_id))
            setattr(schema, rule.name, _bound("long", rule.name, rule.config))
        else:
            if raw.type not in ("long", "date"):
                raise FormError(_l("%(name)s applies to number and date fields, not %(id)s",
                                   name=rule.name, id=field_id))
            setattr(schema, rule.name, _bound(raw.type, rule.name, rule.config))
    return schema


def form_fields(task_spec) -> list[FieldSchema]:
    """The checked fields of a user task's form (empty when it has none)."""
    form = getattr(task_spec, "form", None)
    if form is None:
        return []
    fields = [_field(raw) for raw in form.fields]
    ids = [f.id for f in fields]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise FormError(_l("field ids repeat: %(ids)s", ids=", ".join(sorted(duplicates))))
    by_id = {schema.id: schema for schema in fields}
    for schema in fields:
        if schema.required_when and schema.required_when[0] not in ids:
            raise FormError(_l("field %(id)s is required when '%(other)s' has a value, but the "
                               "form has no such field", id=schema.id,
                               other=schema.required_when[0]))
        if schema.type == "enum" and schema.default is not None and \
                schema.default not in {option for option, _ in schema.options}:
            raise FormError(_l("field %(id)s: defaultValue '%(default)s' is not one of its values",
                               id=schema.id, default=schema.default))
        _refuse_circles(schema, by_id)
    return fields


def _refuse_circles(schema: FieldSchema, by_id: dict[str, FieldSchema]) -> None:
    """A field shown only when another is, which is shown only when the first is: never."""
    seen, current = {schema.id}, schema
    while current.required_when:
        current = by_id[current.required_when[0]]
        if current.id in seen:
            raise FormError(_l("field %(id)s: requiredWhen goes round in a circle",
                               id=schema.id))
        seen.add(current.id)
