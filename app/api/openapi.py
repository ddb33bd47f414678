"""The OpenAPI 3.1 description of /api/v1. A test checks that it lists exactly the routes."""

from app.bounds import MAX_ROW_ID

ERROR = {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}

WORK_ITEM = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"}, "title": {"type": "string"}, "process": {"type": "string"},
        "subject": {"type": "string"}, "instance_id": {"type": "integer"},
        "status": {"type": "string", "enum": ["open", "completed", "cancelled"]},
        "badge": {"type": "string", "enum": ["in_progress", "due_soon", "overdue",
                                             "done_on_time", "done_late", "done",
                                             "cancelled"]},
        "due_at": {"type": ["string", "null"], "format": "date-time"},
        "claimed_by": {"type": ["string", "null"], "description": "who holds it"},
        "assigned_to": {"type": ["string", "null"],
                        "description": "the person it was given to by name"},
        "agency": {"type": ["string", "null"]},
        "group": {"type": ["string", "null"]}, "role": {"type": ["string", "null"]},
        "required_role": {"type": ["string", "null"],
                          "description": "the role its agency's people need (else staff "
                                         "or lead)"},
        "suspended": {"type": "boolean", "description": "its case is suspended"},
    },
}

FIELD = {
    "type": "object",
    "properties": {
        "id": {"type": "string"}, "label": {"type": "string"},
        "type": {"type": "string", "enum": ["string", "long", "boolean", "date", "enum",
                                            "file"]},
        "required": {"type": "boolean"}, "readonly": {"type": "boolean"},
        "multiline": {"type": "boolean"}, "minlength": {"type": "integer"},
        "maxlength": {"type": "integer"}, "min": {}, "max": {},
        "options": {"type": "array", "items": {"type": "object"}},
    },
}


