#!/usr/bin/env node
// Development only: writes src/code/answer-types.json, the TypeScript type of each operation's
// success answer as code mode's `search` shows it (`brevo.x(args): Promise<type>`). For each row
// of ../shared/operations*.tsv it takes, from Brevo's official definition, the first 2xx answer's
// schema and prints it as a compact TypeScript type: nesting beyond MAX_DEPTH objects becomes
// `object`, descriptions are left out. Nothing at run time or in `npm test` needs ../shared: the
// output file is committed (test/code-answer-types.test.ts checks it is current when ../shared is here).
//
//   node scripts/write-answer-types.mjs
//
// Output: compact JSON { "tool_name": "type" }.
import { writeFileSync } from 'node:fs';
import { contractRows, sharedAvailable, sharedDir } from './lib/reference.mjs';
import { answerTypes } from './lib/answer-types.mjs';

if (!sharedAvailable()) {
  console.error(`write-answer-types: ${sharedDir} is not here; it reads Brevo's reference definitions from there.`);
  process.exit(1);
}

const out = answerTypes(contractRows());
const target = new URL('../src/code/answer-types.json', import.meta.url);
const text = `${JSON.stringify(out, null, 0).replace(/","/g, '",\n"')}\n`;
writeFileSync(target, text);
console.log(`wrote src/code/answer-types.json: ${Object.keys(out).length} operations, ${text.length} bytes`);
