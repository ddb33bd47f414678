"""Walking the plan's journeys as people do: each person signs in with their own browser,
finds their step in their inbox, reads its page and sends back what the page offers, with
only their own answers changed (tests/pages.py reads a form as a browser submits it).
Nothing here calls the engine: every step goes through the pages, or the JSON API, and each
request is served in its own app context and database session (RequestIsolatedClient), with
the diagram parsed anew (conftest.cold_specs)."""

import io
import re
from dataclasses import dataclass

from tests import factories
from tests.conftest import login
from tests.pages import form_values
from tests.tasks.test_case_so_far import case_panel

ROW = re.compile(r'<a class="list-group-item list-group-item-action" href="/tasks/(\d+)">\s*'
                 r'<div[^>]*>\s*<strong>([^<]*)</strong>.*?<div class="small[^"]*">(.*?)</div>',
                 re.S)
ALERT = re.compile(r'<div class="alert alert-(\w+)[^"]*"[^>]*>(.*?)</div>', re.S)
NOTICE = re.compile(r'<li class="list-group-item[^"]*">\s*<div[^>]*>\s*<strong>(.*?)</strong>.*?'
                    r'</div>\s*<div>(.*?)</div>\s*</li>', re.S)
LINK = re.compile(r'href="([^"]+)"')
FIELD_ERROR = re.compile(r'<div class="invalid-feedback"[^>]*>(.*?)</div>', re.S)


@dataclass
class Row:
    """One step as a person's inbox lists it."""

    id: int
    title: str
    line: str  # what it is about, of which process, when due, who holds it

    @property
    def url(self) -> str:
        return f"/tasks/{self.id}"


def text_of(html: str) -> str:
    """What a reader sees of a page (or a part of one): its words, tags and spacing gone."""
    import html as entities

    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def main_text(page: str) -> str:
    return text_of(page.split("<main", 1)[1].split(">", 1)[1].split("</main>")[0])


def checkbox_value(page: str, name: str, label: str) -> str:
    """The value of the box named `name` that reads `label`, as a person ticks it."""
    found = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]+)"[^>]*>\s*'
                      rf'<label[^>]*>{re.escape(label)}</label>', page)
    assert found, f"no box {label!r} for {name}"
    return found.group(1)


def option_value(page: str, name: str, label: str) -> str:
    """The value of the option reading `label` in the select named `name`."""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, f"no choice named {name}"
    found = re.search(rf'<option[^>]*value="([^"]*)"[^>]*>\s*{re.escape(label)}\s*</option>',
                      select.group(1))
    assert found, f"no option {label!r} in {name}"
    return found.group(1)


def flashes(page: str) -> list[str]:
    return [text_of(body) for _, body in ALERT.findall(page)]


