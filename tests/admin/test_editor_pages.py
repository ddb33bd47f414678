"""The editor's pages for admins: the source it opens (a version, a draft with its problems,
a blank diagram or a template), the lists its picker offers, versions compared, the process
page's drafts and amendment history; and the policy the editor is served under."""

from app.auth.roles import Role
from app.extensions import db
from app.security import BPMN_STYLE_ATTRIBUTES, CONTENT_SECURITY_POLICY, DIAGRAM_POLICY
from tests.conftest import csrf_token
from tests.workflow import diagrams


def _save(client, xml, **body):
    return client.post("/admin/api/processes/drafts", json={"xml": xml, **body},
                       headers={"X-CSRFToken": csrf_token(client)})


def test_the_editor_alone_gets_the_diagram_policy_and_it_adds_only_hashed_style_attributes(
        admin_client, two_steps):
    editor = admin_client.get(f"/admin/processes/editor?version={two_steps.id}")
    other = admin_client.get("/admin/processes")

    assert editor.status_code == 200
    assert editor.headers["Content-Security-Policy"] == DIAGRAM_POLICY
    assert other.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    extra = DIAGRAM_POLICY.removeprefix(CONTENT_SECURITY_POLICY + "; ")
    assert extra.startswith("style-src-attr 'unsafe-hashes' 'sha256-")
    assert extra.count("'sha256-") == len(BPMN_STYLE_ATTRIBUTES)
    assert "unsafe-inline" not in DIAGRAM_POLICY and "unsafe-eval" not in DIAGRAM_POLICY


def test_the_editor_opens_a_version_then_its_draft_with_the_problems_by_element(
        admin_client, two_steps):
    source = admin_client.get(f"/admin/processes/editor/source.json?version={two_steps.id}")
    assert source.get_json()["key"] == "two_steps" and "Báo cáo" in source.get_json()["xml"]

    broken = diagrams.two_steps(first="KHONG_CO")
    saved = _save(admin_client, broken, key="two_steps", from_version_id=two_steps.id)
    draft_id = saved.get_json()["id"]

    db.session.expire_all()
    reopened = admin_client.get(f"/admin/processes/editor/source.json?draft={draft_id}")
    body = reopened.get_json()
    assert body["draft"]["revision"] == 1 and body["version_id"] == two_steps.id
    assert [p["element_id"] for p in body["problems"]] == ["report"]
    assert "KHONG_CO" in body["problems"][0]["message"]
    page = admin_client.get("/admin/processes").get_data(as_text=True)
    assert f"/admin/processes/editor?draft={draft_id}" in page and "1 vấn đề" in page


def test_a_new_process_starts_blank_or_from_a_template_and_a_bad_key_is_explained(
        admin_client, two_steps):
    blank = admin_client.get("/admin/processes/editor/source.json?key=tiep_dan&name=Tiếp dân")
    template = admin_client.get(
        f"/admin/processes/editor/source.json?key=bao_cao_moi&template={two_steps.id}")
    bad = admin_client.get("/admin/processes/editor/source.json?key=hai từ")

    assert blank.get_json()["new"] is True
    assert 'id="tiep_dan"' in blank.get_json()["xml"] and "BPMNShape" in blank.get_json()["xml"]
    assert "Báo cáo" in template.get_json()["xml"] and template.get_json()["key"] == "bao_cao_moi"
    assert bad.status_code == 400 and "Mã quy trình là một từ" in bad.get_json()["error"]


def test_the_picker_lists_agencies_groups_and_roles_in_vietnamese(admin_client):
    body = admin_client.get("/admin/processes/assignees.json").get_json()

    values = {a["value"]: a["label"] for a in body["audiences"]}
    assert values["SCT"] == "Sở Công Thương (SCT)"
    assert values["coordinator"].startswith("Vai trò:")
    assert {"value": "agency_lead", "label": str(Role.AGENCY_LEAD.label)} in body["roles"]
    assert len(body["roles"]) == len(Role)


def test_people_who_are_not_admins_cannot_open_the_editor(staff_client, two_steps):
    for url in (f"/admin/processes/editor?version={two_steps.id}",
                f"/admin/processes/editor/source.json?version={two_steps.id}",
                "/admin/processes/assignees.json", "/admin/processes/compare?a=1&b=1"):
        assert staff_client.get(url).status_code == 403


