// The Skills extension (SEP-2640, io.modelcontextprotocol/skills) on the 1.x SDK: declared in the
// initialize answer only to a client that announced it, with skills/list, skills/get,
// resources/directory/read and skill:// reads answered for that client alone. The one file to
// replace when the server moves to the v2 SDK and its ext/skills.
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  type ClientCapabilities,
  ErrorCode,
  InitializeRequestSchema,
  type InitializeResult,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { SkillsMode } from '../config.js';
import { RpcError } from '../rpc-error.js';
import type { SessionSkills } from './session.js';

export const SKILLS_EXTENSION = 'io.modelcontextprotocol/skills';

/** Whether a client announced the extension in its capabilities. */
export function clientReadsSkills(capabilities: ClientCapabilities | undefined): boolean {
  const value = capabilities?.extensions?.[SKILLS_EXTENSION];
  return typeof value === 'object' && value !== null;
}

const MAX_URI = 2048;
const uri = z.string().min(1).max(MAX_URI);
const meta = z.looseObject({}).optional();

export const ListSkillsRequestSchema = z.object({
  method: z.literal('skills/list'),
  params: z.strictObject({ cursor: z.string().max(MAX_URI).optional(), _meta: meta }).optional(),
});
export const GetSkillRequestSchema = z.object({
  method: z.literal('skills/get'),
  params: z.strictObject({ uri, _meta: meta }),
});
export const ReadDirectoryRequestSchema = z.object({
  method: z.literal('resources/directory/read'),
  params: z.strictObject({ uri, cursor: z.string().max(MAX_URI).optional(), _meta: meta }),
});

type On = <S extends z.ZodObject<{ method: z.ZodLiteral<string> }>>(
  schema: S,
  handler: (request: z.infer<S>) => unknown,
) => void;

/** What the rest of the server asks: whether a resources/read is for a skill file, and its answer. */
export interface SkillsWiring {
  /** The skill:// URIs belong here once the client announced the extension. */
  owns(uri: string): boolean;
  read(uri: string): unknown;
  /** What resources/list adds: each skill's SKILL.md, for a client that announced the extension. */
  resources(): ReturnType<SessionSkills['resources']>;
}

const NOT_SERVED: SkillsWiring = { owns: () => false, read: () => undefined, resources: () => [] };

/**
 * Wires the extension on `server`, before it connects. `on` registers a request handler the way
 * the server does (params checked, answers redacted). `mode` says which clients get it: those
 * that announce it, every client (hosts that read skills without announcing them), or none.
 */
export function wireSkills(server: Server, on: On, skills: SessionSkills, mode: SkillsMode): SkillsWiring {
  if (mode === 'off') return NOT_SERVED;
  const served = (capabilities: ClientCapabilities | undefined) => mode === 'all' || clientReadsSkills(capabilities);
  const servedHere = () => served(server.getClientCapabilities());
  const requireAnnounced = (method: string) => {
    if (!servedHere())
      throw new RpcError(
        ErrorCode.MethodNotFound,
        `Method not found: ${method} (the client did not announce the ${SKILLS_EXTENSION} extension)`,
      );
  };

  // The 1.x Server builds the initialize answer from capabilities fixed before connecting; add the
  // extension to this answer only, so a client that did not ask never sees it.
  const initialize = (
    server as unknown as { _oninitialize(r: z.infer<typeof InitializeRequestSchema>): Promise<InitializeResult> }
  )._oninitialize.bind(server);
  server.setRequestHandler(InitializeRequestSchema, async (request) => {
    const result = await initialize(request);
    if (!served(request.params.capabilities)) return result;
    const extensions = { ...result.capabilities.extensions, [SKILLS_EXTENSION]: { directoryRead: true } };
    return { ...result, capabilities: { ...result.capabilities, extensions } };
  });

  on(ListSkillsRequestSchema, (request) => {
    requireAnnounced('skills/list');
    return skills.list(request.params?.cursor);
  });
  on(GetSkillRequestSchema, (request) => {
    requireAnnounced('skills/get');
    return skills.get(request.params.uri);
  });
  on(ReadDirectoryRequestSchema, (request) => {
    requireAnnounced('resources/directory/read');
    return skills.readDirectory(request.params.uri, request.params.cursor);
  });

  return {
    owns: (u) => servedHere() && skills.owns(u),
    read: (u) => skills.read(u),
    resources: () => (servedHere() ? skills.resources() : []),
  };
}
