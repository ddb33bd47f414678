"""Reading a page as a browser would submit it: the values of one form's fields."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, action: str, page_url: str | None):
        super().__init__(convert_charrefs=True)
        self.action, self.page_url, self.inside, self.values = action, page_url, False, {}
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":  # a form without an action posts to the page it is on
            self.inside = (attrs.get("action") or self.page_url or "").endswith(self.action)
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file"):
            if attrs.get("type") == "checkbox":
                if "checked" in attrs:
                    self.values[name] = attrs.get("value", "y")
            else:
                self.values[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select, self._chosen = name, False
        elif tag == "option" and self._select and not self._chosen and (
                "selected" in attrs or self._select not in self.values):
            # The option marked selected, else the first: what a browser sends.
            self.values[self._select] = attrs.get("value", "")
            self._chosen = "selected" in attrs

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            if self._textarea:
                # A browser drops the one line break that opens a textarea's content.
                text = self.values[self._textarea]
                self.values[self._textarea] = text[2:] if text.startswith("\r\n") else \
                    text.removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_values(page: str, action: str, page_url: str | None = None) -> dict:
    """{field name: value} of the form posting to a URL ending with `action` (`page_url`:
    where the page is, for a form that posts back to it)."""
    reader = _FormReader(action, page_url)
    reader.feed(page)
    return reader.values
