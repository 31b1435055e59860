#!/usr/bin/env node
// Prints what the tool listing costs a model, per toolset, in o200k tokens, from
// catalog/tools.json (run `npm run catalog` first). Development aid; `npm run bench` measures
// the live server.
import { readFileSync } from 'node:fs';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { wireTool } from '../dist/listing.js';

const { tools } = JSON.parse(readFileSync(new URL('../catalog/tools.json', import.meta.url), 'utf8'));
const tokens = (x) => encode(JSON.stringify(x)).length;
const groups = new Map();
for (const t of tools) groups.set(t.toolset, [...(groups.get(t.toolset) ?? []), t]);
const rows = [...groups].map(([toolset, list]) => {
  const listed = list.map(wireTool);
  return {
    toolset,
    tools: list.length,
    tokens: tokens(listed),
    perTool: Math.round(tokens(listed) / list.length),
    descriptionPerTool: Math.round(tokens(list.map((t) => t.description)) / list.length),
  };
});
console.table(rows);
console.log(`all: ${tools.length} tools, ${tokens({ tools: tools.map(wireTool) })} tokens`);
