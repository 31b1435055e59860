// A copy of this checkout as a fresh `git clone` has it: the files git knows (tracked, or new and
// not ignored), without dist/ or build/, in a temp folder. Its node_modules is a link to this
// checkout's (what `npm ci` would install), so commands that build run without the network.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Copies the clone into `into` (created) and returns it. */
export async function cleanClone(into: string, { linkNodeModules = true } = {}): Promise<string> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const files = stdout.split('\0').filter((f) => f && existsSync(join(ROOT, f)));
  mkdirSync(into, { recursive: true });
  const tar = `${into}.tar`;
  await run('tar', ['-cf', tar, '-C', ROOT, ...files], { maxBuffer: 16 * 1024 * 1024 });
  await run('tar', ['-xf', tar, '-C', into]);
  if (linkNodeModules) symlinkSync(join(ROOT, 'node_modules'), join(into, 'node_modules'), 'dir');
  return into;
}

/**
 * The environment for a nested npm: this one's, without what an enclosing `npm test` exported
 * about itself (its package, lifecycle and prefixes), which would point npm back at this checkout.
 */
export function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_globalconfig']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.has(k.toLowerCase())),
  );
}
