// The ranking: a BM25+ index (minisearch) over each operation's name, title, keywords, toolset, description and inputs, queried concept by concept with the glossary's expansions.
import MiniSearch from 'minisearch';
import type { ToolEntry } from '../tools/manifest.js';
import { CHANNEL_VERBS, MANY_WORDS, NAMED_TOOLSETS, ONE_WORDS, READ_WORDS, TOOLSET_WORDS, WRITE_WORDS } from './glossary.js';
import { editDistance, isPastForm, term, words } from './text.js';
import { vocabulary } from './vocabulary.js';

export interface Hit {
  entry: ToolEntry;
  score: number;
}

export interface Ranking {
  /** Hits, best first, every entry that matched at all. */
  hits: Hit[];
  /** Some query word was not known and was read as the nearest known word, or nothing matched without typo tolerance. */
  fuzzy: boolean;
}

/** The ranking's weights, chosen on the benchmark's tuning part (scripts/bench/discovery.mjs). */
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
  write: 1.3,
  /** An operation whose name starts with the request's own verb ("delete a group" → delete_...). */
  verb: 1.2,
  /** Among reads, one item ("deal 123", "details of") or a collection ("all", plural nouns). */
  shape: 1.15,
  /** Bulk variants ("update_batch_contacts") unless the request speaks of many at once. */
  batchOnly: 0.8,
  /** A past form of a write verb ("created", "sent") describes what to find. */
  pastVerb: 0.5,
  /** How much it counts that the request accounts for every word of an operation's name. */
  name: 0.3,
  /** Score at which one concept's match is half saturated (0: no saturation). */
  saturation: 40,
  /** Words after a preposition say where or whose ("rewards in our loyalty program"), not what. */
  context: 0.75,
};

/** Prepositions: what follows is context for the thing asked about. */
const PREPOSITIONS = new Set('of in on for from to with at by into inside within under about per across'.split(' '));

interface Doc {
  id: number;
  name: string;
  title: string;
  keywords: string;
  toolset: string;
  description: string;
  inputs: string;
}

/** Names of the inputs (and the values of enums) an operation takes: "emailBlacklisted", "suspended". */
function inputWords(schema: Record<string, unknown>): string {
  const out: string[] = [];
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 3) return;
    const n = node as Record<string, unknown>;
    if (Array.isArray(n.enum)) out.push(...n.enum.filter((v): v is string => typeof v === 'string'));
    if (n.properties && typeof n.properties === 'object') {
      for (const [key, child] of Object.entries(n.properties)) {
        out.push(key);
        visit(child, depth + 1);
      }
    }
    for (const key of ['items', 'anyOf', 'oneOf']) {
      const child = n[key];
      if (Array.isArray(child)) child.forEach((c) => visit(c, depth + 1));
      else visit(child, depth + 1);
    }
  };
  visit(schema, 0);
  return out.join(' ');
}

/** One query concept: the words as given, and what the glossary says they stand for. */
interface Concept {
  variants: Array<{ terms: string[]; weight: number }>;
  /** Only past forms ("sent", "scheduled"): they describe, they do not ask for a write. */
  past?: boolean;
  /** A phrase led by a verb in its base form ("remove points", not "sending domain"): its verb. */
  leadVerb?: string;
  /** Less than 1 for context after a preposition. */
  weight: number;
}

/** What a request asks for, beyond its words: a write or a read, and of one item or of a collection. */
interface Intent {
  write: boolean;
  /** The request's own verbs (stemmed), as written. */
  verbs: Set<string>;
  one: boolean;
  many: boolean;
  batch: boolean;
}

/** An operation's kind, from its method and path: a read of a collection, a read of one item, or a write. */
interface Kind {
  read: boolean;
  /** A read of one item: its path ends with the item's id. */
  item: boolean;
  /** A read of a whole collection: no id in its path. */
  collection: boolean;
  /** A bulk variant of another operation. */
  batch: boolean;
  /** The first word of its name, stemmed: get, create, delete, send, ... */
  verb: string;
  /** The words of its name, stemmed, "get" aside (a read need not say it). */
  nameTerms: string[];
}

