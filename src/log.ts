// Logs go to stderr only: in stdio mode stdout is the MCP protocol. Every line passes through a
// redactor holding the operator's keys and token and the key of every session now open: the log
// is the operator's, so it may hide any session's key, while a client's output hides only its own
// (see src/redact.ts).
import { Redactor } from './redact.js';

// Counted, so one session ending does not un-hide the same key another session still uses.
const hidden = new Map<string, number>();
let redactor = new Redactor([]);

/** Hides values in every log line from now on; the function returned stops hiding them (for a session's key). */
export function hideInLog(...values: Array<string | undefined>): () => void {
  const added = values.filter((v): v is string => !!v);
  for (const value of added) hidden.set(value, (hidden.get(value) ?? 0) + 1);
  redactor = new Redactor(hidden.keys());
  let done = false;
  return () => {
    if (done) return;
    done = true;
    for (const value of added) {
      const count = hidden.get(value) ?? 0;
      if (count <= 1) hidden.delete(value);
      else hidden.set(value, count - 1);
    }
    redactor = new Redactor(hidden.keys());
  };
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold: LogLevel =
  (process.env.BREVO_MCP_LOG_LEVEL as LogLevel) in order ? (process.env.BREVO_MCP_LOG_LEVEL as LogLevel) : 'info';

export function log(level: LogLevel, message: string): void {
  if (order[level] < order[threshold]) return;
  process.stderr.write(`${redactor.text(`brevo-mcp ${level}: ${message}`)}\n`);
}
