// The Skills extension (SEP-2640, io.modelcontextprotocol/skills) on the v2 SDK's Server: the
// extension is declared in the initialize and server/discover answers only to the clients
// --skills names (by default those that announced it), and skills/list, skills/get,
// resources/directory/read and skill:// reads answer those clients alone. The SDK's
// SkillsExtension.attach needs an McpServer and this server is the low-level Server, so the
// methods are registered here under the SDK's method names, with params checked and bounded here.
// The skills themselves (./session.ts, the files on disk) load on the first request that needs them.
import {
  CLIENT_CAPABILITIES_META_KEY,
  type ClientCapabilities,
  MissingRequiredClientCapabilityError,
  ProtocolErrorCode,
  type Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { SkillsMode } from '../config.js';
import { RpcError } from '../rpc-error.js';
import type { SessionSkills } from './session.js';

// The extension's id and methods as @modelcontextprotocol/server/ext/skills names them, written out
// because importing that module costs ~5 ms of every cold start; skills.test.ts holds them equal.
export const SKILLS_EXTENSION = 'io.modelcontextprotocol/skills';
export const SKILLS_LIST_METHOD = 'skills/list';
export const SKILLS_GET_METHOD = 'skills/get';
export const RESOURCES_DIRECTORY_READ_METHOD = 'resources/directory/read';
/** Every skill file's URI starts so, served here or not. */
export const SKILL_URI_PREFIX = 'skill://';

// Params as SEP-2640 gives them, bounded: a URI or a cursor longer than this names nothing here.
const MAX_URI = 2048;
const uri = z.string().min(1).max(MAX_URI);
const meta = z.looseObject({}).optional();
const ListParams = z.strictObject({ cursor: z.string().max(MAX_URI).optional(), _meta: meta });
const GetParams = z.strictObject({ uri, _meta: meta });
const DirectoryParams = z.strictObject({ uri, cursor: z.string().max(MAX_URI).optional(), _meta: meta });

/** Whether a client announced the extension in its capabilities. */
export function clientReadsSkills(capabilities: ClientCapabilities | undefined): boolean {
  const value = capabilities?.extensions?.[SKILLS_EXTENSION];
  return typeof value === 'object' && value !== null;
}

/** The client's capabilities for this request: its 2026-07-28 envelope, or the 2025 session's. */
function capabilitiesOf(server: Server, ctx: ServerContext | undefined): ClientCapabilities | undefined {
  const envelope = ctx?.mcpReq.envelope as Record<string, unknown> | undefined;
  return (envelope?.[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined) ?? server.getClientCapabilities();
}

/** What the rest of the server asks of the skills, for the client of one request. */
export interface SkillsWiring {
  /** The skill:// URIs belong here once the client announced the extension. */
  owns(uri: string, ctx: ServerContext): boolean;
  read(uri: string): Promise<unknown>;
  /** What resources/list adds: each skill's SKILL.md, for a client that announced the extension. */
  resources(ctx: ServerContext): Promise<ReturnType<SessionSkills['resources']>>;
  /**
   * The initialize or server/discover answer with the extension declared when the client asking
   * announced it; other answers pass unchanged. For the server's handler wrapper (_wrapHandler).
   */
  declare(method: string, result: unknown, ctx: ServerContext, params: unknown): unknown;
}

type Redact = (value: unknown) => unknown;

const NOT_SERVED: SkillsWiring = {
  owns: () => false,
  read: async () => undefined,
  resources: async () => [],
  declare: (_method, result) => result,
};

/**
 * Registers the skills methods on `server` (before it connects); answers pass through `redact`.
 * `mode` says which clients get the extension: those that announce it, every client (hosts that
 * read skills without announcing it), or none. `sessionSkills` gives the session's skills, loaded
 * on first use.
 */
export function wireSkills(
  server: Server,
  sessionSkills: () => Promise<SessionSkills>,
  mode: SkillsMode,
  redact: Redact = (v) => v,
): SkillsWiring {
  if (mode === 'off') return NOT_SERVED;
  const served = (capabilities: ClientCapabilities | undefined) => mode === 'all' || clientReadsSkills(capabilities);
  const announced = (ctx: ServerContext | undefined) => served(capabilitiesOf(server, ctx));
  /** A request from a client that did not announce the extension is refused as its era says. */
  const requireAnnounced = (method: string, ctx: ServerContext) => {
    if (announced(ctx)) return;
    if (ctx.mcpReq.envelope)
      throw new MissingRequiredClientCapabilityError(
        { requiredCapabilities: { extensions: { [SKILLS_EXTENSION]: {} } } },
        `${method} needs the ${SKILLS_EXTENSION} extension in the client's capabilities`,
      );
    throw new RpcError(
      ProtocolErrorCode.MethodNotFound,
      `Method not found: ${method} (the client did not announce the ${SKILLS_EXTENSION} extension)`,
    );
  };

  server.setRequestHandler(SKILLS_LIST_METHOD, { params: ListParams }, async (params, ctx) => {
    requireAnnounced(SKILLS_LIST_METHOD, ctx);
    return redact((await sessionSkills()).list(params.cursor)) as never;
  });
  server.setRequestHandler(SKILLS_GET_METHOD, { params: GetParams }, async (params, ctx) => {
    requireAnnounced(SKILLS_GET_METHOD, ctx);
    return redact((await sessionSkills()).get(params.uri)) as never;
  });
  server.setRequestHandler(RESOURCES_DIRECTORY_READ_METHOD, { params: DirectoryParams }, async (params, ctx) => {
    requireAnnounced(RESOURCES_DIRECTORY_READ_METHOD, ctx);
    return redact((await sessionSkills()).readDirectory(params.uri, params.cursor)) as never;
  });

  return {
    owns: (uri, ctx) => announced(ctx) && uri.startsWith(SKILL_URI_PREFIX),
    read: async (uri) => (await sessionSkills()).read(uri),
    resources: async (ctx) => (announced(ctx) ? (await sessionSkills()).resources() : []),
    declare(method, result, ctx, params) {
      if (method !== 'initialize' && method !== 'server/discover') return result;
      const asked =
        method === 'initialize'
          ? served((params as { capabilities?: ClientCapabilities } | undefined)?.capabilities)
          : announced(ctx);
      if (!asked || typeof result !== 'object' || result === null) return result;
      const answer = result as { capabilities?: { extensions?: Record<string, unknown> } };
      const extensions = { ...answer.capabilities?.extensions, [SKILLS_EXTENSION]: { directoryRead: true } };
      return { ...answer, capabilities: { ...answer.capabilities, extensions } };
    },
  };
}
