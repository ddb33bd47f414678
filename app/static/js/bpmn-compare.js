// Two versions side by side: the newer with what it adds (+) and changes (~), the older with
// what the newer removes (−); colour and a symbol, from the server's comparison.
(() => {
  const root = document.getElementById("bpmn-compare");
  const kit = window.BpmnViewerKit;
  if (!root || !kit) return;
  const ids = (kind) => [...root.querySelectorAll(`[data-diff=${kind}] [data-element-id]`)]
    .map((item) => item.dataset.elementId);
  const SYMBOLS = { added: "+", removed: "−", changed: "~" };

  async function draw(which, kinds) {
    const response = await fetch(root.dataset[which], { headers: { Accept: "application/json" } });
    const { xml: text } = await response.json();
    const xml = kit.hasDrawing(text) ? text : await kit.layoutProcess(text);
    const viewer = new kit.Viewer({ container: root.querySelector(`[data-compare=${which}]`),
      additionalModules: [window.bpmnTranslateModule] });
    await viewer.importXML(xml);
    const canvas = viewer.get("canvas");
    const registry = viewer.get("elementRegistry");
    for (const kind of kinds) {
      for (const id of ids(kind)) {
        if (!registry.get(id)) continue;
        canvas.addMarker(id, `diff-${kind}`);
        const badge = document.createElement("span");
        badge.className = `bpmn-state-badge ${kind}`;
        badge.textContent = SYMBOLS[kind];
        viewer.get("overlays").add(id, { position: { top: -10, left: -10 }, html: badge });
      }
    }
    canvas.zoom("fit-viewport", "auto");
  }

  Promise.all([draw("newer", ["added", "changed"]),
    root.dataset.older ? draw("older", ["removed", "changed"]) : null])
    .then(() => { root.dataset.ready = "true"; });
})();
