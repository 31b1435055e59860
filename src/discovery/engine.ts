// The ranking: a BM25+ index (minisearch) over each operation's name, title, keywords, toolset, description and inputs, queried concept by concept with the glossary's expansions.
import MiniSearch from 'minisearch';
import type { ToolEntry } from '../tools/manifest.js';
import { TOOLSET_WORDS } from './glossary.js';
import { editDistance, term, words } from './text.js';
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

/** How much each field counts; the name and the curated words beside it count most. */
const BOOST = { name: 3, title: 2, keywords: 2, toolset: 1.2, description: 1, inputs: 0.4 };
/** A glossary meaning counts a little less than the word the person used. */
const MEANING_WEIGHT = 0.85;
/** Prefix matches ("attrib" → attribute) count this much of an exact match (minisearch's default). */
const PREFIX_WEIGHT = 0.375;

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
}

export class Index {
  private readonly search: MiniSearch<Doc>;
  private readonly entries: ToolEntry[];
  private readonly byName: Map<string, number>;
  /** Every term in the index, for reading a typo as the nearest known word. */
  private readonly indexed = new Set<string>();
  private readonly termCache = new Map<string, Map<number, number>>();

  constructor(entries: ToolEntry[]) {
    this.entries = entries;
    this.byName = new Map(entries.map((e, i) => [e.name, i]));
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
  private termScores(t: string, fuzzy: boolean): Map<number, number> {
    const key = fuzzy ? `~${t}` : t;
    let scores = this.termCache.get(key);
    if (!scores) {
      scores = new Map();
      const results = this.search.search(t, {
        tokenize: (s) => [s],
        processTerm: (s) => s,
        boost: BOOST,
        prefix: t.length >= 4,
        fuzzy: fuzzy ? (t.length >= 8 ? 2 : t.length >= 4 ? 1 : false) : false,
        weights: { prefix: PREFIX_WEIGHT, fuzzy: 0.45 },
      });
      for (const r of results) scores.set(r.id as number, r.score);
      if (this.termCache.size > 5000) this.termCache.clear();
      this.termCache.set(key, scores);
    }
    return scores;
  }

  /** The nearest word the index or the glossary knows, for a word neither knows. */
  private correct(t: string): string | undefined {
    if (t.length < 4 || /\d/.test(t)) return undefined;
    const max = t.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const known of [this.indexed, vocabulary().known]) {
      for (const k of known) {
        if (k.length < 3) continue;
        const d = editDistance(t, k, max);
        if (d < bestDistance || (d === bestDistance && best !== undefined && k.length > best.length)) {
          best = k;
          bestDistance = d;
        }
      }
    }
    return best;
  }

  /** Reads a query as concepts: glossary phrases (longest first), else single words. */
  private concepts(query: string): { concepts: Concept[]; corrected: boolean } {
    const vocab = vocabulary();
    let corrected = false;
    const seq: Array<{ t: string; stop: boolean }> = [];
    for (const w of words(query)) {
      const content = term(w);
      let t = content ?? term(w, true)!;
      if (content && !this.indexed.has(t) && !vocab.known.has(t)) {
        const fixed = this.correct(t);
        if (fixed) {
          t = fixed;
          corrected = true;
        }
      }
      seq.push({ t, stop: !content });
    }
    const concepts: Concept[] = [];
    for (let i = 0; i < seq.length; ) {
      let matched = 0;
      for (let n = Math.min(vocab.longest, seq.length - i); n >= 1; n--) {
        const slice = seq.slice(i, i + n);
        const meanings = vocab.meanings.get(slice.map((s) => s.t).join(' '));
        if (!meanings) continue;
        const own = slice.filter((s) => !s.stop).map((s) => s.t);
        concepts.push({
          variants: [...(own.length ? [{ terms: own, weight: 1 }] : []), ...meanings.map((m) => ({ terms: m, weight: MEANING_WEIGHT }))],
        });
        matched = n;
        break;
      }
      if (matched) {
        i += matched;
        continue;
      }
      if (!seq[i]!.stop) concepts.push({ variants: [{ terms: [seq[i]!.t], weight: 1 }] });
      i++;
    }
    return { concepts, corrected };
  }

  private score(concepts: Concept[], fuzzy: boolean): Map<number, number> {
    const totals = new Map<number, number>();
    const matchedConcepts = new Map<number, number>();
    for (const concept of concepts) {
      const best = new Map<number, number>();
      for (const variant of concept.variants) {
        const sum = new Map<number, number>();
        for (const t of variant.terms) for (const [doc, s] of this.termScores(t, fuzzy)) sum.set(doc, (sum.get(doc) ?? 0) + s);
        const scale = variant.weight / Math.sqrt(variant.terms.length);
        for (const [doc, s] of sum) if (s * scale > (best.get(doc) ?? 0)) best.set(doc, s * scale);
      }
      for (const [doc, s] of best) {
        totals.set(doc, (totals.get(doc) ?? 0) + s);
        matchedConcepts.set(doc, (matchedConcepts.get(doc) ?? 0) + 1);
      }
    }
    // Like minisearch's own OR queries: an operation matching more of what was asked ranks higher.
    for (const [doc, s] of totals) totals.set(doc, s * (matchedConcepts.get(doc)! / concepts.length));
    return totals;
  }

  rank(query: string): Ranking {
    const { concepts, corrected } = this.concepts(query);
    let fuzzy = corrected;
    let scores = concepts.length ? this.score(concepts, false) : new Map<number, number>();
    if (scores.size === 0 && concepts.length) {
      scores = this.score(concepts, true);
      fuzzy = true;
    }
    const hits = [...scores].map(([id, score]) => ({ entry: this.entries[id]!, score })).sort((a, b) => b.score - a.score);
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