def _errors(*codes: int) -> dict:
    text = {400: "Invalid request or values", 401: "No valid token", 403: "Not yours",
            404: "Not found", 409: "Already completed or changed by someone else"}
    return {str(code): {"description": text[code], "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        for code in codes}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ONE_LINE = ("one line: control characters are dropped, spaces and line breaks run "
            "together; no NUL")
ITEM_ID = [{"name": "item_id", "in": "path", "required": True, "schema": {"type": "integer"}}]
STEPS = {"type": "array", "items": {"$ref": "#/components/schemas/WorkItem"}}
# An earlier step of the case: who did it, when, and its answers (an enum also by its name).
CASE_STEP = {"type": "object", "properties": {
    "step": {"type": "string"}, "title": {"type": "string"},
    "by": {"type": ["string", "null"]}, "agency": {"type": ["string", "null"]},
    "at": {"type": ["string", "null"], "format": "date-time"},
    "values": {"type": "array", "items": {"type": "object", "properties": {
        "id": {"type": "string"}, "label": {"type": "string"}, "type": {"type": "string"},
        "value": {}, "text": {"type": "string"}}}}}}


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Thông tin đối ngoại Quảng Ngãi — workflow API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "security": [{"token": []}],
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Error": ERROR, "WorkItem": WORK_ITEM, "Field": FIELD},
        },
        "paths": {
            "/openapi.json": {"get": {"summary": "This document", "security": [],
                                      "responses": {"200": _json({"type": "object"})}}},
            "/instances": {"post": {
                "summary": "Start an instance of a published process",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["process"],
                    "properties": {"process": {"type": "string"},
                                   "business_key": {"type": "string", "description": ONE_LINE},
                                   "subject": {"type": "string", "description": ONE_LINE},
                                   "data": {"type": "object"}},
                }}}},
                "responses": {"201": _json({"type": "object", "properties": {
                    "id": {"type": "integer"}, "status": {"type": "string"},
                    "open_steps": STEPS}}, "Started"), **_errors(400, 401, 403, 404)},
            }},
            "/work-items": {"get": {
                "summary": "My work items",
                "parameters": [
                    {"name": "status", "in": "query", "description":
                        "mine: given to or claimed by me; unclaimed: my agency's, group's or "
                        "role's, held by nobody; open (default): all I may see",
                     "schema": {"type": "string", "enum": [
                        "open", "mine", "unclaimed", "due_soon", "overdue", "done"]}},
                    {"name": "instance", "in": "query", "description":
                        "only the steps of this case (instance id)",
                     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ROW_ID}},
                    {"name": "sort", "in": "query", "description":
                        "due (default): soonest deadline first, those without one last; "
                        "newest or oldest: by when the step opened",
                     "schema": {"type": "string", "enum": ["due", "newest", "oldest"]}},
                    {"name": "q", "in": "query", "description": "words of the title, the "
                     "subject or the case number, with or without diacritics",
                     "schema": {"type": "string"}},
                    {"name": "process", "in": "query", "schema": {"type": "string"}},
                    {"name": "page", "in": "query", "description": "from 1; a page past "
                     "the last is empty", "schema": {"type": "integer", "minimum": 1}},
                    {"name": "per_page", "in": "query", "description": "25 unless asked; "
                     "more than 100 gives 100", "schema": {"type": "integer", "minimum": 1}},
                ],
                "responses": {"200": _json({"type": "object", "properties": {
                    "items": STEPS, "page": {"type": "integer"},
                    "pages": {"type": "integer"}, "total": {"type": "integer"},
                    "counts": {"type": "object", "properties": {
                        "mine": {"type": "integer"}, "unclaimed": {"type": "integer"}}}}}),
                    **_errors(400, 401)},
            }},
            "/work-items/{item_id}": {"get": {
                "summary": "One work item with its form schema, its data, and what the earlier "
                           "steps of its case said (as its diagram's `shows` picks)",
                "parameters": ITEM_ID,
                "responses": {"200": _json({"allOf": [
                    {"$ref": "#/components/schemas/WorkItem"},
                    {"type": "object", "properties": {
                        "form": {"type": "array", "items": {"$ref": "#/components/schemas/Field"}},
                        "data": {"type": "object"},
                        "case": {"type": "array", "items": CASE_STEP}}}]}),
                    **_errors(401, 403, 404)},
            }},
            "/work-items/{item_id}/claim": {"post": {
                "summary": "Claim a work item", "parameters": ITEM_ID,
                "responses": {"200": _json({"$ref": "#/components/schemas/WorkItem"}),
                              **_errors(401, 403, 404, 409)},
            }},
            "/work-items/{item_id}/unclaim": {"post": {
                "summary": "Give a claimed work item back to its agency (not one given to "
                           "you by name: hand it over instead)", "parameters": ITEM_ID,
                "responses": {"200": _json({"$ref": "#/components/schemas/WorkItem"}),
                              **_errors(401, 403, 404, 409)},
            }},
            "/work-items/{item_id}/hand-over": {"post": {
                "summary": "Hand a work item you hold to a colleague of your agency",
                "parameters": ITEM_ID,
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["to", "reason"],
                    "properties": {"to": {"type": "string", "description": "user name"},
                                   "reason": {"type": "string"}}}}}},
                "responses": {"200": _json({"$ref": "#/components/schemas/WorkItem"}),
                              **_errors(400, 401, 403, 404, 409)},
            }},
            "/work-items/{item_id}/release": {"post": {
                "summary": "Free a held work item for its agency (administrator or "
                           "coordinator)", "parameters": ITEM_ID,
                "responses": {"200": _json({"$ref": "#/components/schemas/WorkItem"}),
                              **_errors(401, 403, 404, 409)},
            }},
            "/work-items/{item_id}/complete": {"post": {
                "summary": "Complete a work item with its form values",
                "description": "Values by field id: text, whole numbers, JSON true/false, "
                               "dates (1900-2100) as YYYY-MM-DD or dd/mm/yyyy, enum ids, "
                               "and files as {\"name\": ..., \"content_base64\": ...}; "
                               "null or a left-out field is blank. Text is kept NFC, "
                               "without control characters but tab and line breaks, and may "
                               "hold no NUL or lone surrogate; bodies nest at most 16 "
                               "levels. A 400 names each field at fault.",
                "parameters": ITEM_ID,
                "requestBody": {"required": False, "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"values": {
                        "type": ["object", "null"],
                        "description": "left out, null or {}: no values (a step without "
                                       "required fields)"}}}}}},
                "responses": {"200": _json({"type": "object", "properties": {
                    "instance_id": {"type": "integer"}, "status": {"type": "string"},
                    "open_steps": STEPS}}), **_errors(400, 401, 403, 404, 409)},
            }},
        },
    }
