// Detects a request's language and rewrites it in the English words the engine reads; ids, addresses, links, quoted
// text and punctuation are kept as written.
import { alternation, wordClass } from './english.js';
import { isPastForm, isStopWord } from './text.js';
import { fold, isWord, type Language, languages, stemOf, tokens, wordsOf } from './languages.js';

/** What the English reading knows of a word (its stop words, its glossary, the catalog's terms). */
export type EnglishKnows = (word: string) => boolean;

/** A request's words after elisions and contractions: a folded word to look up, or a token kept as written. */
type Item = { word: string; token?: string } | { kept: string };

/**
 * English adjectives by their endings ("transactional", "dedicated") or as words.json lists them (`adjectives`: "new",
 * "gold"): a French plural adjective stays one.
 */
const ADJECTIVE = new RegExp(`(al|ic|ive|ous|ful|able|ible|less|ed|ing)$|^(${alternation(wordClass('adjectives'))})$`);

/** Words that say which kind of read ("all", "details"): never made plural. */
const SHAPE = new Set([...wordClass('manyWords'), ...wordClass('oneWords')].filter((w) => w !== 'list'));

/**
 * Verbs a clause may end with in a verb-last language, read first: the English reading looks for its verb there (the
 * words asking for a change or a read, and `verbLastVerbs`).
 */
const VERBS = new Set([...wordClass('writeWords'), ...wordClass('readWords'), ...wordClass('verbLastVerbs')]);
/** Verbs of a change, never made plural ("list" is also a noun: "listes" are lists). */
const CHANGES = new Set(wordClass('writeWords'));

/** One word's English in a language: as written, else by its stem; undefined when unknown. */
function lookupWord(language: Language, word: string, clitics = true): string | undefined {
  const means = language.exact.get(word) ?? language.stems.get(stemOf(language, word));
  if (means !== undefined) return means;
  if (!clitics) return undefined;
  const clitic = language.clitics.find((c) => word.endsWith(c) && word.length - c.length >= 3);
  if (clitic) return lookupWord(language, word.slice(0, -clitic.length), false);
  const respelled = language.spellings.reduce((w, [from, to]) => w.replaceAll(from, to), word);
  return respelled !== word ? lookupWord(language, respelled, false) : undefined;
}

/**
 * A word's English, in the plural when the word is a known word with a plural's ending ("contacts",
 * "Kampagnen") and its English is one noun: a plural asks for a collection. Where those endings also
 * end singulars (German "Liste"), a word the vocabulary writes as it is written stays as it is.
 */
function lookupNumbered(language: Language, word: string): string | undefined {
  const exact = language.exact.get(word);
  const means = exact ?? language.stems.get(stemOf(language, word)) ?? lookupWord(language, word);
  if (!means || /s$/.test(means) || !/^[a-z-]+$/.test(means) || CHANGES.has(means) || ADJECTIVE.test(means))
    return means;
  if ((exact !== undefined && !language.pluralAsWritten) || isStopWord(means) || isPastForm(means) || SHAPE.has(means))
    return means;
  const plural = language.plural.some(
    (ending) =>
      word.endsWith(ending) &&
      word.length >= ending.length + 4 &&
      lookupWord(language, word.slice(0, -ending.length)) === means,
  );
  return plural ? pluralOf(means) : means;
}

