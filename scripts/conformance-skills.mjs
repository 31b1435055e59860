#!/usr/bin/env node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readChecks, REVISION, runSuite, suiteName } from './lib/conformance-next.mjs';
import { startHttp } from './lib/start-http.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCENARIOS = ['sep-2640-skills-enumeration', 'sep-2640-skills-manifest', 'sep-2640-skills-directory'];
const SCENARIO_TIMEOUT_MS = 2 * 60_000;

/** Starts brevo-mcp over HTTP on a free port; resolves with its URL once it listens. */
function startServer(args) {
  const cli = [join(ROOT, 'dist', 'cli.js'), '--sandbox', '--transport', 'http', '--port', '0', '--toolsets', 'all'];
  return startHttp(process.execPath, [...cli, ...args]);
}

/** Runs one scenario (forced: an extension's scenarios are not on the revision's timeline); returns its checks. */
async function runScenario(url, scenario) {
  const outputDir = mkdtempSync(join(tmpdir(), 'brevo-mcp-conformance-skills-'));
  try {
    const args = ['--scenario', scenario, '--spec-version', REVISION, '--force'];
    const output = await runSuite(url, args, outputDir, SCENARIO_TIMEOUT_MS);
    const checks = [...readChecks(outputDir).values()];
    if (!checks.length) throw new Error(`${scenario} wrote no checks:\n${output}`);
    return checks;
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({ options: { verbose: { type: 'boolean' } } });
  console.log(`MCP conformance, Skills (SEP-2640) at ${REVISION}: ${suiteName()}`);
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
