"""Every route, tried by everyone: each role alone, and nobody signed in; GET and POST (with a
valid CSRF token and an empty form). The answers must be the designed ones, written below as a
reviewed table (ACCESS): read from each view's guards (login_required, roles_required,
restrict_blueprint, the modules' access checks), never a snapshot of what the app answers.

A route whose endpoint has no row fails the test: a new page says who may reach it here.

The answer classes:
- signed out: a page sends the visitor to /login (302), the API answers 401;
- a signed-in role the row leaves out: 403 (or 404 where the row says the design hides the
  thing: `denied=HIDDEN`);
- a role the row lets in: anything but 401, 403 and 500 (a form refused with 200 or 400, a
  redirect after an action, 404 for a thing that is not there, 405 for a method the route
  does not take, 409 for an action the thing's state refuses), and 403 too where the row
  says the view decides per thing (`per_thing=True`: one's own agency's class, nomination...);
- nobody, ever: 500.
"""

from dataclasses import dataclass

from sqlalchemy import text
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.routing import IntegerConverter

from app.api import tokens
from app.auth.models import User
from app.auth.roles import Role
from app.extensions import db
from tests import factories
from tests.conftest import csrf_token, login

ADMIN, COORDINATOR, LEAD, STAFF = Role.ADMIN, Role.COORDINATOR, Role.AGENCY_LEAD, Role.AGENCY_STAFF
HOME_AFFAIRS, SANCTIONING, TRAINEE = Role.HOME_AFFAIRS, Role.SANCTIONING_OFFICIAL, Role.TRAINEE
EVERY_ROLE = frozenset(Role)
FORBIDDEN, HIDDEN = frozenset({403}), frozenset({403, 404})


@dataclass(frozen=True)
class Access:
    roles: frozenset | None  # who may reach it; None: anybody, signed in or not
    denied: frozenset = FORBIDDEN  # what a signed-in role outside `roles` gets
    per_thing: bool = False  # the view also checks the thing itself: 403 is fine for `roles`
    token: bool = False  # the API: a bearer token, not the session


def only(*roles: Role, denied=FORBIDDEN, per_thing=False) -> Access:
    return Access(frozenset(roles), denied=denied, per_thing=per_thing)


PUBLIC = Access(None)
SIGNED_IN = Access(EVERY_ROLE)
SIGNED_IN_PER_THING = Access(EVERY_ROLE, per_thing=True)
TOKEN = Access(EVERY_ROLE, per_thing=True, token=True)
ADMIN_ONLY = only(ADMIN)
PLAN_REPORTERS = only(COORDINATOR, ADMIN)  # app/plan/report_views.py REPORTERS
PLAN_READERS = only(COORDINATOR, ADMIN, LEAD)  # the dashboard, the issued report
TRAINING_ORGANISERS = (ADMIN, COORDINATOR, STAFF, LEAD)  # modules/training/access.may_organise
REGISTRY_READERS = (COORDINATOR, HOME_AFFAIRS, ADMIN, LEAD, STAFF)  # registry_access.READERS

