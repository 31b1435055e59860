// The ranking's weights: how much each field, the glossary's meanings and each sign of what a request asks for count.

/** Chosen on the benchmark's tuning part; scripts/bench/discovery-tune.mjs learns them by cross-validation, and found no setting that does better on requests it did not learn from. */
export const WEIGHTS = {
  /** How much each field counts; the name and the curated words beside it count most. */
  fields: { name: 3, title: 2, keywords: 2, toolset: 1.2, description: 1, inputs: 0.4 },
  /** A glossary meaning counts a little less than the word the person used. */
  meaning: 0.85,
  /** Prefix matches ("attrib" → attribute) count this much of an exact match (minisearch's default). */
  prefix: 0.375,
  /** How strongly matching more of the request's concepts counts (1: in proportion). */
  coverage: 1,
  /** A request with no verb of a write operation ("which templates do we have") is read as a read, and one with such a verb as a write. */
  read: 1.3,
  /** A question reads more surely than a request without a verb. */
  question: 2,
  write: 1.3,
  /** A yes-or-no question ("is the programme live yet?") asks about a state; a change answers it this much. */
  yesNoWrite: 0.6,
  /** An operation whose name starts with the request's own verb ("delete a group" → delete_...). */
  verb: 1.2,
  /** Among reads, one item ("deal 123", "details of") or a collection ("all", plural nouns). */
  shape: 1.15,
  shapeMismatch: 0.85,
  /** Bulk variants ("update_batch_contacts") unless the request speaks of many at once. */
  batchOnly: 0.8,
  /** A past form of a write verb ("created", "sent") describes what to find. */
  pastVerb: 0.5,
  /** How much it counts that the request accounts for every word of an operation's name. */
  name: 0.3,
  /** A name's word the request says only as context ("what folders do we have for our lists") accounts for it this much. */
  contextName: 0.5,
  /** Score at which one concept's match is half saturated (0: no saturation). */
  saturation: 40,
  /** Words after a preposition say where or whose ("rewards in our loyalty program"), not what. */
  context: 0.75,
};
