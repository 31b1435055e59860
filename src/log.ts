// Logs go to stderr only: in stdio mode stdout is the MCP protocol. Every line passes through
// the redactor, so a secret registered here (the Brevo keys, the HTTP auth token) can never be
// printed, whatever message carries it.
// Counted, so a per-session secret (a client's own Brevo key) can be forgotten when its session
// ends without un-registering the same value still used elsewhere.
const secrets = new Map<string, number>();

/** Register a value that must never appear in any output. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.set(value, (secrets.get(value) ?? 0) + 1);
}

/** Undo one registerSecret: for per-session secrets, so the set does not grow with every session. */
export function forgetSecret(value: string | undefined): void {
  if (!value) return;
  const count = secrets.get(value);
  if (count === undefined) return;
  if (count <= 1) secrets.delete(value);
  else secrets.set(value, count - 1);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets.keys()) out = out.split(secret).join('[redacted]');
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
