// The sandbox: an in-memory Brevo emulator on a loopback port, started in-process by
// `brevo-mcp --sandbox`, `brevo-mcp emulator` and tests. It speaks Brevo's HTTP API: the api-key
// header, /v3 paths, JSON and multipart bodies checked against the official definition,
// { code, message } errors. Contacts, lists, attributes, segments, email (templates,
// transactional, campaigns), senders and domains, webhooks, the CRM, SMS, WhatsApp and
// e-commerce, processes (imports, exports and the files they write), activity, blocklists, the
// accounts around the account, loyalty, coupons, feeds and payment requests have real state; an
// operation without a route fails loudly with 501, never with an example.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHost } from '../transports/loopback.js';
import { accountAreaRoutes } from './accounts-routes.js';
import { attributeRoutes } from './attributes-api.js';
import { campaignRoutes, sendDueCampaigns } from './campaigns-api.js';
import { contactRoutes } from './contacts-api.js';
import { crmActivityRoutes } from './crm-activity-api.js';
import { crmRoutes } from './crm-api.js';
import { ecommerceRoutes } from './ecommerce-api.js';
import { listRoutes } from './lists-api.js';
import { serveFile } from './files.js';
import { coreRoutes, unserved } from './core-routes.js';
import { loyaltyAndCommerceRoutes } from './loyalty-routes.js';
import { senderRoutes } from './senders-api.js';
import { sendDueSmsCampaigns, smsRoutes } from './sms-api.js';
import { templateRoutes } from './templates-api.js';
import { deliverScheduled, transactionalRoutes } from './transactional-api.js';
import { sendDueWhatsAppCampaigns, whatsappRoutes } from './whatsapp-api.js';
import {
  RouteTable,
  SANDBOX_API_KEY,
  SANDBOX_TRACKER_KEY,
  SandboxError,
  type Answer,
  type Handler,
  type SandboxRequest,
} from './http.js';
import { multipartBoundary, parseMultipart } from './multipart.js';
import { checkRequest, specFor } from './request-check.js';
import { seedDemoAccount } from './seed.js';
import { Store } from './store.js';

export interface SandboxOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  clock?: () => Date;
  /** Keep the process alive while the emulator listens (the standalone `brevo-mcp emulator`). */
  keepAlive?: boolean;
}

