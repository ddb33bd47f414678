// The case diagrams' viewer, bundled by `make vendor` into app/static/vendor/bpmn/viewer.js:
// bpmn-js's NavigatedViewer, and bpmn-auto-layout for a diagram that has no drawing (BPMN DI)
// of its own (one made by another tool, or written by hand). window.BpmnViewerKit.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { layoutProcess } from 'bpmn-auto-layout';

window.BpmnViewerKit = { Viewer: NavigatedViewer, layoutProcess, hasDrawing };

// Whether the document draws its elements: a BPMNDiagram with at least one shape.
function hasDrawing(xml) {
  return /<([\w-]+:)?BPMNShape[\s>]/.test(xml);
}
