#!/usr/bin/env node
// `npm run conformance`: the official MCP conformance suite (@modelcontextprotocol/conformance,
// server mode, every scenario it has) against brevo-mcp's Streamable HTTP transport, with the
// sandbox so no key is needed and nothing leaves 127.0.0.1. It runs twice: against a server with
// sessions (the default) and against `--stateless`.
//
// Each scenario either applies to brevo-mcp, and then must pass, or cannot apply, for a reason
// written below: most scenarios call fixtures of the suite's own reference server (a tool named
// test_simple_text, a resource test://static-text...), and some need a capability brevo-mcp does
// not declare. A scenario that needs a capability applies as soon as the server declares it. A
// scenario the suite adds later applies until it is classified here. A scenario marked
// "not applicable" that passes fails the run too, so this list cannot go stale unnoticed.
//
//   node scripts/conformance.mjs [--url http://127.0.0.1:3000/mcp] [--keep] [--verbose]
//
// --url tests a server you started yourself (once, as it is) instead of starting the two.
// --keep keeps the suite's checks.json files; they are kept anyway when something fails.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUITE_DIR = join(ROOT, 'node_modules', '@modelcontextprotocol', 'conformance');
const SUITE = JSON.parse(readFileSync(join(SUITE_DIR, 'package.json'), 'utf8'));
const SUITE_BIN = join(SUITE_DIR, typeof SUITE.bin === 'string' ? SUITE.bin : SUITE.bin.conformance);
const SUITE_TIMEOUT_MS = 5 * 60_000;

const fixture = (what) => `needs the suite's fixture ${what}`;

/** Scenarios that can never apply to brevo-mcp, and why. */
const NOT_APPLICABLE = {
  'tools-call-simple-text': fixture('tool test_simple_text'),
  'tools-call-image': fixture('tool test_image_content'),
  'tools-call-audio': fixture('tool test_audio_content'),
  'tools-call-embedded-resource': fixture('tool test_embedded_resource'),
  'tools-call-mixed-content': fixture('tool test_multiple_content_types'),
  'tools-call-with-logging': fixture('tool test_tool_with_logging'),
  'tools-call-error': fixture('tool test_error_handling'),
  'tools-call-with-progress': fixture('tool test_tool_with_progress'),
  'tools-call-sampling': fixture('tool test_sampling'),
  'tools-call-elicitation': fixture('tool test_elicitation'),
  'elicitation-sep1034-defaults': fixture('tool test_elicitation_sep1034_defaults'),
  'elicitation-sep1330-enums': fixture('tool test_elicitation_sep1330_enums'),
  'json-schema-2020-12': fixture('tool json_schema_2020_12_tool'),
  'server-sse-polling': `${fixture('tool test_reconnection')} (without it the scenario only warns)`,
  'resources-read-text': fixture('resource test://static-text'),
  'resources-read-binary': fixture('resource test://static-binary'),
  'resources-templates-read': fixture('resource template test://template/{id}/data'),
  'prompts-get-simple': fixture('prompt test_simple_prompt'),
  'prompts-get-with-args': fixture('prompt test_prompt_with_arguments'),
  'prompts-get-embedded-resource': fixture('prompt test_prompt_with_embedded_resource'),
  'prompts-get-with-image': fixture('prompt test_prompt_with_image'),
  // The spec answers an unknown prompt with -32602, so even a server with completions fails it.
  'completion-complete': `${fixture('prompt test_prompt_with_arguments')}, to complete its argument`,
};

/** Scenarios that apply only to a server declaring a capability: [path in capabilities, what it is]. */
const NEEDS_CAPABILITY = {
  'tools-list': [['tools'], 'tools'],
  'resources-list': [['resources'], 'resources'],
  'resources-subscribe': [['resources', 'subscribe'], 'resource subscriptions'],
  'resources-unsubscribe': [['resources', 'subscribe'], 'resource subscriptions'],
  'prompts-list': [['prompts'], 'prompts'],
  'logging-set-level': [['logging'], 'logging'],
};

/** Scenarios about sessions (their SSE streams), which a --stateless server does not have. */
const NEEDS_SESSIONS = new Set(['server-sse-multiple-streams']);

function whyNotApplicable(scenario, capabilities, stateless) {
  if (NOT_APPLICABLE[scenario]) return NOT_APPLICABLE[scenario];
  const needed = NEEDS_CAPABILITY[scenario];
  if (needed && needed[0].reduce((c, key) => c?.[key], capabilities) === undefined)
    return `needs the ${needed[1]} capability, not declared`;
  if (stateless && NEEDS_SESSIONS.has(scenario)) return 'needs sessions, which --stateless has none of';
  return undefined;
}

