// MCP over stdin/stdout: one JSON-RPC message per line. Our own transport rather than the SDK's
// StdioServerTransport, whose ReadBuffer, past 10 MiB of unread input, throws and closes the
// transport: stdin is paused with no reader left, so the process either exits 0 without a word
// (once the paused pipe fills and nothing else holds the event loop) or, when the overflow is
// at the very end of a line, stays alive but deaf until EOF. Here a line over the limit is
// skipped up to its newline, answered with an error where it was a request, and logged; the
// next line is read as usual. Lines are gathered chunk by chunk and joined once (the SDK's
// buffer copies everything read so far on every chunk).
// The SDK's serveStdio owns the era: a connection that opens with server/discover is served
// 2026-07-28, one that opens with initialize 2025-11-25; this transport is only its wire.
import {
  type JSONRPCMessage,
  type McpServerFactory,
  parseJSONRPCMessage,
  type RequestId,
  type Transport,
} from '@modelcontextprotocol/server';
import { serveStdio as serveConnection } from '@modelcontextprotocol/server/stdio';
import { log } from '../log.js';

/**
 * The largest message read from stdin, in bytes, not counting its line break: 32 MiB holds what
 * Brevo accepts with room to spare (a 20 MB attachment is 27 MB as base64; a contact import's
 * 10 MB body a little more once escaped in JSON).
 */
export const MAX_STDIO_MESSAGE_BYTES = 32 * 1024 * 1024;

/** How much of a refused line is kept to find the id of the request it carried. */
const HEAD_BYTES = 64 * 1024;

const NEWLINE = 0x0a;

/** Splits a byte stream into lines; a line over `limit` bytes is reported (with its first bytes) instead of kept. */
class LineReader {
  private parts: Buffer[] = [];
  private size = 0;
  /** Inside a refused line: what arrives is dropped up to the next newline. */
  private skipping = false;

  constructor(
    private readonly limit: number,
    private readonly onLine: (line: Buffer) => void,
    private readonly onTooLarge: (head: Buffer) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      if (!this.skipping) this.keep(chunk.subarray(start, end));
      if (newline === -1) return;
      if (this.skipping) this.skipping = false;
      else this.finishLine();
      start = newline + 1;
    }
  }

  private keep(piece: Buffer): void {
    if (piece.length === 0) return;
    this.parts.push(piece);
    this.size += piece.length;
    // One byte over is still allowed: it may be the \r of a \r\n line break.
    if (this.size > this.limit + 1) this.refuse();
  }

  private finishLine(): void {
    let line = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    if (line.at(-1) === 0x0d) line = line.subarray(0, -1);
    if (line.length > this.limit) {
      this.parts = [line];
      this.size = line.length;
      this.refuse();
      this.skipping = false;
      return;
    }
    if (line.length) this.onLine(line);
  }

  private refuse(): void {
    const head = Buffer.concat(this.parts, Math.min(this.size, HEAD_BYTES));
    this.parts = [];
    this.size = 0;
    this.skipping = true;
    this.onTooLarge(head);
  }
}

/**
 * The id of the request a JSON text begins, read from its first bytes only: its top-level "id"
 * when a top-level "method" is there too (a response or a notification gets no answer). Nested
 * keys named id (inside params) are not it.
 */
export function requestIdIn(head: string): RequestId | undefined {
  try {
    return scanRequestId(head);
  } catch {
    // A malformed string escape: not a message we can answer.
    return undefined;
  }
}

function scanRequestId(head: string): RequestId | undefined {
  let depth = 0;
  let key: string | undefined;
  let id: RequestId | undefined;
  let isRequest = false;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === '"') {
      let end = i + 1;
      while (end < head.length && head[end] !== '"') end += head[end] === '\\' ? 2 : 1;
      if (end >= head.length) break;
      const text = JSON.parse(head.slice(i, end + 1)) as string;
      let next = end + 1;
      while (/\s/.test(head[next] ?? '')) next++;
      if (depth === 1 && head[next] === ':') {
        key = text;
        i = next;
        continue;
      }
      if (depth === 1 && key === 'id') id = text;
      if (depth === 1 && key === 'method') isRequest = true;
      key = undefined;
      i = end;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (depth === 1 && key === 'id' && /[-\d]/.test(c)) {
      const number = /^-?\d+/.exec(head.slice(i, i + 32))?.[0];
      // A number running to the end of what was kept may have been cut.
      if (!number || i + number.length >= head.length) break;
      id = Number(number);
      key = undefined;
      i += number.length - 1;
    } else if (c === ',') {
      key = undefined;
    }
  }
  return isRequest ? id : undefined;
}

