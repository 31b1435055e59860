#!/usr/bin/env node
// Discovery benchmark: how often the engine puts the right operation first / in the top five for requests in people's
// words, next to a plain BM25, and how fast it answers.
// Runs alone (`node scripts/bench/discovery.mjs [--misses [--tune]]`, after `npm run build`) or as a section of `npm
// run bench`;
// --misses lists every miss, --tune only those of the tasks tuned on (not the held-out third), --lang <code> only those
// in one language.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';

const MANIFEST = new URL('../../catalog/tools.json', import.meta.url);

/**
 * The sets of requests, each with the part of it the engine was never tuned on:
 * - repo: the first set, written with the engine; every third task is held out from tuning;
 * - independent: half of a set written by someone who never saw the engine, used as a development set (tuned on);
 * - probe: written for issue 11b after its first round of changes, run once, then tuned on;
 * - blind: written before issue 11b changed anything and run once near its end, then tuned on;
 * - blind2, blind3: written after issue 11b's main changes, each run once, then tuned on a little;
 * - blind4, blind5: written before issue 11c changed anything, run once then and once at its end, then tuned on a
 * little;
 * - dev-<lang>: requests in French, German, Spanish, Italian and Portuguese written with the engine for issue 23 (tuned
 * on);
 * - blind-<lang>: 150 or so requests per language written for issue 23 by a helper who never read the engine, run once
 * at its end (held out).
 * Each set has a language (`lang`, English unless said): the bench prints figures per language too.
 */
export const SOURCES = [
  { source: 'repo', file: 'discovery-tasks.tsv', heldOut: (i) => i % 3 === 2 },
  { source: 'independent', file: 'discovery-tasks-independent.tsv', heldOut: () => false },
  { source: 'probe', file: 'discovery-tasks-probe.tsv', heldOut: () => false },
  { source: 'blind', file: 'discovery-tasks-blind.tsv', heldOut: () => false },
  { source: 'blind2', file: 'discovery-tasks-blind2.tsv', heldOut: () => false },
  { source: 'blind3', file: 'discovery-tasks-blind3.tsv', heldOut: () => false },
  { source: 'blind4', file: 'discovery-tasks-blind4.tsv', heldOut: () => false },
  { source: 'blind5', file: 'discovery-tasks-blind5.tsv', heldOut: () => false },
  ...['fr', 'de', 'es', 'it', 'pt'].map((lang) => ({
    source: `dev-${lang}`,
    file: `discovery-tasks-dev-${lang}.tsv`,
    lang,
    heldOut: () => false,
  })),
  ...['fr', 'de', 'es', 'it', 'pt'].map((lang) => ({
    source: `blind-${lang}`,
    file: `discovery-tasks-blind-${lang}.tsv`,
    lang,
    heldOut: () => true,
  })),
];

/** Names of the languages the sets are written in. */
export const LANGUAGES = { en: 'English', fr: 'French', de: 'German', es: 'Spanish', it: 'Italian', pt: 'Portuguese' };

const readTasks = (file) =>
  readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((line) => {
      const [query, answers] = line.split('\t');
      return { query, answers: answers.split(',').map((s) => s.trim()) };
    });

/**
 * The tasks of every set: query, accepted operation names, the set it comes from, and whether it is held out from
 * tuning.
 */
export function loadTasks() {
  return SOURCES.flatMap(({ source, file, heldOut, lang = 'en' }) =>
    readTasks(file).map((task, i) => ({ ...task, source, lang, heldOut: heldOut(i) })),
  );
}

export const loadManifest = () => JSON.parse(readFileSync(MANIFEST, 'utf8')).tools;

/** Okapi BM25 (k1 1.2, b 0.75) over name, title and description as one text: the baseline. */
export function plainBm25(entries) {
  const tokenize = (s) =>
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const docs = entries.map((e) => tokenize(`${e.name.replace(/_/g, ' ')} ${e.title} ${e.description}`));
  const avg = docs.reduce((n, d) => n + d.length, 0) / docs.length;
  const df = new Map();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const tf = docs.map((d) => {
    const m = new Map();
    for (const t of d) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  return (query) => {
    const q = [...new Set(tokenize(query))];
    const scored = entries.map((entry, i) => {
      let score = 0;
      for (const t of q) {
        const f = tf[i].get(t);
        if (!f) continue;
        const idf = Math.log(1 + (docs.length - df.get(t) + 0.5) / (df.get(t) + 0.5));
        score += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * docs[i].length) / avg));
      }
      return { entry, score };
    });
    return scored
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((s) => s.entry.name);
  };
}

