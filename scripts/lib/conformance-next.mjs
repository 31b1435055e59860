// The 2026-07-28 conformance suite (@modelcontextprotocol/conformance 0.2.0-alpha.12, installed as
// conformance-next) run on Node 22 from the node@22 dev dependency: where it is, how one run is
// started, and the checks it wrote, for scripts/conformance-2026.mjs and conformance-skills.mjs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SUITE_DIR = join(ROOT, 'node_modules', 'conformance-next');
const SUITE = JSON.parse(readFileSync(join(SUITE_DIR, 'package.json'), 'utf8'));
const SUITE_BIN = join(SUITE_DIR, typeof SUITE.bin === 'string' ? SUITE.bin : SUITE.bin.conformance);
const NODE_22 = join(ROOT, 'node_modules', 'node', 'bin', 'node');
export const REVISION = '2026-07-28';

/** "<suite> <version> (Node 22)", once the Node 22 binary is known to be there. */
export function suiteName() {
  if (!existsSync(NODE_22)) throw new Error('node_modules/node/bin/node is missing: npm ci installs node@22');
  return `${SUITE.name} ${SUITE.version} (Node 22)`;
}

/**
 * Runs `conformance server --url <url> ...args --output-dir <dir>` and resolves with what it
 * printed. It exits non-zero whenever a check fails: the caller reads the checks and decides.
 * @param {string} url @param {string[]} args @param {string} outputDir @param {number} timeoutMs
 * @returns {Promise<string>}
 */
export function runSuite(url, args, outputDir, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE_22, [SUITE_BIN, 'server', '--url', url, ...args, '--output-dir', outputDir], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (_, signal) => {
      clearTimeout(timer);
      if (signal) reject(new Error(`the suite was stopped by ${signal}\n${output}`));
      else resolve(output);
    });
  });
}

/** Every check the suite wrote under outputDir, keyed `<scenario> :: <check id>`. @param {string} outputDir */
export function readChecks(outputDir) {
  const checks = new Map();
  for (const dir of readdirSync(outputDir)) {
    const scenario = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(dir)?.[1];
    if (!scenario || !existsSync(join(outputDir, dir, 'checks.json'))) continue;
    for (const check of JSON.parse(readFileSync(join(outputDir, dir, 'checks.json'), 'utf8')))
      checks.set(`${scenario} :: ${check.id}`, { scenario, ...check });
  }
  return checks;
}