/** A JSON-RPC error answer; id null where the request's id could not be read. */
const errorReply = (id: RequestId | null, code: number, message: string) =>
  ({ jsonrpc: '2.0', id, error: { code, message } }) as unknown as JSONRPCMessage;

export class StdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  /** stdout was closed by the reader (EPIPE): nothing can be answered any more. */
  onoutputclosed?: () => void;

  private closed = false;
  private readonly reader: LineReader;

  constructor(
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
    private readonly limit = MAX_STDIO_MESSAGE_BYTES,
  ) {
    this.reader = new LineReader(
      limit,
      (line) => this.readLine(line),
      (head) => this.refuse(head),
    );
  }

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('end', this.onInputEnd);
    this.input.on('error', this.onInputError);
    this.output.on('error', this.onOutputError);
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('the stdio transport is closed'));
      this.output.write(`${JSON.stringify(message)}\n`, (error) => (error ? reject(error) : resolve()));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('end', this.onInputEnd);
    this.input.off('error', this.onInputError);
    this.input.pause();
    this.onclose?.();
  }

  private readonly onData = (chunk: Buffer) => this.reader.push(chunk);

  private readonly onInputEnd = () => void this.close();

  private readonly onInputError = (error: Error) => {
    log('error', `reading stdin failed (${error.message}); closing`);
    void this.close();
  };

  private readonly onOutputError = (error: NodeJS.ErrnoException) => {
    if (this.closed) return;
    if (error.code === 'EPIPE') log('info', 'the MCP client closed stdout (EPIPE); exiting');
    else log('error', `writing to stdout failed (${error.message}); exiting`);
    void this.close().then(() => this.onoutputclosed?.());
  };

  private readLine(line: Buffer): void {
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(JSON.parse(line.toString('utf8')));
    } catch (error) {
      // JSON-RPC asks for an answer: a parse error for bad JSON, an invalid-request error for
      // JSON that is not a message.
      const parse = error instanceof SyntaxError;
      const text = parse ? 'Parse error: the line is not JSON' : 'Invalid request: not a JSON-RPC 2.0 message';
      log('debug', text);
      void this.send(errorReply(null, parse ? -32700 : -32600, text)).catch(() => {});
      this.onerror?.(error as Error);
      return;
    }
    this.onmessage?.(message);
  }

  private refuse(head: Buffer): void {
    const id = requestIdIn(head.toString('utf8'));
    const limit = `${this.limit} bytes (${Math.round(this.limit / 1024 / 1024)} MiB)`;
    log(
      'error',
      `refused a message over the stdio limit of ${limit}${id === undefined ? '' : ` (request id ${JSON.stringify(id)}, answered with an error)`}; ` +
        'send large files by URL where the tool takes one',
    );
    if (id !== undefined) {
      void this.send(
        errorReply(
          id,
          -32600,
          `Request too large: a message over stdio may have at most ${limit}; send large files by URL ` +
            `where the tool takes one`,
        ),
      ).catch(() => {});
    }
  }
}

/**
 * Serves one MCP connection over stdin/stdout until stdin closes, stdout is closed or a signal
 * arrives, with instances from `factory` (one for the connection, one more for a discovery probe
 * the client then abandons); logs `ready` once listening, so a person at a terminal sees it
 * waits for a client.
 */
export async function serveStdio(
  factory: McpServerFactory,
  onClose: () => Promise<void>,
  ready: string,
): Promise<void> {
  const transport = new StdioTransport();
  // Logs are best effort: a closed stderr must not end the server with an unhandled error.
  process.stderr.on('error', () => {});
  // Closing the connection closes the transport, which calls back here: the flag, set before
  // any await, makes that re-entry a no-op.
  let closing = false;
  let closed = Promise.resolve();
  const close = () => {
    if (closing) return closed;
    closing = true;
    closed = (async () => {
      await handle.close().catch(() => {});
      await onClose().catch(() => {});
    })();
    return closed;
  };
  const exit = () => void close().finally(() => process.exit(0));
  const handle = serveConnection(factory, {
    transport,
    onerror: (error) => log('debug', `stdio: ${error.message}`),
  });
  // The entry installs its own callbacks on start: wrap its close rather than replace it.
  const entryClose = transport.onclose;
  transport.onclose = () => {
    entryClose?.();
    void close();
  };
  transport.onoutputclosed = exit;
  process.on('SIGINT', exit);
  process.on('SIGTERM', exit);
  log('info', ready);
}