const pluralOf = (noun: string) =>
  /(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun.replace(/([^aeiou])y$/, '$1ie')}s`;

/** A compound read as known parts, longest head first ("gutscheincodes": gutschein + codes), or undefined. */
function splitCompound(language: Language, word: string, depth = 0): string[] | undefined {
  if (depth > 3 || word.length < 6) return undefined;
  for (let cut = word.length - 3; cut >= 3; cut--) {
    const tail = word.slice(cut);
    const tailMeans = lookupWord(language, tail) ?? splitCompound(language, tail, depth + 1)?.join(' ');
    if (tailMeans === undefined) continue;
    const head = word.slice(0, cut);
    for (const joint of ['', ...language.linking]) {
      if (joint && !head.endsWith(joint)) continue;
      const bare = joint ? head.slice(0, -joint.length) : head;
      if (bare.length < 3) continue;
      const headMeans = lookupWord(language, bare);
      if (headMeans !== undefined) return [headMeans, tailMeans];
    }
  }
  return undefined;
}

/** The request's tokens as items: elisions dropped ("d'email": email), contractions opened ("du": de le). */
function itemsOf(query: string, language: Language): Item[] {
  const items: Item[] = [];
  for (const token of tokens(query)) {
    if (!isWord(token)) items.push({ kept: token });
    else {
      const words = wordsOf(language, token);
      // A word opened into several ("alle": a le) keeps the word as written, for telling languages apart.
      for (const word of words) items.push(words.length > 1 ? { word, token: fold(token) } : { word });
    }
  }
  return items;
}

/** Whether a language knows a word at all: a stop word, an elision, a contraction or a vocabulary word. */
const knows = (language: Language, word: string) =>
  language.stop.has(word) ||
  language.elisions.has(word) ||
  language.contractions.has(word) ||
  lookupWord(language, word) !== undefined;

/**
 * How much of a request one language knows that English does not, how much English alone knows, and how much the
 * language knows at all.
 */
function languageScore(query: string, language: Language, englishKnows: EnglishKnows) {
  const items = itemsOf(query, language);
  // Words inside one of the language's phrases are its own ("double opt-in" in "crear contacto doble opt-in").
  const covered = new Uint8Array(items.length);
  for (let at = 0; at < items.length; at++) {
    const phrase = phraseAt(items, at, language);
    if (phrase) covered.fill(1, at, at + phrase.size);
  }
  let score = 0;
  let onlyEnglish = 0;
  let total = 0;
  items.forEach((item, i) => {
    // A single letter tells no language: English "client's" would read as French "s'".
    if (!('word' in item) || item.word.length < 2) return;
    const known = covered[i] === 1 || knows(language, item.word);
    const english = englishKnows(item.word) || (item.token !== undefined && englishKnows(item.token));
    if (known) total++;
    // A stop word counts twice: little words tell a language best.
    if (known && !english) score += language.stop.has(item.word) ? 2 : 1;
    if (!known && english) onlyEnglish += isStopWord(item.word) ? 2 : 1;
  });
  return { score, onlyEnglish, total };
}

/**
 * The request's language: the one knowing the most of its words that English does not, when those
 * weigh at least as much as the words only English knows (and are more than one word). English
 * (undefined) otherwise.
 */
export function detectLanguage(
  query: string,
  englishKnows: EnglishKnows,
  candidates = languages(),
): Language | undefined {
  let best: { language: Language; score: number; total: number; onlyEnglish: number } | undefined;
  for (const language of candidates) {
    const scored = languageScore(query, language, englishKnows);
    if (scored.score > (best?.score ?? 0) || (best && scored.score === best.score && scored.total > best.total))
      best = { language, ...scored };
  }
  if (!best) return undefined;
  return best.score > best.onlyEnglish || (best.score >= 2 && best.score === best.onlyEnglish)
    ? best.language
    : undefined;
}

/** The English of the phrase starting at items[at], longest first, and how many items it takes. */
function phraseAt(items: Item[], at: number, language: Language): { means: string; size: number } | undefined {
  for (let size = Math.min(language.longest, items.length - at); size >= 2; size--) {
    const words = items.slice(at, at + size).map((item) => ('word' in item ? item.word : undefined));
    if (words.some((w) => w === undefined)) continue;
    const means =
      language.exact.get(words.join(' ')) ?? language.stems.get(words.map((w) => stemOf(language, w!)).join(' '));
    if (means !== undefined) return { means, size };
  }
  return undefined;
}

/** One word's English: its own language's, a compound's parts', another language's, or the word as written. */
function wordMeans(word: string, language: Language, others: Language[]): string {
  if (language.stop.has(word)) return '';
  const own =
    lookupNumbered(language, word) ?? (language.compounds ? splitCompound(language, word)?.join(' ') : undefined);
  if (own !== undefined) return own;
  // Another language's word as written, never by its stem: a stem of one language is often another's word.
  for (const other of others) {
    const means = other.exact.get(word);
    if (means !== undefined && !other.stop.has(word)) return means;
  }
  return word;
}

/** Moves a clause's last word to its front when it is a verb (German: "Kontakt 5 löschen" → "delete contact 5"). */
function verbFirst(clause: string[]): string[] {
  const last = clause.length - 1;
  if (last < 1 || !VERBS.has(clause[last]!.split(' ')[0]!)) return clause;
  return [clause[last]!, ...clause.slice(0, last)];
}

const AMOUNT = /\b\d+(?:[.,]\d+)?\s?(?:[€$£]|(?:eur|euros?)\b)/gi;

/** Marks that end a clause; brackets do not ("Liste 'X' (ID 31) löschen" is one clause). */
const CLAUSE_MARK = /^[,;:.!?]$/;

/** The request in English words, read with a language's data. */
export function toEnglish(query: string, language: Language, others: Language[] = []): string {
  // An amount written with its currency after it ("50 €", "50 EUR") says how much, not which item.
  const items = itemsOf(query.replace(AMOUNT, ' '), language);
  const clauses: string[][] = [[]];
  for (let at = 0; at < items.length; ) {
    const item = items[at]!;
    const phrase = phraseAt(items, at, language);
    const means = phrase ? phrase.means : 'word' in item ? wordMeans(item.word, language, others) : item.kept;
    at += phrase?.size ?? 1;
    // Spanish opens a question or an exclamation with a mark of its own; English reads the end only.
    if ('kept' in item && /^[¿¡]$/.test(item.kept)) continue;
    if ('kept' in item && !phrase && CLAUSE_MARK.test(item.kept)) {
      clauses.push([item.kept], []);
      continue;
    }
    if (means) clauses[clauses.length - 1]!.push(means);
  }
  return clauses
    .flatMap((clause) => (language.verbLast && !CLAUSE_MARK.test(clause[0] ?? '') ? verbFirst(clause) : clause))
    .join(' ')
    .replace(/ ([,;:.!?)])/g, '$1')
    .replace(/\( /g, '(');
}

/** A request in any of the languages, in the engine's English words; English requests unchanged. */
export function readLanguage(query: string, englishKnows: EnglishKnows): { text: string; language: string } {
  const all = languages();
  const language = detectLanguage(query, englishKnows, all);
  if (!language) return { text: query, language: 'en' };
  return {
    text: toEnglish(
      query,
      language,
      all.filter((l) => l !== language),
    ),
    language: language.code,
  };
}