# The design: one row per endpoint (the blueprint's guard, then the view's own check).
ACCESS: dict[str, Access] = {
    # Signing in and the public pages.
    "auth.login": PUBLIC,
    "auth.forgot_password": PUBLIC,
    "auth.set_password": PUBLIC,  # the link's token is the key
    "auth.logout": SIGNED_IN,
    "auth.change_password": SIGNED_IN,
    "auth.end_other_sessions": SIGNED_IN,  # ends only the person's other browsers
    "i18n.switch_language": PUBLIC,
    "certificate_check.check_page": PUBLIC,  # anyone checks a training certificate
    "certificate_check.check_number": PUBLIC,
    "api.openapi": PUBLIC,
    # Everyone signed in: their own things.
    "home.index": SIGNED_IN,
    "account.profile": SIGNED_IN,
    "account.create_token": SIGNED_IN,
    "account.revoke_token": SIGNED_IN_PER_THING,  # one's own tokens only
    "notifications.list_page": SIGNED_IN,
    "notifications.mark_read": SIGNED_IN,
    "notifications.open_page": SIGNED_IN_PER_THING,  # one's own notices (404 for others')
    # Steps: whoever the step is for (the engine's may_take/may_see).
    "tasks.inbox_page": SIGNED_IN,
    "tasks.start_page": SIGNED_IN,
    "tasks.start": SIGNED_IN_PER_THING,  # the process's starters
    "tasks.step_page": SIGNED_IN_PER_THING,
    "tasks.claim": SIGNED_IN_PER_THING,
    "tasks.unclaim": SIGNED_IN_PER_THING,
    "tasks.release": SIGNED_IN_PER_THING,
    "tasks.hand_over": SIGNED_IN_PER_THING,
    "tasks.attachment": SIGNED_IN_PER_THING,
    "diagrams.case_diagram": SIGNED_IN_PER_THING,
    # The API: a token names the person; the engine checks the step.
    **{f"api.{name}": TOKEN for name in (
        "claim", "complete", "hand_over", "list_items", "read_item", "release", "start",
        "unclaim")},
    # An agency's people: its lead (agency_people.py), and the admin through the agencies.
    "agency_people.own_people": only(LEAD),
    "agency_people.people": SIGNED_IN_PER_THING,  # the lead of that agency, or the admin
    "agency_people.new_account": SIGNED_IN_PER_THING,
    "agency_people.new_link": SIGNED_IN_PER_THING,
    # The plan.
    "plan.catalogue_page": SIGNED_IN,
    "plan.item_page": SIGNED_IN,
    "plan.new_item": ADMIN_ONLY,
    "plan.edit_item": ADMIN_ONLY,
    "plan.retire_item": ADMIN_ONLY,
    "plan.settings_page": ADMIN_ONLY,
    "plan.launch": only(COORDINATOR, ADMIN),
    "plan.dashboard_page": PLAN_READERS,
    "plan.dashboard_pdf": PLAN_READERS,
    "plan.dashboard_xlsx": PLAN_READERS,
    "plan.reports_page": PLAN_REPORTERS,
    "plan.report_page": PLAN_REPORTERS,
    "plan.draft_pdf": PLAN_REPORTERS,
    "plan.issue_report": PLAN_REPORTERS,
    "plan.open_cycle": PLAN_REPORTERS,
    "plan.request_ad_hoc": PLAN_REPORTERS,
    # The issued report: its readers; a lead gets 404 while none is issued.
    "plan.report_pdf": only(COORDINATOR, ADMIN, LEAD),
    # Violations: the coordinator's register (restrict_blueprint); the inspector works in steps.
    **{f"violations.{name}": only(COORDINATOR, ADMIN) for name in (
        "register_page", "case_page", "intake_page", "hand_over_page")},
    # Training: signed in (the blueprint); organisers, leads, trainees as each view says.
    "training.classes_page": SIGNED_IN,
    "training.my_registrations_page": SIGNED_IN,
    "training.class_page": SIGNED_IN_PER_THING,  # a class open to the person's agency
    "training.calendar_file": SIGNED_IN_PER_THING,
    "training.register": SIGNED_IN_PER_THING,
    "training.withdraw": SIGNED_IN_PER_THING,  # one's own registration
    "training.nomination_document": SIGNED_IN_PER_THING,
    "training.evaluation_page": SIGNED_IN_PER_THING,  # a trainee of that class
    "training.checkin_page": SIGNED_IN,
    "training.certificate_file": SIGNED_IN_PER_THING,
    "training.agency_page": only(LEAD),
    "training.nominate_page": only(LEAD, per_thing=True),
    "training.organiser_page": only(*TRAINING_ORGANISERS),
    **{f"training.{name}": only(*TRAINING_ORGANISERS, per_thing=True) for name in (
        "course_form_page", "course_page", "class_form_page", "roster_page", "publish",
        "close", "postpone", "cancel", "remove", "attendance_page", "tick_page",
        "session_code_page", "attendance_rule", "override_result", "attendance_sheet",
        "completion_list", "class_list")},
    # Commendations (modules/awards/access.py): signed in; each view checks the person.
    "awards.index_page": SIGNED_IN,
    "awards.catalogue_page": only(ADMIN, COORDINATOR, HOME_AFFAIRS),
    **{f"awards.{name}": ADMIN_ONLY for name in (
        "edit_form_page", "council_page", "consultees_page", "remove_council_member",
        "print_offsets_page", "print_sample_pdf")},
    "awards.new_round_page": only(COORDINATOR),
    **{f"awards.{name}": SIGNED_IN_PER_THING for name in (
        "round_page", "close_round", "propose_page", "nomination_page", "save_nomination",
        "send_nomination", "remove_document", "accept_nomination", "return_nomination",
        "answer_consultation", "consultations_page", "nomination_document",
        "consultation_document", "send_list", "list_page", "return_list", "ask_council",
        "council_opinion", "approve_list", "record_decision", "list_file", "decision_pdf",
        "list_certificates_pdf", "certificate_pdf", "nomination_decision_pdf",
        "refusal_pdf")},
    # The registry of awards given (registry_access.py): readers; another agency's is hidden.
    "awards_registry.registry_page": only(*REGISTRY_READERS),
    "awards_registry.stats_page": only(*REGISTRY_READERS),
    "awards_registry.award_page": only(*REGISTRY_READERS, per_thing=True),
    "awards_registry.revoke_page": only(HOME_AFFAIRS, ADMIN, denied=HIDDEN),
    "awards_registry.import_page": only(HOME_AFFAIRS, COORDINATOR, ADMIN),
    "awards_registry.confirm_import": only(HOME_AFFAIRS, COORDINATOR, ADMIN),
    "awards_registry.import_template": only(HOME_AFFAIRS, COORDINATOR, ADMIN),
}
# The administration: every view of these blueprints is the admin's (restrict_blueprint,
# roles_required(Role.ADMIN)).
ADMIN_BLUEPRINTS = ("auth_admin", "users_admin", "process_admin", "calendar_admin",
                    "signing_admin")

