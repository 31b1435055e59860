#!/usr/bin/env node
// The conformance suite's SEP-2640 (Skills) scenarios, sep-2640-skills-enumeration, -manifest and
// -directory (@modelcontextprotocol/conformance 0.2.0-alpha.12, installed as conformance-next, on
// Node 22 from the node@22 dev dependency), at the 2026-07-28 wire against brevo-mcp's Streamable
// HTTP endpoint with the sandbox, plain and --stateless.
//
// The suite's client does not announce the extension, so it runs against `--skills all`, and
// every check must succeed. Against the default (`--skills announced`) the same client must be
// offered nothing: every sep-2640 check is then skipped, as for a server without skills.
//
//   node scripts/conformance-skills.mjs [--verbose]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHttp } from './lib/start-http.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUITE_DIR = join(ROOT, 'node_modules', 'conformance-next');
const SUITE = JSON.parse(readFileSync(join(SUITE_DIR, 'package.json'), 'utf8'));
const SUITE_BIN = join(SUITE_DIR, typeof SUITE.bin === 'string' ? SUITE.bin : SUITE.bin.conformance);
const NODE_22 = join(ROOT, 'node_modules', 'node', 'bin', 'node');
const REVISION = '2026-07-28';
const SCENARIOS = ['sep-2640-skills-enumeration', 'sep-2640-skills-manifest', 'sep-2640-skills-directory'];
const SCENARIO_TIMEOUT_MS = 2 * 60_000;

/** Starts brevo-mcp over HTTP on a free port; resolves with its URL once it listens. */
function startServer(args) {
  const cli = [join(ROOT, 'dist', 'cli.js'), '--sandbox', '--transport', 'http', '--port', '0', '--toolsets', 'all'];
  return startHttp(process.execPath, [...cli, ...args]);
}

/** Runs one scenario (forced: an extension's scenarios are not on the revision's timeline); returns its checks. */
function runScenario(url, scenario) {
  const outputDir = mkdtempSync(join(tmpdir(), 'brevo-mcp-conformance-skills-'));
  return new Promise((resolve, reject) => {
    const args = [SUITE_BIN, 'server', '--url', url, '--scenario', scenario, '--spec-version', REVISION, '--force'];
    const child = spawn(NODE_22, [...args, '--output-dir', outputDir], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), SCENARIO_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (_, signal) => {
      clearTimeout(timer);
      try {
        if (signal) throw new Error(`the suite was stopped by ${signal}\n${output}`);
        const checks = [];
        for (const dir of readdirSync(outputDir))
          if (existsSync(join(outputDir, dir, 'checks.json')))
            checks.push(...JSON.parse(readFileSync(join(outputDir, dir, 'checks.json'), 'utf8')));
        if (!checks.length) throw new Error(`${scenario} wrote no checks:\n${output}`);
        resolve(checks);
      } catch (error) {
        reject(error);
      } finally {
        rmSync(outputDir, { recursive: true, force: true });
      }
    });
  });
}

async function main() {
  const { values } = parseArgs({ options: { verbose: { type: 'boolean' } } });
  if (!existsSync(NODE_22)) throw new Error('node_modules/node/bin/node is missing: npm ci installs node@22');
  console.log(`MCP conformance, Skills (SEP-2640) at ${REVISION}: ${SUITE.name} ${SUITE.version} (Node 22)`);
  let problems = 0;
  for (const [label, args, wanted] of [
    ['--skills all', ['--skills', 'all'], 'SUCCESS'],
    ['--skills all --stateless', ['--skills', 'all', '--stateless'], 'SUCCESS'],
    ['default (--skills announced)', [], 'SKIPPED'],
  ]) {
    const server = startServer(args);
    try {
      const url = await server.url;
      const counts = {};
      for (const scenario of SCENARIOS) {
        for (const check of await runScenario(url, scenario)) {
          counts[check.status] = (counts[check.status] ?? 0) + 1;
          // The suite's own wire checks (wire-schema-valid) must pass in every mode.
          const ok = check.status === (check.id.startsWith('sep-2640-') ? wanted : 'SUCCESS');
          if (!ok) problems++;
          if (!ok || values.verbose)
            console.log(
              `    ${ok ? 'ok' : 'FAIL'} ${scenario} :: ${check.id}: ${check.status} ${check.errorMessage ?? ''}`,
            );
        }
      }
      const summary = Object.entries(counts)
        .map(([status, n]) => `${n} ${status.toLowerCase()}`)
        .join(', ');
      console.log(`  brevo-mcp ${label}: ${summary} (every sep-2640 check should be ${wanted.toLowerCase()})`);
    } finally {
      await server.stop();
    }
  }
  console.log(`conformance skills: ${problems ? `${problems} problem(s)` : 'ok'}`);
  return problems ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