/** Words that open a request without saying what it is about. */
const POLITE = /^((hey|hi|hello|ok|okay|so|please|pls|quick question)\b[ ,:]*)*((can|could|would|will) you( please)?|i (need|want|would like|wanna|have) to|i'?d like to|help me|let'?s)?\s*/i;
/** A question is a read, whatever verbs follow ("which domains can I send from"); "how do I ..." is not one. */
const QUESTION = /^(what|whats|what's|which|who|whom|whose|where|when|is|are|was|were|did|does|do|has|have|any|how (many|much|did|does|is|are|well|often))\b/i;

/** "text a customer", "email the report to ...", "message someone on WhatsApp": a channel used as a verb, with its object. */
const CHANNEL_VERB = new RegExp(
  `^(${CHANNEL_VERBS.join('|')})( (${CHANNEL_VERBS.join('|')}))? (a|an|the|all|my|our|this|that|these|those|every|each|some|someone|somebody|everyone|everybody|him|her|them|me|us|customers?|contacts?|people|users?|\\S+@\\S+|\\+?\\d[\\d ]{5,})\\b`,
  'i',
);

/** Things written in a request, read as what they are: an address is a contact's email, a host name a domain. */
const ENTITIES: Array<[RegExp, string]> = [
  [/\bhttps?:\/\/\S+/gi, ' url '],
  [/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, ' email address '],
  [/\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|io|co|fr|de|uk|eu|es|it|nl|be|ch|info|biz|shop|app|dev)\b/gi, ' domain '],
  [/(^|\s)\+\d[\d ]{6,}\d\b/g, ' phone number '],
  // "a company called Initech", "a list named VIP": the name is not what to search for.
  [/\b(called|named|titled)\s+\S+/gi, ' '],
  // A quoted name ('Leads 2024', "VIP") names an object; its words are not what to search for.
  [/(^|\s)["'‘“][^"'‘’“”]{1,60}["'’”](?=\s|$|[.,;:!?])/g, ' '],
];

const stemSet = (list: string[]) => new Set(list.map((w) => term(w, true)!));
const WRITE_TERMS = stemSet(WRITE_WORDS);
const READ_TERMS = stemSet(READ_WORDS);
const MANY_TERMS = stemSet(MANY_WORDS);
const ONE_TERMS = stemSet(ONE_WORDS);

const kindOf = (e: ToolEntry): Kind => ({
  read: e.annotations.readOnlyHint,
  item: e.annotations.readOnlyHint && /\}$/.test(e.path),
  collection: e.annotations.readOnlyHint && !e.path.includes('{'),
  batch: /(^|_)batch(_|$)/.test(e.name) || /\b(at once|in bulk|in one call)\b/i.test(`${e.title} ${e.description}`),
  verb: term(e.name.split('_')[0]!, true)!,
  nameTerms: [...new Set(e.name.split('_').map((w) => term(w)).filter((t): t is string => t !== undefined && t !== 'get'))],
});

/** A plural noun ("templates", "ips"), which asks for a collection; not "status", "address" or "sms". */
const isPlural = (w: string) => w.length > 3 && w.endsWith('s') && !/(ss|us|is|sms)$/.test(w);

/** The entries one term matches, with their scores. */
interface TermScores {
  docs: Uint16Array;
  scores: Float64Array;
}

export class Index {
  private readonly search: MiniSearch<Doc>;
  private readonly entries: ToolEntry[];
  private readonly byName: Map<string, number>;
  /** Every term in the index, for reading a typo as the nearest known word. */
  private readonly indexed = new Set<string>();
  private readonly termCache = new Map<string, TermScores>();
  /** Typos already read: word → nearest known word, or null for none. */
  private readonly corrections = new Map<string, string | null>();
  private known: Map<string, string[]> | undefined;
  private readonly kinds: Kind[];
  /** Stems of the first word of every write operation's name: create, update, delete, send, import, ... */
  private readonly writeVerbs: Set<string>;
  /** Per entry, what a request must name for it to rank in full, and the weight otherwise. */
  private readonly named: Array<{ groups: Set<string>[]; weight: number } | undefined>;

