// Ask before an action that is hard to undo: <form data-confirm="question">.
document.addEventListener("submit", (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// A file over its limit is refused here, before anything is sent: over the server's limit
// the whole request would be refused, and the form's other answers with it.
document.addEventListener("submit", (event) => {
  for (const input of event.target.querySelectorAll("input[type=file][data-max-bytes]")) {
    const tooLarge = [...input.files].some((file) => file.size > Number(input.dataset.maxBytes));
    const noteId = `${input.id}-size`;
    document.getElementById(noteId)?.remove();
    input.classList.toggle("is-invalid", tooLarge);
    if (!tooLarge) {
      input.removeAttribute("aria-invalid");
    }
    if (tooLarge) {
      const note = document.createElement("div");
      note.id = noteId;
      note.className = "invalid-feedback d-block";
      note.textContent = input.dataset.tooLarge;
      input.setAttribute("aria-describedby", noteId);
      input.setAttribute("aria-invalid", "true");
      input.after(note);
      event.preventDefault();
      input.focus();
    }
  }
});

// The error pages' "back" button: to the page before, with what was typed still in it.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-back]")) {
    window.history.back();
  }
});
