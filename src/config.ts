// Command-line flags and environment variables, read once into a Config. A flag wins over its
// environment variable. Every option here is documented in README.md.
import { parseArgs } from 'node:util';
import { defaultClientOptions } from './client/brevo-client.js';
import { DEFAULT_CODE_LIMITS, MIN_MEMORY_MB, type CodeLimits } from './code/limits.js';
import { DEFAULT_TOOLSETS, type ToolSelection } from './registry.js';
import { isLoopbackHost } from './transports/loopback.js';

export interface Config {
  transport: 'stdio' | 'http';
  host: string;
  port: number;
  listTools: boolean;
  help: boolean;
  version: boolean;
  selection: ToolSelection;
  /** The operator named toolsets or tools (the default profile is then not in force). */
  selectionChosen: boolean;
  /** Any selection option was given (toolsets, tools, exclusions, read-only). */
  selectionGiven: boolean;
  /** Meta-tools (search, describe, call, enable a toolset) instead of the catalog. */
  dynamic: boolean;
  /** Code mode: search and execute (scripts in a sandbox) instead of the catalog. */
  code: boolean;
  codeLimits: CodeLimits;
  maxResultChars: number;
  /** Ask the person before destructive tools run. */
  confirm: boolean;
  /** Serve against the embedded Brevo emulator (src/sandbox/) instead of Brevo. */
  sandbox: boolean;
  apiKey?: string;
  apiUrl: string;
  trackerKey?: string;
  trackerUrl: string;
  timeoutMs: number;
  maxRetries: number;
  maxConcurrent: number;
  connectTimeoutMs: number;
  retryMaxWaitMs: number;
  retryBudgetMs: number;
  maxResponseBytes: number;
  http: HttpConfig;
}

/** Options of the Streamable HTTP transport (ignored over stdio). */
export interface HttpConfig {
  /** Every /mcp request must carry `Authorization: Bearer <token>`. */
  authToken?: string;
  /** Origins allowed besides the loopback ones (when bound to loopback); `*` allows any. */
  allowedOrigins: string[];
  /** Host header values allowed besides the loopback ones (when bound to loopback); `*` allows any. */
  allowedHosts: string[];
  maxBodyBytes: number;
  maxSessions: number;
  /** Close a session after this long without a request; 0 never does. */
  sessionIdleMs: number;
  stateless: boolean;
  shutdownGraceMs: number;
  /** Clients may bring their own Brevo key (X-Brevo-Api-Key) for their session. */
  allowClientKeys: boolean;
}

export class ConfigError extends Error {}

