#!/usr/bin/env node
// Writes catalog/tools.json (the manifest the server lists tools from, and the snapshot of what
// a model sees) and docs/TOOLS.md from the built catalog. Run through `npm run catalog`.
import { writeFileSync } from 'node:fs';
import { loadCatalog, toolsets } from '../dist/tools/index.js';
import { manifestEntry, manifestText, manifestUrl } from '../dist/tools/manifest.js';
import { renderToolsDoc } from './lib/tools-doc.mjs';

const ops = await loadCatalog();
writeFileSync(manifestUrl, manifestText(ops));
const summaries = Object.entries(toolsets).map(([name, info]) => ({ name, summary: info.summary }));
writeFileSync(new URL('../docs/TOOLS.md', import.meta.url), renderToolsDoc(summaries, ops.map(manifestEntry)));
console.log(`wrote catalog/tools.json and docs/TOOLS.md: ${ops.length} tools`);