def test_two_versions_compared_list_what_was_added_removed_and_changed(admin_client, deploy):
    older = deploy(diagrams.two_steps())
    changed = diagrams.two_steps(second="STTTT").replace('name="Duyệt"', 'name="Phê duyệt"')
    newer = deploy(changed)

    page = admin_client.get(f"/admin/processes/compare?a={older.id}&b={newer.id}")
    text = page.get_data(as_text=True)

    assert page.status_code == 200
    assert 'data-element-id="approve"' in text and "Phê duyệt" in text
    assert admin_client.get(f"/admin/processes/compare?a={older.id}&b=99999").status_code == 404


def test_a_version_is_drawn_for_reading_and_export(admin_client, two_steps):
    page = admin_client.get(f"/admin/processes/versions/{two_steps.id}/diagram")
    body = admin_client.get(f"/admin/processes/versions/{two_steps.id}/diagram.json").get_json()

    assert "Tải tệp .bpmn" in page.get_data(as_text=True) and "In sơ đồ" in page.get_data(
        as_text=True)
    assert body["xml"] == two_steps.xml and body["completed"] == {}


def test_a_draft_is_compared_with_its_version_and_a_new_process_is_all_added(
        admin_client, two_steps):
    renamed = diagrams.two_steps().replace('name="Duyệt"', 'name="Phê duyệt"')
    draft = _save(admin_client, renamed, key="two_steps",
                  from_version_id=two_steps.id).get_json()
    fresh = _save(admin_client, diagrams.two_steps(key="moi_hoan_toan")).get_json()

    page = admin_client.get(f"/admin/processes/compare?draft={draft['id']}")
    new = admin_client.get(f"/admin/processes/compare?draft={fresh['id']}")

    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Bản nháp (lần lưu 1)" in text
    assert 'data-element-id="approve"' in text
    assert new.status_code == 200 and "chưa có phiên bản ban hành" in new.get_data(as_text=True)
    assert admin_client.get("/admin/processes/compare?draft=99999").status_code == 404


def test_an_open_draft_of_a_process_never_published_is_listed_with_who_when_and_problems(
        admin_client, agencies):
    xml = diagrams.two_steps(first="KHONG_CO").replace('id="two_steps"', 'id="tiep_cong_dan"')
    saved = _save(admin_client, xml, key="tiep_cong_dan")
    assert saved.status_code in (200, 201), saved.get_data(as_text=True)
    draft_id = saved.get_json()["id"]

    db.session.expire_all()
    page = admin_client.get("/admin/processes").get_data(as_text=True)

    listed = page.split('id="drafts-title"')[1].split("</section>")[0]
    assert "tiep_cong_dan" in listed and f"/admin/processes/editor?draft={draft_id}" in listed
    assert "1 vấn đề" in listed and "Mở trong trình soạn thảo" in listed
    opened = admin_client.get(f"/admin/processes/editor?draft={draft_id}")
    assert opened.status_code == 200


def test_a_new_process_from_a_template_opens_as_a_draft_that_can_run(admin_client, agencies):
    page = admin_client.get("/admin/processes").get_data(as_text=True)
    assert 'value="approval"' in page and 'value="each_agency"' in page

    editor = admin_client.get("/admin/processes/editor?key=phe_duyet&name=Phê duyệt"
                              "&template=approval").get_data(as_text=True)
    assert "starter=approval" in editor
    approval = admin_client.get("/admin/processes/editor/source.json?key=phe_duyet"
                                "&name=Phê duyệt&starter=approval").get_json()
    reports = admin_client.get("/admin/processes/editor/source.json?key=bao_cao_so"
                               "&starter=each_agency").get_json()
    unknown = admin_client.get("/admin/processes/editor/source.json?key=x&starter=khong_co")

    assert approval["new"] is True and 'id="phe_duyet"' in approval["xml"]
    assert 'ket_luan == "tra_lai"' in approval["xml"] and "BPMNShape" in approval["xml"]
    assert 'camunda:collection="co_quan_bao_cao"' in reports["xml"]
    assert unknown.status_code == 400
    for key, body in (("phe_duyet", approval), ("bao_cao_so", reports)):
        saved = _save(admin_client, body["xml"], key=key)
        assert saved.get_json()["problems"] == [], saved.get_json()
    db.session.expire_all()
    listed = admin_client.get("/admin/processes").get_data(as_text=True)
    assert "phe_duyet" in listed and "bao_cao_so" in listed
