// Command-line flags and environment variables, read once into a Config. A flag wins over its
// environment variable. Every option here is documented in docs/configuration.md.
import { parseArgs } from 'node:util';
import { keyProblem } from './client/api-key.js';
import { defaultClientOptions } from './client/brevo-client.js';
import { CODE_LIMIT_CEILINGS, DEFAULT_CODE_LIMITS, MIN_MEMORY_MB, type CodeLimits } from './code/limits.js';

/** The largest --max-body-bytes: a request body, and everything one script may send, stays below it. */
const MAX_BODY_BYTES_CEILING = 16 * 1024 * 1024;
import { DEFAULT_TOOLSETS, type ToolSelection } from './registry.js';
import { isLoopbackHost } from './transports/loopback.js';
import { HTTP_ONLY, OPTIONS } from './options.js';

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
  /** Which clients get the Skills extension (SEP-2640): those that announce it, every client, or none. */
  skills: SkillsMode;
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
  /** HTTP-only flags given while serving stdio, where they do nothing (warned about at start). */
  httpOnlyFlagsGiven: string[];
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
  /** Access tokens from this authorization server instead of the static bearer token. */
  oauth?: OAuthConfig;
}

/** The OAuth resource server (src/auth/): who issues tokens, for what, and how they are checked. */
export interface OAuthConfig {
  issuer: string;
  /**
   * The MCP endpoint's canonical URL: the audience tokens must name. Unset: the URL the server listens on (loopback
   * only).
   */
  publicUrl?: string;
  /** Further audiences accepted besides the public URL (identity providers that cannot use a URL). */
  audiences: string[];
  readScope: string;
  writeScope: string;
  algorithms: string[];
  clockSkewSeconds: number;
  /** Credentials of this server at the issuer, for introspecting opaque tokens. */
  introspection?: { clientId: string; clientSecret: string };
}

/** Signature algorithms an access token may use: asymmetric only (never `none`, never a shared secret). */
export const OAUTH_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

export class ConfigError extends Error {}

/** Which clients get the Skills extension: those that announce it (default), all, or none. */
export const SKILLS_MODES = ['announced', 'all', 'off'] as const;
export type SkillsMode = (typeof SKILLS_MODES)[number];

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

/** A whole number from floor to ceiling: every limit a person sets has both ends. */
function atLeast(
  floor: number,
  name: string,
  value: string | undefined,
  fallback: number,
  ceiling = Number.MAX_SAFE_INTEGER,
): number {
  const n = positiveInt(name, value, fallback);
  if (n < floor) throw new ConfigError(`${name} must be at least ${floor}, got "${value}"`);
  if (n > ceiling) throw new ConfigError(`${name} must be at most ${ceiling}, got "${value}"`);
  return n;
}

function portNumber(name: string, value: string | undefined, fallback: number): number {
  const port = positiveInt(name, value, fallback);
  if (port > 65535)
    throw new ConfigError(`${name} must be a port from 0 to 65535 (0 picks a free one), got "${value}"`);
  return port;
}

/**
 * A list flag given empty (`--toolsets ""`) is a mistake, not a request for the default; an
 * empty environment variable still means unset.
 */
function nonEmptyFlag(flag: string, value: string | undefined, what: string): void {
  if (value !== undefined && !list(value)?.length)
    throw new ConfigError(`${flag} needs at least one ${what}; leave it out for the default`);
}

const atLeastOne = (name: string, value: string | undefined, fallback: number, ceiling?: number) =>
  atLeast(1, name, value, fallback, ceiling);

/** The smallest --max-result-chars: below it not even an error with its hint, or one item's outline, fits. */
export const MIN_RESULT_CHARS = 1000;

/** A configured key as given, refused at start-up when it cannot be a Brevo key (a pasted line break, a space). */
function configuredKey(name: string, value: string | undefined, check: boolean): string | undefined {
  const problem = check && value ? keyProblem(value) : undefined;
  if (problem)
    throw new ConfigError(
      `${name} does not look like a Brevo key: ${problem}; copy the key again from Brevo (SMTP & ` +
        `API > API keys) without spaces or line breaks`,
    );
  return value || undefined;
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
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new ConfigError(`--allowed-origins: "${entry}" must start with http:// or https://`);
    return url.origin;
  });
}

