// English's vocabulary (lang/en/vocabulary.txt), the glossary, compiled for matching: each phrase people use, as stems,
// with the catalog phrases it stands for.
import { englishVocabulary } from './english.js';
import { term, words } from './text.js';

/** A phrase as comparable terms. Stop words inside a phrase are kept ("opt in", "log in as"). */
export const phraseTerms = (phrase: string): string[] => words(phrase).map((w) => term(w, true)!);

export interface Vocabulary {
  /** Stemmed phrase (terms joined by a space) → the stemmed phrases it stands for. */
  readonly meanings: ReadonlyMap<string, string[][]>;
  /** The most terms any phrase has, for longest-match scanning. */
  readonly longest: number;
  /** Every term the glossary knows, for correcting typos. */
  readonly known: ReadonlySet<string>;
}

let compiled: Vocabulary | undefined;

export function vocabulary(): Vocabulary {
  if (compiled) return compiled;
  const meanings = new Map<string, string[][]>();
  const known = new Set<string>();
  let longest = 1;
  const add = (from: string[], to: string[][]) => {
    const key = from.join(' ');
    const list = meanings.get(key) ?? [];
    for (const t of to) if (t.join(' ') !== key && !list.some((x) => x.join(' ') === t.join(' '))) list.push(t);
    meanings.set(key, list);
    longest = Math.max(longest, from.length);
    for (const t of from) known.add(t);
  };
  for (const line of englishVocabulary()) {
    const says = line.says.map((p) => phraseTerms(p)).filter((p) => p.length);
    const means = line.means
      .split(',')
      .map((p) => phraseTerms(p))
      .filter((p) => p.length);
    for (const s of says) add(s, means);
    if (line.both) for (const m of means) add(m, [...says, ...means]);
  }
  compiled = { meanings, longest, known };
  return compiled;
}
