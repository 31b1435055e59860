import { runScript } from './dist/code/runner.js';
for (const code of ["const a = []; while (true) a.push('x'.repeat(1000) + a.length);", "const a = []; let i = 0; try { while (true) { a.push('x'.repeat(1000) + a.length); i++ } } catch (e) { return [i, String(e)] }", "const s = []; for (;;) s.push(new ArrayBuffer(1024*1024))"]) {
  const t0=performance.now();
  const r = await runScript({ code, names: [], limits: {timeoutMs: 20000, memoryMb: 64, maxCalls: 10}, maxReturnChars: 1000, call: async () => '' });
  console.log((performance.now()-t0).toFixed(0), JSON.stringify(r).slice(0,300));
}
