"""The page that moves cases to a new version: bad or stale choices get a clear message,
never a 500, and change nothing."""

from app import workflow
from app.extensions import db
from app.workflow.models import ProcessInstance
from tests import factories
from tests.conftest import post_form
from tests.workflow import diagrams


def test_a_case_that_cannot_move_is_refused_with_its_reason_and_nothing_changes(
        admin_client, deploy, people):
    deploy(diagrams.two_steps())
    case = workflow.start_process("two_steps", subject="Báo cáo tháng 4")
    workflow.complete(factories.open_step(case.id, "report").id, people["sct"],
                      {"result": "Xong"})
    newer = deploy(diagrams.two_steps().replace('name="Duyệt"', 'name="Phê duyệt"'))
    url = f"/admin/processes/versions/{newer.id}/migrate"

    page = admin_client.get(url).get_data(as_text=True)
    assert "Báo cáo tháng 4" in page and f'value="{case.id}"' not in page

    # A forged choice of the case that cannot move, a word, nothing at all.
    refused = post_form(admin_client, url, {"instance_id": [str(case.id), "abc"]},
                        follow_redirects=True)
    nothing = post_form(admin_client, url, {}, follow_redirects=True)

    assert refused.status_code == 200 and "Không chuyển được: #" in refused.get_data(as_text=True)
    assert "Hãy chọn hồ sơ cần chuyển." in nothing.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(ProcessInstance, case.id).version.number == 1
    assert admin_client.get("/admin/processes/versions/99999/migrate").status_code == 404


def test_only_admins_move_cases(staff_client, deploy):
    newer = deploy(diagrams.two_steps())
    assert staff_client.get(f"/admin/processes/versions/{newer.id}/migrate").status_code == 403
