"""Form fields shared by every feature."""

from wtforms import DateField
from wtforms.widgets import TextInput


class VietnameseDateField(DateField):
    """A date typed and shown as dd/mm/yyyy in a plain text box: a browser's date picker
    would show and send its own format, whatever the page's language."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric",
                     "autocomplete": "off", **kwargs.pop("render_kw", {})}
        super().__init__(label, validators, format="%d/%m/%Y", render_kw=render_kw, **kwargs)
