// The admin's process editor: bpmn-js's Modeler (window.BpmnKit, bundled by `make vendor`)
// around the drafts' JSON API. The server keeps every draft, says its problems by element
// id (listed here and marked on the diagram) and refuses a save based on a stale revision.
(() => {
  const root = document.getElementById("bpmn-editor");
  if (!root || !window.BpmnKit) return;
  const t = window.bpmnTranslate;
  const csrf = document.querySelector("meta[name=csrf-token]").content;
  const $ = (selector) => root.querySelector(selector);
  const state = { key: null, name: null, draft: null, versionId: null, problems: [], isNew: false };
  let modeler;

  function say(message, kind = "info") {
    const box = $("[data-status]");
    box.className = `alert alert-${kind}`;
    box.textContent = message;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || t("The server did not answer ({status}).", { status: response.status }));
    return body;
  }

  async function postJSON(url, payload, isForm = false) {
    const response = await fetch(url, {
      method: "POST",
      headers: isForm ? { "X-CSRFToken": csrf, Accept: "application/json" }
        : { "Content-Type": "application/json", "X-CSRFToken": csrf, Accept: "application/json" },
      body: isForm ? payload : JSON.stringify(payload),
    });
    const body = await response.json().catch(() => ({ error: t("The server did not answer ({status}).", { status: response.status }) }));
    return { status: response.status, ok: response.ok, body };
  }

  function showTitle() {
    $("[data-title]").textContent = state.name || state.key || "";
    const parts = [state.key];
    if (state.draft) parts.push(t("draft, revision {n}", { n: state.draft.revision }));
    else if (state.isNew) parts.push(t("new process"));
    else if (state.versionNumber) parts.push(t("version {n}", { n: state.versionNumber }));
    $("[data-subtitle]").textContent = parts.filter(Boolean).join(" · ");
    $("[data-action=publish]").disabled = !state.draft;
    $("[data-action=discard]").hidden = !state.draft;
    const compare = $("[data-action=compare]");
    compare.hidden = !state.draft;
    if (state.draft) compare.href = `${root.dataset.compare}?draft=${state.draft.id}`;
  }

  // --- problems: a list of buttons and markers on their elements ---------------------------
  const marked = [];
  function showProblems(problems) {
    state.problems = problems || [];
    const canvas = modeler.get("canvas");
    const overlays = modeler.get("overlays");
    const registry = modeler.get("elementRegistry");
    while (marked.length) canvas.removeMarker(marked.pop(), "bpmn-problem");
    overlays.remove({ type: "bpmn-problem" });
    const list = $("[data-problem-list]");
    list.replaceChildren();
    $("[data-problems]").classList.toggle("d-none", !state.problems.length);
    for (const problem of state.problems) {
      const item = document.createElement("li");
      const element = problem.element_id && registry.get(problem.element_id);
      if (element) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-link p-0 text-start text-danger";
        button.dataset.elementId = problem.element_id;
        button.textContent = `${elementName(element)}: ${problem.message}`;
        button.addEventListener("click", () => select(element));
        item.append(button);
        if (!marked.includes(element.id)) {
          canvas.addMarker(element.id, "bpmn-problem");
          marked.push(element.id);
          const badge = document.createElement("span");
          badge.className = "bpmn-problem-badge";
          badge.title = problem.message;
          badge.textContent = "!";
          overlays.add(element.id, "bpmn-problem", { position: { top: -10, right: 10 }, html: badge });
        }
      } else {
        item.className = "text-danger";
        item.textContent = problem.message;
      }
      list.append(item);
    }
  }

  function elementName(element) {
    const bo = element.businessObject;
    return bo.name || bo.id;
  }

  function select(element) {
    modeler.get("selection").select(element);
    modeler.get("canvas").scrollToElement(element);
  }

  // --- save, publish, import -----------------------------------------------------------------
  async function currentXML() {
    const { xml } = await modeler.saveXML({ format: true });
    return xml;
  }

  function adopt(body) {
    state.draft = body;
    if (body.key) state.key = body.key;
    if (body.name) state.name = body.name;
    state.isNew = false;
    showTitle();
    const url = new URL(root.dataset.editor, window.location.href);
    url.searchParams.set("draft", state.draft.id);
    window.history.replaceState(null, "", url);
  }

  async function save() {
    const payload = {
      key: state.key, xml: await currentXML(),
      based_on_draft_revision: state.draft ? state.draft.revision : null,
      from_version_id: state.draft ? null : state.versionId,
    };
    const { status, ok, body } = await postJSON(root.dataset.save, payload);
    if (ok) {
      adopt(body);
      showProblems(body.problems);
      say(body.problems && body.problems.length
        ? t("Draft saved with {n} problem(s) to fix before publishing.", { n: body.problems.length })
        : t("Draft saved: it can be published."), body.problems && body.problems.length ? "warning" : "success");
    } else if (status === 409) {
      say(body.error, "danger");
    } else {
      say(body.error || t("The draft was not saved."), "danger");
    }
  }

  async function publish(event) {
    event.preventDefault();
    const reason = event.target.reason.value.trim();
    if (!reason) {
      event.target.reason.classList.add("is-invalid");
      return say(t("Say why the process is amended."), "danger");
    }
    const url = root.dataset.publish.replace(/\/0(\/|$)/, `/${state.draft.id}$1`);
    const { ok, body } = await postJSON(url, { reason, based_on_draft_revision: state.draft.revision });
    if (ok) {
      const next = new URL(root.dataset.editor, window.location.href);
      next.searchParams.set("version", body.version_id);
      next.searchParams.set("published", "1");
      window.location.assign(next);
    } else {
      if (body.problems) showProblems(body.problems);
      say(body.error || t("The draft was not published."), "danger");
    }
  }

  async function discard() {
    const button = $("[data-action=discard]");
    if (!window.confirm(button.dataset.question)) return;
    const url = root.dataset.discard.replace(/\/0(\/|$)/, `/${state.draft.id}$1`);
    const { ok, body } = await postJSON(url, { based_on_draft_revision: state.draft.revision });
    if (ok) window.location.assign(root.dataset.definitions);
    else say(body.error || t("The draft was not discarded."), "danger");
  }

  async function importFile(input) {
    const file = input.files[0];
    if (!file || !root.dataset.import) return;
    const send = (key) => {
      const form = new FormData();
      form.append("file", file);
      if (key) form.append("key", key);
      return postJSON(root.dataset.import, form, true);
    };
    let { ok, body } = await send(null);
    if (!ok && body.candidates) {
      // No executable process, or several: the admin names the process key.
      const key = window.prompt(t("Which process key? The file names none or several: {candidates}",
        { candidates: body.candidates.join(", ") || "—" }), body.candidates[0] || "");
      if (key) ({ ok, body } = await send(key));
    }
    input.value = "";
    if (!ok) return say(body.error || t("The file was not imported."), "danger");
    const url = new URL(root.dataset.editor, window.location.href);
    url.searchParams.set("draft", body.id);
    window.location.assign(url);
  }

  async function download(kind) {
    const { svg } = kind === "svg" ? await modeler.saveSVG() : { svg: null };
    const text = svg || await currentXML();
    const blob = new Blob([text], { type: kind === "svg" ? "image/svg+xml" : "application/xml" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${state.key || "process"}.${kind}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // The whole diagram in view, right of the palette (which floats over the canvas's left
  // side: fit-viewport alone hides the start of the process under it).
  function fitBesidePalette() {
    const canvas = modeler.get("canvas");
    canvas.zoom("fit-viewport", "auto");
    const palette = $("[data-canvas] .djs-palette");
    const { inner, outer } = canvas.viewbox();
    if (!palette || !inner.width || !inner.height) return;
    const margin = 16;
    const left = palette.offsetLeft + palette.offsetWidth + margin;
    const scale = Math.min((outer.width - left - margin) / inner.width,
                           (outer.height - 2 * margin) / inner.height, 1);
    if (scale <= 0) return;
    canvas.viewbox({ x: inner.x - left / scale, y: inner.y - margin / scale,
                     width: outer.width / scale, height: outer.height / scale });
  }

  // --- start -----------------------------------------------------------------------------
  async function open() {
    const [source, engine] = await Promise.all([
      getJSON(root.dataset.source), getJSON(root.dataset.assignees)]);
    window.BPMN_ENGINE_CONFIG = engine;
    modeler = new window.BpmnKit.Modeler({
      container: $("[data-canvas]"),
      propertiesPanel: { parent: $("[data-properties]") },
      additionalModules: [...window.BpmnKit.modules, window.bpmnTranslateModule],
      moddleExtensions: window.BpmnKit.moddleExtensions,
      linting: { bpmnlint: window.BpmnKit.lintConfig, active: true },
    });
    window.bpmnModeler = modeler; // for the browser tests and the curious admin
    window.bpmnTranslateAttributes($("[data-properties]"));
    modeler.on("import.parse.complete", ({ definitions }) => definitions && linkFlows(definitions));
    const kit = window.BpmnKit;
    const drawn = kit.hasDrawing(source.xml);
    // A diagram without a drawing of its own (another tool's, or hand-written) is laid out
    // here; the admin saves the layout with the draft.
    const { warnings } = await modeler.importXML(drawn ? source.xml : await kit.layoutProcess(source.xml));
    Object.assign(state, {
      key: source.key, name: source.name, draft: source.draft, versionId: source.version_id,
      versionNumber: source.version_number, isNew: Boolean(source.new),
    });
    if (state.isNew) renameProcess(source.key, source.name);
    fitBesidePalette();
    showTitle();
    showProblems(source.problems);
    if (new URLSearchParams(window.location.search).get("published")) {
      say(t("Version {n} is published: new cases start with it.", { n: state.versionNumber }), "success");
    } else if (!drawn) {
      say(t("This diagram had no drawing: it was laid out automatically. Check it and save."), "info");
    } else if (warnings.length) say(t("The file was read with {n} warning(s).", { n: warnings.length }), "warning");
    $("[data-action=save]").disabled = false;
    root.dataset.ready = "true";
  }

  // Files written by hand or by other tools often leave out a node's <incoming>/<outgoing>
  // (the engine reads sourceRef/targetRef alone); bpmnlint reads them, so they are filled in
  // from the flows before it looks, and saved with the draft.
  function linkFlows(definitions) {
    const add = (node, list, flow) => {
      if (node && node.get && !node.get(list).includes(flow)) node.get(list).push(flow);
    };
    const visit = (container) => {
      for (const element of container.flowElements || []) {
        if (element.$type === "bpmn:SequenceFlow") {
          add(element.sourceRef, "outgoing", element);
          add(element.targetRef, "incoming", element);
        }
        if (element.flowElements) visit(element);
      }
    };
    for (const root of definitions.rootElements || []) if (root.$type === "bpmn:Process") visit(root);
  }

  function renameProcess(key, name) {
    const canvas = modeler.get("canvas");
    let process = canvas.getRootElement();
    if (process.businessObject.$instanceOf("bpmn:Collaboration")) {
      const participant = process.children.find((child) => child.type === "bpmn:Participant");
      if (!participant) return;
      modeler.get("modeling").updateModdleProperties(participant, participant.businessObject.processRef, { id: key, name });
      return;
    }
    modeler.get("modeling").updateProperties(process, { id: key, name });
  }

  $("[data-action=save]").addEventListener("click", () => save().catch((e) => say(e.message, "danger")));
  $("[data-action=publish]").addEventListener("click", () => {
    $("[data-publish-form]").classList.remove("d-none");
    $("#publish-reason").focus();
  });
  $("[data-action=publish-cancel]").addEventListener("click", () => $("[data-publish-form]").classList.add("d-none"));
  $("[data-publish-form]").addEventListener("submit", (event) => publish(event).catch((e) => say(e.message, "danger")));
  $("[data-action=import]").addEventListener("change", (event) => importFile(event.target).catch((e) => say(e.message, "danger")));
  $("[data-action=discard]").addEventListener("click", () => discard().catch((e) => say(e.message, "danger")));
  $("[data-action=export-bpmn]").addEventListener("click", () => download("bpmn"));
  $("[data-action=export-svg]").addEventListener("click", () => download("svg"));
  open().catch((error) => say(error.message, "danger"));
})();
