// brevo-mcp: reads flags and environment, then serves MCP over stdio or HTTP (entered through cli.ts).
import { BrevoClient, defaultClientOptions } from './client/brevo-client.js';
import { ConfigError, readConfig, type Config, wholeCatalogUnlessChosen } from './config.js';
import { hideInLog, log } from './log.js';
import { Redactor } from './redact.js';
import { DEFAULT_TOOLSETS, SelectionError, selectTools, validateSelection } from './registry.js';
import type { Sandbox } from './sandbox/server.js';
import { createMcpServer } from './server.js';
import { isLoopbackHost } from './transports/loopback.js';
import { readManifest, type ToolEntry } from './tools/manifest.js';
import { VERSION } from './version.js';
import { optionsHelp } from './options.js';

// Built only for --help: the option tables are not needed to serve.
const help = () => `brevo-mcp ${VERSION}: Model Context Protocol server for the Brevo API

Usage: brevo-mcp [options]
       brevo-mcp emulator [--port N]   Run only the Brevo emulator of --sandbox, for your own
                                       Brevo integrations; prints its URL and key (see
                                       brevo-mcp emulator --help)

Options:
${optionsHelp('main')}

HTTP options (--transport http; over stdio they are ignored, with a warning):
${optionsHelp('http')}

OAuth (--transport http; instead of --auth-token):
${optionsHelp('oauth')}
  BREVO_MCP_OAUTH_READ_SCOPE     Scope for read-only tools (default brevo:read)
  BREVO_MCP_OAUTH_WRITE_SCOPE    Scope for every tool the server offers (default brevo:write)
  BREVO_MCP_OAUTH_AUDIENCE       Audiences accepted besides the public URL, comma-separated
  BREVO_MCP_OAUTH_ALGORITHMS     Signature algorithms accepted (default: RS*, PS*, ES*, EdDSA)
  BREVO_MCP_OAUTH_CLOCK_SKEW_SECONDS  Clock skew allowed on exp/nbf (default 30)
  BREVO_MCP_OAUTH_CLIENT_ID, BREVO_MCP_OAUTH_CLIENT_SECRET
                           This server's client at the issuer, to introspect opaque tokens

Environment:
  BREVO_API_KEY            Your Brevo API key (required to serve, unless --sandbox or --allow-client-keys)
  BREVO_API_URL            API base URL (default ${defaultClientOptions.apiUrl})
  BREVO_MA_KEY             Automation tracker key, for identify_user and track_* tools
  BREVO_TRACKER_URL        Tracker base URL (default ${defaultClientOptions.trackerUrl})
  BREVO_TIMEOUT_MS         Timeout per Brevo request (default ${defaultClientOptions.timeoutMs})
  BREVO_MAX_RETRIES        Retries of requests that are safe to repeat (default ${defaultClientOptions.maxRetries})
  BREVO_MAX_CONCURRENCY    Brevo requests in flight at once (default ${defaultClientOptions.maxConcurrent})
  BREVO_CONNECT_TIMEOUT_MS Connect timeout (default ${defaultClientOptions.connectTimeoutMs})
  BREVO_RETRY_MAX_WAIT_MS  Longest wait before one retry; a longer rate-limit reset is not waited for (default ${defaultClientOptions.maxRetryWaitMs})
  BREVO_RETRY_BUDGET_MS    Time for all attempts of one call together (default ${defaultClientOptions.retryBudgetMs})
  BREVO_MAX_RESPONSE_BYTES Largest Brevo answer read (default ${defaultClientOptions.maxResponseBytes})
  BREVO_MCP_LOG_LEVEL      debug, info, warn or error (default info); logs go to stderr
  BREVO_MCP_STATE_SECRET   Signs the state of 2026-07-28 confirmations (--confirm), at least 32 bytes;
                           give every replica the same one (default: random, this process only)
  BREVO_MCP_REDIS_URL      redis://host:port: 2026-07-28 change events reach the listeners of every
                           replica through Redis pub/sub (default: this process only)
`;

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
  process.stdout.write(`${JSON.stringify(rows, null, 1)}\n`);
}

function clientFor(config: Config): BrevoClient {
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
    connectTimeoutMs: config.connectTimeoutMs,
    maxRetryWaitMs: config.retryMaxWaitMs,
    retryBudgetMs: config.retryBudgetMs,
    maxResponseBytes: config.maxResponseBytes,
  });
}

/**
 * Starts the embedded Brevo emulator and points the configuration at it, in place of Brevo and
 * of any BREVO_API_KEY / BREVO_API_URL in the environment. Loaded only in sandbox mode.
 */