# What fills a route's <int:...>: the demo data's thing of that kind (None: 1).
IDS = {
    "agency_id": "SELECT id FROM agencies WHERE code = 'BAO_QN'",  # nobody's agency here
    "user_id": "SELECT id FROM users WHERE username = 'hv.nguyenvanan'",  # nobody tried here
    "group_id": "SELECT min(id) FROM agency_groups",
    "succession_id": "SELECT min(id) FROM agency_successions",
    "token_id": "SELECT min(id) FROM api_tokens",  # the bystander's (see the test)
    "item_id": "SELECT min(id) FROM work_items WHERE status = 'open'",
    "instance_id": "SELECT min(instance_id) FROM work_items WHERE status = 'open'",
    "notification_id": "SELECT min(id) FROM notifications",
    "cycle_id": "SELECT min(id) FROM report_cycles",
    "case_id": "SELECT min(id) FROM violation_cases",
    "class_id": "SELECT min(id) FROM training_classes",
    "session_id": "SELECT min(id) FROM training_class_sessions",
    "course_id": "SELECT min(id) FROM training_courses",
    "registration_id": "SELECT min(id) FROM training_registrations",
    "certificate_id": "SELECT min(id) FROM training_certificates",
    "round_id": "SELECT min(id) FROM award_rounds",
    "list_id": "SELECT min(id) FROM award_lists",
    "nomination_id": "SELECT min(id) FROM award_nominations",
    "document_id": "SELECT min(id) FROM award_nomination_documents",
    "form_id": "SELECT min(id) FROM award_forms",
    "award_id": "SELECT min(id) FROM awards_given",
    "declared_id": "SELECT min(id) FROM declared_days",
    "root_id": "SELECT min(id) FROM trusted_roots",
    "version_id": "SELECT min(id) FROM definition_versions",
    "draft_id": "SELECT min(id) FROM process_drafts",
    "attachment_id": "SELECT min(id) FROM attachments",
}
PLAN_IDS = {"item_id": "SELECT min(item_id) FROM plan_assignments"}  # the plan's items
WORDS = {"key": "demo_report", "body": "thue", "token": "not-a-real-link",
         "number": "TTDN-2025-01-001", "action": "suspend"}

# One person per role, holding that role alone, where the demo data's things are.
PEOPLE = {
    ADMIN: "SVHTTDL", COORDINATOR: "SVHTTDL", LEAD: "SVHTTDL", STAFF: "SVHTTDL",
    HOME_AFFAIRS: "SNV", SANCTIONING: "SVHTTDL", TRAINEE: "XA_21548",
}


