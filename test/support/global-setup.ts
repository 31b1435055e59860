import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds what `npm run build` builds (src/ to dist/, then the views' HTML) so integration tests run the same code a
 * user runs.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const node = (script: string, ...args: string[]) =>
    execFileSync(process.execPath, [fileURLToPath(new URL(`../../${script}`, import.meta.url)), ...args], {
      cwd: root,
      stdio: 'inherit',
    });
  node('node_modules/typescript/bin/tsc', '-p', 'tsconfig.json');
  node('scripts/build-views.mjs', '--quiet');
}