const options = {
  transport: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  toolsets: { type: 'string' },
  tools: { type: 'string' },
  'exclude-tools': { type: 'string' },
  'read-only': { type: 'boolean' },
  dynamic: { type: 'boolean' },
  code: { type: 'boolean' },
  'code-timeout-ms': { type: 'string' },
  'code-memory-mb': { type: 'string' },
  'code-max-calls': { type: 'string' },
  confirm: { type: 'boolean' },
  'max-result-chars': { type: 'string' },
  'list-tools': { type: 'boolean' },
  'auth-token': { type: 'string' },
  'allowed-origins': { type: 'string' },
  'allowed-hosts': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'max-sessions': { type: 'string' },
  'session-idle-ms': { type: 'string' },
  stateless: { type: 'boolean' },
  'shutdown-grace-ms': { type: 'string' },
  'allow-client-keys': { type: 'boolean' },
  sandbox: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const truthy = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value);

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, got "${value}"`);
  return n;
}

function atLeastOne(name: string, value: string | undefined, fallback: number): number {
  const n = positiveInt(name, value, fallback);
  if (n < 1) throw new ConfigError(`${name} must be at least 1, got "${value}"`);
  return n;
}

/** `https://app.example.com` (exact origin) or `*`; anything else is a mistake worth stopping on. */
function origins(value: string | undefined): string[] {
  return (list(value) ?? []).map((entry) => {
    if (entry === '*') return entry;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(`--allowed-origins: "${entry}" is not an origin such as https://app.example.com`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`--allowed-origins: "${entry}" must start with http:// or https://`);
    return url.origin;
  });
}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const transport = values.transport ?? env.BREVO_MCP_TRANSPORT ?? 'stdio';
  if (transport !== 'stdio' && transport !== 'http') throw new ConfigError(`--transport must be stdio or http, got "${transport}"`);
  const toolsetList = list(values.toolsets ?? env.BREVO_TOOLSETS);
  const host = values.host ?? env.BREVO_MCP_HOST ?? '127.0.0.1';
  const http: HttpConfig = {
    authToken: values['auth-token'] || env.MCP_AUTH_TOKEN || undefined,
    allowedOrigins: origins(values['allowed-origins'] ?? env.BREVO_MCP_ALLOWED_ORIGINS),
    allowedHosts: (list(values['allowed-hosts'] ?? env.BREVO_MCP_ALLOWED_HOSTS) ?? []).map((h) => h.toLowerCase()),
    maxBodyBytes: atLeastOne('--max-body-bytes', values['max-body-bytes'] ?? env.BREVO_MCP_MAX_BODY_BYTES, 1024 * 1024),
    maxSessions: atLeastOne('--max-sessions', values['max-sessions'] ?? env.BREVO_MCP_MAX_SESSIONS, 100),
    sessionIdleMs: positiveInt('--session-idle-ms', values['session-idle-ms'] ?? env.BREVO_MCP_SESSION_IDLE_MS, 30 * 60_000),
    stateless: values.stateless ?? truthy(env.BREVO_MCP_STATELESS),
    shutdownGraceMs: positiveInt('--shutdown-grace-ms', values['shutdown-grace-ms'] ?? env.BREVO_MCP_SHUTDOWN_GRACE_MS, 10_000),
    allowClientKeys: values['allow-client-keys'] ?? truthy(env.BREVO_MCP_ALLOW_CLIENT_KEYS),
  };
  const serving = transport === 'http' && !values.help && !values.version && !values['list-tools'];
  if (serving && !http.authToken && !isLoopbackHost(host)) {
    throw new ConfigError(
      `refusing to listen on ${host} without an auth token: anyone who can reach it could use the server; set MCP_AUTH_TOKEN (or --auth-token) or bind 127.0.0.1`,
    );
  }
  const dynamic = values.dynamic ?? truthy(env.BREVO_DYNAMIC);
  const code = values.code ?? truthy(env.BREVO_CODE);
  const codeMemoryMb = atLeastOne('--code-memory-mb', values['code-memory-mb'] ?? env.BREVO_CODE_MEMORY_MB, DEFAULT_CODE_LIMITS.memoryMb);
  if (codeMemoryMb < MIN_MEMORY_MB) throw new ConfigError(`--code-memory-mb must be at least ${MIN_MEMORY_MB} (the script engine's own minimum), got ${codeMemoryMb}`);
  if (code && dynamic) {
    throw new ConfigError('--code and --dynamic cannot be used together: code mode lists search and execute, dynamic mode lists search_tools, describe_tool, call_tool and enable_toolset; choose one');
  }
  return {
    transport,
    host,
    port: positiveInt('--port', values.port ?? env.BREVO_MCP_PORT, 3000),
    listTools: values['list-tools'] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    selection: {
      toolsets: toolsetList?.includes('all') ? 'all' : toolsetList?.length ? toolsetList : DEFAULT_TOOLSETS,
      tools: list(values.tools ?? env.BREVO_TOOLS),
      excludeTools: list(values['exclude-tools'] ?? env.BREVO_EXCLUDE_TOOLS),
      readOnly: values['read-only'] ?? truthy(env.BREVO_READ_ONLY),
    },
    confirm: values.confirm ?? truthy(env.BREVO_CONFIRM),
    selectionChosen: !!(values.toolsets || env.BREVO_TOOLSETS || values.tools || env.BREVO_TOOLS),
    selectionGiven: !!(
      values.toolsets || env.BREVO_TOOLSETS || values.tools || env.BREVO_TOOLS ||
      values['exclude-tools'] || env.BREVO_EXCLUDE_TOOLS || values['read-only'] || env.BREVO_READ_ONLY
    ),
    dynamic,
    code,
    codeLimits: {
      timeoutMs: atLeastOne('--code-timeout-ms', values['code-timeout-ms'] ?? env.BREVO_CODE_TIMEOUT_MS, DEFAULT_CODE_LIMITS.timeoutMs),
      memoryMb: codeMemoryMb,
      maxCalls: atLeastOne('--code-max-calls', values['code-max-calls'] ?? env.BREVO_CODE_MAX_CALLS, DEFAULT_CODE_LIMITS.maxCalls),
    },
    maxResultChars: positiveInt('--max-result-chars', values['max-result-chars'] ?? env.BREVO_MAX_RESULT_CHARS, 40_000),
    sandbox: values.sandbox ?? truthy(env.BREVO_SANDBOX),
    apiKey: env.BREVO_API_KEY || undefined,
    apiUrl: env.BREVO_API_URL || defaultClientOptions.apiUrl,
    trackerKey: env.BREVO_MA_KEY || undefined,
    trackerUrl: env.BREVO_TRACKER_URL || defaultClientOptions.trackerUrl,
    timeoutMs: positiveInt('BREVO_TIMEOUT_MS', env.BREVO_TIMEOUT_MS, defaultClientOptions.timeoutMs),
    maxRetries: positiveInt('BREVO_MAX_RETRIES', env.BREVO_MAX_RETRIES, defaultClientOptions.maxRetries),
    maxConcurrent: Math.max(1, positiveInt('BREVO_MAX_CONCURRENCY', env.BREVO_MAX_CONCURRENCY, defaultClientOptions.maxConcurrent)),
    connectTimeoutMs: positiveInt('BREVO_CONNECT_TIMEOUT_MS', env.BREVO_CONNECT_TIMEOUT_MS, defaultClientOptions.connectTimeoutMs),
    retryMaxWaitMs: positiveInt('BREVO_RETRY_MAX_WAIT_MS', env.BREVO_RETRY_MAX_WAIT_MS, defaultClientOptions.maxRetryWaitMs),
    retryBudgetMs: positiveInt('BREVO_RETRY_BUDGET_MS', env.BREVO_RETRY_BUDGET_MS, defaultClientOptions.retryBudgetMs),
    maxResponseBytes: positiveInt('BREVO_MAX_RESPONSE_BYTES', env.BREVO_MAX_RESPONSE_BYTES, defaultClientOptions.maxResponseBytes),
    http,
  };
}
