#!/usr/bin/env node
// Copies the skill folders (src/skills/<name>/, each with a SKILL.md) to dist/skills/ after tsc,
// byte for byte: tsc emits only the loader's code, and the server serves these files as they are.
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';

const from = new URL('../src/skills/', import.meta.url);
const to = new URL('../dist/skills/', import.meta.url);
let copied = 0;
for (const entry of readdirSync(from, { withFileTypes: true })) {
  if (!entry.isDirectory() || !existsSync(new URL(`${entry.name}/SKILL.md`, from))) continue;
  const target = new URL(`${entry.name}/`, to);
  rmSync(target, { recursive: true, force: true });
  cpSync(new URL(`${entry.name}/`, from), target, { recursive: true });
  copied++;
}
if (!process.argv.includes('--quiet')) console.error(`copy-skills: ${copied} skills in dist/skills/`);
