// The admin's BPMN editor, bundled by `make vendor` into app/static/vendor/bpmn/modeler.js:
// bpmn-js's Modeler with the Camunda 7 properties panel trimmed to what our engine reads,
// bpmnlint as the admin draws. The page's glue (app/static/js/bpmn-editor.js) uses
// window.BpmnKit.
import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import LintModule from 'bpmn-js-bpmnlint';
import lintConfig from '../../build/bpmnlint-config.js';
import EngineProperties from './engine-properties.js';
import { layoutProcess } from 'bpmn-auto-layout';

window.BpmnKit = {
  Modeler,
  modules: [
    BpmnPropertiesPanelModule,
    BpmnPropertiesProviderModule,
    CamundaPlatformPropertiesProviderModule,
    CamundaBehaviorsModule,
    LintModule,
    EngineProperties,
  ],
  moddleExtensions: { camunda: camundaModdle },
  lintConfig,
  layoutProcess,
  hasDrawing: (xml) => /<([\w-]+:)?BPMNShape[\s>]/.test(xml),
};