/** An http(s) URL without fragment; plain http only on loopback (tests, a trial on one machine). */
function serviceUrl(name: string, value: string): string {
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new ConfigError(`${name}: "${value}" is not an http(s) URL`);
  if (url.hash || value.includes('#')) throw new ConfigError(`${name}: "${value}" must not have a #fragment`);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    throw new ConfigError(`${name}: "${value}" must use https (plain http only on loopback)`);
  return value;
}

function scopeName(name: string, value: string | undefined, fallback: string): string {
  const scope = value?.trim() || fallback;
  if (/[\s"\\]/.test(scope))
    throw new ConfigError(`${name} must be one scope name without spaces or quotes, got "${scope}"`);
  return scope;
}

/** --oauth-issuer and what goes with it; undefined when OAuth is off. */
function readOAuth(
  values: { 'oauth-issuer'?: string; 'public-url'?: string },
  env: NodeJS.ProcessEnv,
  host: string,
): OAuthConfig | undefined {
  const issuer = values['oauth-issuer'] || env.BREVO_MCP_OAUTH_ISSUER || undefined;
  const publicUrl = values['public-url'] || env.BREVO_MCP_PUBLIC_URL || undefined;
  if (!issuer) {
    if (publicUrl)
      throw new ConfigError('--public-url is the resource OAuth tokens are issued for: give --oauth-issuer with it');
    return undefined;
  }
  if (publicUrl) {
    serviceUrl('--public-url', publicUrl);
    if (URL.parse(publicUrl)!.search)
      throw new ConfigError(`--public-url: "${publicUrl}" must not have a query string`);
  } else if (!isLoopbackHost(host)) {
    throw new ConfigError(
      `--oauth-issuer needs --public-url (the URL clients use for the MCP endpoint, e.g. https://mcp.example.com/mcp) ` +
        `when listening on ${host}`,
    );
  }
  const readScope = scopeName('BREVO_MCP_OAUTH_READ_SCOPE', env.BREVO_MCP_OAUTH_READ_SCOPE, 'brevo:read');
  const writeScope = scopeName('BREVO_MCP_OAUTH_WRITE_SCOPE', env.BREVO_MCP_OAUTH_WRITE_SCOPE, 'brevo:write');
  if (readScope === writeScope)
    throw new ConfigError(
      `BREVO_MCP_OAUTH_READ_SCOPE and BREVO_MCP_OAUTH_WRITE_SCOPE must differ (both are "${readScope}")`,
    );
  const algorithms = list(env.BREVO_MCP_OAUTH_ALGORITHMS) ?? OAUTH_ALGORITHMS;
  const unknown = algorithms.filter((a) => !OAUTH_ALGORITHMS.includes(a));
  if (unknown.length || !algorithms.length) {
    throw new ConfigError(
      `BREVO_MCP_OAUTH_ALGORITHMS: ${unknown.join(', ') || 'empty'} not allowed; choose among ${OAUTH_ALGORITHMS.join(', ')}`,
    );
  }
  const clientId = env.BREVO_MCP_OAUTH_CLIENT_ID || undefined;
  const clientSecret = env.BREVO_MCP_OAUTH_CLIENT_SECRET || undefined;
  if (!clientId !== !clientSecret)
    throw new ConfigError(
      'BREVO_MCP_OAUTH_CLIENT_ID and BREVO_MCP_OAUTH_CLIENT_SECRET go together (introspection credentials): ' +
        'set both or neither',
    );
  return {
    issuer: serviceUrl('--oauth-issuer', issuer),
    publicUrl,
    audiences: list(env.BREVO_MCP_OAUTH_AUDIENCE) ?? [],
    readScope,
    writeScope,
    algorithms,
    clockSkewSeconds: positiveInt('BREVO_MCP_OAUTH_CLOCK_SKEW_SECONDS', env.BREVO_MCP_OAUTH_CLOCK_SKEW_SECONDS, 30),
    introspection: clientId && clientSecret ? { clientId, clientSecret } : undefined,
  };
}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const transport = values.transport ?? env.BREVO_MCP_TRANSPORT ?? 'stdio';
  if (transport !== 'stdio' && transport !== 'http')
    throw new ConfigError(`--transport must be stdio or http, got "${transport}"`);
  nonEmptyFlag('--toolsets', values.toolsets, 'toolset name (or all)');
  nonEmptyFlag('--tools', values.tools, 'tool name');
  // Toolset names are lower case; any case is accepted.
  const toolsetList = list((values.toolsets ?? env.BREVO_TOOLSETS)?.toLowerCase());
  const host = values.host ?? env.BREVO_MCP_HOST ?? '127.0.0.1';
  const http: HttpConfig = {
    authToken: values['auth-token'] || env.MCP_AUTH_TOKEN || undefined,
    allowedOrigins: origins(values['allowed-origins'] ?? env.BREVO_MCP_ALLOWED_ORIGINS),
    allowedHosts: (list(values['allowed-hosts'] ?? env.BREVO_MCP_ALLOWED_HOSTS) ?? []).map((h) => h.toLowerCase()),
    maxBodyBytes: atLeastOne(
      '--max-body-bytes',
      values['max-body-bytes'] ?? env.BREVO_MCP_MAX_BODY_BYTES,
      1024 * 1024,
      MAX_BODY_BYTES_CEILING,
    ),
    maxSessions: atLeastOne('--max-sessions', values['max-sessions'] ?? env.BREVO_MCP_MAX_SESSIONS, 100, 10_000),
    sessionIdleMs: atLeast(
      0,
      '--session-idle-ms',
      values['session-idle-ms'] ?? env.BREVO_MCP_SESSION_IDLE_MS,
      30 * 60_000,
      7 * 24 * 3_600_000,
    ),
    stateless: values.stateless ?? truthy(env.BREVO_MCP_STATELESS),
    shutdownGraceMs: atLeast(
      0,
      '--shutdown-grace-ms',
      values['shutdown-grace-ms'] ?? env.BREVO_MCP_SHUTDOWN_GRACE_MS,
      10_000,
      600_000,
    ),
    allowClientKeys: values['allow-client-keys'] ?? truthy(env.BREVO_MCP_ALLOW_CLIENT_KEYS),
    oauth: readOAuth(values, env, host),
  };
  if (http.oauth && http.authToken) {
    throw new ConfigError(
      '--oauth-issuer and --auth-token (MCP_AUTH_TOKEN) are two ways to authenticate clients: choose one',
    );
  }
  if (http.oauth && transport !== 'http') throw new ConfigError('--oauth-issuer applies to --transport http');
  const serving = !values.help && !values.version && !values['list-tools'];
  const sandbox = values.sandbox ?? truthy(env.BREVO_SANDBOX);
  if (serving && transport === 'http' && !http.authToken && !http.oauth && !isLoopbackHost(host)) {
    throw new ConfigError(
      `refusing to listen on ${host} without an auth token: anyone who can reach it could use the ` +
        `server; set MCP_AUTH_TOKEN (or --auth-token) or --oauth-issuer, or bind 127.0.0.1`,
    );
  }
  const skills = values.skills ?? env.BREVO_SKILLS ?? 'announced';
  if (!SKILLS_MODES.includes(skills as SkillsMode))
    throw new ConfigError(`--skills must be one of ${SKILLS_MODES.join(', ')}, got "${skills}"`);
  const dynamic = values.dynamic ?? truthy(env.BREVO_DYNAMIC);
  const code = values.code ?? truthy(env.BREVO_CODE);
  if (code && dynamic) {
    throw new ConfigError(
      '--code and --dynamic cannot be used together: code mode lists search and execute, dynamic ' +
        'mode lists search_tools, describe_tool, call_tool and enable_toolset; choose one',
    );
  }
  return {
    transport,
    host,
    port: portNumber(values.port === undefined ? 'BREVO_MCP_PORT' : '--port', values.port ?? env.BREVO_MCP_PORT, 3000),
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
    skills: skills as SkillsMode,
    selectionChosen: !!(values.toolsets || env.BREVO_TOOLSETS || values.tools || env.BREVO_TOOLS),
    selectionGiven: !!(
      values.toolsets ||
      env.BREVO_TOOLSETS ||
      values.tools ||
      env.BREVO_TOOLS ||
      values['exclude-tools'] ||
      env.BREVO_EXCLUDE_TOOLS ||
      values['read-only'] ||
      env.BREVO_READ_ONLY
    ),
    dynamic,
    code,
    codeLimits: {
      timeoutMs: atLeast(
        1,
        '--code-timeout-ms',
        values['code-timeout-ms'] ?? env.BREVO_CODE_TIMEOUT_MS,
        DEFAULT_CODE_LIMITS.timeoutMs,
        CODE_LIMIT_CEILINGS.timeoutMs,
      ),
      // The script engine's memory never starts smaller than this.
      memoryMb: atLeast(
        MIN_MEMORY_MB,
        '--code-memory-mb',
        values['code-memory-mb'] ?? env.BREVO_CODE_MEMORY_MB,
        DEFAULT_CODE_LIMITS.memoryMb,
        CODE_LIMIT_CEILINGS.memoryMb,
      ),
      maxCalls: atLeast(
        1,
        '--code-max-calls',
        values['code-max-calls'] ?? env.BREVO_CODE_MAX_CALLS,
        DEFAULT_CODE_LIMITS.maxCalls,
        CODE_LIMIT_CEILINGS.maxCalls,
      ),
      // What a script sends to Brevo is bound like an HTTP request body, per call and per run.
      maxBodyBytes: http.maxBodyBytes,
    },
    maxResultChars: atLeast(
      MIN_RESULT_CHARS,
      '--max-result-chars',
      values['max-result-chars'] ?? env.BREVO_MAX_RESULT_CHARS,
      40_000,
      1_000_000,
    ),
    sandbox,
    // The sandbox ignores both keys: only keys that will be sent are checked.
    apiKey: configuredKey('BREVO_API_KEY', env.BREVO_API_KEY, serving && !sandbox),
    apiUrl: env.BREVO_API_URL || defaultClientOptions.apiUrl,
    trackerKey: configuredKey('BREVO_MA_KEY', env.BREVO_MA_KEY, serving && !sandbox),
    trackerUrl: env.BREVO_TRACKER_URL || defaultClientOptions.trackerUrl,
    timeoutMs: atLeast(0, 'BREVO_TIMEOUT_MS', env.BREVO_TIMEOUT_MS, defaultClientOptions.timeoutMs, 600_000),
    maxRetries: atLeast(0, 'BREVO_MAX_RETRIES', env.BREVO_MAX_RETRIES, defaultClientOptions.maxRetries, 10),
    maxConcurrent: Math.max(
      1,
      atLeast(0, 'BREVO_MAX_CONCURRENCY', env.BREVO_MAX_CONCURRENCY, defaultClientOptions.maxConcurrent, 64),
    ),
    connectTimeoutMs: atLeast(
      0,
      'BREVO_CONNECT_TIMEOUT_MS',
      env.BREVO_CONNECT_TIMEOUT_MS,
      defaultClientOptions.connectTimeoutMs,
      120_000,
    ),
    retryMaxWaitMs: atLeast(
      0,
      'BREVO_RETRY_MAX_WAIT_MS',
      env.BREVO_RETRY_MAX_WAIT_MS,
      defaultClientOptions.maxRetryWaitMs,
      600_000,
    ),
    retryBudgetMs: atLeast(
      0,
      'BREVO_RETRY_BUDGET_MS',
      env.BREVO_RETRY_BUDGET_MS,
      defaultClientOptions.retryBudgetMs,
      3_600_000,
    ),
    maxResponseBytes: atLeast(
      0,
      'BREVO_MAX_RESPONSE_BYTES',
      env.BREVO_MAX_RESPONSE_BYTES,
      defaultClientOptions.maxResponseBytes,
      256 * 1024 * 1024,
    ),
    http,
    httpOnlyFlagsGiven:
      transport === 'stdio'
        ? HTTP_ONLY.filter((name) => values[name] !== undefined)
            // Code mode bounds what a script sends by it, over stdio too.
            .filter((name) => !(code && name === 'max-body-bytes'))
            .map((name) => `--${name}`)
        : [],
  };
}

/** The operator's selection, with every toolset where the operator named none. */
export function wholeCatalogUnlessChosen(config: Config): Config['selection'] {
  return config.selectionChosen ? config.selection : { ...config.selection, toolsets: 'all' };
}
