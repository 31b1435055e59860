// The ranking: a BM25+ index (minisearch) over each operation's name, title, keywords, toolset, description and inputs,
// queried concept by concept with the glossary's expansions.
import MiniSearch from 'minisearch';
import type { ToolEntry } from '../tools/manifest.js';
import { ENGLISH } from './english.js';
import { QUESTION_WORDS, stemSet } from './phrasing.js';
import { type Concept, type Intent, type Lexicon, readRequest } from './request.js';
import { editDistance, isStopWord, term, words } from './text.js';
import { readLanguage } from './translate.js';
import { fuzzyReach } from '../search-bounds.js';
import { vocabulary } from './vocabulary.js';
import { WEIGHTS } from './weights.js';

export { WEIGHTS };

export interface Hit {
  entry: ToolEntry;
  score: number;
}

export interface Ranking {
  /** Hits, best first, every entry that matched at all. */
  hits: Hit[];
  /**
   * Some query word was not known and was read as the nearest known word, or nothing matched without typo tolerance.
   */
  fuzzy: boolean;
}

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
      if (Array.isArray(child)) for (const c of child) visit(c, depth + 1);
      else visit(child, depth + 1);
    }
  };
  visit(schema, 0);
  return out.join(' ');
}

/** An operation's kind, from its method and path: a read of a collection, a read of one item, or a write. */
interface Kind {
  read: boolean;
  /** A read of one item: its path ends with the item's id. */
  item: boolean;
  /** A read of a whole collection ("List ..."). */
  collection: boolean;
  /** A collection under one owner, whose id is in its path: a list's contacts, a program's rewards. */
  nested: boolean;
  /** That owner's kind, from the path ("folder" for /contacts/folders/{folderId}/lists). */
  owner?: string;
  /** A bulk variant of another operation. */
  batch: boolean;
  /** The first word of its name, stemmed: get, create, delete, send, ... */
  verb: string;
  /** The words of its name, stemmed, "get" aside (a read need not say it). */
  nameTerms: string[];
}

/** A read whose title lists ("List rewards"), under a parent or not: /loyalty/.../{pid}/offers is a collection. */
const isCollection = (e: ToolEntry) => e.annotations.readOnlyHint && /^List\b/.test(e.title);

/** The verb an operation's name starts with, an adverb aside (partially_update_... is an update). */
const opVerb = (name: string) => term(name.replace(/^partially_/, '').split('_')[0]!, true)!;

const kindOf = (e: ToolEntry): Kind => ({
  // An export writes a file but answers a question ("who opened campaign 9"): it counts as a read.
  read: e.annotations.readOnlyHint || /(^|_)export(_|$)/.test(e.name),
  // A read of one thing named by an id: a deal, a contact's stats, a user's permissions.
  item: e.annotations.readOnlyHint && !isCollection(e) && e.path.includes('{'),
  collection: isCollection(e),
  nested: isCollection(e) && e.path.includes('{'),
  owner: isCollection(e)
    ? term(
        e.path
          .match(/([a-z-]+)\/\{[^}]+\}\/[^{]*$/i)?.[1]
          ?.split('-')
          .pop()
          ?.replace(/^children$/, 'child') ?? '',
        true,
      )
    : undefined,
  // "personalised copies in one call" (send_transac_email) is an option of one send, not a bulk variant.
  batch: /(^|_)batch(_|$)/.test(e.name) || /\b(at once|in bulk)\b/i.test(`${e.title} ${e.description}`),
  verb: opVerb(e.name),
  nameTerms: [
    ...new Set(
      e.name
        .split('_')
        .map((w) => term(w))
        .filter((t): t is string => t !== undefined && t !== 'get'),
    ),
  ],
});

/** The entries one term matches, with their scores. */
interface TermScores {
  docs: Uint16Array;
  scores: Float64Array;
}

const NO_SCORES: TermScores = { docs: new Uint16Array(0), scores: new Float64Array(0) };

/** Where an instrument ("using template 12") is looked for: what an operation takes and says it does, not its name. */
const INPUT_FIELDS = ['keywords', 'description', 'inputs'];

