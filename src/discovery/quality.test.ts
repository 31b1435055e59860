// Holds the discovery benchmark's floors, so ranking quality cannot silently drop: top-1 and top-5 over the repo's
// requests and over the sets written apart from the engine.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with `npm run bench`
import { evaluate, loadTasks, SOURCES } from '../../scripts/bench/discovery.mjs';
import { readManifest } from '../tools/manifest.js';
import { createDiscovery } from './index.js';

interface Task {
  query: string;
  answers: string[];
  source: string;
  heldOut: boolean;
}
interface Ranked extends Task {
  rank: number;
}
interface Score {
  top1: number;
  top5: number;
  mrr: number;
  ranks: Ranked[];
}

/**
 * The targets on the repo's set: the first answer is right for 85% of requests, one of the first five for 97%.
 */
const TARGET = { top1: 0.85, top5: 0.97 };
/** On sets written apart from the engine, the same targets less a small margin. */
const INDEPENDENT_TARGET = { top1: 0.82, top5: 0.96 };
/**
 * Each set's floor: the target where the engine reaches it, else a little under the level it reached
 * (the later blind sets, written in voices the engine was not built on, stay below the top-1 target; see
 * docs/discovery.md).
 */
const FLOORS: Record<string, { top1: number; top5: number }> = {
  repo: TARGET,
  independent: INDEPENDENT_TARGET,
  probe: INDEPENDENT_TARGET,
  blind: INDEPENDENT_TARGET,
  blind2: { top1: 0.72, top5: 0.9 },
  blind3: { top1: 0.72, top5: 0.93 },
  blind4: { top1: 0.79, top5: 0.93 },
  blind5: { top1: 0.72, top5: 0.94 },
  // The development sets of the other languages (issue 23): tuned on, so held to the targets.
  'dev-fr': { top1: 0.8, top5: 0.95 },
  'dev-de': { top1: 0.8, top5: 0.95 },
  'dev-es': { top1: 0.8, top5: 0.95 },
  'dev-it': { top1: 0.8, top5: 0.95 },
  'dev-pt': { top1: 0.8, top5: 0.95 },
  // The blind sets of the other languages, held out: a little under their first run (in each file's header).
  'blind-fr': { top1: 0.82, top5: 0.93 },
  'blind-de': { top1: 0.75, top5: 0.9 },
  'blind-es': { top1: 0.8, top5: 0.94 },
  'blind-it': { top1: 0.85, top5: 0.95 },
  'blind-pt': { top1: 0.8, top5: 0.96 },
};

const manifest = readManifest();
const tasks = loadTasks() as Task[];
const discovery = createDiscovery(manifest);
const rank = (query: string) => discovery.search(query, { limit: 50 }).hits.map((h) => h.entry.name);
const score = (subset: Task[]) => evaluate(rank, subset) as Score;
const misses = (s: Score) =>
  s.ranks
    .filter((r) => r.rank !== 1)
    .map((r) => `${r.rank || '-'}: ${r.query}`)
    .join('\n');

describe('discovery benchmark', () => {
  it('has at least 200 requests covering every toolset, each answered by real operations', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(200);
    const byName = new Map(manifest.map((e) => [e.name, e]));
    for (const task of tasks)
      for (const answer of task.answers) expect(byName.has(answer), `${task.query} → ${answer}`).toBe(true);
    const covered = new Set(tasks.flatMap((t) => t.answers.map((a) => byName.get(a)!.toolset)));
    expect([...covered].sort()).toEqual([...new Set(manifest.map((e) => e.toolset))].sort());
  });

  it('holds a floor for every set', () => {
    expect(Object.keys(FLOORS).sort()).toEqual((SOURCES as Array<{ source: string }>).map((s) => s.source).sort());
  });

  for (const [source, floor] of Object.entries(FLOORS)) {
    it(
      `puts the right operation first for ≥ ${floor.top1 * 100}% and in the top five for ≥ ${floor.top5 * 100}% ` +
        `of the ${source} set`,
      () => {
        const set = score(tasks.filter((t) => t.source === source));
        // A development set is smaller than a set written to measure.
        expect(set.ranks.length).toBeGreaterThanOrEqual(source.startsWith('dev-') ? 30 : 90);
        expect(set.top1, misses(set)).toBeGreaterThanOrEqual(floor.top1);
        expect(set.top5, misses(set)).toBeGreaterThanOrEqual(floor.top5);
      },
    );
  }

  it('does as well on the held-out third as on the part it was tuned on, within 8 points', () => {
    const tuned = score(tasks.filter((t) => !t.heldOut));
    const heldOut = score(tasks.filter((t) => t.heldOut && t.source === 'repo'));
    expect(heldOut.ranks.length).toBeGreaterThan(100);
    expect(heldOut.top1).toBeGreaterThanOrEqual(tuned.top1 - 0.08);
    expect(heldOut.top5).toBeGreaterThanOrEqual(tuned.top5 - 0.08);
  });
});
