#!/usr/bin/env node
// brevo-mcp: the command. Reads flags and environment, then serves MCP over stdio or HTTP.
import { BrevoClient, defaultClientOptions } from './client/brevo-client.js';
import { ConfigError, readConfig, type Config } from './config.js';
import { log, registerSecret } from './log.js';
import type { Sandbox } from './sandbox/server.js';
import { SelectionError, selectTools, validateSelection } from './registry.js';
import { createMcpServer } from './server.js';
import { readManifest, type ToolEntry } from './tools/manifest.js';
import { VERSION } from './version.js';

const HELP = `brevo-mcp ${VERSION}: Model Context Protocol server for the Brevo API

Usage: brevo-mcp [options]

Options:
  --transport stdio|http   How clients connect (default stdio; env BREVO_MCP_TRANSPORT)
  --host HOST              HTTP bind address (default 127.0.0.1; env BREVO_MCP_HOST)
  --port PORT              HTTP port (default 3000; env BREVO_MCP_PORT)
  --toolsets a,b|all       Toolsets to expose (default ${'transactional_email,contacts,account'}; env BREVO_TOOLSETS)
  --tools x,y              Expose exactly these tools (env BREVO_TOOLS)
  --exclude-tools x,y      Never expose these tools (env BREVO_EXCLUDE_TOOLS)
  --read-only              Only read-only tools; wins over the other filters (env BREVO_READ_ONLY=1)
  --max-result-chars N     Longest tool result text (default 40000; env BREVO_MAX_RESULT_CHARS)
  --list-tools             Print the tools as JSON and exit (no key needed); with no selection
                           option it prints the whole catalog
  --sandbox                Serve against a built-in Brevo emulator with a demo account, in memory
                           on 127.0.0.1: no key needed, nothing is sent, BREVO_API_KEY is ignored
                           (env BREVO_SANDBOX=1)
  -h, --help               This help
  -v, --version            The version

Environment:
  BREVO_API_KEY            Your Brevo API key (required to serve, except with --sandbox)
  BREVO_API_URL            API base URL (default ${defaultClientOptions.apiUrl})
  BREVO_MA_KEY             Automation tracker key, for identify_user and track_* tools
  BREVO_TRACKER_URL        Tracker base URL (default ${defaultClientOptions.trackerUrl})
  BREVO_TIMEOUT_MS         Timeout per Brevo request (default ${defaultClientOptions.timeoutMs})
  BREVO_MAX_RETRIES        Retries of requests that are safe to repeat (default ${defaultClientOptions.maxRetries})
  BREVO_MAX_CONCURRENCY    Brevo requests in flight at once (default ${defaultClientOptions.maxConcurrent})
  BREVO_MCP_LOG_LEVEL      debug, info, warn or error (default info); logs go to stderr
`;

const selectionGiven = (argv: string[], env: NodeJS.ProcessEnv) =>
  argv.some((a) => /^--(toolsets|tools|exclude-tools|read-only)\b/.test(a)) ||
  ['BREVO_TOOLSETS', 'BREVO_TOOLS', 'BREVO_EXCLUDE_TOOLS', 'BREVO_READ_ONLY'].some((k) => env[k]);

function listTools(manifest: ToolEntry[], config: Config, wholeCatalog: boolean): void {
  const tools = wholeCatalog ? manifest : selectTools(manifest, config.selection);
  const rows = tools.map((t) => ({
    name: t.name,
    method: t.method,
    path: t.path,
    toolset: t.toolset,
    readOnly: t.annotations.readOnlyHint,
    destructive: t.annotations.destructiveHint,
  }));
  process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
}

function clientFor(config: Config): BrevoClient {
  registerSecret(config.apiKey);
  registerSecret(config.trackerKey);
  return new BrevoClient({
    ...defaultClientOptions,
    apiUrl: config.apiUrl,
    trackerUrl: config.trackerUrl,
    apiKey: config.apiKey,
    trackerKey: config.trackerKey,
    userAgent: `brevo-mcp/${VERSION}`,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    maxConcurrent: config.maxConcurrent,
  });
}

/**
 * Starts the embedded Brevo emulator and points the configuration at it, in place of Brevo and
 * of any BREVO_API_KEY / BREVO_API_URL in the environment. Loaded only in sandbox mode.
 */
async function startSandboxFor(config: Config): Promise<Sandbox> {
  const { startSandbox } = await import('./sandbox/server.js');
  const sandbox = await startSandbox();
  config.apiUrl = sandbox.url;
  config.apiKey = sandbox.apiKey;
  config.trackerUrl = sandbox.trackerUrl;
  config.trackerKey = sandbox.trackerKey;
  log('warn', `sandbox mode: Brevo is emulated in memory at ${sandbox.url} with the "Demo Shop" demo account; nothing is sent and nothing leaves this machine, BREVO_API_KEY is ignored, changes are lost on exit`);
  return sandbox;
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number | undefined> {
  const config = readConfig(argv, env);
  if (config.help) return void process.stdout.write(HELP), 0;
  if (config.version) return void process.stdout.write(VERSION + '\n'), 0;
  const manifest = readManifest();
  validateSelection(config.selection, manifest);
  if (config.listTools) return listTools(manifest, config, !selectionGiven(argv, env)), 0;

  let sandbox: Sandbox | undefined;
  if (config.sandbox) {
    sandbox = await startSandboxFor(config);
  } else if (!config.apiKey) {
    process.stderr.write('brevo-mcp: BREVO_API_KEY is not set. Create a key in Brevo (SMTP & API > API keys) and set BREVO_API_KEY=<key> in the server\'s environment, or try it first with --sandbox.\n');
    return 1;
  }
  const client = clientFor(config);
  const closeClient = () => client.close().then(() => sandbox?.close());
  const serverOptions = { manifest, client, selection: config.selection, maxResultChars: config.maxResultChars };

  if (config.transport === 'stdio') {
    const { serveStdio } = await import('./transports/stdio.js');
    await serveStdio(createMcpServer(serverOptions), closeClient);
    return undefined;
  }
  const { serveHttp } = await import('./transports/http.js');
  const handle = await serveHttp({ host: config.host, port: config.port, newSession: () => createMcpServer(serverOptions) });
  log('info', `serving MCP over Streamable HTTP at ${handle.url}`);
  const shutdown = () => void handle.close().then(closeClient).then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return undefined;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof SelectionError) {
      process.stderr.write(`brevo-mcp: ${error.message} (see --help)\n`);
    } else {
      log('error', error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    process.exitCode = 2;
  },
);
