// The Skills extension (SEP-2640, io.modelcontextprotocol/skills) on the v2 SDK's Server: the
// extension is declared in the initialize and server/discover answers only to the clients
// --skills names (by default those that announced it), and skills/list, skills/get,
// resources/directory/read and skill:// reads answer those clients alone. The SDK's
// SkillsExtension.attach needs an McpServer and this server is the low-level Server, so the
// methods are registered here under the SDK's method names, with params checked and bounded here.
import {
  CLIENT_CAPABILITIES_META_KEY,
  type ClientCapabilities,
  MissingRequiredClientCapabilityError,
  ProtocolErrorCode,
  type Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import {
  RESOURCES_DIRECTORY_READ_METHOD,
  SKILLS_EXTENSION_ID,
  SKILLS_GET_METHOD,
  SKILLS_LIST_METHOD,
} from '@modelcontextprotocol/server/ext/skills';
import { z } from 'zod';
import type { SkillsMode } from '../config.js';
import { RpcError } from '../rpc-error.js';
import type { SessionSkills } from './session.js';

export const SKILLS_EXTENSION = SKILLS_EXTENSION_ID;

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
  read(uri: string): unknown;
  /** What resources/list adds: each skill's SKILL.md, for a client that announced the extension. */
  resources(ctx: ServerContext): ReturnType<SessionSkills['resources']>;
  /**
   * The initialize or server/discover answer with the extension declared when the client asking
   * announced it; other answers pass unchanged. For the server's handler wrapper (_wrapHandler).
   */
  declare(method: string, result: unknown, ctx: ServerContext, params: unknown): unknown;
}

type Redact = (value: unknown) => unknown;

const NOT_SERVED: SkillsWiring = {
  owns: () => false,
  read: () => undefined,
  resources: () => [],
  declare: (_method, result) => result,
};

/**
 * Registers the skills methods on `server` (before it connects); answers pass through `redact`.
 * `mode` says which clients get the extension: those that announce it, every client (hosts that
 * read skills without announcing it), or none.
 */
export function wireSkills(
  server: Server,
  skills: SessionSkills,
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

  server.setRequestHandler(SKILLS_LIST_METHOD, { params: ListParams }, (params, ctx) => {
    requireAnnounced(SKILLS_LIST_METHOD, ctx);
    return redact(skills.list(params.cursor)) as never;
  });
  server.setRequestHandler(SKILLS_GET_METHOD, { params: GetParams }, (params, ctx) => {
    requireAnnounced(SKILLS_GET_METHOD, ctx);
    return redact(skills.get(params.uri)) as never;
  });
  server.setRequestHandler(RESOURCES_DIRECTORY_READ_METHOD, { params: DirectoryParams }, (params, ctx) => {
    requireAnnounced(RESOURCES_DIRECTORY_READ_METHOD, ctx);
    return redact(skills.readDirectory(params.uri, params.cursor)) as never;
  });

  return {
    owns: (uri, ctx) => announced(ctx) && skills.owns(uri),
    read: (uri) => skills.read(uri),
    resources: (ctx) => (announced(ctx) ? skills.resources() : []),
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
