#!/usr/bin/env node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readChecks, REVISION, runSuite, suiteName } from './lib/conformance-next.mjs';
import { startHttp } from './lib/start-http.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
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

/** Every check the suite wrote, keyed "scenario :: check id". */

async function measure(name, command, args, keep) {
  const outputDir = mkdtempSync(join(tmpdir(), 'brevo-mcp-conformance-2026-'));
  const server = startHttp(command, args);
  try {
    const url = await server.url;
    const output = await runSuite(url, ['--requirements', REVISION], outputDir, SUITE_TIMEOUT_MS);
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
  console.log(`MCP conformance ${REVISION}: ${suiteName()}, --requirements ${REVISION}`);
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