class Person:
    """A signed-in browser of one person, with the things a person does on the pages."""

    def __init__(self, app, user):
        self.user, self.client = user, app.test_client()
        self.landed_url = None  # where the last form sent led
        assert login(self.client, user.username, factories.PASSWORD).status_code == 302

    def get(self, url: str) -> str:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response.get_data(as_text=True)

    def inbox(self, **query) -> list[Row]:
        """The steps on the inbox's two working tabs, "my steps" and "my agency's steps"
        (or on the one tab `status=` names)."""
        tabs = [query.pop("status")] if "status" in query else ["mine", "unclaimed"]
        rows = []
        for tab in tabs:
            page = self.client.get("/tasks", query_string={"status": tab, **query})
            rows += [Row(int(found[0]), text_of(found[1]), text_of(found[2]))
                     for found in ROW.findall(page.get_data(as_text=True))]
        return rows

    def notices(self) -> list["Notice"]:
        """The person's notifications page, newest first."""
        return [Notice(text_of(kind), text_of(body), LINK.findall(body)[0] if "href" in body
                       else None) for kind, body in NOTICE.findall(self.get("/notifications/"))]

    def waiting(self, title: str, subject: str | None = None) -> Row:
        """The one step of that title (and subject) the inbox lists: what the person opens."""
        rows = [row for row in self.inbox() if row.title == title and
                (subject is None or subject in row.line)]
        assert len(rows) == 1, f"{self.user.username} waits for {self.inbox()}"
        return rows[0]

    def fill(self, row: Row | int, answers: dict | None = None, files: dict | None = None,
             expect: int = 302) -> "Sent":
        """Open the step's page and send its form as shown, with `answers` (field id →
        what is typed or chosen) and `files` (field id → (name, bytes)) put in; returns what
        the page showed and where the person lands."""
        url = f"/tasks/{row if isinstance(row, int) else row.id}"
        page = self.get(url)
        offered = form_values(page, url, url)
        assert "csrf_token" in offered, f"{url} offers {self.user.username} no form"
        values = dict(offered)
        values.update({f"field_{name}": value for name, value in (answers or {}).items()})
        for name, (filename, content) in (files or {}).items():
            values[f"field_{name}"] = (io.BytesIO(content), filename)
        landed = self._send(url, values, expect, content_type="multipart/form-data")
        return Sent(page, offered, landed)

    def post(self, url: str, answers: dict | None = None, expect: int = 302,
             page: str | None = None, **kwargs) -> str:
        """Send the form posting to `url`, on the page at `page` (else at `url`) as it
        shows it, with `answers` (field name → value) put in; returns where one lands."""
        values = form_values(self.get(page or url), url, page or url)
        assert any(name.endswith("csrf_token") for name in values), \
            f"{page or url} has no form posting to {url}"
        return self._send(url, {**values, **(answers or {})}, expect, **kwargs)

    def _send(self, url: str, values: dict, expect: int, **kwargs) -> str:
        """Post, follow where it leads, and say what the page objected when it was not
        the answer expected."""
        response = self.client.post(url, data=values, **kwargs)
        landed = response.get_data(as_text=True)
        if response.status_code == 302:
            self.landed_url = response.headers["Location"]
            landed = self.get(self.landed_url)
        assert response.status_code == expect, (url, response.status_code, text_of("".join(
            FIELD_ERROR.findall(landed))) or flashes(landed))
        return landed


@dataclass
class Notice:
    kind: str  # as the list names it, "(chưa đọc)" while unread
    text: str
    link: str | None  # where opening it leads, through /notifications/<id>


@dataclass
class Sent:
    page: str  # the step's page as it was opened
    offered: dict  # what its form showed filled in
    landed: str  # the page the person landed on after sending

    @property
    def panel(self) -> str:
        return case_panel(self.page)

    @property
    def told(self) -> list[str]:
        return flashes(self.landed)


class ApiPerson:
    """One person's script over the JSON API, with their own token."""

    def __init__(self, call, token):
        self.call, self.token = call, token

    def waiting_all(self, **query) -> list[dict]:
        """The person's open work items, as the API lists them (filtered by `query`)."""
        url = "/api/v1/work-items?" + "&".join(f"{k}={v}" for k, v in query.items())
        status, body = self.call("GET", url, self.token)
        assert status == 200, body
        return body["items"]

    def waiting(self, title: str, **query) -> dict:
        """The one open work item of that title the person's list gives."""
        items = self.waiting_all(**query)
        found = [item for item in items if item["title"] == title]
        assert len(found) == 1, [item["title"] for item in items]
        return found[0]

    def read(self, item_id: int) -> dict:
        status, body = self.call("GET", f"/api/v1/work-items/{item_id}", self.token)
        assert status == 200, body
        return body

    def as_left(self, item: dict) -> dict:
        """The values of a step's form as its data holds them: what a script sends back
        unchanged (files stay as they are when left out; read-only fields are not sent)."""
        return {field["id"]: item["data"].get(field["id"]) for field in item["form"]
                if field["type"] != "file" and not field.get("readonly")}

    def complete(self, item_id: int, values: dict, expect: int = 200) -> dict:
        status, body = self.call("POST", f"/api/v1/work-items/{item_id}/complete", self.token,
                                 {"values": values})
        assert status == expect, body
        return body