  constructor(entries: ToolEntry[]) {
    this.entries = entries;
    this.byName = new Map(entries.map((e, i) => [e.name, i]));
    this.kinds = entries.map(kindOf);
    this.writeVerbs = new Set(entries.filter((e) => !e.annotations.readOnlyHint).map((e) => term(e.name.split('_')[0]!, true)!));
    const named = Object.fromEntries(
      Object.entries(NAMED_TOOLSETS).map(([toolset, { words: groups, weight }]) => [toolset, { groups: groups.map((g) => stemSet(g.split(' '))), weight }]),
    );
    this.named = entries.map((e) => named[e.toolset]);
    const indexed = this.indexed;
    this.search = new MiniSearch<Doc>({
      fields: ['name', 'title', 'keywords', 'toolset', 'description', 'inputs'],
      tokenize: words,
      processTerm: (w) => {
        const t = term(w);
        if (t) indexed.add(t);
        return t;
      },
    });
    this.search.addAll(
      entries.map((e, id) => ({
        id,
        name: e.name,
        title: e.title,
        keywords: (e.keywords ?? []).join(' '),
        toolset: `${e.toolset} ${TOOLSET_WORDS[e.toolset] ?? ''}`,
        description: e.description,
        inputs: inputWords(e.inputSchema),
      })),
    );
  }

  /** Scores of every document containing one term (exactly, or as a prefix of a longer word). */
  private termScores(t: string, fuzzy: boolean): TermScores {
    const key = fuzzy ? `~${t}` : t;
    let scores = this.termCache.get(key);
    if (!scores) {
      const results = this.search.search(t, {
        tokenize: (s) => [s],
        processTerm: (s) => s,
        boost: WEIGHTS.fields,
        prefix: t.length >= 4,
        fuzzy: fuzzy ? (t.length >= 8 ? 2 : t.length >= 4 ? 1 : false) : false,
        weights: { prefix: WEIGHTS.prefix, fuzzy: 0.45 },
      });
      scores = { docs: Uint16Array.from(results, (r) => r.id as number), scores: Float64Array.from(results, (r) => r.score) };
      if (this.termCache.size > 5000) this.termCache.clear();
      this.termCache.set(key, scores);
    }
    return scores;
  }

  /** The nearest word the index or the glossary knows, for a word neither knows. */
  private correct(t: string): string | undefined {
    if (t.length < 5 || /\d/.test(t)) return undefined;
    if (this.corrections.has(t)) return this.corrections.get(t) ?? undefined;
    const max = t.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    // Typos rarely touch the first letter (a swap of the first two aside): compare only those words.
    for (const k of [...(this.knownWords().get(t[0]!) ?? []), ...(this.knownWords().get(t[1]!) ?? [])]) {
      if (Math.abs(k.length - t.length) > max || (k[0] !== t[0] && k[1] !== t[0])) continue;
      const d = editDistance(t, k, max);
      if (d < bestDistance || (d === bestDistance && best !== undefined && k.length > best.length)) {
        best = k;
        bestDistance = d;
      }
    }
    if (this.corrections.size > 5000) this.corrections.clear();
    this.corrections.set(t, best ?? null);
    return best;
  }

  /** Every word worth reading a typo as (the index's terms and the glossary's, three letters or more), by first letter. */
  private knownWords(): Map<string, string[]> {
    if (!this.known) {
      this.known = new Map();
      for (const k of new Set([...this.indexed, ...vocabulary().known])) {
        if (k.length >= 3) this.known.set(k[0]!, [...(this.known.get(k[0]!) ?? []), k]);
      }
    }
    return this.known;
  }

