// A case on its diagram: bpmn-js's NavigatedViewer, fetched only when someone presses
// "Xem sơ đồ" (a diagram without a drawing of its own is laid out here). States are marked by colour and by an icon (✓ done, ▶ waiting, ✕ failed,
// ★ this step); pointing at a step says who did it and when.
(() => {
  if (window.bpmnCaseViewer) return; // the partial may be included twice
  window.bpmnCaseViewer = true;
  const loaded = {};

  function load(tag, url) {
    if (!loaded[url]) {
      loaded[url] = new Promise((resolve, reject) => {
        const node = document.createElement(tag);
        if (tag === "script") node.src = url; else { node.rel = "stylesheet"; node.href = url; }
        node.onload = resolve;
        node.onerror = () => reject(new Error(url));
        document.head.append(node);
      });
    }
    return loaded[url];
  }

  function when(iso) {
    if (!iso) return "";
    return new Intl.DateTimeFormat(document.documentElement.lang === "en" ? "en-GB" : "vi-VN", {
      timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric",
      hour: "2-digit", minute: "2-digit",
    }).format(new Date(iso));
  }

  function badge(overlays, id, kind, symbol, title) {
    const node = document.createElement("span");
    node.className = `bpmn-state-badge ${kind}`;
    node.textContent = symbol;
    node.title = title;
    overlays.add(id, "bpmn-state", { position: { top: -10, left: -10 }, html: node });
  }

  async function show(section) {
    const assets = section.dataset.assets;
    await Promise.all([
      load("link", `${assets}vendor/bpmn/css/diagram-js.css`),
      load("link", `${assets}vendor/bpmn/css/bpmn-js.css`),
      load("link", `${assets}css/bpmn.css`),
      load("script", `${assets}js/bpmn-i18n.js`),
      load("script", `${assets}vendor/bpmn/viewer.js`),
    ]);
    const t = window.bpmnTranslate;
    const response = await fetch(section.dataset.bpmnCase, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(t("The server did not answer ({status}).", { status: response.status }));
    const data = await response.json();
    const area = section.querySelector("[data-bpmn-area]");
    area.classList.remove("d-none");
    const kit = window.BpmnViewerKit;
    const xml = kit.hasDrawing(data.xml) ? data.xml : await kit.layoutProcess(data.xml);
    const viewer = new kit.Viewer({ container: section.querySelector("[data-bpmn-canvas]"),
      additionalModules: [window.bpmnTranslateModule] });
    section.viewer = viewer;
    await viewer.importXML(xml);
    const canvas = viewer.get("canvas");
    const overlays = viewer.get("overlays");
    const registry = viewer.get("elementRegistry");
    const says = {};
    const mark = (id, kind, symbol, text) => {
      if (!registry.get(id)) return;
      canvas.addMarker(id, `state-${kind}`);
      badge(overlays, id, kind, symbol, text);
      says[id] = text;
    };
    for (const [id, info] of Object.entries(data.completed)) {
      mark(id, "completed", "✓", info.who ? t("Done by {who} at {when}", { who: info.who, when: when(info.when) }) : t("Completed"));
    }
    for (const [id, info] of Object.entries(data.active)) {
      mark(id, "active", "▶", info.who ? t("Waiting for {who} since {when}", { who: info.who, when: when(info.since) }) : t("Active"));
    }
    for (const [id, info] of Object.entries(data.failed)) {
      mark(id, "failed", "✕", t("Failed: {reason}", { reason: info.reason }));
    }
    for (const id of data.taken) if (registry.get(id)) canvas.addMarker(id, "state-taken");
    if (data.here && registry.get(data.here)) {
      canvas.addMarker(data.here, "state-here");
      badge(overlays, data.here, "here", "★", t("This step"));
    }
    const caption = section.querySelector("[data-bpmn-caption]");
    viewer.get("eventBus").on("element.hover", ({ element }) => {
      if (says[element.id]) caption.textContent = `${element.businessObject.name || element.id}: ${says[element.id]}`;
    });
    canvas.zoom("fit-viewport", "auto");
    section.dataset.ready = "true";
  }

  async function download(section, kind) {
    const viewer = section.viewer;
    const text = kind === "svg" ? (await viewer.saveSVG()).svg : (await viewer.saveXML({ format: true })).xml;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: kind === "svg" ? "image/svg+xml" : "application/xml" }));
    link.download = `so-do.${kind}`;
    document.body.append(link);
    link.click();
    link.remove();
  }

  for (const section of document.querySelectorAll("[data-bpmn-auto]")) {
    show(section).catch((error) => { section.querySelector("[data-bpmn-caption]").textContent = error.message; });
  }

  document.addEventListener("click", (event) => {
    const section = event.target.closest("[data-bpmn-case]");
    if (!section) return;
    if (event.target.closest("[data-bpmn-show]")) {
      event.target.disabled = true;
      show(section).catch((error) => {
        section.querySelector("[data-bpmn-caption]").textContent = error.message;
        section.querySelector("[data-bpmn-area]").classList.remove("d-none");
      });
    } else if (event.target.closest("[data-bpmn-export]")) {
      download(section, event.target.dataset.bpmnExport);
    } else if (event.target.closest("[data-bpmn-print]")) {
      window.print();
    }
  });
})();
