// The properties panel edits what our engine reads, no more and no less (app/workflow:
// assignment.py, formschema.py, steps.py, attachments.py). It runs after the Camunda 7
// provider: it drops the groups and entries our engine ignores and adds our own where the
// stock panel has none (the candidate-group picker, `shows`, a step's files, requiredWhen).
import {
  Group,
  SelectEntry,
  TextFieldEntry,
  isSelectEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { h } from '@bpmn-io/properties-panel/preact';

// Stock groups our engine never reads (listeners, connectors, async jobs, I/O mappings...).
const HIDDEN_GROUPS = new Set([
  'CamundaPlatform__AsynchronousContinuations', 'CamundaPlatform__JobExecution',
  'CamundaPlatform__ExternalTask', 'CamundaPlatform__Implementation',
  'CamundaPlatform__ConnectorInput', 'CamundaPlatform__ConnectorOutput',
  'CamundaPlatform__ExecutionListener', 'CamundaPlatform__TaskListener',
  'CamundaPlatform__FieldInjection', 'CamundaPlatform__Input', 'CamundaPlatform__Output',
  'CamundaPlatform__InMapping', 'CamundaPlatform__OutMapping',
  'CamundaPlatform__InMappingPropagation', 'CamundaPlatform__OutMappingPropagation',
  'CamundaPlatform__HistoryCleanup', 'CamundaPlatform__StartInitiator',
  'CamundaPlatform__ProcessVariables', 'CamundaPlatform__BusinessKey',
  'CamundaPlatform__ExtensionProperties', 'CamundaPlatform__Form',
  'CamundaPlatform__Errors',
]);
// Stock entries our engine never reads, inside groups it does.
// (candidateGroups: replaced by our picker; scripts are inline, their result is not kept.)
const HIDDEN_ENTRIES = new Set([
  'candidateUsers', 'followUpDate', 'priority', 'candidateGroups', 'candidateStarterUsers',
  'versionTag', 'taskPriority', 'jobPriority', 'asyncBefore', 'asyncAfter', 'exclusive',
  'multiInstanceAsynchronousBefore', 'multiInstanceAsynchronousAfter',
  'multiInstanceExclusive', 'scriptType', 'scriptResource', 'scriptResultVariable',
]);
const FIELD_PROPERTIES = [
  ['requiredWhen', 'Required when (field=value)'],
  ['multiline', 'Several lines (true)'],
  ['names', 'The value names (person or agency)'],
];
const STEP_PROPERTIES = [
  ['shows', 'Shows of earlier steps (step.field, ...)'],
  ['caseFiles', 'Files the step needs (field, ...)'],
  ['caseReaders', 'Roles that also read the files'],
];

export default {
  __init__: ['enginePropertiesProvider'],
  enginePropertiesProvider: ['type', EnginePropertiesProvider],
};

function EnginePropertiesProvider(propertiesPanel, injector) {
  // Lower than the Camunda provider's 500: ours sees its groups and has the last word.
  propertiesPanel.registerProvider(200, this);
  this._injector = injector;
}
EnginePropertiesProvider.$inject = ['propertiesPanel', 'injector'];

EnginePropertiesProvider.prototype.getGroups = function (element) {
  const translate = this._injector.get('translate');
  return (groups) => {
    const kept = groups
      .filter((group) => !HIDDEN_GROUPS.has(group.id))
      .map((group) => (group.entries
        ? { ...group, entries: group.entries.filter((entry) => !HIDDEN_ENTRIES.has(entry.id)) }
        : group))
      .filter((group) => !group.entries || group.entries.length || group.component !== Group);
    const ours = engineGroup(element, translate);
    if (ours) {
      const at = kept.findIndex((group) => group.id === 'CamundaPlatform__UserAssignment');
      kept.splice(at >= 0 ? at : Math.min(2, kept.length), 0, ours);
    }
    const fields = fieldRulesGroup(element, translate);
    if (fields) kept.push(fields);
    return kept;
  };
};

function engineGroup(element, translate) {
  const entries = [];
  if (is(element, 'bpmn:Lane')) {
    entries.push({ id: 'engineLane', component: LaneEntry, isEdited: isSelectEntryEdited, element });
  }
  if (is(element, 'bpmn:UserTask')) {
    entries.push(
      { id: 'engineAudience', component: AudienceEntry, isEdited: isSelectEntryEdited, element },
      { id: 'engineRole', component: RoleEntry, isEdited: isSelectEntryEdited, element },
      { id: 'engineCandidateGroups', component: CandidateGroupsEntry,
        isEdited: isTextFieldEntryEdited, element },
    );
  }
  if (is(element, 'bpmn:UserTask') || (is(element, 'bpmn:StartEvent')
      && !is(element.parent, 'bpmn:SubProcess'))) {
    entries.push({ id: 'engineForm', component: FormEntry, isEdited: isSelectEntryEdited,
      element });
  }
  if (is(element, 'bpmn:UserTask')) {
    for (const [name, label] of STEP_PROPERTIES) {
      entries.push({ id: `engine-${name}`, component: StepPropertyEntry, name, label,
        isEdited: isTextFieldEntryEdited, element });
    }
  }
  if (!entries.length) return null;
  return { id: 'engine', label: translate('Our engine'), entries, component: Group };
}

function fieldRulesGroup(element, translate) {
  const fields = formFields(element);
  if (!fields.length) return null;
  const entries = [];
  for (const field of fields) {
    for (const [name, label] of FIELD_PROPERTIES) {
      entries.push({ id: `field-${field.id}-${name}`, component: FieldPropertyEntry, field,
        name, label, isEdited: isTextFieldEntryEdited, element });
    }
  }
  return { id: 'engineFieldRules', label: translate('Form field rules'), entries,
    component: Group };
}

// --- the candidate group: an agency, group or role, and the one role it needs -------------

function splitAssignee(value) {
  const text = value || '';
  const at = text.lastIndexOf(':');
  const roles = engineConfig().roles || [];
  if (at > 0 && roles.some((role) => role.value === text.slice(at + 1).trim())) {
    return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
  }
  return [text.trim(), ''];
}

function engineConfig() {
  return window.BPMN_ENGINE_CONFIG || { audiences: [], roles: [] };
}

function useUpdate(element) {
  const commandStack = useService('commandStack');
  return (properties) => commandStack.execute('element.updateModdleProperties', {
    element, moddleElement: getBusinessObject(element), properties,
  });
}

function AudienceEntry({ element, id }) {
  const translate = useService('translate');
  const update = useUpdate(element);
  const current = () => getBusinessObject(element).get('camunda:candidateGroups');
  return h(SelectEntry, {
    element, id, label: translate('Candidate group'),
    description: translate('Empty: the lane decides.'),
    getValue: () => splitAssignee(current())[0],
    setValue: (value) => {
      const role = splitAssignee(current())[1];
      update({ 'camunda:candidateGroups': value ? (role ? `${value}:${role}` : value) : undefined });
    },
    getOptions: () => {
      const value = splitAssignee(current())[0];
      const options = [{ value: '', label: translate('<none>') }];
      for (const audience of engineConfig().audiences) {
        options.push({ value: audience.value, label: audience.label });
      }
      if (value && !options.some((option) => option.value === value)) {
        options.push({ value, label: translate('Expression: {value}', { value }) });
      }
      return options;
    },
  });
}

// A lane's name is whom its steps go to (an agency, by code or name, a group or a role).
function LaneEntry({ element, id }) {
  const translate = useService('translate');
  const modeling = useService('modeling');
  const current = () => getBusinessObject(element).get('name') || '';
  return h(SelectEntry, {
    element, id, label: translate('Steps in this lane go to'),
    getValue: current,
    setValue: (value) => modeling.updateProperties(element, { name: value || undefined }),
    getOptions: () => {
      const options = [{ value: '', label: translate('<none>') },
        ...engineConfig().audiences.map((a) => ({ value: a.value, label: a.label }))];
      const value = current();
      if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
      return options;
    },
  });
}

function RoleEntry({ element, id }) {
  const translate = useService('translate');
  const update = useUpdate(element);
  const current = () => getBusinessObject(element).get('camunda:candidateGroups');
  return h(SelectEntry, {
    element, id, label: translate('Required role'),
    getValue: () => splitAssignee(current())[1],
    setValue: (role) => {
      const audience = splitAssignee(current())[0];
      if (!audience) return;
      update({ 'camunda:candidateGroups': role ? `${audience}:${role}` : audience });
    },
    getOptions: () => [{ value: '', label: translate('Staff or lead of the agency') },
      ...engineConfig().roles.map((role) => ({ value: role.value, label: role.label }))],
  });
}

function CandidateGroupsEntry({ element, id }) {
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const update = useUpdate(element);
  return h(TextFieldEntry, {
    element, id, debounce, label: translate('Candidate groups (or an expression)'),
    description: translate('e.g. ${agency} or SCT:agency_lead'),
    getValue: () => getBusinessObject(element).get('camunda:candidateGroups') || '',
    setValue: (value) => update({ 'camunda:candidateGroups': value || undefined }),
  });
}

// --- the form: our engine reads camunda:formData only with a formKey ---------------------

function FormEntry({ element, id }) {
  const translate = useService('translate');
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  const bo = getBusinessObject(element);
  return h(SelectEntry, {
    element, id, label: translate('Form'),
    getValue: () => (formData(bo) ? 'yes' : ''),
    getOptions: () => [{ value: '', label: translate('No form') },
      { value: 'yes', label: translate('A form of fields') }],
    setValue: (value) => {
      const commands = [];
      if (value === 'yes' && !formData(bo)) {
        const extensions = ensureExtensions(bo, bpmnFactory, commands, element);
        const data = bpmnFactory.create('camunda:FormData', { fields: [] });
        data.$parent = extensions;
        commands.push(update(element, extensions, {
          values: [...extensions.get('values'), data] }));
        commands.push(update(element, bo, { 'camunda:formKey': bo.get('camunda:formKey') || bo.id }));
      } else if (!value && formData(bo)) {
        const extensions = bo.get('extensionElements');
        commands.push(update(element, extensions, {
          values: extensions.get('values').filter((v) => !is(v, 'camunda:FormData')) }));
        commands.push(update(element, bo, { 'camunda:formKey': undefined }));
      }
      if (commands.length) commandStack.execute('properties-panel.multi-command-executor', commands);
    },
  });
}

// --- named properties: a step's (name=...) and a form field's (id=...) ---------------------

function StepPropertyEntry({ element, id, name, label }) {
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  const bo = getBusinessObject(element);
  return h(TextFieldEntry, {
    element, id, debounce, label: translate(label),
    getValue: () => propertyValue(propertiesOf(bo), 'name', name),
    setValue: (value) => {
      const commands = [];
      const extensions = ensureExtensions(bo, bpmnFactory, commands, element);
      let holder = (extensions.get('values') || []).find((v) => is(v, 'camunda:Properties'));
      if (!holder) {
        holder = bpmnFactory.create('camunda:Properties', { values: [] });
        holder.$parent = extensions;
        commands.push(update(element, extensions, {
          values: [...extensions.get('values'), holder] }));
      }
      commands.push(...setProperty(element, holder, 'name', name, value, bpmnFactory));
      commandStack.execute('properties-panel.multi-command-executor', commands);
    },
  });
}

function FieldPropertyEntry({ element, id, field, name, label }) {
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  return h(TextFieldEntry, {
    element, id, debounce, label: `${field.get('label') || field.id}: ${translate(label)}`,
    getValue: () => propertyValue(field.get('properties'), 'id', name),
    setValue: (value) => {
      const commands = [];
      let holder = field.get('properties');
      if (!holder) {
        holder = bpmnFactory.create('camunda:Properties', { values: [] });
        holder.$parent = field;
        commands.push(update(element, field, { properties: holder }));
      }
      commands.push(...setProperty(element, holder, 'id', name, value, bpmnFactory));
      commandStack.execute('properties-panel.multi-command-executor', commands);
    },
  });
}

function setProperty(element, holder, key, name, value, bpmnFactory) {
  const values = holder.get('values') || [];
  const existing = values.find((p) => p.get(key) === name);
  if (!value) {
    return existing ? [update(element, holder, { values: values.filter((p) => p !== existing) })] : [];
  }
  if (existing) return [update(element, existing, { value })];
  const created = bpmnFactory.create('camunda:Property', { [key]: name, value });
  created.$parent = holder;
  return [update(element, holder, { values: [...values, created] })];
}

function update(element, moddleElement, properties) {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}

function ensureExtensions(bo, bpmnFactory, commands, element) {
  let extensions = bo.get('extensionElements');
  if (!extensions) {
    extensions = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensions.$parent = bo;
    commands.push(update(element, bo, { extensionElements: extensions }));
  }
  return extensions;
}

function extensionValues(bo) {
  const extensions = bo && bo.get('extensionElements');
  return (extensions && extensions.get('values')) || [];
}

function formData(bo) {
  return extensionValues(bo).find((v) => is(v, 'camunda:FormData'));
}

function formFields(element) {
  const data = formData(getBusinessObject(element));
  return (data && data.get('fields')) || [];
}

function propertiesOf(bo) {
  return extensionValues(bo).find((v) => is(v, 'camunda:Properties'));
}

function propertyValue(holder, key, name) {
  const found = ((holder && holder.get('values')) || []).find((p) => p.get(key) === name);
  return (found && found.get('value')) || '';
}