def access_of(endpoint: str) -> Access | None:
    if endpoint.split(".")[0] in ADMIN_BLUEPRINTS:
        return ADMIN_ONLY
    return ACCESS.get(endpoint)


def _id(sql: str) -> int:
    return db.session.execute(text(sql)).scalar() or 1


def _url(rule) -> str:
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, IntegerConverter):
            sql = (PLAN_IDS if rule.endpoint.startswith("plan.") else {}).get(name, IDS.get(name))
            values[name] = _id(sql) if sql else 1
        else:
            values[name] = WORDS.get(name, "x")
    return rule.build(values, append_unknown=False)[1]


def _routes(app) -> list[tuple[str, str, str, bool]]:
    """(endpoint, method, url, whether a route takes the method there) for every route but
    the static files, GET and POST; the endpoint is the one that answers (two endpoints may
    share a URL, one for each method). Signing out comes last."""
    adapter = app.url_map.bind("localhost")
    routes = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        url = _url(rule)
        for method in ("GET", "POST"):
            try:
                endpoint, _values = adapter.match(url, method)
            except MethodNotAllowed:
                endpoint = None
            routes[method, url] = (endpoint or rule.endpoint, endpoint is not None)
    return sorted(((endpoint, method, url, takes) for (method, url), (endpoint, takes)
                   in routes.items()), key=lambda route: (route[0] == "auth.logout", route))


def _verdict(access: Access, role: Role | None, status: int, location: str,
             takes_method: bool) -> str | None:
    """What is wrong with this answer, or None."""
    if status >= 500:
        return "a server error"
    if not takes_method:  # the router answers before any guard, the same to everybody
        return None if status == 405 else "expected 405 for a method the route does not take"
    if access.roles is None:
        return "refused a public page" if status in (401, 403) else None
    if role is None:
        if access.token:
            return None if status == 401 else "the API without a token must answer 401"
        if status == 302 and location.split("?")[0].endswith("/login"):
            return None
        return "signed out: expected a redirect to /login"
    if role in access.roles:
        refused = {401} if access.per_thing else {401, 403}
        return f"refused a role the design lets in ({status})" if status in refused else None
    if status not in access.denied:
        return f"expected {sorted(access.denied)} for a role the design leaves out"
    return None


def _try_all(app, role: Role | None, client, headers, routes) -> list[str]:
    token = csrf_token(client)
    failures = []
    for endpoint, method, url, takes_method in routes:
        access = access_of(endpoint)
        if access is None:
            continue
        data = {"csrf_token": token} if method == "POST" else None
        response = client.open(url, method=method, data=data, headers=headers)
        problem = _verdict(access, role, response.status_code,
                           response.headers.get("Location", ""), takes_method)
        if problem:
            failures.append(f"{role or 'signed out'}: {method} {url} ({endpoint}) -> "
                            f"{response.status_code}: {problem}")
    return failures


def test_every_route_answers_every_role_as_designed(app, clock):
    factories.seed_demo(app, clock)
    # A token that is nobody's here: revoking it must not be in anybody's power.
    tokens.create(db.session.get(User, _id(IDS["user_id"])), "a bystander's")
    routes = _routes(app)
    missing = sorted({rule.endpoint for rule in app.url_map.iter_rules()
                      if rule.endpoint != "static" and access_of(rule.endpoint) is None})
    assert not missing, f"routes with no row in ACCESS (say who may reach them): {missing}"

    failures = _try_all(app, None, app.test_client(), {}, routes)
    # The roles with least first: what the admin changes (an agency, a person) comes last.
    for role in (TRAINEE, SANCTIONING, STAFF, LEAD, HOME_AFFAIRS, COORDINATOR, ADMIN):
        person = factories.make_user(f"matrix.{role.value}", roles=[role],
                                     agency_code=PEOPLE[role])
        client = app.test_client()
        login(client, person.username, factories.PASSWORD)
        _token, plain = tokens.create(person, "route matrix")
        failures += _try_all(app, role, client, {"Authorization": f"Bearer {plain}"}, routes)

    assert not failures, f"{len(failures)} answers not as designed:\n" + "\n".join(failures)
