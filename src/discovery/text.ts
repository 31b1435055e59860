// Turns catalog text and queries into the same comparable terms: words split (camelCase, snake_case), British spellings
// made American, stop words dropped, Porter stems; English's word lists for it are data (lang/en/words.json).
import { stemmer } from 'stemmer';
import { alternation, wordClass, wordTable } from './english.js';

/** Words that say nothing about which operation is meant (words.json `stopWords`). */
const STOP_WORDS = new Set(wordClass('stopWords'));

/** Whether a lower-case word is an English stop word. */
export const isStopWord = (word: string) => STOP_WORDS.has(word);

/** Shorthand people type in a hurry ("ppl", "thru"), as the words they stand for (`shorthand`). */
const SHORTHAND = wordTable('shorthand');
/** Irregular past forms, so "sent" meets "send" and "paid" meets "pay" (`irregularPast`). */
const IRREGULAR_PAST = wordTable('irregularPast');
/** Past forms kept as they are: "left" is what remains as often as a departure (`keptPast`). */
const KEPT_PAST = new Set(wordClass('keptPast'));
/** Words the Porter stemmer would merge with others that mean something else here, as their terms (`unstemmed`). */
const UNSTEMMED = wordTable('unstemmed');

/** A past form ("sent", "deleted", "scheduled") describes what happened; it does not ask for it to be done. */
export const isPastForm = (word: string) =>
  IRREGULAR_PAST.has(word) || KEPT_PAST.has(word) || (word.length > 4 && word.endsWith('ed') && !word.endsWith('eed'));

/**
 * British → American spellings, so "organisation" and "organization" meet: whole words (`spellings`: "colours",
 * "cheques", "e-mail"), then two rules over word lists: -is- for -iz- after a stem of `britishIse` ("organis|ation"),
 * and the doubled l of `britishDoubledL` before -ed and -ing ("cancelled").
 */
const SPELLINGS = wordTable('spellings');
const SPELLING_RULES: Array<[RegExp, string]> = [
  [new RegExp(`^(${alternation(wordClass('britishIse'))})s(e|es|ed|ing|ation|ations|er|ers)$`), '$1z$2'],
  [new RegExp(`^(${alternation(wordClass('britishDoubledL'))})l(ed|ing)$`), '$1$2'],
];

function americanize(word: string): string {
  word = SHORTHAND.get(word) ?? word;
  const american = IRREGULAR_PAST.get(word) ?? SPELLINGS.get(word);
  if (american !== undefined) return american;
  for (const [pattern, replacement] of SPELLING_RULES)
    if (pattern.test(word)) return word.replace(pattern, replacement);
  return word;
}

/** Splits text into lower-case words: camelCase and snake_case apart, digits apart from letters. */
export function words(text: string): string[] {
  return (
    text
      // A plural acronym is one word: "URLs", "IPs", not "UR Ls", "I Ps".
      .replace(/\b([A-Z]{2,})s\b/g, '$1S')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .toLowerCase()
      .replace(/n[’']t\b/g, ' not')
      .replace(/[’']/g, '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
  );
}

const stems = new Map<string, string>();

/** The comparable form of one lower-case word, or undefined for a stop word. */
export function term(word: string, keepStopWords = false): string | undefined {
  if (!keepStopWords && STOP_WORDS.has(word)) return undefined;
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = UNSTEMMED.get(word) ?? stemmer(americanize(word));
    stems.set(word, stem);
  }
  return stem;
}

/** Every comparable term of a text, in order, stop words dropped. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = term(w);
    if (t) out.push(t);
  }
  return out;
}

/** Damerau-Levenshtein distance, giving up (returning max + 1) once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = max + 1;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
