// Streamable HTTP: the MCP endpoint at /mcp, GET /healthz and any public documents (OAuth
// metadata). It knows sessions, HTTP hardening and auth, nothing of Brevo or of OAuth: what each
// session (or request) serves comes from newSession, who a request speaks for from the
// authenticate hook.
//
// Every /mcp request passes, in order: shutdown (503), Host and Origin checks against DNS
// rebinding (403), CORS preflight for allowed origins, the bearer token or the authenticate hook
// (401/403), the body limit (413). Then the request itself decides its revision: a 2026-07-28
// request (its _meta names the revision) is served on its own by a fresh instance, through the
// SDK's per-request handler; a 2025-11-25 one goes to its session (404 unknown or another
// owner's, 503 over the cap) or, --stateless, to a fresh instance.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeStreamableHTTPServerTransport, toNodeHandler } from '@modelcontextprotocol/node';
import {
  createMcpHandler,
  isInitializeRequest,
  isLegacyRequest,
  type Server,
  type ServerEventBus,
  type ServerNotifier,
} from '@modelcontextprotocol/server';
import { log } from '../log.js';
import { isLoopbackHost } from './loopback.js';
import { duplicateHostProblem, emptyBatchProblem, hangUpCancellations } from './request-checks.js';
import { bearerToken } from '../auth/bearer.js';
import {
  cancelledRequests,
  header,
  headersOnly,
  json,
  originGuard,
  readBody,
  refuseBody,
  requestId,
  requestIds,
  rpcError,
  servePublic,
  sha256,
} from './http-messages.js';

/** Who an authenticated request speaks for, as the authenticate hook found it. */
export interface Principal {
  /** The credential's subject: a session opened by one subject serves no other. */
  subject: string;
  /** The credential allows only read-only tools. */
  readOnly: boolean;
}

/** A request the authenticate hook refused: its status, message and headers (e.g. WWW-Authenticate). */
export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

export interface HttpServeOptions {
  host: string;
  port: number;
  /**
   * Builds the MCP server for a new 2025-11-25 session (stateless: for one request) from the
   * initialize request's HTTP details and, with authenticate, its principal; or, era 'modern',
   * for one 2026-07-28 request, whose changes it announces through `notify`. Throw HttpError to
   * refuse it with that status.
   */
  newSession: (request: IncomingMessage, url: URL, principal: Principal | undefined, era: Era) => Server;
  /** Where 2026-07-28 change events go and come from: another replica's listeners included (default: this process). */
  bus?: ServerEventBus;
  /** Every /mcp request must carry `Authorization: Bearer <token>`. Required off loopback (or authenticate). */
  authToken?: string;
  /**
   * Authenticates every /mcp request, in place of authToken: a principal, which newSession gets
   * and the session is bound to (its subject and readOnly), or a refusal, answered as it is.
   */
  authenticate?: (request: IncomingMessage) => Promise<{ principal: Principal } | { refusal: Refusal }>;
  /** A public JSON document for a path (GET, any origin, no auth), or undefined: e.g. OAuth metadata. */
  publicDocument?: (path: string) => unknown;
  /** Origins allowed besides the loopback ones (when bound to loopback); `*` allows any. */
  allowedOrigins?: string[];
  /** Host header values (`name` for any port, or `name:port`) allowed besides the loopback ones; `*` allows any. */
  allowedHosts?: string[];
  /** Largest request body; larger ones get 413 without being read. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Most sessions open at once; an initialize beyond it gets 503. Default 100. */
  maxSessions?: number;
  /** Close a session after this long without a request; 0 never does. Default 30 minutes. */
  sessionIdleMs?: number;
  /**
   * Who a request speaks for (e.g. a hash of a credential it carries). A session opened with an
   * owner serves only requests with that same owner; others get 404 as if it did not exist.
   */
  sessionOwner?: (request: IncomingMessage) => string | undefined;
  /** No sessions: every POST is served by a fresh server from newSession; GET and DELETE get 405. */
  stateless?: boolean;
}

export type Era = { kind: 'legacy' } | { kind: 'modern'; notify: ServerNotifier };

export interface HttpHandle {
  url: string;
  /** Tells this replica's 2026-07-28 listeners (and, through the bus, the others') what changed. */
  notify: ServerNotifier;
  /**
   * Stops accepting, lets requests in flight finish for up to graceMs, then closes every
   * session and connection. Calling it again while it waits cuts the wait short.
   */
  close(graceMs?: number): Promise<void>;
}

