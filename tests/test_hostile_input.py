"""Input no one types on purpose — NUL bytes, numbers past 64 bits, years 1 and 9999 — gets a
page or a clear refusal on every page that reads it, never a 500, on both databases."""

import pytest

from app.extensions import db
from tests import factories
from tests.conftest import _logged_in

HUGE = "99999999999999999999999"
# Grouped, so that each page is asked three times rather than once for each argument.
NUMBERS = ("page", "year", "agency", "a", "b", "draft", "version", "template", "step",
           "instance", "per_page")
HOSTILE_QUERIES = {
    "numbers": {name: HUGE for name in NUMBERS},
    "past 32 bits": {name: str(2**31) for name in NUMBERS},  # PostgreSQL's INTEGER
    "texts": {"q": "báo\x00cáo", "status": "\x00", "process": "a\x00b", "kind": "\x00",
              "form": "\x00", "role": "\x00", "sort": "\x00", "key": "x\x00", "a\x00b": "1",
              "agency": "id:" + HUGE},
    "dates": {"due_from": "01/01/0001", "due_to": "31/12/9999", "day": "31/12/9999",
              "from": "01/01/0001", "to": "31/12/9999"},
}


@pytest.fixture
def everyone(app, agencies):
    """A person holding every role, so that every page lets them in."""
    from app.auth.roles import Role

    user = factories.make_user("all.roles", roles=[role.value for role in Role],
                               agency_code="STTTT", full_name="Nguyễn Văn Toàn")
    return _logged_in(app, user)


def _list_pages(app) -> list[str]:
    return sorted({rule.rule for rule in app.url_map.iter_rules()
                   if "GET" in rule.methods and not rule.arguments
                   and not rule.rule.startswith(("/static", "/api/"))
                   and rule.endpoint not in {"auth.logout"}})


def test_no_page_fails_on_hostile_query_arguments(app, everyone):
    failed = {}
    for url in _list_pages(app):
        for name, query in HOSTILE_QUERIES.items():
            try:  # the test app lets a view's exception through: collect them all
                status = everyone.get(url, query_string=query).status_code
            except Exception as error:  # noqa: BLE001 - any of them is the finding
                status = f"{type(error).__name__}: {str(error)[:80]}"
            if status not in (200, 302, 400, 403, 404):
                failed[f"{url}?{name}"] = status
    assert failed == {}, "\n".join(f"{k}: {v}" for k, v in failed.items())


def test_a_query_argument_id_past_64_bits_names_nothing(app, everyone):
    for url in ["/cases/1/diagram.json?step=" + HUGE,
                "/admin/api/processes/compare?a=" + HUGE + "&b=" + HUGE,
                "/admin/processes/editor/source.json?draft=" + HUGE,
                "/admin/processes/editor/source.json?version=" + HUGE]:
        assert everyone.get(url).status_code in (200, 400, 404), url


def test_a_due_date_filter_of_year_1_or_9999_is_told_its_range(everyone):
    page = everyone.get("/tasks", query_string={"due_from": "01/01/0001",
                                                "due_to": "31/12/9999"})

    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert text.count("Ngày phải trong khoảng năm 1900 đến năm 2100.") == 2


def test_a_query_argument_with_nul_finds_as_without_it(app, everyone):
    page = everyone.get("/admin/instances", query_string={"q": "Báo\x00 cáo"})
    assert page.status_code == 200 and 'value="Báo cáo"' in page.get_data(as_text=True)


def test_a_file_name_with_nul_or_control_characters_is_kept_without_them(app, people, deploy):
    from app.workflow.models import Attachment
    from tests.conftest import login, post_form
    from tests.workflow import diagrams

    form = """<bpmn:extensionElements><camunda:formData>
      <camunda:formField id="evidence" label="Minh chứng" type="file" /></camunda:formData>
      </bpmn:extensionElements>"""
    deploy(diagrams.two_steps(form=form, key="with_file"))
    from app import workflow

    instance = workflow.start_process("with_file", user=people["sct"])
    [step] = workflow.open_steps(instance)
    client = app.test_client()
    login(client, "clerk.sct", factories.PASSWORD)

    import io

    response = post_form(client, f"/tasks/{step.id}", {
        "field_evidence": (io.BytesIO(b"%PDF-1.7 minh chung"), "bien\x00ban\x01\x9b.pdf")},
        content_type="multipart/form-data")

    assert response.status_code in (200, 302, 303)
    db.session.expire_all()
    [attachment] = db.session.query(Attachment).all()
    assert attachment.filename == "bienban.pdf"
