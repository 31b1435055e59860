#!/usr/bin/env node
// Learns the discovery engine's ranking weights (src/discovery/weights.json) from the benchmark by coordinate ascent,
// and checks by cross-validation that what it learns carries over to requests it did not see.
// `node scripts/bench/discovery-tune.mjs [--folds 5] [--rounds 3] [--by-set] [--knobs a,b] [--write]` after `npm run
// build`; prints the weights learned on every task that may be tuned on
// (every language's sets, English and the others), --write saves them to src/discovery/weights.json when they did
// better on the folds left out than the weights there,
// and for each fold the score on the fold left out next to the score on the folds learned from. --by-set leaves one set
// out at a time (learned on all the others),
// --knobs learns only the weights named. Held-out tasks are never used.
import { writeFileSync } from 'node:fs';
import { evaluate, loadManifest, loadTasks } from './discovery.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FOLDS = arg('folds', 5);
const ROUNDS = arg('rounds', 3);
const BY_SET = process.argv.includes('--by-set');
const WRITE = process.argv.includes('--write');
const ONLY = process.argv.includes('--knobs')
  ? process.argv[process.argv.indexOf('--knobs') + 1].split(',')
  : undefined;

const { Index } = await import('../../dist/discovery/engine.js');
const { WEIGHTS } = await import('../../dist/discovery/weights.js');
const entries = loadManifest();
const tasks = loadTasks().filter((t) => !t.heldOut);
const index = new Index(entries);
const rank = (q) =>
  index
    .rank(q)
    .hits.slice(0, 50)
    .map((h) => h.entry.name);

/** What the weights are judged on: half top-1, half mean reciprocal rank (smoother, so small steps show). */
const objective = (subset) => {
  const r = evaluate(rank, subset);
  return { value: (r.top1 + r.mrr) / 2, top1: r.top1, top5: r.top5, mrr: r.mrr };
};

/** Every number in WEIGHTS, as [object, key] pairs (field boosts included). */
const knobs = [];
const collect = (obj, path) => {
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'number') knobs.push({ obj, key: k, name: [...path, k].join('.') });
    else if (v && typeof v === 'object') collect(v, [...path, k]);
  }
};
collect(WEIGHTS, []);
if (ONLY) knobs.splice(0, knobs.length, ...knobs.filter((k) => ONLY.includes(k.name)));
const snapshot = () => knobs.map((k) => k.obj[k.key]);
const restore = (values) => {
  knobs.forEach((k, i) => {
    k.obj[k.key] = values[i];
  });
  index.termCache.clear();
};
const STEPS = [0.5, 0.7, 0.85, 0.95, 1.05, 1.2, 1.4, 2];

function learn(subset) {
  let best = objective(subset).value;
  for (let round = 0; round < ROUNDS; round++) {
    let moved = false;
    for (const knob of knobs) {
      const start = knob.obj[knob.key];
      let bestValue = start;
      for (const step of STEPS) {
        const value = start === 0 ? (step - 1) * 0.2 : start * step;
        if (value < 0) continue;
        knob.obj[knob.key] = Number(value.toPrecision(3));
        index.termCache.clear();
        const got = objective(subset).value;
        if (got > best + 1e-4) {
          best = got;
          bestValue = knob.obj[knob.key];
        }
      }
      knob.obj[knob.key] = bestValue;
      index.termCache.clear();
      if (bestValue !== start) moved = true;
    }
    if (!moved) break;
  }
  return snapshot();
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const initial = snapshot();
console.log(`tuning on ${tasks.length} tasks (held-out tasks excluded); start: ${JSON.stringify(objective(tasks))}`);

/** The parts to leave out in turn: every set (--by-set), or k folds. */
const parts = BY_SET
  ? [...new Set(tasks.map((t) => t.source))].map((source) => ({ name: source, test: (t) => t.source === source }))
  : FOLDS > 1
    ? Array.from({ length: FOLDS }, (_, f) => ({ name: `fold ${f}`, test: (_t, i) => i % FOLDS === f }))
    : [];
/** Over the folds left out: the objective with the weights as they were, and with those learned without the fold. */
const leftOut = { before: 0, after: 0 };
if (parts.length) {
  const rows = [];
  for (const part of parts) {
    restore(initial);
    const train = tasks.filter((t, i) => !part.test(t, i));
    const test = tasks.filter((t, i) => part.test(t, i));
    const before = objective(test);
    learn(train);
    const fit = objective(train);
    const after = objective(test);
    leftOut.before += before.value * test.length;
    leftOut.after += after.value * test.length;
    rows.push({
      'left out': `${part.name} (${test.length})`,
      'left out, before': `${pct(before.top1)} / ${pct(before.top5)}`,
      'left out, after': `${pct(after.top1)} / ${pct(after.top5)}`,
      'learned on': `${pct(fit.top1)} / ${pct(fit.top5)}`,
    });
  }
  console.log(`${BY_SET ? 'leave one set out' : 'cross-validation'} (top-1 / top-5):`);
  console.table(rows);
}

restore(initial);
const learned = learn(tasks);
console.log(`learned on all: ${JSON.stringify(objective(tasks))}`);
const changed = knobs
  .map((k, i) => ({ weight: k.name, was: initial[i], now: learned[i] }))
  .filter((r) => r.was !== r.now);
console.table(changed);
// Learned weights replace the data file's only when they carried over better to requests they were not learned on.
if (WRITE && parts.length && leftOut.after <= leftOut.before) {
  console.log(
    `kept src/discovery/weights.json: on the folds left out the learned weights scored ${(leftOut.after / tasks.length).toFixed(4)}, ` +
      `the current ones ${(leftOut.before / tasks.length).toFixed(4)}`,
  );
} else if (WRITE) {
  // The weights as learned on every task that may be tuned on, in the data file the engine reads.
  restore(learned);
  writeFileSync(new URL('../../src/discovery/weights.json', import.meta.url), `${JSON.stringify(WEIGHTS, null, 2)}\n`);
  console.log('wrote src/discovery/weights.json');
}
