#!/usr/bin/env node
// Development only: fills one emulator to its caps (src/sandbox/limits.ts) with the largest data
// they allow (every contact with the most attribute text, files up to their byte cap) and prints
// the process's memory before and after. Run after `npm run build`:
//
//   node --expose-gc scripts/sandbox-memory.mjs
import { startSandbox } from '../dist/sandbox/server.js';
import { LIMITS } from '../dist/sandbox/limits.js';

const MB = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const settle = () => globalThis.gc?.();
const usage = () => {
  settle();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
};

const sandbox = await startSandbox();
const call = async (method, path, body) => {
  const res = await fetch(sandbox.url + path, {
    method,
    headers: { 'api-key': sandbox.apiKey, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
};

const before = usage();
await call('POST', '/contacts/attributes/normal/NOTES', { type: 'text' });
const value = (c) => c.repeat(LIMITS.attributeValueChars);
const sample = (await call('POST', '/contacts/lists', { name: 'Sample', folderId: 1 })).id;
const room = LIMITS.contacts - (await call('GET', '/contacts?limit=1')).count;
const perImport = 500;
for (let done = 0; done < room; done += perImport) {
  const rows = Array.from({ length: Math.min(perImport, room - done) }, (_, i) => ({
    email: `filler${done + i}@example.com`,
    attributes: { FIRSTNAME: value('a'), LASTNAME: value('b'), CITY: value('c'), NOTES: value('d') },
  }));
  await call('POST', '/contacts/import', { jsonBody: rows, listIds: done < 1000 ? [1, sample] : [1] });
}
// Exports of 1,000 contacts (4 MB each) until the served files are past their cap.
for (let i = 0; i < 8; i++)
  await call('POST', '/contacts/export', {
    customContactFilter: { actionForContacts: 'allContacts', listId: sample },
    exportAttributes: ['FIRSTNAME'],
  });
const after = usage();
console.log(
  `contacts ${sandbox.store.contacts.size} (cap ${LIMITS.contacts}), ` +
    `${LIMITS.contactAttributeChars} characters of attributes each; files ${MB(sandbox.store.files.size)} ` +
    `(cap ${MB(LIMITS.fileBytes)}); processes ${sandbox.store.processes.size} (cap ${LIMITS.processes})`,
);
console.log(`rss ${MB(before.rss)} -> ${MB(after.rss)}; heap used ${MB(before.heapUsed)} -> ${MB(after.heapUsed)}`);
await sandbox.close();
