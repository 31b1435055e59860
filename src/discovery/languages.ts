// Requests in French, German, Spanish, Italian and Portuguese, read into the English words the engine ranks with; each
// language is data (src/discovery/lang/<code>/).
import { readdirSync, readFileSync } from 'node:fs';

/** One language's data, as src/discovery/lang/<code>/language.json holds it. */
interface LanguageFile {
  name: string;
  /** Words that say nothing about which operation is meant: articles, pronouns, auxiliaries. */
  stopWords: string[];
  /** Elided words written with an apostrophe before the next word ("d'", "l'", "qu'", "dell'"). */
  elisions: string[];
  /** Contracted words and what they contract ("du": "de le", "zum": "zu dem", "nella": "in la"). */
  contractions: Record<string, string>;
  /** Words whose accent tells them from another word (French "à" and "a", Spanish "qué" and "que"): not folded. */
  distinct?: string[];
  /**
   * Accented endings that tell a form apart (French participles "créé", "supprimés"; Spanish past "envió"): not folded.
   */
  distinctEndings?: string[];
  /** Pronouns written onto a verb's end (Spanish "envíame", Italian "mandami"): read without them when unknown. */
  clitics?: string[];
  /** Other spellings of a letter, tried when a word is unknown (German "oe" for "ö": "loeschen"). */
  spellings?: Array<[string, string]>;
  /** Endings dropped to compare a word with the vocabulary, longest tried first ("es", "s"). */
  endings: string[];
  /** Endings of a plural noun ("s", "x"; "i" in Italian). */
  plural: string[];
  /**
   * A word with a plural's ending is a plural even as the vocabulary writes it (French "contacts"; not German "Liste").
   */
  pluralAsWritten?: boolean;
  /** Compounds are written as one word ("Gutscheincodes"): split unknown words into known ones. */
  compounds?: boolean;
  /** Letters that join a compound's parts ("s" in "Kontaktsliste"). */
  linking?: string[];
  /** A clause's verb stands last ("Kontakt 5 löschen"): read it first, as English puts it. */
  verbLast?: boolean;
}

/** A language, compiled for reading. */
export interface Language {
  code: string;
  name: string;
  stop: ReadonlySet<string>;
  elisions: ReadonlySet<string>;
  contractions: ReadonlyMap<string, string[]>;
  distinct: ReadonlySet<string>;
  distinctEndings: string[];
  spellings: Array<[string, string]>;
  clitics: string[];
  endings: string[];
  plural: string[];
  pluralAsWritten: boolean;
  compounds: boolean;
  linking: string[];
  verbLast: boolean;
  /** A word or phrase exactly as written (folded) → its English. */
  exact: ReadonlyMap<string, string>;
  /** The same, by the stems of its words ("supprim" → delete). */
  stems: ReadonlyMap<string, string>;
  /** The most words any phrase has. */
  longest: number;
}

const MIN_STEM = 3;

/** Lower case, accents and ligatures folded: "Créé" and "cree" meet, "Grüße" and "grusse". */
export const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'");

/** A word without the longest of the language's endings that leaves a stem of three letters or more. */
export function stemOf(language: Pick<Language, 'endings'>, word: string): string {
  for (const ending of language.endings)
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  return word;
}

