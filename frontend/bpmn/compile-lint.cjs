// Compiles frontend/bpmn/.bpmnlintrc into a module that carries its rules (for esbuild).
const fs = require('fs');
const path = require('path');
const compileConfig = require('bpmnlint/lib/support/compile-config');

const config = JSON.parse(fs.readFileSync(path.join(__dirname, '.bpmnlintrc'), 'utf8'));
compileConfig(config).then((code) => {
  fs.mkdirSync('build', { recursive: true });
  fs.writeFileSync('build/bpmnlint-config.js', code);
});
