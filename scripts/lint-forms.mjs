// Lints the forms in processes/ as Camunda Tasklist 7.24 will show them: each is imported with form-js (the viewer
// version Tasklist bundles, schema version 16), which refuses unknown field types, duplicate ids and duplicate keys.
// Also checked: the form targets Camunda Platform 7 and its id equals its file name (camunda:formRef finds it by id).
// Usage: node scripts/lint-forms.mjs processes
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

// form-js renders into a DOM; jsdom gives it one, as a browser would.
const { window } = new JSDOM('<!doctype html><body></body>');
for (const name of Object.getOwnPropertyNames(window)) {
  if (!(name in globalThis)) {
    try { globalThis[name] = window[name]; } catch { /* read-only in Node */ }
  }
}
globalThis.window = window;
const { Form, schemaVersion } = createRequire(import.meta.url)('@bpmn-io/form-js-viewer');

let problems = 0;
const report = (file, message) => { problems++; console.error(`${file}: ${message}`); };

const files = readdirSync(process.argv[2], { recursive: true }).filter(f => f.endsWith('.form'))
  .map(f => join(process.argv[2], f)).sort();
for (const file of files) {
  let schema;
  try {
    schema = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    report(file, `not JSON: ${e.message}`);
    continue;
  }
  if (schema.executionPlatform !== 'Camunda Platform') {
    report(file, `executionPlatform: '${schema.executionPlatform}', must be 'Camunda Platform' (Camunda 7)`);
  }
  if (schema.id !== basename(file, '.form')) {
    report(file, `id: '${schema.id}' must equal the file name '${basename(file, '.form')}'`);
  }
  if (!(schema.schemaVersion <= schemaVersion)) {
    report(file, `schemaVersion: ${schema.schemaVersion}; Tasklist 7.24 reads up to ${schemaVersion}`);
  }
  try {
    const { warnings } = await new Form({ container: document.body }).importSchema(schema, {});
    warnings.forEach(w => report(file, w.message ?? String(w)));
  } catch (e) {
    report(file, e.message);
  }
}
if (problems > 0) {
  process.exit(1);
}
console.log(`${files.length} form(s) import cleanly in form-js (schema version ${schemaVersion})`);
