// Holds the discovery benchmark's floor, so ranking quality cannot silently drop: top-1 and top-5 over the repo's requests in people's words.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with `npm run bench`
import { evaluate, loadTasks } from '../../scripts/bench/discovery.mjs';
import { readManifest } from '../tools/manifest.js';
import { createDiscovery } from './index.js';

interface Task {
  query: string;
  answers: string[];
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

/** The targets: the first answer is right for 85% of requests, one of the first five for 97%. */
const FLOOR = { top1: 0.85, top5: 0.97 };

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
    for (const task of tasks) for (const answer of task.answers) expect(byName.has(answer), `${task.query} → ${answer}`).toBe(true);
    const covered = new Set(tasks.flatMap((t) => t.answers.map((a) => byName.get(a)!.toolset)));
    expect([...covered].sort()).toEqual([...new Set(manifest.map((e) => e.toolset))].sort());
  });

  it(`puts the right operation first for ≥ ${FLOOR.top1 * 100}% and in the top five for ≥ ${FLOOR.top5 * 100}%`, () => {
    const all = score(tasks);
    expect(all.top1, misses(all)).toBeGreaterThanOrEqual(FLOOR.top1);
    expect(all.top5, misses(all)).toBeGreaterThanOrEqual(FLOOR.top5);
  });

  it('does as well on the held-out third as on the part it was tuned on, within 8 points', () => {
    const tuned = score(tasks.filter((t) => !t.heldOut));
    const heldOut = score(tasks.filter((t) => t.heldOut));
    expect(heldOut.top1).toBeGreaterThanOrEqual(tuned.top1 - 0.08);
    expect(heldOut.top5).toBeGreaterThanOrEqual(tuned.top5 - 0.08);
  });
});
