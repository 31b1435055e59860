// Logs go to stderr only: in stdio mode stdout is the MCP protocol. Every line passes through
// the redactor, so a secret registered here (the Brevo keys, the HTTP auth token) can never be
// printed, whatever message carries it.
const secrets = new Set<string>();

/** Register a value that must never appear in any output. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let threshold: LogLevel = (process.env.BREVO_MCP_LOG_LEVEL as LogLevel) in order ? (process.env.BREVO_MCP_LOG_LEVEL as LogLevel) : 'info';

export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

export function log(level: LogLevel, message: string): void {
  if (order[level] < order[threshold]) return;
  process.stderr.write(redact(`brevo-mcp ${level}: ${message}`) + '\n');
}
