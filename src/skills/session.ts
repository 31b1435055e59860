// The skills of one session: those whose read tools the session offers, each entry with its
// files' URIs, digests and sizes, and a mark where the session cannot make the changes the skill
// needs (--read-only, or toolsets left out). Answers skills/list, skills/get, skill file reads
// and directory reads; the protocol wiring is in ./protocol.ts.
import { RpcError } from '../rpc-error.js';
import { skillCatalog, type SkillDefinition, type SkillFile } from './catalog.js';
import { SKILL_URI_PREFIX } from './protocol.js';

/** How long a host may keep the list and the files: they change only with a new server version. */
export const SKILLS_TTL_MS = 60 * 60 * 1000;
/** The list depends on the session's selection, so it is not shared between users. */
export const SKILLS_CACHE_SCOPE = 'private';

export const DIRECTORY_MIME_TYPE = 'inode/directory';
/** JSON-RPC Invalid params: what SEP-2640 asks for an unknown skill or a URI that is not a directory. */
const INVALID_PARAMS = -32602;
/** _meta key on a skill entry this session cannot fully carry out. */
export const WRITES_META = 'io.github.brevo-mcp/writes';

export interface SkillEntry {
  uri: string;
  frontmatter: SkillDefinition['frontmatter'];
  resources: Array<{ uri: string; digest: string; size: number }>;
  _meta?: Record<string, unknown>;
}

const cache = { ttlMs: SKILLS_TTL_MS, cacheScope: SKILLS_CACHE_SCOPE } as const;

export class SessionSkills {
  private availableSkills: SkillDefinition[] | undefined;

  constructor(
    /** Whether the session offers a tool. */
    private readonly offers: (tool: string) => boolean,
    /** The server runs with --read-only. */
    private readonly readOnly: boolean,
    /** The skills (default: the shipped ones, read from disk on first use, not at start-up). */
    private readonly allSkills?: SkillDefinition[],
  ) {}

  private get all(): SkillDefinition[] {
    return this.allSkills ?? skillCatalog();
  }

  /** The skills whose read tools the session offers. */
  private get available(): SkillDefinition[] {
    this.availableSkills ??= this.all.filter((s) => s.reads.every(this.offers));
    return this.availableSkills;
  }

  private entry(skill: SkillDefinition): SkillEntry {
    const missing = skill.writes.filter((t) => !this.offers(t));
    return {
      uri: skill.uri,
      frontmatter: skill.frontmatter,
      resources: skill.files.map(({ uri, digest, size }) => ({ uri, digest, size })),
      ...(missing.length
        ? {
            _meta: {
              [WRITES_META]: {
                missing,
                why: this.readOnly
                  ? 'this server is read-only (--read-only): the steps that change things cannot run here'
                  : 'these tools are outside the toolsets this server offers',
              },
            },
          }
        : {}),
    };
  }

  /** Every skill in one page: the catalog is small and fixed, so no cursor is ever issued. */
  list(cursor?: string) {
    if (cursor !== undefined) throw new RpcError(INVALID_PARAMS, 'Invalid cursor: skills/list answers in one page');
    return { skills: this.available.map((s) => this.entry(s)), ...cache };
  }

  get(uri: string) {
    const skill = this.available.find((s) => s.uri === uri);
    if (!skill) throw new RpcError(INVALID_PARAMS, this.whyNot(uri));
    return { skill: this.entry(skill), ...cache };
  }

  /** The SKILL.md of each skill as a resource, named and described by its frontmatter. */
  resources() {
    return this.available.map((s) => ({
      uri: s.uri,
      name: s.name,
      description: s.description,
      mimeType: 'text/markdown',
      size: s.files[0]!.size,
    }));
  }

  private file(uri: string): SkillFile | undefined {
    for (const skill of this.available) {
      const file = skill.files.find((f) => f.uri === uri);
      if (file) return file;
    }
    return undefined;
  }

  read(uri: string) {
    const file = this.file(uri);
    if (!file) throw new RpcError(INVALID_PARAMS, this.whyNot(uri));
    return { contents: [{ uri: file.uri, mimeType: file.mimeType, text: file.text }], ...cache };
  }

  /** Children of skill://<skill>/ or of a folder in it; undefined when the URI is not a directory here. */
  readDirectory(uri: string, cursor?: string) {
    if (cursor !== undefined)
      throw new RpcError(INVALID_PARAMS, 'Invalid cursor: resources/directory/read answers in one page');
    const dir = uri.endsWith('/') ? uri : `${uri}/`;
    const skill = this.available.find((s) => dir.startsWith(s.uri.slice(0, -'SKILL.md'.length)));
    if (!skill) throw new RpcError(INVALID_PARAMS, this.whyNot(uri));
    const inside = skill.files.filter((f) => f.uri.startsWith(dir)).map((f) => f.uri.slice(dir.length));
    if (!inside.length) throw new RpcError(INVALID_PARAMS, `${uri} is not a directory of skill ${skill.name}`);
    const folders = [...new Set(inside.filter((p) => p.includes('/')).map((p) => p.slice(0, p.indexOf('/'))))];
    const resources = [
      ...folders.map((name) => ({ uri: `${dir}${name}/`, name, mimeType: DIRECTORY_MIME_TYPE })),
      ...skill.files
        .filter((f) => f.uri.startsWith(dir) && !f.uri.slice(dir.length).includes('/'))
        .map((f) => ({
          uri: f.uri,
          name: f.path.slice(f.path.lastIndexOf('/') + 1),
          mimeType: f.mimeType,
          size: f.size,
        })),
    ].sort((a, b) => a.uri.localeCompare(b.uri));
    return { resources, ...cache };
  }

  private whyNot(uri: string): string {
    const name = uri.slice(SKILL_URI_PREFIX.length).split('/')[0];
    const skill = this.all.find((s) => s.name === name);
    if (!skill) return `No skill at ${uri}`;
    if (!this.available.includes(skill)) {
      const missing = skill.reads.filter((t) => !this.offers(t));
      return `Skill ${skill.name} needs the tools ${missing.join(', ')}, which this session does not offer`;
    }
    return `Skill ${skill.name} has no file at ${uri}`;
  }
}
