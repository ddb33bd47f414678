// Forms: fields a diagram shows for one choice only, and a calendar beside date boxes.

// A field with requiredWhen (wrapped in [data-shown-when]) shows while the field it names has
// the value it names, and hides with that field. When it hides, what was typed in it is
// emptied: the server keeps nothing of a hidden field anyway.
(() => {
  const valueOf = (control) => {
    if (control.type === "checkbox") {
      return control.checked ? "true" : "false";
    }
    return (control.value || "").trim().toLowerCase();
  };

  const empty = (wrapper) => {
    for (const input of wrapper.querySelectorAll("input, textarea, select")) {
      if (input.type === "checkbox" || input.type === "radio") {
        input.checked = false;
      } else if (input.tagName === "SELECT") {
        input.selectedIndex = 0;
      } else {
        input.value = "";
      }
    }
  };

  const refresh = (form) => {
    const wrappers = [...form.querySelectorAll("[data-shown-when]")];
    // A chain (c shown when b, b shown when a) settles in as many passes as it is long.
    for (let pass = 0; pass <= wrappers.length; pass += 1) {
      let changed = false;
      for (const wrapper of wrappers) {
        const control = form.elements.namedItem(wrapper.dataset.shownWhen);
        const controlWrapper = control && control.closest ? control.closest("[data-shown-when]") : null;
        const shown = Boolean(control) && !(controlWrapper && controlWrapper.hidden)
          && valueOf(control) === wrapper.dataset.shownValue.trim().toLowerCase();
        if (wrapper.hidden !== !shown) {
          wrapper.hidden = !shown;
          if (!shown) {
            empty(wrapper);
          }
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
  };

  for (const form of document.querySelectorAll("form")) {
    if (form.querySelector("[data-shown-when]")) {
      refresh(form);
    }
  }
  for (const kind of ["change", "input"]) {
    document.addEventListener(kind, (event) => {
      const form = event.target.form;
      if (form && form.querySelector("[data-shown-when]")) {
        refresh(form);
      }
    });
  }
})();

// A calendar button beside each dd/mm/yyyy box (input[data-date-picker]). The box stays
// plain text that people may type in; picking a day writes it there as dd/mm/yyyy, and a
// day typed there is the one the calendar opens on. The server reads the box either way.
(() => {
  if (typeof Datepicker === "undefined") {
    return;
  }
  const language = document.documentElement.lang === "vi" ? "vi" : "en";
  const DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
  const pad = (number) => String(number).padStart(2, "0");
  const asText = (day) => `${pad(day.getDate())}/${pad(day.getMonth() + 1)}/${day.getFullYear()}`;

  // Only a day that exists: 31/02 is not read as 03/03.
  const typedDay = (text) => {
    const match = DAY.exec(text.trim());
    if (!match) {
      return null;
    }
    const [day, month, year] = match.slice(1).map(Number);
    const date = new Date(year, month - 1, day);
    return date.getDate() === day && date.getMonth() === month - 1 ? date : null;
  };

  const ICON = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" fill="currentColor" '
    + 'viewBox="0 0 16 16" aria-hidden="true"><path d="M3.5 0a.5.5 0 0 1 .5.5V1h8V.5a.5.5 0 0 1 '
    + '1 0V1h1a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H2a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2h1V.5a.5.5 0 0 1 '
    + '.5-.5M1 4v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V4z"/></svg>';

  const attach = (input) => {
    const holder = document.createElement("div");
    holder.className = "date-field";
    const group = document.createElement("div");
    group.className = "input-group";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-secondary";
    button.innerHTML = ICON;
    button.setAttribute("aria-label", input.dataset.datePicker || "Calendar");
    button.title = input.dataset.datePicker || "";
    button.setAttribute("aria-expanded", "false");
    const popup = document.createElement("div");
    popup.className = "date-popup border rounded shadow bg-body";
    popup.id = `${input.id}-calendar`;
    popup.hidden = true;
    button.setAttribute("aria-controls", popup.id);
    input.before(holder);
    group.append(input, button);
    holder.append(group, popup);

    const picker = new Datepicker(popup, {
      language, format: "dd/mm/yyyy", weekStart: 1, todayButton: true, todayButtonMode: 1,
      todayHighlight: true, buttonClass: "btn",
    });
    let syncing = false;

    const close = () => {
      popup.hidden = true;
      button.setAttribute("aria-expanded", "false");
    };
    const open = () => {
      const day = typedDay(input.value);
      syncing = true;
      picker.setDate(day ? [day] : [], { clear: true });
      picker.setFocusedDate(day || new Date(), true);
      syncing = false;
      popup.hidden = false;
      button.setAttribute("aria-expanded", "true");
    };

    button.addEventListener("click", () => (popup.hidden ? open() : close()));
    popup.addEventListener("changeDate", () => {
      const day = picker.getDate();
      if (syncing || !day) {
        return;
      }
      input.value = asText(day);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      close();
      input.focus();
    });
    holder.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !popup.hidden) {
        close();
        button.focus();
      }
    });
    document.addEventListener("click", (event) => {
      // The path as it was when clicked: the calendar redraws the day that was clicked.
      if (!popup.hidden && !event.composedPath().includes(holder)) {
        close();
      }
    });
  };

  document.querySelectorAll("input[data-date-picker]:not([disabled])").forEach(attach);
})();

// A refused form: the focus goes to its first field marked invalid, so that a keyboard or
// screen reader user lands on it and hears its message (tied by aria-describedby) rather
// than starting again from the top of the page. Runs last: the calendar above moves the
// date boxes, and moving an element takes the focus from it.
(() => {
  const first = [...document.querySelectorAll('[aria-invalid="true"]')]
    .find((control) => !control.disabled && control.getClientRects().length > 0);
  if (first) {
    first.focus();
  }
})();
