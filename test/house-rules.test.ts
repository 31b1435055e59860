// The house rules catch what they promise: Biome's lint fails on a floating promise and its format
// check on a 200-character line, with the project's own biome.json, while a clean file passes both.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');
const dir = mkdtempSync(join(tmpdir(), 'brevo-mcp-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The project's configuration, outside the repository (no git there to read ignores from).
const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8'));
config.$schema = undefined;
config.vcs = { enabled: false };
writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));

function biome(command: 'lint' | 'format', file: string, text: string) {
  writeFileSync(join(dir, file), text);
  return new Promise<{ code: number; output: string }>((resolve) => {
    const args = command === 'lint' ? ['lint', '--error-on-warnings', file] : ['format', file];
    execFile(BIOME, args, { cwd: dir }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

const CLEAN = 'export async function later(): Promise<number> {\n  return 1;\n}\n';

/** scripts/check-line-width.mjs run on a fresh git repository holding one file. */
function lineWidth(text: string) {
  const repo = mkdtempSync(join(tmpdir(), 'brevo-mcp-width-'));
  writeFileSync(join(repo, 'wide.ts'), text);
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile('git', ['init', '-q'], { cwd: repo }, () =>
      execFile(process.execPath, [join(ROOT, 'scripts', 'check-line-width.mjs')], { cwd: repo }, (error, out, err) => {
        rmSync(repo, { recursive: true, force: true });
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: out + err });
      }),
    );
  });
}

describe('house rules', () => {
  it('pass a clean file', async () => {
    expect((await biome('lint', 'clean.ts', CLEAN)).code).toBe(0);
    expect((await biome('format', 'clean.ts', CLEAN)).code).toBe(0);
  });

  it('lint fails on a floating promise and names the rule', async () => {
    const text = `${CLEAN}export function caller(): void {\n  later();\n}\n`;
    const run = await biome('lint', 'floating.ts', text);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('noFloatingPromises');
  });

  it('format check fails on a 200-character line', async () => {
    const numbers = Array.from({ length: 24 }, (_, i) => 1_000_000 + i).join(', ');
    const line = `export const wide = [${numbers}];`;
    expect(line.length).toBeGreaterThanOrEqual(200);
    const run = await biome('format', 'wide.ts', `${line}\n`);
    expect(run.code).not.toBe(0);
  });

  it('format:check also fails on a 200-character string the formatter cannot break, unless explained', async () => {
    const line = `export const wide = '${'x'.repeat(180)}';`;
    const run = await lineWidth(`${line}\n`);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/wide\.ts:1: 2\d\d columns/);
    expect((await lineWidth(`// wide: a fixture that must stay whole\n${line}\n`)).code).toBe(0);
  });

  it('runs the suite on the Node that runs npm, not the node@22 the conformance suite needs', () => {
    // node@22 puts a `node` in node_modules/.bin, ahead of the system's on npm scripts' PATH: the
    // scripts name npm's own Node ($npm_node_execpath) so that tests run where users run.
    const npmNode = process.env.npm_node_execpath;
    if (!npmNode) return expect(process.env.npm_lifecycle_event).toBeUndefined();
    expect(realpathSync(process.execPath)).toBe(realpathSync(npmNode));
  });
});