  /** Reads a query as concepts: glossary phrases (longest first), else single words. */
  private concepts(query: string): { concepts: Concept[]; corrected: boolean; intent: Intent } {
    const vocab = vocabulary();
    let corrected = false;
    const seq: Array<{ t: string; stop: boolean; past: boolean; context: boolean; base: boolean }> = [];
    let context = false;
    const corrections = new Map<string, string>();
    const intent: Intent = { write: false, verbs: new Set(), one: false, many: false, batch: false };
    let text = query;
    for (const [pattern, name] of ENTITIES) text = text.replace(pattern, name);
    for (const w of words(text)) {
      // A number is an id or an amount: it says one item is meant, and is not searched for.
      if (/^\d+$/.test(w)) {
        intent.one = true;
        continue;
      }
      if (isPlural(w)) intent.many = true;
      const content = term(w);
      let t = content ?? term(w, true)!;
      if (content && !this.indexed.has(t) && !vocab.known.has(t)) {
        const fixed = this.correct(t);
        if (fixed) {
          corrections.set(t, fixed);
          t = fixed;
          corrected = true;
        }
      }
      // A past form or a plural noun describes ("sent", "credits"); it does not ask for a change.
      const describes = isPastForm(w) || isPlural(w);
      seq.push({ t, stop: !content, past: describes, context, base: !describes && !w.endsWith('ing') });
      if (PREPOSITIONS.has(w) && seq.some((s) => !s.stop)) context = true;
    }
    const concepts: Concept[] = [];
    let read = false;
    for (let i = 0; i < seq.length; ) {
      let matched = 0;
      for (let n = Math.min(vocab.longest, seq.length - i); n >= 1; n--) {
        const slice = seq.slice(i, i + n);
        const meanings = vocab.meanings.get(slice.map((s) => s.t).join(' '));
        if (!meanings) continue;
        const own = slice.filter((s) => !s.stop).map((s) => s.t);
        if (i === 0 && n === 1 && READ_TERMS.has(seq[0]!.t)) read = true;
        concepts.push({
          variants: [...(own.length ? [{ terms: own, weight: 1 }] : []), ...meanings.map((m) => ({ terms: m, weight: WEIGHTS.meaning }))],
          past: slice.every((s) => s.past || s.stop),
          weight: slice[0]!.context ? WEIGHTS.context : 1,
          ...(n > 1 && slice[0]!.base && !slice[0]!.stop ? { leadVerb: slice[0]!.t } : {}),
        });
        matched = n;
        break;
      }
      if (matched) {
        i += matched;
        continue;
      }
      const { t, stop, past } = seq[i]!;
      if (i === 0 && READ_TERMS.has(t)) read = true;
      // "all", "details": they say which kind of read, not what about.
      if (ONE_TERMS.has(t)) intent.one = true;
      else if (MANY_TERMS.has(t) && t !== 'list') intent.many = true;
      else if (!stop) concepts.push({ variants: [{ terms: [t], weight: 1 }], past, weight: seq[i]!.context ? WEIGHTS.context : 1 });
      i++;
    }
    // Typos corrected ("emial a customer" opens like "email a customer").
    const opening = query
      .trim()
      .replace(POLITE, '')
      .replace(/^\S+/, (w) => (corrections.get(term(w.toLowerCase(), true) ?? '') ?? w));
    if (QUESTION.test(opening)) read = true;
    if (CHANNEL_VERB.test(opening)) {
      concepts.push({ variants: [{ terms: ['send'], weight: 1 }], weight: 1 });
      intent.write = true;
    }
    for (const c of concepts) {
      const all = c.variants.flatMap((v) => v.terms);
      // A multi-word phrase's own words are not its verb ("sending domain" is not a send).
      const own = c.variants[0]!.weight === 1 && c.variants[0]!.terms.length === 1 ? c.variants[0]!.terms : c.leadVerb ? [c.leadVerb] : [];
      const meant = c.variants.filter((v) => v.weight < 1 || v.terms.length === 1).flatMap((v) => v.terms);
      if (!read && !c.past && (own.some((t) => WRITE_TERMS.has(t)) || meant.some((t) => this.writeVerbs.has(t) || WRITE_TERMS.has(t)))) {
        intent.write = true;
        for (const t of own) if (this.writeVerbs.has(t)) intent.verbs.add(t);
      }
      if (own.includes('list')) intent.many = true;
      // "companies created this week": a past form of an operation's verb filters; it does not name the operation.
      if (c.past && own.some((t) => this.writeVerbs.has(t))) c.weight *= WEIGHTS.pastVerb;
      if (all.includes('batch') || all.includes('bulk')) intent.batch = true;
    }
    return { concepts, corrected, intent };
  }

