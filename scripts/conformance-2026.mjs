#!/usr/bin/env node
// The official conformance suite's 2026-07-28 requirements (@modelcontextprotocol/conformance
// 0.2.0-alpha.12, installed as conformance-next; it needs Node 22, which the node@22 dev
// dependency provides) against brevo-mcp's Streamable HTTP endpoint with the sandbox, started
// plain (2025 clients keep sessions) and with --stateless.
//
// The yardstick is the smallest server the v2 SDK makes (scripts/conformance/minimal-server.mjs),
// run through the same suite: brevo-mcp must pass every check it passes, scenario by scenario.
// Every other check that fails must be explained below: most need the suite's own fixtures (a
// tool named test_simple_text, a resource test://static-text...), which no real server has. A
// scenario listed as expected to fail that passes fails the run, so the list cannot go stale.
//
//   node scripts/conformance-2026.mjs [--keep] [--verbose]
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
const SUITE_TIMEOUT_MS = 8 * 60_000;

/** A failing check whose message names one of the suite's own fixtures. */
const NEEDS_FIXTURE = /\btest_[a-z0-9_]+|test:\/\/|json_schema_2020_12_tool|diagnostic tool/;

/** Scenarios whose failing checks are expected although their messages name no fixture, and why. */
const EXPECTED = {
  'input-required-result-multi-round': "calls the suite's fixture tool test_input_required_result_multi_round",
  'input-required-result-tampered-state':
    "needs a first input-required result from the suite's fixture tool test_input_required_result_request_state",
  'http-custom-header-server-validation':
    'no tool declares x-mcp-header (SEP-2243): no Brevo argument is one a proxy routes on, so nothing is mirrored',
  // The Tasks extension (SEP-2663) is not scored for 2026-07-28; its fixtures are greet and slow_compute.
  'tasks-lifecycle': 'the Tasks extension is not offered: every Brevo call ends within its request',
  'tasks-capability-negotiation': 'the Tasks extension is not offered',
  'tasks-wire-fields': 'the Tasks extension is not offered',
  'tasks-request-state-removal': 'the Tasks extension is not offered',
  'tasks-mrtr-input': 'the Tasks extension is not offered',
  'tasks-request-headers': 'the Tasks extension is not offered',
  'tasks-dispatch-and-envelope': 'the Tasks extension is not offered',
  'tasks-required-task-error': 'the Tasks extension is not offered',
  'tasks-mrtr-composition': 'the Tasks extension is not offered',
};

function runSuite(url, outputDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      NODE_22,
      [SUITE_BIN, 'server', '--url', url, '--requirements', REVISION, '--output-dir', outputDir],
      { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), SUITE_TIMEOUT_MS);
    child.once('error', reject);
    // The suite exits non-zero whenever a check fails: the comparison below decides.
    child.once('exit', (_, signal) => {
      clearTimeout(timer);
      if (signal) reject(new Error(`the suite was stopped by ${signal}\n${output}`));
      else resolve(output);
    });
  });
}

/** Every check the suite wrote, keyed "scenario :: check id". */
function readChecks(outputDir) {
  const checks = new Map();
  for (const dir of readdirSync(outputDir)) {
    const scenario = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(dir)?.[1];
    if (!scenario || !existsSync(join(outputDir, dir, 'checks.json'))) continue;
    for (const check of JSON.parse(readFileSync(join(outputDir, dir, 'checks.json'), 'utf8')))
      checks.set(`${scenario} :: ${check.id}`, { scenario, ...check });
  }
  return checks;
}

async function measure(name, command, args, keep) {
  const outputDir = mkdtempSync(join(tmpdir(), 'brevo-mcp-conformance-2026-'));
  const server = startHttp(command, args);
  try {
    const url = await server.url;
    const output = await runSuite(url, outputDir);
    const checks = readChecks(outputDir);
    if (checks.size === 0) throw new Error(`the suite ran no scenario against ${name}:\n${output}`);
    // The suite's own count (a warning or a skipped check is not a failure there), as the issue quotes it.
    const total = /Total: (\d+) passed, (\d+) failed/.exec(output);
    return {
      checks,
      outputDir,
      suiteCount: total ? `suite: ${total[1]} passed, ${total[2]} failed` : 'no suite total',
    };
  } finally {
    await server.stop();
    if (!keep) rmSync(outputDir, { recursive: true, force: true });
  }
}

const passed = (checks) => [...checks.values()].filter((c) => c.status === 'SUCCESS').length;

function compare(yardstick, checks) {
  const problems = [];
  const expected = [];
  for (const [key, check] of yardstick)
    if (check.status === 'SUCCESS' && checks.get(key)?.status !== 'SUCCESS')
      problems.push(`${key}: passes on the minimal server, ${checks.get(key)?.status ?? 'not run'} here`);
  const failingScenarios = new Set();
  for (const [key, check] of checks) {
    if (check.status !== 'FAILURE') continue;
    failingScenarios.add(check.scenario);
    const message = check.errorMessage ?? check.description ?? '';
    const fixture = NEEDS_FIXTURE.exec(message)?.[0];
    const reason = fixture ? `needs the suite's fixture ${fixture}` : EXPECTED[check.scenario];
    if (reason) expected.push(`${key}: ${reason}`);
    else problems.push(`${key}: ${message}`);
  }
  for (const scenario of Object.keys(EXPECTED))
    if (!failingScenarios.has(scenario) && [...checks.values()].some((c) => c.scenario === scenario))
      problems.push(`${scenario}: listed as expected to fail, but no check of it fails: remove it from EXPECTED`);
  return { problems, expected };
}

async function main() {
  const { values } = parseArgs({ options: { keep: { type: 'boolean' }, verbose: { type: 'boolean' } } });
  if (!existsSync(NODE_22)) throw new Error('node_modules/node/bin/node is missing: npm ci installs node@22');
  console.log(`MCP conformance ${REVISION}: ${SUITE.name} ${SUITE.version} (Node 22), --requirements ${REVISION}`);
  const minimal = await measure(
    'the minimal server',
    process.execPath,
    [join(ROOT, 'scripts', 'conformance', 'minimal-server.mjs')],
    values.keep,
  );
  const total = minimal.checks.size;
  console.log(
    `  minimal createMcpHandler server: ${passed(minimal.checks)} of ${total} checks succeed (${minimal.suiteCount})`,
  );
  let failed = 0;
  for (const [mode, extra] of [
    ['plain', []],
    ['--stateless', ['--stateless']],
  ]) {
    const cli = [join(ROOT, 'dist', 'cli.js'), '--sandbox', '--transport', 'http', '--port', '0', '--toolsets', 'all'];
    const run = await measure(mode, process.execPath, [...cli, ...extra], values.keep);
    const { problems, expected } = compare(minimal.checks, run.checks);
    console.log(
      `  brevo-mcp ${mode}: ${passed(run.checks)} of ${run.checks.size} checks succeed (${run.suiteCount}); ` +
        `${expected.length} expected failures; ${problems.length} problems`,
    );
    if (values.verbose) for (const line of expected) console.log(`    expected: ${line}`);
    for (const line of problems) console.log(`    FAIL ${line}`);
    failed += problems.length;
  }
  console.log(`conformance ${REVISION}: ${failed ? `${failed} problem(s)` : 'ok'}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