/** Starts the built server over HTTP on a free port with the sandbox; resolves with its URL. */
function startServer(extraArgs) {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'dist', 'cli.js'),
      '--sandbox',
      '--transport',
      'http',
      '--port',
      '0',
      '--toolsets',
      'all',
      ...extraArgs,
    ],
    {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 10 s: ${stderr}`)), 10_000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk.toString('utf8');
      const m = /at (http:\/\/\S+\/mcp)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${stderr}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, stop, stderr: () => stderr };
}

async function capabilitiesOf(url) {
  const client = new Client({ name: 'brevo-mcp-conformance', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  const capabilities = client.getServerCapabilities() ?? {};
  await client.close();
  return capabilities;
}

/** Runs every scenario of the suite against url; resolves with the suite's output. */
function runSuite(url, outputDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [SUITE_BIN, 'server', '--url', url, '--suite', 'all', '--output-dir', outputDir],
      {
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), SUITE_TIMEOUT_MS);
    child.once('error', reject);
    // The suite exits non-zero whenever a scenario fails, applicable or not: its checks decide here.
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal)
        reject(
          new Error(`the conformance suite was stopped by ${signal} (over ${SUITE_TIMEOUT_MS / 1000} s?)\n${output}`),
        );
      else resolve(output);
    });
  });
}

/** Every scenario the suite ran, with its checks, from the folders it wrote (server-<scenario>-<time>). */
function readResults(outputDir, suiteOutput) {
  const results = new Map();
  for (const m of suiteOutput.matchAll(/=== Running scenario: (\S+) ===/g)) results.set(m[1], undefined);
  for (const dir of readdirSync(outputDir)) {
    const m = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(dir);
    if (!m) continue;
    try {
      results.set(m[1], JSON.parse(readFileSync(join(outputDir, dir, 'checks.json'), 'utf8')));
    } catch {
      results.set(m[1], undefined);
    }
  }
  return results;
}

function evaluate(results, capabilities, stateless) {
  const rows = [];
  for (const [scenario, checks] of results) {
    const count = (status) => (checks ?? []).filter((c) => c.status === status);
    const failures = count('FAILURE');
    const successes = count('SUCCESS');
    const warnings = count('WARNING');
    const reason = whyNotApplicable(scenario, capabilities, stateless);
    const passes = checks !== undefined && failures.length === 0 && successes.length > 0;
    if (reason && passes) {
      rows.push({
        scenario,
        outcome: 'failed',
        detail:
          `passes, but is marked not applicable (${reason}): it applies now, remove it from scripts/conformance.mjs ` +
          `and docs/conformance.md`,
      });
    } else if (reason) {
      rows.push({ scenario, outcome: 'not applicable', detail: reason });
    } else if (passes) {
      rows.push({
        scenario,
        outcome: 'passed',
        // wide: one message whose parts depend on conditions; kept whole so it reads as sent
        detail: `${successes.length} check(s)${warnings.length ? `, ${warnings.length} warning(s): ${warnings.map((w) => w.errorMessage ?? w.description).join('; ')}` : ''}`,
      });
    } else {
      const why =
        checks === undefined
          ? 'no results (the scenario did not finish)'
          : failures.length
            ? failures.map((f) => `${f.id}: ${f.errorMessage ?? f.description}`).join('; ')
            : 'no check succeeded';
      rows.push({ scenario, outcome: 'failed', detail: why });
    }
  }
  return rows;
}

async function main() {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, keep: { type: 'boolean' }, verbose: { type: 'boolean' } },
  });
  const modes = values.url
    ? [{ name: 'the given server', args: null, url: values.url }]
    : [
        { name: 'with sessions', args: [] },
        { name: 'stateless', args: ['--stateless'] },
      ];
  console.log(`MCP conformance: ${SUITE.name} ${SUITE.version}, server scenarios, suite "all"`);
  const totals = { passed: 0, failed: 0, 'not applicable': 0 };
  const keep = [];
  for (const mode of modes) {
    const outputDir = mkdtempSync(join(tmpdir(), 'brevo-mcp-conformance-'));
    const server = mode.args ? startServer(mode.args) : undefined;
    let rows;
    try {
      const url = server ? await server.url : mode.url;
      const capabilities = await capabilitiesOf(url);
      const output = await runSuite(url, outputDir);
      writeFileSync(join(outputDir, 'suite-output.txt'), output);
      if (values.verbose) console.log(output);
      rows = evaluate(readResults(outputDir, output), capabilities, mode.args?.includes('--stateless') ?? false);
      if (rows.length === 0)
        rows.push({ scenario: '(none)', outcome: 'failed', detail: `the suite ran no scenario:\n${output}` });
      console.log(`\n${mode.name} (${url}; capabilities: ${Object.keys(capabilities).join(', ')}):`);
    } catch (error) {
      rows = [
        { scenario: '(setup)', outcome: 'failed', detail: error instanceof Error ? error.message : String(error) },
      ];
      console.log(`\n${mode.name}:`);
    } finally {
      await server?.stop();
    }
    const mark = { passed: 'ok  ', failed: 'FAIL', 'not applicable': 'n/a ' };
    for (const row of rows) console.log(`  ${mark[row.outcome]} ${row.scenario}: ${row.detail}`);
    const counts = { passed: 0, failed: 0, 'not applicable': 0 };
    for (const row of rows) counts[row.outcome]++;
    for (const k of Object.keys(totals)) totals[k] += counts[k];
    console.log(
      `  ${mode.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts['not applicable']} not applicable`,
    );
    if (counts.failed || values.keep) keep.push(outputDir);
    else rmSync(outputDir, { recursive: true, force: true });
  }
  for (const dir of keep) console.log(`results kept in ${dir}`);
  console.log(
    `conformance: ${totals.passed} passed, ${totals.failed} failed, ${totals['not applicable']} not applicable`,
  );
  return totals.failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