/** A written word, a quoted text, an address, a link, or one mark of punctuation. */
const TOKEN =
  /["“«„][^"”»“]{0,300}["”»“]|(?<=^|\s)'[^']{1,300}'(?=\s|$|[.,;:!?)])|https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)+|[\p{L}\p{N}_-]+(?:'(?=\p{L}))?|[^\s\p{L}\p{N}]/gu;

/** The words and marks of a text, in order, as written. */
export const tokens = (text: string): string[] => text.replace(/[’‘`´]/g, "'").match(TOKEN) ?? [];

/** A written word and nothing else: letters, digits aside (an id is kept as written). */
export const isWord = (token: string) => /^[\p{L}][\p{L}_'-]*$/u.test(token);

/**
 * The folded words one written word stands for, read the same way in requests and in vocabulary
 * lines: an elision dropped or cut from its apostrophe ("d'": nothing), a contraction opened
 * ("du": de le), a hyphenated word in its parts ("sous-compte": sous compte).
 */
export function wordsOf(
  language: Pick<Language, 'elisions' | 'contractions' | 'distinct' | 'distinctEndings'>,
  token: string,
): string[] {
  const written = token.toLowerCase().normalize('NFC');
  if (language.distinct.has(written) || language.distinctEndings.some((e) => written.endsWith(e))) return [written];
  const word = fold(token);
  if (word.endsWith("'")) return language.elisions.has(word.slice(0, -1)) ? [] : [word.slice(0, -1)];
  const opened = language.contractions.get(word);
  if (opened) return opened;
  return word.split('-').filter(Boolean);
}

/** One vocabulary line: the phrases people write, and what they mean. */
export interface VocabularyLine {
  says: string[];
  means: string;
  /** Written with `<=>` (English only): every phrase of the line is a name for every other. */
  both: boolean;
}

/**
 * Reads a vocabulary file: each line `what people write, ... => the English for it`, `#` comments.
 * An empty right side means the words say nothing ("est-ce que"). `<=>` (English's vocabulary only, `twoWay`) makes
 * every phrase of the line a name for every other. A line without one arrow, or without a phrase before it, is an
 * error naming the file and the line.
 */
export function parseVocabulary(text: string, file = 'vocabulary', twoWay = false): VocabularyLine[] {
  const out: VocabularyLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fail = (why: string) => new Error(`${file}:${i + 1}: ${why}: ${line}`);
    const arrows = line.match(/<?=>/g) ?? [];
    if (arrows.length !== 1) throw fail('a line needs one "=>"');
    const both = arrows[0] === '<=>';
    if (both && !twoWay) throw fail('"<=>" is for English\'s vocabulary only');
    const [left, right] = line.split(arrows[0]!) as [string, string];
    const says = left
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (!says.length) throw fail('no phrase before the arrow');
    out.push({ says, means: right.trim(), both });
  });
  return out;
}

/** Compiles one language from its files' text. */
export function compileLanguage(code: string, file: LanguageFile, vocabularyText: string): Language {
  const distinct = new Set((file.distinct ?? []).map((w) => w.toLowerCase().normalize('NFC')));
  const language = {
    code,
    name: file.name,
    stop: new Set(file.stopWords.map(fold)),
    elisions: new Set(file.elisions.map((e) => fold(e).replace(/'$/, ''))),
    contractions: new Map(
      Object.entries(file.contractions).map(([k, v]) => [
        fold(k),
        v.split(/\s+/).map((w) => (distinct.has(w) ? w : fold(w))),
      ]),
    ),
    distinct,
    distinctEndings: (file.distinctEndings ?? []).map((e) => e.normalize('NFC')),
    spellings: file.spellings ?? [],
    clitics: (file.clitics ?? []).map(fold).sort((a, b) => b.length - a.length),
    endings: [...file.endings].map(fold).sort((a, b) => b.length - a.length),
    plural: file.plural.map(fold),
    pluralAsWritten: file.pluralAsWritten ?? false,
    compounds: file.compounds ?? false,
    linking: file.linking ?? [],
    verbLast: file.verbLast ?? false,
    exact: new Map<string, string>(),
    stems: new Map<string, string>(),
    longest: 1,
  };
  for (const { says, means } of parseVocabulary(vocabularyText, `src/discovery/lang/${code}/vocabulary.txt`)) {
    for (const phrase of says) {
      const words = tokens(phrase)
        .filter(isWord)
        .flatMap((w) => wordsOf(language, w));
      if (!words.length) continue;
      // A form kept with its accents is also known without them ("societe"), unless that is another word.
      for (const form of [words, words.map(fold)]) {
        const key = form.join(' ');
        const stemKey = form.map((w) => stemOf(language, w)).join(' ');
        // The first line that names a form wins: base verbs come before their participles.
        if (!language.exact.has(key)) language.exact.set(key, means);
        if (!language.stems.has(stemKey)) language.stems.set(stemKey, means);
      }
      language.longest = Math.max(language.longest, words.length);
    }
  }
  return language;
}

let loaded: Language[] | undefined;

/** Where the languages' data lives: one folder per language, named by its ISO 639-1 code. */
export const LANGUAGE_DIR = new URL('../../src/discovery/lang/', import.meta.url);

/**
 * Every language's data but English's, read on the first search (never at start-up). English is the language the others
 * are read into: its folder (lang/en/) holds the engine's own words, read by english.ts.
 */
export function languages(): Language[] {
  if (!loaded) {
    const dir = LANGUAGE_DIR;
    const codes = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^[a-z]{2}$/.test(d.name) && d.name !== 'en')
      .map((d) => d.name)
      .sort();
    loaded = codes.map((code) =>
      compileLanguage(
        code,
        JSON.parse(readFileSync(new URL(`${code}/language.json`, dir), 'utf8')) as LanguageFile,
        readFileSync(new URL(`${code}/vocabulary.txt`, dir), 'utf8'),
      ),
    );
  }
  return loaded;
}