async function startSandboxFor(config: Config): Promise<Sandbox> {
  const { startSandbox } = await import('./sandbox/server.js');
  const sandbox = await startSandbox();
  const ignored = [
    config.apiKey && 'BREVO_API_KEY',
    config.apiUrl !== defaultClientOptions.apiUrl && 'BREVO_API_URL',
  ].filter(Boolean);
  config.apiUrl = sandbox.url;
  config.apiKey = sandbox.apiKey;
  config.trackerUrl = sandbox.trackerUrl;
  config.trackerKey = sandbox.trackerKey;
  const ignoring = ignored.length ? `, ${ignored.join(' and ')} ${ignored.length > 1 ? 'are' : 'is'} ignored` : '';
  log(
    'warn',
    `sandbox mode: Brevo is emulated in memory at ${sandbox.url} with the "Demo Shop" demo account; ` +
      `nothing is sent and nothing leaves this machine${ignoring}, changes are lost on exit`,
  );
  return sandbox;
}

/**
 * The public URL's host is allowed wherever Host is checked: a proxy in front passes it on, and
 * it is the name clients were given.
 */
function withPublicHost(allowedHosts: string[], publicUrl: string | undefined, bindHost: string): string[] {
  if (!publicUrl || !(isLoopbackHost(bindHost) || allowedHosts.length)) return allowedHosts;
  return [...allowedHosts, new URL(publicUrl).hostname.toLowerCase()];
}