  /** Scores every entry (0: no match). Typed arrays, not maps: a search allocates little. */
  private score(concepts: Concept[], intent: Intent, fuzzy: boolean): Float64Array {
    const n = this.entries.length;
    const totals = new Float64Array(n);
    const matched = new Uint16Array(n);
    const best = new Float64Array(n);
    const sum = new Float64Array(n);
    const hits = new Uint8Array(n);
    const said = new Set(concepts.flatMap((c) => c.variants.flatMap((v) => v.terms)));
    const saidPrefixes = [...said].filter((t) => t.length >= 4);
    for (const concept of concepts) {
      best.fill(0);
      for (const variant of concept.variants) {
        sum.fill(0);
        hits.fill(0);
        for (const t of variant.terms) {
          const { docs, scores } = this.termScores(t, fuzzy);
          for (let k = 0; k < docs.length; k++) {
            sum[docs[k]!]! += scores[k]!;
            hits[docs[k]!]!++;
          }
        }
        // A phrase means all its words: "blocked contacts" is not any contact.
        const size = variant.terms.length;
        const scale = variant.weight / Math.sqrt(size);
        for (let doc = 0; doc < n; doc++) {
          const s = sum[doc]! * scale * (hits[doc]! / size) ** 2;
          if (s > best[doc]!) best[doc] = s;
        }
      }
      for (let doc = 0; doc < n; doc++) {
        if (best[doc]! === 0) continue;
        // A word in the name, the title and the description counts more than in one field, but
        // not three times as much: saturate across fields as BM25F does within one.
        const saturated = WEIGHTS.saturation ? best[doc]! / (1 + best[doc]! / WEIGHTS.saturation) : best[doc]!;
        totals[doc]! += saturated * concept.weight;
        matched[doc]!++;
      }
    }
    for (let doc = 0; doc < n; doc++) {
      if (totals[doc]! === 0) continue;
      // Like minisearch's own OR queries: an operation matching more of what was asked ranks higher.
      let score = totals[doc]! * (matched[doc]! / concepts.length) ** WEIGHTS.coverage;
      const kind = this.kinds[doc]!;
      if (!intent.write && kind.read) score *= WEIGHTS.read;
      if (intent.write && !kind.read) score *= WEIGHTS.write;
      if (intent.verbs.has(kind.verb)) score *= WEIGHTS.verb;
      if (kind.read && ((intent.one && kind.item) || (!intent.one && intent.many && kind.collection))) score *= WEIGHTS.shape;
      // The operation whose name the request explains best: "send a transactional email with a
      // template" is send_transac_email, not send_test_template, which also has a "test".
      if (kind.nameTerms.length) {
        const covered = kind.nameTerms.filter((t) => said.has(t) || saidPrefixes.some((p) => t.startsWith(p))).length;
        score *= 1 - WEIGHTS.name + (WEIGHTS.name * covered) / kind.nameTerms.length;
      }
      const named = this.named[doc];
      if (named && !named.groups.every((g) => [...g].some((t) => said.has(t)))) score *= named.weight;
      if (kind.batch && !intent.batch) score *= WEIGHTS.batchOnly;
      totals[doc] = score;
    }
    return totals;
  }

  rank(query: string): Ranking {
    const { concepts, corrected, intent } = this.concepts(query);
    let fuzzy = corrected;
    const none = new Float64Array(0);
    let scores = concepts.length ? this.score(concepts, intent, false) : none;
    if (!scores.some((s) => s > 0) && concepts.length) {
      scores = this.score(concepts, intent, true);
      fuzzy = true;
    }
    const hits: Hit[] = [];
    scores.forEach((score, id) => {
      if (score > 0) hits.push({ entry: this.entries[id]!, score });
    });
    hits.sort((a, b) => b.score - a.score);
    // A tool's exact name comes first, whatever else the query says.
    const exact = this.byName.get(query.trim());
    if (exact !== undefined) {
      const entry = this.entries[exact]!;
      const rest = hits.filter((h) => h.entry !== entry);
      return { hits: [{ entry, score: (rest[0]?.score ?? 0) + 1 }, ...rest], fuzzy: false };
    }
    return { hits, fuzzy };
  }
}
