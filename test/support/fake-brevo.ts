// A fake Brevo for tests: a real HTTP server on 127.0.0.1 that records every request and answers
// from scripted replies (one-shot replies first, then routes, then a default of 200 {}).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the /v3 prefix, e.g. /contacts/lists. */
  path: string;
  /** The raw query string without '?', exactly as sent. */
  query: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
  /** Set when the client went away before the answer was sent. */
  aborted: boolean;
}

export interface Reply {
  status?: number;
  json?: unknown;
  /** Raw body (overrides json). */
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Send the headers and part of the body, then cut the connection. */
  resetMidBody?: boolean;
}

type Handler = (req: RecordedRequest) => Reply | undefined;

export class FakeBrevo {
  readonly requests: RecordedRequest[] = [];
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  private readonly once: Reply[] = [];
  private readonly routes: Array<{ method: string; path: string | RegExp; reply: Reply | Handler }> = [];
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  /** Base URL to give the server as BREVO_API_URL. */
  get url(): string {
    return `${this.origin}/v3`;
  }

  static async start(): Promise<FakeBrevo> {
    let fake!: FakeBrevo;
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeBrevo(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** Answer the next request (whatever it is) with this reply; queued in order. */
  replyOnce(...replies: Reply[]): this {
    this.once.push(...replies);
    return this;
  }

  /** Answer every matching request with this reply or handler. */
  route(method: string, path: string | RegExp, reply: Reply | Handler): this {
    this.routes.unshift({ method: method.toUpperCase(), path, reply });
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.maxInFlight = this.inFlight;
    this.once.length = 0;
    this.routes.length = 0;
  }

  last(): RecordedRequest {
    const last = this.requests.at(-1);
    if (!last) throw new Error('the fake Brevo received no request');
    return last;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: (q >= 0 ? url.slice(0, q) : url).replace(/^\/v3(?=\/)/, ''),
      query: q >= 0 ? url.slice(q + 1) : '',
      headers: req.headers,
      body,
      aborted: false,
    };
    if (String(req.headers['content-type']).includes('json') && body.length) {
      try {
        recorded.json = JSON.parse(body.toString('utf8'));
      } catch {
        // recorded as raw bytes only
      }
    }
    this.requests.push(recorded);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => {
      this.inFlight--;
      if (!res.writableFinished) recorded.aborted = true;
    });
    const reply = this.once.shift() ?? this.match(recorded) ?? {};
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    const status = reply.status ?? 200;
    const payload =
      reply.body ?? (reply.json === undefined ? (status === 204 ? '' : '{}') : JSON.stringify(reply.json));
    const headers = { 'content-type': 'application/json', ...reply.headers };
    if (reply.resetMidBody) {
      res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(payload) + 100) });
      res.write(Buffer.from(payload).subarray(0, Math.max(1, Math.floor(Buffer.byteLength(payload) / 2))));
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    }
    res.writeHead(status, headers).end(payload);
  }

  private match(req: RecordedRequest): Reply | undefined {
    for (const route of this.routes) {
      if (route.method !== req.method) continue;
      const hit = typeof route.path === 'string' ? route.path === req.path : route.path.test(req.path);
      if (!hit) continue;
      const reply = typeof route.reply === 'function' ? route.reply(req) : route.reply;
      if (reply) return reply;
    }
    return undefined;
  }
}
