// Node --import entry: registers the hook that reports each module the process loads, and reports each file of the
// discovery engine's data it reads (test/startup.test.ts).
import fs from 'node:fs';
import { register, syncBuiltinESMExports } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));

// The engine's data (src/discovery/lang/, weights.json) is read with readFileSync and readdirSync: "data-read <path>".
for (const name of ['readFileSync', 'readdirSync']) {
  const original = fs[name];
  fs[name] = function traced(path, ...rest) {
    const where = path instanceof URL ? path.pathname : String(path);
    if (where.includes('/src/discovery/')) process.stderr.write(`data-read ${where}\n`);
    return original.call(this, path, ...rest);
  };
}
syncBuiltinESMExports();
