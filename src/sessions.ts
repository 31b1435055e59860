// Who gets what over HTTP: the policy behind each 2025-11-25 session and each 2026-07-28 request.
// The selection a client may narrow to (query string, X-Brevo-* headers, an OAuth token's read
// scope), the Brevo key it may bring (X-Brevo-Api-Key) and the instance built for it.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { keyProblem } from './client/api-key.js';
import { BrevoClient } from './client/brevo-client.js';
import { type Config, wholeCatalogUnlessChosen } from './config.js';
import { hideInLog } from './log.js';
import { narrowSelection, requestedSelection, SelectionError } from './registry.js';
import { createMcpServer, type ServerOptions } from './server.js';
import type { ToolEntry } from './tools/manifest.js';
import { type Era, HttpError, type Principal } from './transports/http.js';

const NO_SESSION_KEY =
  'no Brevo API key for this session: send your key in the X-Brevo-Api-Key header when you connect (on initialize)';

export interface SessionPolicy {
  /** Builds the instance for a new session (2025) or request (2026); throws HttpError to refuse it. */
  newSession: (
    req: IncomingMessage,
    url: URL,
    principal: Principal | undefined,
    era: Era,
  ) => ReturnType<typeof createMcpServer>;
  /** Who a request speaks for when clients bring their own keys: a session serves only its own key. */
  sessionOwner?: (req: IncomingMessage) => string | undefined;
  /** The client that serves sessions with their own keys, if they may bring them. */
  tenants?: BrevoClient;
}

export function sessionPolicy(options: {
  config: Config;
  manifest: ToolEntry[];
  /** What every instance gets unless the client narrows it. */
  base: ServerOptions;
  /** Clients may bring their own Brevo key (--allow-client-keys, not in sandbox mode). */
  clientKeys: boolean;
}): SessionPolicy {
  const { config, manifest, base } = options;
  const oauth = config.transport === 'http' ? config.http.oauth : undefined;
  // Sessions that bring their own key get the same settings but never the operator's keys (the
  // tracker key included), and their own client: a key is never shared between sessions.
  const tenants = options.clientKeys
    ? new BrevoClient({
        ...base.client.options,
        apiKey: undefined,
        trackerKey: undefined,
        missingApiKeyMessage: NO_SESSION_KEY,
      })
    : undefined;
  // What a client may choose from: the operator's toolsets or tools when given; otherwise the
  // default is only a default, and clients may pick any toolset (still within the operator's
  // exclusions and read-only).
  const ceiling = wholeCatalogUnlessChosen(config);

  const newSession = (req: IncomingMessage, url: URL, principal: Principal | undefined, era: Era) => {
    let selection = base.selection;
    let asked: ReturnType<typeof requestedSelection>;
    try {
      asked = requestedSelection(url.searchParams, req.headers);
      // A token that grants only the read scope narrows as a client asking for read-only tools does.
      const wanted = principal?.readOnly
        ? {
            ...asked,
            readOnly: true,
            readOnlyBecause:
              `the access token grants only the ${oauth!.readScope} scope; sign in again granting ` +
              `${oauth!.writeScope} to use it`,
          }
        : asked;
      if (wanted) selection = narrowSelection(asked ? ceiling : base.selection, wanted, manifest);
    } catch (error) {
      if (error instanceof SelectionError) throw new HttpError(400, error.message, -32602);
      throw error;
    }
    const key = tenants ? sessionKey(req) : undefined;
    const problem = key && keyProblem(key);
    if (problem)
      throw new HttpError(
        401,
        `Unauthorized: the X-Brevo-Api-Key header does not hold a Brevo API key (${problem}); send ` +
          `the key from Brevo > SMTP & API > API keys`,
        -32000,
      );
    const sessionClient = key ? tenants!.withApiKey(key) : config.apiKey ? base.client : tenants!;
    // This instance's output hides its own key besides the operator's; no other session's.
    const server = createMcpServer({
      ...base,
      client: sessionClient,
      selection,
      // A client that names its toolsets or tools gets exactly those listed, not the guided default.
      ...(asked?.toolsets || asked?.tools ? { listedToolsets: undefined } : {}),
      redactor: base.redactor!.with(key),
      // Script runs are shared out per client key or token subject, else per session.
      runShare: key ? `key ${keyOwner(key)}` : principal ? `subject ${principal.subject}` : undefined,
      ...(era.kind === 'modern'
        ? {
            era: 'modern' as const,
            // One request: nothing it enables outlives it, and its changes go to every listener.
            sessionless: true,
            announce: (kind: 'tools' | 'resources') =>
              kind === 'tools' ? era.notify.toolsChanged() : era.notify.resourcesChanged(),
            listingIsPersonal: Boolean(asked || principal || key),
          }
        : {}),
    });
    if (key) server.onclose = hideInLog(key);
    return server;
  };

  return {
    newSession,
    tenants,
    sessionOwner: tenants ? (req) => keyOwner(sessionKey(req)) : undefined,
  };
}

const keyOwner = (key: string | undefined) => key && createHash('sha256').update(key).digest('hex');

/** The client's own Brevo key from X-Brevo-Api-Key, if it sent one. */
function sessionKey(req: IncomingMessage): string | undefined {
  const value = req.headers['x-brevo-api-key'];
  // Checked as sent (keyProblem): a key with a stray space or character is refused, not repaired.
  const key = Array.isArray(value) ? value[0] : value;
  return key || undefined;
}