/** Top-1, top-5 and mean reciprocal rank of a ranking function over tasks, with each task's rank (0: not found). */
export function evaluate(rank, tasks) {
  const ranks = tasks.map((task) => {
    const names = rank(task.query);
    const i = names.findIndex((n) => task.answers.includes(n));
    return { ...task, rank: i + 1, got: names.slice(0, 3) };
  });
  const n = ranks.length || 1;
  return {
    tasks: ranks.length,
    top1: ranks.filter((r) => r.rank === 1).length / n,
    top5: ranks.filter((r) => r.rank >= 1 && r.rank <= 5).length / n,
    mrr: ranks.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n,
    ranks,
  };
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function discoverySection({ misses = 5, tuneOnly = false, lang = undefined } = {}) {
  const { createDiscovery } = await import('../../dist/discovery/index.js');
  const entries = loadManifest();
  const tasks = loadTasks();
  const toolsets = new Set(entries.map((e) => e.toolset));
  const covered = new Set(tasks.flatMap((t) => t.answers.map((a) => entries.find((e) => e.name === a)?.toolset)));

  const t0 = performance.now();
  const discovery = createDiscovery(entries);
  discovery.search('warm up the index');
  const buildMs = performance.now() - t0;
  const engine = (q) => discovery.search(q, { limit: 50 }).hits.map((h) => h.entry.name);
  const baseline = plainBm25(entries);

  const rows = [];
  const results = {};
  for (const [name, rank] of [
    ['discovery engine', engine],
    ['plain BM25 (baseline)', baseline],
  ]) {
    const parts = [
      ['all', tasks],
      ['tuned on', tasks.filter((t) => !t.heldOut)],
      ['held out', tasks.filter((t) => t.heldOut)],
      ...SOURCES.map(({ source }) => [`${source} set`, tasks.filter((t) => t.source === source)]),
      ['repo, held-out third', tasks.filter((t) => t.source === 'repo' && t.heldOut)],
    ];
    for (const [part, subset] of parts) {
      const r = evaluate(rank, subset);
      if (part === 'all') results[name] = r;
      rows.push({
        ranking: name,
        tasks: `${part} (${r.tasks})`,
        'top-1': pct(r.top1),
        'top-5': pct(r.top5),
        MRR: r.mrr.toFixed(3),
      });
    }
  }
  console.log(
    `discovery: ${tasks.length} requests in people's words over ${entries.length} operations, ${covered.size} ` +
      `of ${toolsets.size} toolsets`,
  );
  console.log(
    'sets: repo (written with the engine; every third held out), independent (written apart from ' +
      'it; tuned on), probe (written midway through issue 11b; tuned on), ' +
      'blind, blind2, blind3 (written before and after issue 11b changed the engine; tuned on after their one run), ' +
      'blind4, blind5 (written before issue 11c changed it; run before and after, then tuned on), ' +
      'dev-<lang> (French, German, Spanish, Italian, Portuguese, written with issue 23; tuned on), ' +
      'blind-<lang> (written apart from the engine for issue 23, run once at its end; held out)',
  );
  console.table(rows);
  console.log('by language (the engine, every set in that language):');
  console.table(
    Object.entries(LANGUAGES).map(([lang, name]) => {
      const r = evaluate(
        engine,
        tasks.filter((t) => t.lang === lang),
      );
      const sets = SOURCES.filter((s) => (s.lang ?? 'en') === lang).map((s) => s.source);
      return {
        language: `${name} (${r.tasks})`,
        sets: sets.length > 3 ? `${sets.length} sets` : sets.join(', '),
        'top-1': pct(r.top1),
        'top-5': pct(r.top5),
        MRR: r.mrr.toFixed(3),
      };
    }),
  );

  // First-time searches (nothing cached) on a fresh set of entries, then the same searches again.
  // Wall-clock time, and CPU time (user + system), which a busy machine's other processes do not inflate.
  const fresh = createDiscovery(entries.slice().reverse());
  fresh.search('warm up the index');
  const first = { wall: [], cpu: [] };
  const again = { wall: [], cpu: [] };
  for (const [times, rounds] of [
    [first, 1],
    [again, 4],
  ]) {
    for (let round = 0; round < rounds; round++) {
      for (const task of tasks) {
        const cpu = process.cpuUsage();
        const s = performance.now();
        fresh.search(task.query, { limit: 10 });
        times.wall.push(performance.now() - s);
        const used = process.cpuUsage(cpu);
        times.cpu.push((used.user + used.system) / 1000);
      }
    }
  }
  const line = (xs) =>
    `p50 ${percentile(xs, 50).toFixed(2)}, p99 ${percentile(xs, 99).toFixed(2)}, max ${Math.max(...xs).toFixed(2)} ms`;
  console.log(
    `search latency over all ${entries.length} operations (index built on the first search in ${buildMs.toFixed(1)} ` +
      `ms; machine load average ${loadavg()[0].toFixed(1)}):`,
  );
  console.table([
    { searches: `first time (${first.wall.length})`, 'wall clock': line(first.wall), 'CPU time': line(first.cpu) },
    { searches: `repeated (${again.wall.length})`, 'wall clock': line(again.wall), 'CPU time': line(again.cpu) },
  ]);

  const worst = results['discovery engine'].ranks
    .filter((r) => r.rank !== 1 && !(tuneOnly && r.heldOut) && (!lang || r.lang === lang))
    .sort((a, b) => (a.rank || 999) - (b.rank || 999))
    .reverse()
    .slice(0, misses);
  if (worst.length) {
    console.log(`worst ${worst.length} misses of the engine (rank 0: not in the first 50)`);
    console.table(
      worst.map((r) => ({
        query: r.query,
        expected: r.answers.join(' | '),
        rank: r.rank,
        'got first': r.got.join(', '),
      })),
    );
  }
  console.log();
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const all = process.argv.includes('--misses');
  const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : undefined;
  await discoverySection({ misses: all ? 1000 : 5, tuneOnly: process.argv.includes('--tune'), lang });
}
