// The one way out to Brevo: an undici connection pool with keep-alive, auth headers, timeouts,
// retries where repeating is safe, a cap on requests in flight, and Brevo's error bodies turned
// into BrevoApiError. It knows HTTP and Brevo, nothing of MCP or tools.
import type { Agent } from 'undici';
import { Redactor } from '../redact.js';
import { BrevoApiError } from './errors.js';
import { Semaphore } from './semaphore.js';

export type Host = 'api' | 'tracker';

export interface BrevoRequest {
  host: Host;
  method: string;
  /** Path with escaped parameters, relative to the host's base URL. */
  path: string;
  /** Query pairs, in order; a key may repeat. */
  query?: [string, string][];
  json?: unknown;
  form?: FormData;
  /** Safe to send again if no answer came back (GET, PUT, DELETE, or marked idempotent). */
  idempotent: boolean;
  signal?: AbortSignal;
}

export type BrevoResponse =
  | { status: number; kind: 'json'; data: unknown }
  | { status: number; kind: 'empty' }
  | { status: number; kind: 'text'; data: string; contentType: string }
  | { status: number; kind: 'binary'; data: Buffer; contentType: string; fileName?: string };

export interface BrevoClientOptions {
  apiUrl: string;
  trackerUrl: string;
  apiKey?: string;
  /** Key for the automation tracker (`ma-key`). */
  trackerKey?: string;
  userAgent: string;
  /** Whole-request timeout per attempt. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Retries after the first attempt, for requests that are safe to repeat. */
  maxRetries: number;
  /** The longest single wait before a retry; a longer rate-limit reset is not waited for. */
  maxRetryWaitMs: number;
  /** Time for all attempts and waits together. */
  retryBudgetMs: number;
  maxConcurrent: number;
  maxResponseBytes: number;
  /** What a call without an API key says (default: set BREVO_API_KEY). */
  missingApiKeyMessage?: string;
}

export const defaultClientOptions = {
  apiUrl: 'https://api.brevo.com/v3',
  trackerUrl: 'https://in-automate.brevo.com',
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxRetries: 3,
  maxRetryWaitMs: 20_000,
  retryBudgetMs: 60_000,
  maxConcurrent: 8,
  maxResponseBytes: 20 * 1024 * 1024,
} satisfies Partial<BrevoClientOptions>;

/** Shared by every client made from one server: the pool and the in-flight cap. */
interface Shared {
  agent?: Promise<{ agent: Agent; request: typeof import('undici').request }>;
  slots: Semaphore;
}

// Errors that mean the request never reached Brevo, so even a send may be tried again.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export class BrevoClient {
  private readonly shared: Shared;
  /** Cuts Brevo's text without splitting the keys this client sends (redaction itself happens at the output). */
  private readonly ownKeys: Redactor;

  constructor(
    readonly options: BrevoClientOptions,
    shared?: Shared,
  ) {
    this.shared = shared ?? { slots: new Semaphore(options.maxConcurrent) };
    this.ownKeys = new Redactor([options.apiKey, options.trackerKey]);
  }

  /** The same pool and limits with another API key: for a session that brings its own. */
  withApiKey(apiKey: string): BrevoClient {
    return new BrevoClient({ ...this.options, apiKey }, this.shared);
  }

  private pool() {
    this.shared.agent ??= import('undici').then(({ Agent, request }) => ({
      agent: new Agent({
        connect: { timeout: this.options.connectTimeoutMs },
        keepAliveTimeout: 30_000,
        connections: this.options.maxConcurrent * 2,
      }),
      request,
    }));
    return this.shared.agent;
  }

  async close(): Promise<void> {
    const pool = this.shared.agent;
    this.shared.agent = undefined;
    if (pool) await (await pool).agent.close();
  }

  async request(req: BrevoRequest): Promise<BrevoResponse> {
    const started = Date.now();
    const { maxRetries, retryBudgetMs } = this.options;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.shared.slots
        .run(() => this.attempt(req, attempt), req.signal)
        .catch(() => cancelled(req, attempt));
      if (!(outcome instanceof BrevoApiError)) return outcome;
      const wait = this.retryWait(req, outcome, attempt);
      const retryable = wait !== undefined && attempt <= maxRetries && Date.now() - started + wait <= retryBudgetMs;
      if (!retryable) throw outcome;
      await sleep(wait, req.signal).catch(() => {
        throw cancelled(req, attempt);
      });
    }
  }

  /** How long to wait before trying again, or undefined when this failure must not be retried. */
  private retryWait(req: BrevoRequest, error: BrevoApiError, attempt: number): number | undefined {
    const transportCode = error.status === 0 ? error.code : undefined;
    if (transportCode === 'cancelled' || transportCode === 'response_too_large') return undefined;
    // A missing key stays missing: answer at once instead of after every retry's wait.
    if (transportCode?.startsWith('missing_')) return undefined;
    // A request that may have reached Brevo is repeated only where repeating is harmless.
    const neverSent = transportCode !== undefined && NOT_SENT_CODES.has(transportCode);
    if (!req.idempotent && !neverSent) return undefined;
    if (error.status !== 0 && !RETRY_STATUSES.has(error.status)) return undefined;
    if (error.status === 429 && error.details.retryAfterSeconds !== undefined) {
      const wait = error.details.retryAfterSeconds * 1000;
      return wait <= this.options.maxRetryWaitMs ? wait : undefined;
    }
    const ceiling = Math.min(4000, 250 * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  private url(req: BrevoRequest): string {
    const base = req.host === 'tracker' ? this.options.trackerUrl : this.options.apiUrl;
    const query = req.query?.length ? `?${new URLSearchParams(req.query).toString()}` : '';
    return base.replace(/\/+$/, '') + req.path + query;
  }

  private headers(req: BrevoRequest): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.options.userAgent };
    if (req.host === 'tracker') {
      if (!this.options.trackerKey)
        throw new BrevoApiError(
          0,
          'missing_tracker_key',
          'the automation tracker needs its own key: set BREVO_MA_KEY to your tracker (ma) key',
        );
      headers['ma-key'] = this.options.trackerKey;
    } else {
      if (!this.options.apiKey)
        throw new BrevoApiError(
          0,
          'missing_api_key',
          this.options.missingApiKeyMessage ?? 'no Brevo API key: set BREVO_API_KEY',
        );
      headers['api-key'] = this.options.apiKey;
    }
    if (req.json !== undefined) headers['content-type'] = 'application/json';
    return headers;
  }

  private async attempt(req: BrevoRequest, attempt: number): Promise<BrevoResponse | BrevoApiError> {
    const where = { method: req.method, path: req.path, attempts: attempt };
    let headers: Record<string, string>;
    try {
      headers = this.headers(req);
    } catch (error) {
      return error as BrevoApiError;
    }
    const { agent, request } = await this.pool();
    let body: string | Buffer | undefined;
    if (req.json !== undefined) body = JSON.stringify(req.json);
    else if (req.form) {
      // undici's request() cannot stream Node 20's global FormData ("action is not a function");
      // the global Response encodes it, boundary header included.
      const encoded = new Response(req.form);
      headers['content-type'] = encoded.headers.get('content-type')!;
      body = Buffer.from(await encoded.arrayBuffer());
    }
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    try {
      const res = await request(this.url(req), {
        dispatcher: agent,
        method: req.method as 'GET',
        headers,
        body,
        signal,
      });
      const bytes = await readLimited(res.body, this.options.maxResponseBytes);
      if (bytes === undefined) {
        return new BrevoApiError(
          0,
          'response_too_large',
          `Brevo's answer was larger than ${this.options.maxResponseBytes} bytes and was not read`,
          where,
        );
      }
      const contentType = String(res.headers['content-type'] ?? '');
      if (res.statusCode >= 400) return errorFromAnswer(res.statusCode, bytes, res.headers, where, this.ownKeys);
      return decodeAnswer(res.statusCode, bytes, contentType, res.headers['content-disposition']);
    } catch (error) {
      if (error instanceof BrevoApiError) return error;
      if (req.signal?.aborted) return cancelled(req, attempt);
      if (timeout.aborted) {
        return new BrevoApiError(0, 'timeout', `no answer within ${this.options.timeoutMs} ms`, where);
      }
      const code = (error as { code?: string }).code ?? 'network_error';
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return new BrevoApiError(0, cause ?? code, `could not reach Brevo (${cause ?? code})`, where);
    }
  }
}