export class Index {
  private readonly search: MiniSearch<Doc>;
  private readonly entries: ToolEntry[];
  private readonly byName: Map<string, number>;
  /** Every term in the index, for reading a typo as the nearest known word. */
  private readonly indexed = new Set<string>();
  private readonly termCache = new Map<string, TermScores>();
  /** Every term a search can match: the index's terms and their beginnings of four letters or more. */
  private readonly matchable = new Set<string>();
  /** Typos already read: word → nearest known word, or null for none. */
  private readonly corrections = new Map<string, string | null>();
  private known: Map<string, string[]> | undefined;
  private readonly kinds: Kind[];
  /** Stems of the first word of every write operation's name: create, update, delete, send, import, ... */
  private readonly writeVerbs: Set<string>;
  /** Per entry, what a request must name for it to rank in full, and the weight otherwise. */
  private readonly named: Array<{ groups: Set<string>[]; weight: number } | undefined>;
  /** What reading a request needs of this index. */
  private readonly lexicon: Lexicon;

  constructor(entries: ToolEntry[]) {
    this.entries = entries;
    this.byName = new Map(entries.map((e, i) => [e.name, i]));
    this.kinds = entries.map(kindOf);
    this.writeVerbs = new Set(entries.filter((_e, i) => !this.kinds[i]!.read).map((e) => opVerb(e.name)));
    this.lexicon = { indexed: this.indexed, correct: (t) => this.correct(t), writeVerbs: this.writeVerbs };
    const named = Object.fromEntries(
      Object.entries(ENGLISH.namedToolsets).map(([toolset, { words: groups, weight }]) => [
        toolset,
        { groups: groups.map((g) => stemSet(g.split(' '))), weight },
      ]),
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
        toolset: `${e.toolset} ${ENGLISH.toolsetWords[e.toolset] ?? ''}`,
        description: e.description,
        inputs: inputWords(e.inputSchema),
      })),
    );
    // A term matches exactly or as the start (four letters or more) of a longer one; any other term matches nothing.
    for (const k of this.indexed) for (let n = 4; n < k.length; n++) this.matchable.add(k.slice(0, n));
    for (const k of this.indexed) this.matchable.add(k);
  }

  /**
   * Scores of every document containing one term (exactly, or as a prefix of a longer word); an instrument's only in
   * what operations take.
   */
  private termScores(t: string, fuzzy: boolean, instrument = false): TermScores {
    // Most of a glossary line's words are not the catalog's ("scrap", "ditch" for delete): no need to ask the index.
    if (!fuzzy && !this.matchable.has(t)) return NO_SCORES;
    const key = `${fuzzy ? '~' : ''}${instrument ? '>' : ''}${t}`;
    let scores = this.termCache.get(key);
    if (!scores) {
      const results = this.search.search(t, {
        tokenize: (s) => [s],
        processTerm: (s) => s,
        boost: WEIGHTS.fields,
        ...(instrument ? { fields: INPUT_FIELDS } : {}),
        prefix: t.length >= 4,
        fuzzy: fuzzy ? fuzzyReach(t) : false,
        weights: { prefix: WEIGHTS.prefix, fuzzy: 0.45 },
      });
      scores = {
        docs: Uint16Array.from(results, (r) => r.id as number),
        scores: Float64Array.from(results, (r) => r.score),
      };
      if (this.termCache.size > 5000) this.termCache.clear();
      this.termCache.set(key, scores);
    }
    return scores;
  }

  /** The nearest word the index or the glossary knows, for a word neither knows. */
  private correct(t: string): string | undefined {
    // A short word is too easily some other word; only a question's opening is read through ("wich", "waht").
    if (t.length < 5) return t.length >= 3 ? QUESTION_WORDS.find((q) => editDistance(t, q, 1) <= 1) : undefined;
    if (/\d/.test(t) || fuzzyReach(t) === false) return undefined;
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

  /**
   * Every word worth reading a typo as (the index's terms and the glossary's, three letters or more), by first letter.
   */
  private knownWords(): Map<string, string[]> {
    if (!this.known) {
      this.known = new Map();
      for (const k of new Set([...this.indexed, ...vocabulary().known, ...QUESTION_WORDS])) {
        if (k.length >= 3) this.known.set(k[0]!, [...(this.known.get(k[0]!) ?? []), k]);
      }
    }
    return this.known;
  }

  /** Scores every entry (0: no match). Typed arrays, not maps: a search allocates little. */
  private score(concepts: Concept[], intent: Intent, fuzzy: boolean): Float64Array {
    const n = this.entries.length;
    const totals = new Float64Array(n);
    const matched = new Uint16Array(n);
    const best = new Float64Array(n);
    const sum = new Float64Array(n);
    const hits = new Uint8Array(n);
    // An instrument's words do not name the operation ("using template 12" is no template operation).
    const said = new Set(concepts.filter((c) => !c.instrument).flatMap((c) => c.variants.flatMap((v) => v.terms)));
    const saidPrefixes = [...said].filter((t) => t.length >= 4);
    // Words said as context ("for our lists") name an operation less surely than the thing asked for.
    const headSaid = new Set(
      concepts.filter((c) => !c.instrument && c.weight >= 1).flatMap((c) => c.variants.flatMap((v) => v.terms)),
    );
    for (const concept of concepts) {
      best.fill(0);
      for (const variant of concept.variants) {
        sum.fill(0);
        hits.fill(0);
        for (const t of variant.terms) {
          const { docs, scores } = this.termScores(t, fuzzy, concept.instrument);
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
      score *= this.kindFactor(doc, intent, said, saidPrefixes, headSaid);
      totals[doc] = score;
    }
    return totals;
  }

  /**
   * How much an entry's kind agrees with what the request asks for: a read or a change, one item or a collection, its
   * verb, its name's words.
   */
  private kindFactor(
    doc: number,
    intent: Intent,
    said: ReadonlySet<string>,
    saidPrefixes: string[],
    headSaid: ReadonlySet<string>,
  ): number {
    let score = 1;
    const kind = this.kinds[doc]!;
    if (!intent.write && kind.read) score *= intent.question ? WEIGHTS.question : WEIGHTS.read;
    if (intent.write && !kind.read) score *= WEIGHTS.write;
    if (intent.yesNo && !kind.read) score *= WEIGHTS.yesNoWrite;
    if (intent.verbs.has(kind.verb)) score *= WEIGHTS.verb;
    if (kind.read) {
      // A collection asked for: any collection, or with an owner's id ("notes of contact 12") one under an owner.
      // The owner's own collection ("groups" for "sub-accounts in group 2") is not what is asked for.
      const many =
        !intent.one &&
        intent.many &&
        (!intent.ownerId || kind.nested || !kind.nameTerms.some((t) => intent.owner?.includes(t)));
      if ((intent.one && kind.item) || (many && kind.collection)) score *= WEIGHTS.shape;
      // One item asked for and a collection offered, or the other way round.
      else if ((intent.one && kind.collection) || (many && !intent.ownerId && kind.item))
        score *= WEIGHTS.shapeMismatch;
      // The owners asked for, not what one of them holds: "what folders do we have for our lists" is no folder's lists.
      if (many && kind.nested && !intent.ownerId && kind.owner && intent.head?.includes(kind.owner))
        score *= WEIGHTS.shapeMismatch / WEIGHTS.shape;
    }
    // The operation whose name the request explains best: "send a transactional email with a
    // template" is send_transac_email, not send_test_template, which also has a "test".
    if (kind.nameTerms.length) {
      const covered = kind.nameTerms.reduce(
        (n, t) =>
          n +
          (headSaid.has(t) ? 1 : said.has(t) || saidPrefixes.some((p) => t.startsWith(p)) ? WEIGHTS.contextName : 0),
        0,
      );
      score *= 1 - WEIGHTS.name + (WEIGHTS.name * covered) / kind.nameTerms.length;
    }
    const named = this.named[doc];
    if (named && !named.groups.every((g) => [...g].some((t) => said.has(t)))) score *= named.weight;
    if (kind.batch && !intent.batch) score *= WEIGHTS.batchOnly;
    return score;
  }

  /** Whether the English reading knows a word: a stop word, a glossary word or a catalog term. */
  private readonly englishKnows = (word: string) => {
    if (isStopWord(word)) return true;
    const t = term(word, true);
    // A catalog term of one or two letters ("de" from a locale) is no sign of English.
    return t !== undefined && ((t.length > 2 && this.indexed.has(t)) || vocabulary().known.has(t));
  };

  rank(query: string): Ranking {
    // A request in another language is read in the English words its language's data gives.
    const { text } = readLanguage(query, this.englishKnows);
    const { concepts, corrected, intent } = readRequest(text, this.lexicon);
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
