// The ranking's weights: how much each field, the glossary's meanings and each sign of what a request asks for count;
// the values are data (weights.json).
import { readFileSync } from 'node:fs';

export interface Weights {
  /** How much each field counts; the name and the curated words beside it count most. */
  fields: { name: number; title: number; keywords: number; toolset: number; description: number; inputs: number };
  /** A glossary meaning counts a little less than the word the person used. */
  meaning: number;
  /** Prefix matches ("attrib" → attribute) count this much of an exact match (minisearch's default). */
  prefix: number;
  /** How strongly matching more of the request's concepts counts (1: in proportion). */
  coverage: number;
  /**
   * A request with no verb of a write operation ("which templates do we have") is read as a read, and one with such a
   * verb as a write.
   */
  read: number;
  /** A question reads more surely than a request without a verb. */
  question: number;
  write: number;
  /** A yes-or-no question ("is the programme live yet?") asks about a state; a change answers it this much. */
  yesNoWrite: number;
  /** An operation whose name starts with the request's own verb ("delete a group" → delete_...). */
  verb: number;
  /** Among reads, one item ("deal 123", "details of") or a collection ("all", plural nouns). */
  shape: number;
  shapeMismatch: number;
  /** Bulk variants ("update_batch_contacts") unless the request speaks of many at once. */
  batchOnly: number;
  /** A past form of a write verb ("created", "sent") describes what to find. */
  pastVerb: number;
  /** How much it counts that the request accounts for every word of an operation's name. */
  name: number;
  /**
   * A name's word the request says only as context ("what folders do we have for our lists") accounts for it this much.
   */
  contextName: number;
  /** Score at which one concept's match is half saturated (0: no saturation). */
  saturation: number;
  /** Words after a preposition say where or whose ("rewards in our loyalty program"), not what. */
  context: number;
}

/**
 * Learned on the benchmark's tuning part by scripts/bench/discovery-tune.mjs (coordinate ascent, checked by
 * cross-validation), which writes weights.json with --write. Read when the engine is first loaded, never at start-up.
 */
export const WEIGHTS: Weights = JSON.parse(
  readFileSync(new URL('../../src/discovery/weights.json', import.meta.url), 'utf8'),
) as Weights;
