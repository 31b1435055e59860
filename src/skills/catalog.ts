// The skills this server ships: each folder beside this file holding a SKILL.md (copied next to
// the compiled code by the build), read once, plus each prompt's steps as prompts/<name>.md in
// its skill. Every file is kept as the exact bytes served, with their sha256 digest and size.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { PROMPTS, type PromptDefinition } from '../prompts/definitions.js';
import { type Frontmatter, parseFrontmatter } from './frontmatter.js';
import { promptFile } from './prompt-files.js';
import { SKILL_URI_PREFIX } from './protocol.js';

/** Bounds on what one skill folder may hold, checked when the catalog is read. */
const MAX_FILES_PER_SKILL = 32;
const MAX_FILE_BYTES = 64 * 1024;
const MAX_DEPTH = 2;

export interface SkillFile {
  /** Path inside the skill's folder, `/`-separated. */
  path: string;
  uri: string;
  mimeType: string;
  text: string;
  /** Length in bytes of the UTF-8 text. */
  size: number;
  /** `sha256:` and the lowercase hex SHA-256 of those bytes. */
  digest: string;
}

export interface SkillDefinition {
  name: string;
  description: string;
  /** URI of its SKILL.md. */
  uri: string;
  /** The SKILL.md frontmatter as written. */
  frontmatter: Frontmatter;
  /** Read-only tools the skill cannot do without: it is offered only where a session has them all. */
  reads: string[];
  /** Tools that change things: listed, and marked when the session lacks them (read-only, toolsets). */
  writes: string[];
  /** Read tools it mentions for when the session offers them (as a prompt's optional tools). */
  optional: string[];
  /** Prompts whose steps it serves as prompts/<name>.md. */
  prompts: string[];
  /** Every file, SKILL.md first, then by path. */
  files: SkillFile[];
}

const MIME: Record<string, string> = { md: 'text/markdown', js: 'text/javascript', txt: 'text/plain' };
const mimeTypeOf = (path: string) => MIME[path.slice(path.lastIndexOf('.') + 1)] ?? 'text/plain';

export const digestOf = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function fileOf(skill: string, path: string, text: string): SkillFile {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.byteLength > MAX_FILE_BYTES)
    throw new Error(`skill ${skill}: ${path} is ${bytes.byteLength} bytes, over ${MAX_FILE_BYTES}`);
  return {
    path,
    uri: `${SKILL_URI_PREFIX}${skill}/${path}`,
    mimeType: mimeTypeOf(path),
    text,
    size: bytes.byteLength,
    digest: digestOf(bytes),
  };
}

/** Files under `dir` (a skill folder), as `/`-separated paths relative to it, at most MAX_DEPTH folders down. */
function walk(dir: URL, prefix = '', depth = 0): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      if (depth >= MAX_DEPTH) throw new Error(`skill folder ${path} is nested deeper than ${MAX_DEPTH}`);
      out.push(...walk(new URL(`${entry.name}/`, dir), `${path}/`, depth + 1));
    } else if (entry.isFile()) out.push(path);
  }
  return out;
}

const words = (value: string | Record<string, string> | undefined) =>
  typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];

/** Reads one skill folder; throws naming the skill and what is wrong. */
function readSkill(root: URL, name: string, prompts: PromptDefinition[]): SkillDefinition {
  const dir = new URL(`${name}/`, root);
  const paths = walk(dir).filter((p) => p !== 'SKILL.md');
  const manifest = fileOf(name, 'SKILL.md', readFileSync(new URL('SKILL.md', dir), 'utf8'));
  let frontmatter: Frontmatter;
  try {
    ({ frontmatter } = parseFrontmatter(manifest.text));
  } catch (error) {
    throw new Error(`skill ${name}: ${(error as Error).message}`);
  }
  const { description } = frontmatter;
  if (frontmatter.name !== name) throw new Error(`skill ${name}: frontmatter name must be "${name}"`);
  if (typeof description !== 'string' || !description || description.length > 1024)
    throw new Error(`skill ${name}: frontmatter description must be 1-1024 characters`);
  const metadata = typeof frontmatter.metadata === 'object' ? frontmatter.metadata : {};
  const own = prompts.filter((p) => p.skill === name);
  const files = [
    manifest,
    ...paths.map((p) => fileOf(name, p, readFileSync(new URL(p, dir), 'utf8'))),
    ...own.map((p) => fileOf(name, `prompts/${p.name}.md`, promptFile(p))),
  ];
  const duplicate = files.find((f, i) => files.findIndex((g) => g.path === f.path) !== i);
  if (duplicate) throw new Error(`skill ${name}: ${duplicate.path} is both a file and a prompt's steps`);
  if (files.length > MAX_FILES_PER_SKILL) throw new Error(`skill ${name}: over ${MAX_FILES_PER_SKILL} files`);
  return {
    name,
    description,
    uri: manifest.uri,
    frontmatter,
    reads: words(metadata.reads),
    writes: words(metadata.writes),
    optional: words(metadata.optional),
    prompts: words(metadata.prompts),
    files,
  };
}

/** Every skill folder under `root` (default: beside this module, in src/skills or dist/skills). */
export function readSkills(root: URL = new URL('./', import.meta.url), prompts = PROMPTS): SkillDefinition[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(new URL(`${e.name}/SKILL.md`, root)))
    .filter((e) => statSync(new URL(`${e.name}/SKILL.md`, root)).isFile())
    .map((e) => readSkill(root, e.name, prompts))
    .sort((a, b) => a.name.localeCompare(b.name));
}

let shipped: SkillDefinition[] | undefined;
/** The shipped skills, read on first use. */
export function skillCatalog(): SkillDefinition[] {
  shipped ??= readSkills();
  return shipped;
}
