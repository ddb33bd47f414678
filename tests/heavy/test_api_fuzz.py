"""The JSON API fuzzed from its own OpenAPI document (schemathesis, over WSGI): whatever a
program sends — any value the document allows, and values it does not — the answer is never a
500 and always one the document describes (its status listed, its body of that schema).

Bounded: a fixed number of examples per operation, generated deterministically (derandomize),
so a run takes the same time and finds the same things each time."""

from contextlib import contextmanager

import pytest
import schemathesis
from flask import globals as flask_globals
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.workflow import diagrams

CHECKS = [not_a_server_error, response_schema_conformance]
EXAMPLES = {GenerationMode.POSITIVE: 30, GenerationMode.NEGATIVE: 15}
FORM = """<bpmn:extensionElements><camunda:formData>
  <camunda:formField id="result" label="Kết quả" type="string">
    <camunda:validation><camunda:constraint name="required" /></camunda:validation>
  </camunda:formField>
  <camunda:formField id="count" label="Số lượng" type="long" />
  <camunda:formField id="done" label="Đã xong" type="boolean" />
  <camunda:formField id="on" label="Ngày" type="date" />
  <camunda:formField id="kind" label="Loại" type="enum">
    <camunda:value id="a" name="Loại A" /><camunda:value id="b" name="Loại B" />
  </camunda:formField>
  <camunda:formField id="evidence" label="Minh chứng" type="file" />
</camunda:formData></bpmn:extensionElements>"""


@pytest.fixture
def seeded(app, deploy, people, token_for):
    """Two published processes, a few cases with open steps, and a clerk's token."""
    from app import workflow

    deploy(diagrams.two_steps())
    deploy(diagrams.two_steps(form=FORM, key="every_field"))
    steps = []
    for key, subject in [("two_steps", "Báo cáo quý I"), ("every_field", "Hồ sơ đủ loại"),
                         ("every_field", "Hồ sơ thứ hai")]:
        instance = workflow.start_process(key, user=people["sct"], subject=subject)
        steps += [step.id for step in workflow.open_steps(instance)]
    return {"token": token_for(people["sct"]), "steps": steps}


@contextmanager
def own_app_context():
    """Each request in its own app context and database session, as a real server serves it
    (tests/conftest.py's RequestIsolatedClient does the same for the test client)."""
    token = flask_globals._cv_app.set(None)
    try:
        yield
    finally:
        flask_globals._cv_app.reset(token)


def _fuzz(operation, token: str, mode: GenerationMode, **fixed) -> list[str]:
    """Run `operation`'s examples; the failures, each as one readable line."""
    failures: list[str] = []

    @given(case=operation.as_strategy(generation_mode=mode, **fixed))
    @settings(max_examples=EXAMPLES[mode], derandomize=True, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    def run(case):
        with own_app_context():
            response = case.call(headers={"Authorization": f"Bearer {token}"})
        try:
            case.validate_response(response, checks=CHECKS)
        except Exception as error:  # noqa: BLE001 - schemathesis groups its failures
            failures.append(f"{operation.label} [{mode.value}] {case.path_parameters} "
                            f"{case.query} {str(case.body)[:120]!r} -> "
                            f"{response.status_code}: {str(error).splitlines()[0][:200]}")

    run()
    return failures


def test_the_api_answers_as_its_document_says(app, seeded):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in EXAMPLES:
            failures += _fuzz(operation, seeded["token"], mode)
            if "item_id" in operation.path:  # and on real steps, not only on missing ones
                for step in seeded["steps"]:
                    failures += _fuzz(operation, seeded["token"], mode,
                                      path_parameters={"item_id": step})
    assert not failures, "\n".join(dict.fromkeys(failures))
