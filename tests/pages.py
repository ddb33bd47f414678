"""Reading a page as a browser would submit it: the values of one form's fields."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, action: str, page_url: str | None):
        super().__init__(convert_charrefs=True)
        self.action, self.page_url, self.inside, self.values = action, page_url, False, {}
        self._textarea = self._select = None

    def _send(self, name: str, value: str) -> None:
        """One name sent twice (a group of checkboxes, a multiple choice) is sent as a list."""
        if name not in self.values:
            self.values[name] = value
        elif isinstance(self.values[name], list):
            self.values[name].append(value)
        else:
            self.values[name] = [self.values[name], value]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":  # a form without an action posts to the page it is on
            self.inside = (attrs.get("action") or self.page_url or "").endswith(self.action)
        if not self.inside:
            return
        name = attrs.get("name")
        if "disabled" in attrs and tag in ("input", "textarea", "select"):
            return  # a browser sends nothing of a disabled field
        kind = attrs.get("type")
        if tag == "input" and name and kind not in ("submit", "file", "button", "reset"):
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._send(name, attrs.get("value", "on" if kind == "radio" else "y"))
            else:
                self._send(name, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select, self._multiple, self._chosen = name, "multiple" in attrs, False
            self._first = None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if "selected" in attrs and (self._multiple or not self._chosen):
                self._send(self._select, value)
                self._chosen = True
            elif self._first is None:
                self._first = value

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
            if self._select and not self._chosen and not self._multiple \
                    and self._first is not None:
                self.values[self._select] = self._first  # none marked: the first is sent
            self._select = None


def form_values(page: str, action: str, page_url: str | None = None) -> dict:
    """{field name: value} of the form posting to a URL ending with `action` (`page_url`:
    where the page is, for a form that posts back to it), as a browser sends it: a group of
    checkboxes (or a multiple choice) by the list of its ticked values, disabled fields not
    at all."""
    reader = _FormReader(action, page_url)
    reader.feed(page)
    return reader.values