export interface Sandbox {
  /** API base URL, ending in /v3: the client's apiUrl. */
  url: string;
  /** Tracker base URL (POST /api/v2/identify, trackEvent...): the client's trackerUrl. */
  trackerUrl: string;
  apiKey: string;
  trackerKey: string;
  store: Store;
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;

/** Scheduled sends carried out lazily, at the first request after their time. */
const SCHEDULED = [deliverScheduled, sendDueCampaigns, sendDueSmsCampaigns, sendDueWhatsAppCampaigns];

/**
 * Every contract operation: the routes with real state, and for an operation none of them serves,
 * a 501 that says so (never an example body).
 */
export function sandboxRoutes(): RouteTable<Handler> {
  const handlers = new Map<string, [string, string, Handler]>();
  const stateful = [
    ...coreRoutes,
    contactRoutes,
    listRoutes,
    attributeRoutes,
    transactionalRoutes,
    templateRoutes,
    campaignRoutes,
    senderRoutes,
    crmRoutes,
    crmActivityRoutes,
    smsRoutes,
    whatsappRoutes,
    ecommerceRoutes,
    accountAreaRoutes,
    ...loyaltyAndCommerceRoutes,
  ];
  for (const route of [...unserved(), ...stateful.flat()]) handlers.set(`${route[0]} ${route[1]}`, route);
  const table = new RouteTable<Handler>();
  for (const [method, template, handler] of handlers.values()) table.add(method, template, handler);
  return table;
}

/** Starts the emulator on host:port (127.0.0.1, a free port by default) and returns its URLs. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const store = seedDemoAccount(new Store(options.clock));
  const routes = sandboxRoutes();
  const server = createServer((req, res) => void handle(req, res, routes, store));
  // Inside the MCP server the emulator must never keep a finished CLI alive on its own.
  if (!options.keepAlive) server.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  store.files.origin = origin;
  return {
    url: `${origin}/v3`,
    trackerUrl: origin,
    apiKey: SANDBOX_API_KEY,
    trackerKey: SANDBOX_TRACKER_KEY,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: RouteTable<Handler>,
  store: Store,
): Promise<void> {
  let answer: Answer;
  try {
    answer = await answerFor(req, routes, store);
  } catch (error) {
    answer =
      error instanceof SandboxError
        ? { status: error.status, body: error.body }
        : {
            status: 500,
            body: {
              code: 'internal_error',
              message: `sandbox failure: ${error instanceof Error ? error.message : String(error)}`,
            },
          };
  }
  if (res.destroyed) return;
  // After a refused body the rest of it may still be arriving: the socket is not reused.
  if (answer.status === 413) res.setHeader('connection', 'close');
  if (answer.raw) {
    const disposition = answer.raw.inline ? 'inline' : 'attachment';
    res
      .writeHead(answer.status, {
        'content-type': answer.raw.contentType,
        'content-disposition': `${disposition}; filename="${answer.raw.fileName ?? 'sandbox-file.txt'}"`,
        ...answer.headers,
      })
      .end(answer.raw.data);
  } else if (answer.headers) {
    res.writeHead(answer.status, answer.headers).end();
  } else if (answer.body === undefined) {
    res.writeHead(answer.status).end();
  } else {
    res
      .writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(answer.body));
  }
}

/** The name in a Host header (without its port), for the DNS-rebinding check. */
function hostName(host: string | undefined): string {
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec((host ?? '').trim());
  return (m?.[1] ?? '').replace(/^\[|\]$/g, '');
}

async function answerFor(req: IncomingMessage, routes: RouteTable<Handler>, store: Store): Promise<Answer> {
  // Like the MCP endpoint: a page on another site cannot reach the emulator by rebinding its DNS name to 127.0.0.1.
  if (!isLoopbackHost(hostName(req.headers.host))) {
    throw new SandboxError(
      403,
      'permission_denied',
      `Host ${JSON.stringify(req.headers.host ?? '')} is not allowed: the emulator answers only loopback ` +
        `names (127.0.0.1, localhost, [::1])`,
    );
  }
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const method = (req.method ?? 'GET').toUpperCase();
  // Export files are served without a key, like the signed download links Brevo gives.
  if (url.pathname.startsWith('/files/')) return serveFile(method, url.pathname, store);
  const tracker = url.pathname.startsWith('/api/v2/');
  if (!tracker && !url.pathname.startsWith('/v3/'))
    throw new SandboxError(404, 'document_not_found', `${method} ${url.pathname}: the Brevo API lives under /v3`);
  // Brevo checks the key before anything else.
  const key = req.headers[tracker ? 'ma-key' : 'api-key'];
  if (key !== (tracker ? SANDBOX_TRACKER_KEY : SANDBOX_API_KEY))
    throw new SandboxError(401, 'unauthorized', 'Key not found');

  const path = tracker ? url.pathname : url.pathname.slice(3);
  const match = routes.match(method, path.length > 1 ? path.replace(/\/+$/, '') : path);
  if (!match)
    throw new SandboxError(
      404,
      'document_not_found',
      `Invalid route: ${method} ${url.pathname} is not an operation of the Brevo API`,
    );
  if ('allowed' in match)
    throw new SandboxError(405, 'method_not_allowed', `${method} Method is not allowed on this path`);

  const request: SandboxRequest = {
    method,
    path,
    params: match.params,
    query: url.searchParams,
    body: parseBody(req, await readBody(req)),
  };
  request.body = checkRequest(specFor(`${method} ${match.template}`), request);
  // Whatever was scheduled for a time now past has happened, before anyone looks.
  for (const due of SCHEDULED) due(store);
  return match.value(request, store);
}

const tooLarge = () => new SandboxError(413, 'bad_request', `Request body is too large (more than ${MAX_BODY} bytes)`);

/**
 * The body's bytes. One larger than MAX_BODY is refused as soon as that is known (from its
 * Content-Length, or while reading); what remains of it is read and dropped, not left on a socket
 * that the answer then closes.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length']) > MAX_BODY) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** JSON, or a multipart body's fields; undefined when nothing was sent. */
function parseBody(req: IncomingMessage, bytes: Buffer): unknown {
  if (!bytes.length) return undefined;
  const type = String(req.headers['content-type'] ?? '');
  const boundary = multipartBoundary(type);
  if (boundary) {
    const fields = parseMultipart(bytes, boundary);
    if (!fields) throw new SandboxError(400, 'bad_request', 'The multipart/form-data body is not well formed');
    return fields;
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new SandboxError(400, 'bad_request', 'Input must be a valid JSON object');
  }
}
