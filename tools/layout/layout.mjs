// Lay out BPMN diagrams with bpmn-auto-layout: reads each file given, writes the laid-out
// XML next to it as <file>.laid-out (tools/layout/finish.py then merges its DI into the file).
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';

for (const file of process.argv.slice(2)) {
  const xml = readFileSync(file, 'utf8');
  const laidOut = await layoutProcess(xml);
  writeFileSync(`${file}.laid-out`, laidOut);
  console.log(`${file}: laid out`);
}
