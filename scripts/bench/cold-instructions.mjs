// Cold start counted in machine instructions (valgrind's callgrind): spawn, initialize, tools/list,
// then SIGTERM, so what a process does after its answer is not counted. Wall times on a shared
// machine move by a fifth or more from run to run; an instruction count stays within a few per
// cent whatever else the machine runs (brevo-mcp's within 1%, the one-tool server's within 4%),
// so this is the steadier figure of the two.
import { execFileSync, spawn } from 'node:child_process';

const MESSAGES = [
  {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
  },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
];
/** Under valgrind node runs some 50x slower: a run that has not answered by then has failed. */
const RUN_LIMIT_MS = 180_000;

function valgrindVersion() {
  try {
    return execFileSync('valgrind', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** Instructions from spawn to the tools/list answer (and the SIGTERM after it). */
function instructions(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...args], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('"id":2')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdin.write(`${MESSAGES.map((m) => JSON.stringify(m)).join('\n')}\n`);
    child.on('exit', () => {
      clearTimeout(timer);
      const refs = /I\s+refs:\s+([\d,]+)/.exec(err)?.[1];
      if (!out.includes('"id":2') || !refs)
        reject(new Error(`no tools/list answer under valgrind: ${err.slice(-300)}`));
      else resolve(Number(refs.replaceAll(',', '')));
    });
  });
}

export async function coldInstructionsSection({ bin, trivial, baseBin, env, quick }) {
  console.log(
    'cold start in instructions, spawn to the tools/list answer (valgrind callgrind; steady on a busy machine)',
  );
  const version = valgrindVersion();
  if (!version) return console.log('  skipped: valgrind is not installed (Debian package valgrind)\n');
  if (quick) return console.log('  skipped in a quick run (each server takes ~15 s under valgrind)\n');
  const variants = {
    'one-tool SDK server (v2)': [trivial],
    'brevo-mcp, all 292 tools': [bin, '--toolsets', 'all'],
    'brevo-mcp, default toolsets': [bin],
    'brevo-mcp --code': [bin, '--code'],
    ...(baseBin ? { 'base build (BENCH_BASE_BIN), default toolsets': [baseBin] } : {}),
  };
  // One after another: run side by side, the one-tool server's count moved by a tenth.
  const counts = [];
  for (const args of Object.values(variants)) counts.push(await instructions(args, env));
  console.table(
    Object.keys(variants).map((server, i) => ({
      server,
      instructions: `${(counts[i] / 1e6).toFixed(0)} M`,
      ratio: (counts[i] / counts[0]).toFixed(2),
    })),
  );
  console.log(`(${version})\n`);
}