function cancelled(req: BrevoRequest, attempt: number): BrevoApiError {
  return new BrevoApiError(0, 'cancelled', 'the request was cancelled', {
    method: req.method,
    path: req.path,
    attempts: attempt,
  });
}

async function readLimited(
  body: AsyncIterable<Buffer> & { destroy(): void },
  limit: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

type Headers = Record<string, string | string[] | undefined>;

// Brevo's bytes are decoded as they are: an answer that echoes a key is redacted where it is
// output, after parsing (redacting first would miss escaped echoes and could break the JSON).
const textOf = (bytes: Buffer) => bytes.toString('utf8');

/** Largest JSON of an error body's other fields that a result repeats; past it only code and message show. */
const MAX_ERROR_FIELDS_CHARS = 2_000;

function errorFromAnswer(
  status: number,
  bytes: Buffer,
  headers: Headers,
  where: BrevoApiError['details'],
  keys: Redactor,
): BrevoApiError {
  let code = `http_${status}`;
  const text = textOf(bytes);
  let message = text ? keys.cut(text, 500) : 'no details given';
  let fields: Record<string, unknown> | undefined;
  try {
    const { code: brevoCode, message: brevoMessage, ...rest } = JSON.parse(text) as Record<string, unknown>;
    if (typeof brevoCode === 'string') code = brevoCode;
    if (typeof brevoMessage === 'string') message = brevoMessage;
    // What else the body says (which addresses, which field) is shown when it is small.
    if (Object.keys(rest).length && JSON.stringify(rest).length <= MAX_ERROR_FIELDS_CHARS) fields = rest;
  } catch {
    // Not JSON: keep the raw text (cut) as the message.
  }
  const details = { ...where, retryAfterSeconds: status === 429 ? retryAfter(headers) : undefined, fields };
  return new BrevoApiError(status, code, message, details);
}

function retryAfter(headers: Headers): number | undefined {
  for (const name of ['x-sib-ratelimit-reset', 'retry-after']) {
    const value = Number(headers[name]);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}

function decodeAnswer(status: number, bytes: Buffer, contentType: string, disposition: unknown): BrevoResponse {
  if (bytes.length === 0) return { status, kind: 'empty' };
  if (contentType.includes('json') || contentType === '') {
    try {
      return { status, kind: 'json', data: JSON.parse(textOf(bytes)) };
    } catch {
      if (contentType.includes('json')) {
        throw new BrevoApiError(
          status,
          'invalid_json',
          `Brevo answered ${status} with ${bytes.length} bytes that are not valid JSON`,
        );
      }
    }
  }
  if (contentType.startsWith('text/')) return { status, kind: 'text', data: textOf(bytes), contentType };
  const fileName = /filename="?([^";]+)"?/.exec(String(disposition ?? ''))?.[1];
  return { status, kind: 'binary', data: bytes, contentType: contentType || 'application/octet-stream', fileName };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
