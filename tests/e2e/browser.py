"""A browser's HTTP session against the real server: its own cookies, the CSRF token read
from the page as a form carries it, redirects not followed (the answer is what we check)."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

from urllib3 import encode_multipart_formdata

from tests.pages import form_values

CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.landed = None
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())

    def request(self, method: str, path: str, form: dict | None = None,
                files: dict | None = None) -> tuple[int, str]:
        """(status, body) of one request; a redirect is an answer, not followed. A form's
        list is a group of ticked boxes; `files` ({field: (file name, bytes)}) sends the
        form as multipart, as a file input makes a browser do."""
        data, headers = None, {}
        if files:
            fields = [(name, str(value)) for name, values in (form or {}).items()
                      for value in (values if isinstance(values, list) else [values])]
            data, headers["Content-Type"] = encode_multipart_formdata(
                fields + [(name, (filename, content, "application/pdf"))
                          for name, (filename, content) in files.items()])
        elif form is not None:
            data = urllib.parse.urlencode(form, doseq=True).encode()
        request = urllib.request.Request(  # noqa: S310 - our own server, http only
            self.base_url + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            return error.code, error.read().decode(errors="replace")

    def download(self, path: str) -> tuple[int, str, bytes]:
        """(status, content type, body) of a file."""
        request = urllib.request.Request(self.base_url + path)  # noqa: S310 - our own server
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get_content_type(), error.read()

    def get(self, path: str) -> tuple[int, str]:
        return self.request("GET", path)

    def csrf(self, path: str) -> str:
        """The CSRF token of the page at `path`, as its forms carry it."""
        status, page = self.get(path)
        assert status == 200, (path, status)
        return CSRF_META.search(page).group(1)

    def post(self, path: str, form: dict, token: str) -> tuple[int, str]:
        return self.request("POST", path, {"csrf_token": token, **form})

    def submit(self, page: str, action: str, answers: dict,
               files: dict | None = None) -> tuple[int, str]:
        """Send the form of `page` that posts to `action`, as shown, with `answers` put in."""
        status, body = self.get(page)
        assert status == 200, (page, status)
        values = form_values(body, action, page)
        assert "csrf_token" in values, f"{page} has no form posting to {action}"
        values.update(answers)
        return self.request("POST", action, values, files)

    def follow(self, answer: tuple[int, str]) -> str:
        """The page a redirect leads to, fresh from the server; its address is kept in
        `landed`."""
        status, body = answer
        assert status in (302, 303), (status, body[:2000])
        self.landed = re.search(r'href="([^"]+)"', body)[1]
        status, body = self.get(self.landed)
        assert status == 200, (self.landed, status)
        return body

    def sign_in(self, username: str, password: str) -> "Browser":
        status, _ = self.post("/login", {"username": username, "password": password},
                              self.csrf("/login"))
        assert status == 302, f"{username} could not sign in ({status})"
        return self
