// Command-line flags and environment variables, read once into a Config. A flag wins over its
// environment variable. Every option here is documented in README.md.
import { parseArgs } from 'node:util';
import { defaultClientOptions } from './client/brevo-client.js';
import { DEFAULT_TOOLSETS, type ToolSelection } from './registry.js';

export interface Config {
  transport: 'stdio' | 'http';
  host: string;
  port: number;
  listTools: boolean;
  help: boolean;
  version: boolean;
  selection: ToolSelection;
  maxResultChars: number;
  /** Serve against the embedded Brevo emulator (src/sandbox/) instead of Brevo. */
  sandbox: boolean;
  apiKey?: string;
  apiUrl: string;
  trackerKey?: string;
  trackerUrl: string;
  timeoutMs: number;
  maxRetries: number;
  maxConcurrent: number;
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
  'max-result-chars': { type: 'string' },
  'list-tools': { type: 'boolean' },
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
  return {
    transport,
    host: values.host ?? env.BREVO_MCP_HOST ?? '127.0.0.1',
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
    maxResultChars: positiveInt('--max-result-chars', values['max-result-chars'] ?? env.BREVO_MAX_RESULT_CHARS, 40_000),
    sandbox: values.sandbox ?? truthy(env.BREVO_SANDBOX),
    apiKey: env.BREVO_API_KEY || undefined,
    apiUrl: env.BREVO_API_URL || defaultClientOptions.apiUrl,
    trackerKey: env.BREVO_MA_KEY || undefined,
    trackerUrl: env.BREVO_TRACKER_URL || defaultClientOptions.trackerUrl,
    timeoutMs: positiveInt('BREVO_TIMEOUT_MS', env.BREVO_TIMEOUT_MS, defaultClientOptions.timeoutMs),
    maxRetries: positiveInt('BREVO_MAX_RETRIES', env.BREVO_MAX_RETRIES, defaultClientOptions.maxRetries),
    maxConcurrent: Math.max(1, positiveInt('BREVO_MAX_CONCURRENCY', env.BREVO_MAX_CONCURRENCY, defaultClientOptions.maxConcurrent)),
  };
}