/** Thrown by newSession to refuse a request with an HTTP status and a JSON-RPC error. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = -32600,
  ) {
    super(message);
  }
}

interface Session {
  transport: NodeStreamableHTTPServerTransport;
  server: Server;
  /** What a request must match to be served in this session (sessionOwner, principal). */
  owner: string;
  /** The principal's subject it was opened by, for telling a hijack attempt from a stale id. */
  subject: string | undefined;
  /** Requests (other than the GET event stream) now being served. */
  active: number;
  lastActive: number;
  /** Ids of requests now served, each alone on its POST stream (which ending it ends no other answer). */
  alone: Set<string | number>;
}

const LEGACY: Era = { kind: 'legacy' };
const DEFAULTS = { maxBodyBytes: 1024 * 1024, maxSessions: 100, sessionIdleMs: 30 * 60_000 };

export async function serveHttp(options: HttpServeOptions): Promise<HttpHandle> {
  const loopback = isLoopbackHost(options.host);
  if (!loopback && !options.authToken && !options.authenticate)
    throw new Error(`refusing to listen on ${options.host} without an auth token`);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const maxSessions = options.maxSessions ?? DEFAULTS.maxSessions;
  const idleMs = options.sessionIdleMs ?? DEFAULTS.sessionIdleMs;
  const guard = originGuard(loopback, options.allowedOrigins ?? [], options.allowedHosts ?? []);
  const tokenHash = options.authToken ? sha256(options.authToken) : undefined;

  // 2026-07-28: the SDK's per-request handler, strict (2025 traffic never reaches it). Each of
  // its requests gets the instance built for it below, before anything is sent.
  const current = new AsyncLocalStorage<() => Server>();
  const modern = createMcpHandler(
    () => {
      const build = current.getStore();
      if (!build) throw new Error('a 2026-07-28 instance was asked for outside a request');
      return build();
    },
    {
      legacy: 'reject',
      bus: options.bus,
      maxRequestBodySize: maxBodyBytes,
      onerror: (error) => log('debug', `2026-07-28 request: ${error.message}`),
    },
  );
  const modernEra: Era = { kind: 'modern', notify: modern.notify };
  const serveModern = toNodeHandler(modern, {
    maxRequestBodySize: maxBodyBytes,
    onerror: (error) => log('debug', `2026-07-28 request: ${error.message}`),
  });

  const sessions = new Map<string, Session>();
  let opening = 0;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  let closing: Promise<void> | undefined;

  const authorize = (req: IncomingMessage): 'ok' | 'missing' | 'invalid' => {
    if (!tokenHash) return 'ok';
    const token = bearerToken(header(req, 'authorization'));
    if (!token) return 'missing';
    // Hashing first makes the comparison constant-time whatever the lengths.
    return timingSafeEqual(sha256(token), tokenHash) ? 'ok' : 'invalid';
  };

  /** Who may use a session: the client's own key (sessionOwner) and the principal's subject and access. */
  const ownerOf = (req: IncomingMessage, principal: Principal | undefined) =>
    JSON.stringify([options.sessionOwner?.(req), principal?.subject, principal?.readOnly]);

  /**
   * The server for a new session or stateless request, or undefined when newSession refused (and that was answered).
   */
  const build = (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: unknown,
    principal: Principal | undefined,
  ): Server | undefined => {
    try {
      return options.newSession(req, url, principal, LEGACY);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      rpcError(res, error.status, error.code, error.message, requestId(body));
      return undefined;
    }
  };

  /** Tracks a request in a session: activity for the idle timeout, and the session's requests in flight. */
  const serveInSession = async (session: Session, req: IncomingMessage, res: ServerResponse, body: unknown) => {
    session.lastActive = Date.now();
    if (req.method !== 'GET') {
      session.active++;
      res.once('close', () => {
        session.active--;
        session.lastActive = Date.now();
      });
    }
    const ids = requestIds(body);
    if (ids.length && req.method === 'POST') {
      res.once('close', () => {
        if (res.writableFinished) return;
        for (const cancel of hangUpCancellations(ids)) session.transport.onmessage?.(cancel);
      });
    }
    if (ids.length === 1) {
      session.alone.add(ids[0]!);
      res.once('close', () => session.alone.delete(ids[0]!));
    }
    await session.transport.handleRequest(req, res, body);
    // The SDK ends a request's POST stream only when it sends the response, and a cancelled
    // request gets none: end it here, so it stops counting as in flight (shutdown, idle sweep).
    // A legacy batch's stream is left to the SDK: ending it would cut the other answers short.
    for (const id of cancelledRequests(body)) if (session.alone.has(id)) session.transport.closeSSEStream(id);
  };

  const openSession = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: unknown,
    principal: Principal | undefined,
  ) => {
    if (sessions.size + opening >= maxSessions) {
      log('warn', `refused a new session: ${maxSessions} sessions are open (--max-sessions)`);
      return rpcError(
        res,
        503,
        -32000,
        `Too many open sessions (the limit is ${maxSessions}): close an unused session (DELETE /mcp) ` +
          `or try again later`,
        requestId(body),
      );
    }
    opening++;
    let counted = true;
    const settle = () => {
      if (counted) opening--;
      counted = false;
    };
    try {
      const server = build(req, res, url, body, principal);
      if (!server) return;
      const transport = new NodeStreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        maxRequestBodySize: maxBodyBytes,
        onsessioninitialized: (id) => {
          sessions.set(id, session);
          settle();
          log('debug', `session ${id} opened (${sessions.size} open)`);
        },
      });
      const session: Session = {
        server,
        transport,
        owner: ownerOf(req, principal),
        subject: principal?.subject,
        active: 0,
        lastActive: Date.now(),
        alone: new Set(),
      };
      session.transport.onclose = () => {
        const id = session.transport.sessionId;
        if (id && sessions.get(id) === session) {
          sessions.delete(id);
          log('debug', `session ${id} closed (${sessions.size} open)`);
        }
      };
      await server.connect(session.transport);
      await serveInSession(session, req, res, body);
      // An initialize that did not start a session leaves nothing behind.
      if (!session.transport.sessionId) await server.close();
    } finally {
      settle();
    }
  };

  const serveStateless = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: unknown,
    principal: Principal | undefined,
  ) => {
    const server = build(req, res, url, body, principal);
    if (!server) return;
    const transport = new NodeStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      maxRequestBodySize: maxBodyBytes,
    });
    res.once('close', () => void server.close().catch(() => {}));
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };

  const serveModernRequest = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: unknown,
    principal: Principal | undefined,
  ) => {
    // A listen stream stays open until the client leaves: like the GET stream, it is not a
    // request in flight that shutdown waits for.
    if ((body as { method?: unknown } | undefined)?.method === 'subscriptions/listen') streaming(res);
    // Refusals (a malformed selection, a bad client key) are answered before the SDK sees the request.
    let first: Server | undefined;
    try {
      first = options.newSession(req, url, principal, modernEra);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return rpcError(res, error.status, error.code, error.message, requestId(body));
    }
    const build = () => {
      const server = first ?? options.newSession(req, url, principal, modernEra);
      first = undefined;
      return server;
    };
    await current.run(build, () => serveModern(req, res, body));
    // An instance the SDK never asked for (a listen stream, a notification) was never connected,
    // so nothing closes it: run its close hook here (it releases what it held, a key hidden in logs).
    first?.onclose?.();
  };

  const handleMcp = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (closing !== undefined) {
      res.setHeader('connection', 'close');
      return rpcError(res, 503, -32000, 'The server is shutting down');
    }
    const hosts = duplicateHostProblem(req.rawHeaders);
    if (hosts) return rpcError(res, 400, -32000, hosts);
    const refused = guard.check(header(req, 'host'), header(req, 'origin'));
    if (refused) {
      log('warn', `refused a request: ${refused}`);
      return rpcError(res, 403, -32000, `Forbidden: ${refused}`);
    }
    const origin = header(req, 'origin');
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-expose-headers', 'Mcp-Session-Id, WWW-Authenticate');
    }
    if (req.method === 'OPTIONS') {
      // A preflight carries no credentials; the Origin it comes from was checked above.
      res.writeHead(204, {
        'access-control-allow-methods': options.stateless ? 'POST' : 'GET, POST, DELETE',
        'access-control-allow-headers': header(req, 'access-control-request-headers') ?? 'content-type',
        'access-control-max-age': '600',
      });
      return res.end();
    }
    let principal: Principal | undefined;
    if (options.authenticate) {
      const outcome = await options.authenticate(req);
      if ('refusal' in outcome)
        return rpcError(res, outcome.refusal.status, -32000, outcome.refusal.message, null, outcome.refusal.headers);
      principal = outcome.principal;
    }
    const auth = authorize(req);
    if (auth !== 'ok') {
      const challenge =
        auth === 'missing' ? 'Bearer realm="brevo-mcp"' : 'Bearer realm="brevo-mcp", error="invalid_token"';
      return rpcError(
        res,
        401,
        -32000,
        auth === 'missing'
          ? 'Unauthorized: send Authorization: Bearer <token>'
          : 'Unauthorized: the bearer token is not valid',
        null,
        {
          'www-authenticate': challenge,
        },
      );
    }

    const method = req.method ?? 'GET';
    const allowed = options.stateless ? ['POST'] : ['GET', 'POST', 'DELETE'];
    if (!allowed.includes(method)) {
      const why = options.stateless
        ? 'this server is stateless: send every message as a POST'
        : 'use POST, GET or DELETE';
      return rpcError(res, 405, -32000, `Method not allowed: ${why}`, null, { allow: allowed.join(', ') });
    }

    let body: unknown;
    if (method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      if (raw === undefined) return refuseBody(req, res, maxBodyBytes);
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return rpcError(res, 400, -32700, 'Parse error: the body is not JSON');
      }
      const notMessage = emptyBatchProblem(body);
      if (notMessage) return rpcError(res, 400, -32600, notMessage);
    }

    if (
      method === 'POST' &&
      !(await isLegacyRequest(headersOnly(req, url), body, { maxRequestBodySize: maxBodyBytes }))
    )
      return serveModernRequest(req, res, url, body, principal);
    if (options.stateless) return serveStateless(req, res, url, body, principal);

    const sessionId = header(req, 'mcp-session-id');
    if (sessionId) {
      const session = sessions.get(sessionId);
      if (session && session.subject !== principal?.subject)
        log('warn', `refused a request on session ${sessionId}: it was opened by another subject`);
      if (!session || session.owner !== ownerOf(req, principal))
        return rpcError(res, 404, -32001, 'Session not found; start a new one with initialize');
      return serveInSession(session, req, res, body);
    }
    if (method !== 'POST' || !isInitializeRequest(body))
      return rpcError(res, 400, -32000, 'Bad request: no mcp-session-id; send initialize first');
    return openSession(req, res, url, body, principal);
  };

  /** Requests in flight, for the shutdown grace; an event stream (GET, listen) never finishes by itself. */
  const counted = new WeakSet<ServerResponse>();
  const streaming = (res: ServerResponse) => {
    if (counted.delete(res) && --inFlight === 0) drained?.();
  };
  const http = createServer((req, res) => {
    if (req.method !== 'GET') {
      inFlight++;
      counted.add(res);
      res.once('close', () => streaming(res));
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const document = url.pathname !== '/mcp' ? options.publicDocument?.(url.pathname) : undefined;
    const handled =
      url.pathname === '/healthz' && req.method === 'GET'
        ? Promise.resolve(
            closing !== undefined
              ? json(res, 503, { status: 'shutting down' }, { connection: 'close' })
              : json(res, 200, { status: 'ok' }),
          )
        : url.pathname === '/mcp'
          ? handleMcp(req, res, url)
          : document !== undefined
            ? Promise.resolve(servePublic(req, res, document))
            : Promise.resolve(json(res, 404, { error: 'not found; the MCP endpoint is /mcp' }));
    handled.catch((error: unknown) => {
      log('error', `HTTP request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) rpcError(res, 500, -32603, 'Internal error');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });

  // Idle sessions are closed by a sweep that never keeps the process alive.
  const sweep =
    !options.stateless && idleMs > 0
      ? setInterval(
          () => {
            const now = Date.now();
            for (const [id, session] of sessions) {
              if (session.active > 0 || now - session.lastActive < idleMs) continue;
              sessions.delete(id);
              log('debug', `session ${id} closed after ${idleMs} ms without a request`);
              void session.server.close().catch(() => {});
            }
          },
          Math.min(60_000, Math.max(25, Math.floor(idleMs / 2))),
        ).unref()
      : undefined;

  const { port } = http.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let cutShort: (() => void) | undefined;
  return {
    url: `http://${host}:${port}/mcp`,
    notify: modern.notify,
    close(graceMs = 10_000) {
      if (closing !== undefined) {
        cutShort?.();
        return closing;
      }
      closing = (async () => {
        clearInterval(sweep);
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        if (inFlight > 0) {
          log('info', `shutting down: waiting up to ${graceMs} ms for ${inFlight} request(s) in flight`);
          const finished = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), graceMs);
            drained = cutShort = () => {
              clearTimeout(timer);
              resolve(inFlight === 0);
            };
          });
          if (!finished) log('warn', `shutting down with ${inFlight} request(s) still running`);
        }
        await Promise.all([
          ...[...sessions.values()].map((s) => s.server.close().catch(() => {})),
          // Ends the 2026-07-28 listen streams with their closing result, and any request left.
          modern.close().catch(() => {}),
        ]);
        sessions.clear();
        http.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