/** Writes help or version text to stdout and ends with exit code 0. */
function printed(text: string): number {
  process.stdout.write(text);
  return 0;
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number | undefined> {
  // `brevo-mcp emulator`: only the Brevo emulator, no MCP (src/sandbox/cli.ts).
  if (argv[0] === 'emulator') return (await import('./sandbox/cli.js')).runEmulator(argv.slice(1));
  const config = readConfig(argv, env);
  if (config.help) return printed(help());
  if (config.version) return printed(`${VERSION}\n`);
  const manifest = readManifest();
  validateSelection(config.selection, manifest);
  if (config.listTools) {
    listTools(manifest, config, !config.selectionGiven);
    return 0;
  }
  if (config.httpOnlyFlagsGiven.length) {
    const flags = config.httpOnlyFlagsGiven;
    log(
      'warn',
      `${flags.join(', ')} ${flags.length > 1 ? 'apply' : 'applies'} only with --transport http; ignored over stdio`,
    );
  }

  const clientKeys = config.transport === 'http' && config.http.allowClientKeys && !config.sandbox;
  let sandbox: Sandbox | undefined;
  if (config.sandbox) {
    sandbox = await startSandboxFor(config);
  } else if (!config.apiKey && !clientKeys) {
    process.stderr.write(
      'brevo-mcp: BREVO_API_KEY is not set. Create a key in Brevo (SMTP & API > API keys) and set ' +
        "BREVO_API_KEY=<key> in the server's environment, or try it first with --sandbox.\n",
    );
    return 1;
  }
  const client = clientFor(config);
  const closeClient = () => client.close().then(() => sandbox?.close());
  // The operator's secrets: hidden from the log and from every session's output.
  const operatorSecrets = [
    env.BREVO_MCP_STATE_SECRET,
    config.apiKey,
    config.trackerKey,
    ...(config.transport === 'http' ? [config.http.authToken, config.http.oauth?.introspection?.clientSecret] : []),
  ];
  hideInLog(...operatorSecrets);
  // Without a selection flag the common toolsets are listed and the meta-tools reach the rest.
  const guided = !config.dynamic && !config.code && !config.selectionChosen;
  const serverOptions = {
    manifest,
    client,
    // Dynamic, code and the guided default reach the whole catalog unless the operator chose
    // toolsets or tools: what is listed stays small either way.
    selection: config.dynamic || config.code || guided ? wholeCatalogUnlessChosen(config) : config.selection,
    listedToolsets: guided ? DEFAULT_TOOLSETS : undefined,
    maxResultChars: config.maxResultChars,
    confirm: config.confirm,
    skills: config.skills,
    dynamic: config.dynamic,
    code: config.code ? config.codeLimits : undefined,
    sessionless: config.transport === 'http' && config.http.stateless,
    redactor: new Redactor(operatorSecrets),
    // 2026-07-28 confirmations come back on another request, perhaps to another replica: every
    // replica signs and checks them with the same secret.
    stateCodec: config.confirm ? ((await import('./confirm.js')).stateCodec(stateSecret(env)) as never) : undefined,
  };

  if (config.transport === 'stdio') {
    const { serveStdio } = await import('./transports/stdio.js');
    const count = selectTools(manifest, serverOptions.selection).length;
    const listed = guided ? selectTools(manifest, { ...config.selection, toolsets: DEFAULT_TOOLSETS }).length : 0;
    const served = config.dynamic
      ? `4 meta-tools reaching ${count} operations`
      : guided
        ? `${listed} tools and 4 meta-tools reaching all ${count} operations`
        : config.code
          ? `search and execute reaching ${count} operations`
          : `${count} tools`;
    await serveStdio(
      ({ era }) => createMcpServer({ ...serverOptions, era }),
      closeClient,
      `ready: serving ${served} over stdio; waiting for an MCP client on stdin (clients start this ` +
        `command themselves; Ctrl+C quits)`,
    );
    return undefined;
  }
  const { serveHttp } = await import('./transports/http.js');
  const { http } = config;
  const oauth =
    http.oauth && (await import('./auth/index.js')).createResourceServer(http.oauth, config.selection.readOnly);
  if (http.authToken && http.authToken.length < 16)
    log('warn', 'the auth token is short; use a long random one (e.g. openssl rand -hex 32)');
  const { sessionPolicy } = await import('./sessions.js');
  const sessions = sessionPolicy({ config, manifest, base: serverOptions, clientKeys });
  const { newSession, tenants } = sessions;

  // Replicas share change events through Redis; one process keeps them in memory.
  const bus = env.BREVO_MCP_REDIS_URL
    ? await (await import('./transports/redis-bus.js')).redisBus(env.BREVO_MCP_REDIS_URL).catch(async (error) => {
        await closeClient().catch(() => {});
        throw new StartupError(
          `cannot reach Redis at BREVO_MCP_REDIS_URL (${error instanceof Error ? error.message : String(error)})`,
        );
      })
    : undefined;
  const handle = await serveHttp({
    bus,
    host: config.host,
    port: config.port,
    newSession,
    authToken: http.authToken,
    authenticate: oauth ? (req) => oauth.authenticate(req) : undefined,
    publicDocument: oauth ? (path) => oauth.publicDocument(path) : undefined,
    allowedOrigins: http.allowedOrigins,
    allowedHosts: withPublicHost(http.allowedHosts, http.oauth?.publicUrl, config.host),
    maxBodyBytes: http.maxBodyBytes,
    maxSessions: http.maxSessions,
    sessionIdleMs: http.sessionIdleMs,
    stateless: http.stateless,
    // A session opened with a client's key serves only requests bearing that key, so a leaked
    // session id does not hand one tenant's key to another.
    sessionOwner: sessions.sessionOwner,
  }).catch(async (error: unknown) => {
    // The sandbox (and anything else started) must not keep a server that cannot listen alive.
    await closeClient().catch(() => {});
    throw listenProblem(error, config) ?? error;
  });
  oauth?.listening(handle.url);
  const notes = [
    oauth ? 'OAuth access tokens required' : http.authToken ? 'bearer token required' : 'no auth token',
    http.stateless ? 'stateless' : `up to ${http.maxSessions} sessions`,
  ];
  if (clientKeys) notes.push('client keys allowed');
  log('info', `serving MCP over Streamable HTTP at ${handle.url} (${notes.join(', ')})`);

  let exiting: Promise<unknown> | undefined;
  const shutdown = (signal: string) => {
    if (exiting) {
      log('warn', `${signal} again: not waiting for requests in flight any longer`);
      void handle.close();
      return;
    }
    log('info', `${signal}: shutting down`);
    // Whatever happens to the orderly close, the process ends soon after the grace period.
    setTimeout(() => process.exit(0), http.shutdownGraceMs + 5_000).unref();
    exiting = handle
      .close(http.shutdownGraceMs)
      .then(() => Promise.all([closeClient(), tenants?.close(), bus?.close()]))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return undefined;
}

/** A start-up failure whose message says what to do; printed as one line, without a stack. */
class StartupError extends Error {}

/** The secret replicas share for 2026-07-28 request state, when given; long enough to sign with. */
function stateSecret(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env.BREVO_MCP_STATE_SECRET || undefined;
  if (secret && Buffer.byteLength(secret) < 32)
    throw new StartupError(
      `BREVO_MCP_STATE_SECRET has ${Buffer.byteLength(secret)} bytes; it needs at least 32 (e.g. openssl rand -hex 32)`,
    );
  return secret;
}

/** Why the HTTP server could not listen, in one line with the fix; undefined for other failures. */
function listenProblem(error: unknown, config: Config): StartupError | undefined {
  const where = `port ${config.port} on ${config.host}`;
  const otherPort = 'choose another with --port N, or --port 0 for a free one (the port chosen is printed)';
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return new StartupError(
        `${where} is already in use (by another server, perhaps another brevo-mcp); ${otherPort}`,
      );
    case 'EACCES':
      return new StartupError(`no permission to listen on ${where} (ports below 1024 need privileges); ${otherPort}`);
    case 'EADDRNOTAVAIL':
      return new StartupError(
        `address ${config.host} is not available on this machine; bind one of its own addresses with ` +
          `--host (127.0.0.1 for this machine only)`,
      );
    default:
      return undefined;
  }
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    // One line each; a selection error or a start-up failure carries its own hint.
    if (error instanceof ConfigError) {
      process.stderr.write(`brevo-mcp: ${error.message} (see --help)\n`);
    } else if (error instanceof SelectionError || error instanceof StartupError) {
      process.stderr.write(`brevo-mcp: ${error.message}\n`);
    } else {
      log('error', error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    process.exitCode = 2;
  },
);
