// Reading and answering one HTTP request for the MCP endpoint: the Host/Origin guard, bodies
// within their limit, the JSON-RPC ids a body carries, JSON and JSON-RPC error answers.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** DNS-rebinding protection: which Host and Origin headers /mcp accepts. Returns why a request is refused. */
export function originGuard(loopback: boolean, allowedOrigins: string[], allowedHosts: string[]) {
  const anyOrigin = allowedOrigins.includes('*');
  const anyHost = allowedHosts.includes('*');
  // Off loopback with no list the public name is unknown: the token protects that server.
  const checkHost = !anyHost && (loopback || allowedHosts.length > 0);
  const hosts = new Set(allowedHosts.map((h) => h.toLowerCase()));
  const origins = new Set(allowedOrigins);
  return {
    check(host: string | undefined, origin: string | undefined): string | undefined {
      if (checkHost) {
        const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec((host ?? '').trim().toLowerCase());
        const name = m?.[1] ?? '';
        const ok =
          m &&
          name &&
          ((loopback && LOOPBACK_NAMES.has(name)) || hosts.has(name) || (m[2] && hosts.has(`${name}:${m[2]}`)));
        if (!ok) return `Host ${JSON.stringify(host ?? '')} is not allowed (see --allowed-hosts)`;
      }
      // Requests without Origin come from non-browser clients, which DNS rebinding cannot drive.
      if (origin === undefined || anyOrigin) return undefined;
      let url: URL | undefined;
      try {
        url = new URL(origin);
      } catch {
        url = undefined;
      }
      const web = url && (url.protocol === 'http:' || url.protocol === 'https:');
      if (web && ((loopback && LOOPBACK_NAMES.has(url!.hostname)) || origins.has(url!.origin))) return undefined;
      return `Origin ${JSON.stringify(origin)} is not allowed (see --allowed-origins)`;
    },
  };
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The request's method, URL and headers as a web Request, for the SDK's routing (the body was read already). */
export function headersOnly(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(url.href, { method: req.method, headers });
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The body, or undefined when it is larger than limit: then nothing more is read or kept. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * 413 at once. What is still arriving is discarded, never kept: closing the connection under a
 * client still sending would make it see a reset instead of the 413. A sender that goes on far
 * past the limit is cut off.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse, limit: number): void {
  rpcError(res, 413, -32000, `Payload too large: the body must not exceed ${limit} bytes`);
  const cap = Math.max(4 * limit, 8 * 1024 * 1024);
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > cap) req.socket.destroy();
  });
  req.resume();
}

type Message = { id?: unknown; method?: unknown; params?: { requestId?: unknown } } | null;
const messagesOf = (body: unknown): Message[] => (Array.isArray(body) ? body : [body]) as Message[];
const isId = (id: unknown): id is string | number => typeof id === 'string' || typeof id === 'number';

/** The ids of the requests in a POST body (one message or a batch). */
export function requestIds(body: unknown): Array<string | number> {
  return messagesOf(body).flatMap((m) => (typeof m?.method === 'string' && isId(m.id) ? [m.id] : []));
}

/** The request ids named by notifications/cancelled in a POST body. */
export function cancelledRequests(body: unknown): Array<string | number> {
  return messagesOf(body).flatMap((m) => {
    const id = m?.method === 'notifications/cancelled' ? m.params?.requestId : undefined;
    return isId(id) ? [id] : [];
  });
}

/** A public document (nothing secret in it): any origin may read it, browsers' preflights included. */
export function servePublic(req: IncomingMessage, res: ServerResponse, document: unknown): void {
  const cors = { 'access-control-allow-origin': '*' };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...cors,
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': header(req, 'access-control-request-headers') ?? 'content-type',
      'access-control-max-age': '600',
    });
    return void res.end();
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') json(res, 405, { error: 'use GET' }, { allow: 'GET', ...cors });
  else json(res, 200, document, { ...cors, 'cache-control': 'public, max-age=300' });
}

export function requestId(body: unknown): string | number | null {
  const id = (body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export function rpcError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  id: string | number | null = null,
  headers: Record<string, string> = {},
): void {
  json(res, status, { jsonrpc: '2.0', error: { code, message }, id }, headers);
}
