// English as data (src/discovery/lang/en/): its word classes and word tables (words.json) and its vocabulary
// (vocabulary.txt), read when the engine is first loaded, never at start-up.
import { readFileSync } from 'node:fs';
import { LANGUAGE_DIR, parseVocabulary, type VocabularyLine } from './languages.js';

/** The classes of words.json, each `{ "description": ..., "words": [...] }`; the code reads them by these names. */
const WORD_CLASSES = [
  'stopWords',
  'britishIse',
  'britishDoubledL',
  'keptPast',
  'writeWords',
  'readWords',
  'catalogVerbs',
  'manyWords',
  'oneWords',
  'channelVerbs',
  'channelVerbObjects',
  'greetings',
  'verbOpeners',
  'questionOpeners',
  'questionWords',
  'yesNoOpeners',
  'prepositions',
  'instruments',
  'identifiers',
  'determiners',
  'subjects',
  'relatives',
  'pronounObjects',
  'particles',
  'negations',
  'purposes',
  'asides',
  'reporting',
  'existing',
  'messageNouns',
  'irregularPlurals',
  'capitalsKept',
  'adjectives',
  'verbLastVerbs',
] as const;

export type WordClassName = (typeof WORD_CLASSES)[number];

/**
 * The tables of words.json, each `{ "description": ..., "words": { "word": "the word it is read as", ... } }`; the code
 * reads them by these names.
 */
const WORD_TABLES = ['shorthand', 'irregularPast', 'spellings', 'unstemmed'] as const;

export type WordTableName = (typeof WORD_TABLES)[number];

/** English's word classes, as words.json holds them. */
export interface EnglishWords {
  classes: Record<WordClassName, string[]>;
  /** Words read as other words, as words.json writes them (plain objects). */
  tables: Record<WordTableName, ReadonlyMap<string, string>>;
  /** Toolsets ranked lower unless the request names them: per toolset, the groups of words to name, and the weight. */
  namedToolsets: Record<string, { words: string[]; weight: number }>;
  /** Words every operation of a toolset answers to, beside the toolset's name. */
  toolsetWords: Record<string, string>;
}

const WORDS_FILE = 'src/discovery/lang/en/words.json';
const VOCABULARY_FILE = 'src/discovery/lang/en/vocabulary.txt';

const isWord = (w: unknown) => typeof w === 'string' && w !== '' && w === w.trim();
const isWordList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every(isWord);
const isWordTable = (v: unknown): v is Record<string, string> =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  Object.keys(v).length > 0 &&
  Object.entries(v).every((e) => e.every(isWord));

/**
 * Reads words.json's text: every class the code names, each with a description and a list of words, every table, each
 * with a description and its words with what each is read as, the two toolset tables, nothing else. A missing, empty
 * or unknown class or table is an error naming the file and the class.
 */
export function parseWords(text: string, file = WORDS_FILE): EnglishWords {
  const data = JSON.parse(text) as Record<string, { description?: unknown; words?: unknown; toolsets?: unknown }>;
  const known = new Set<string>([...WORD_CLASSES, ...WORD_TABLES, 'namedToolsets', 'toolsetWords', '$comment']);
  const stray = Object.keys(data).filter((k) => !known.has(k));
  if (stray.length) throw new Error(`${file}: unknown class(es) ${stray.join(', ')}`);
  const entry = (name: string) => {
    const value = data[name];
    if (!value || typeof value.description !== 'string' || !value.description)
      throw new Error(`${file}: class "${name}" is missing or has no description`);
    return value;
  };
  const classes = {} as Record<WordClassName, string[]>;
  for (const name of WORD_CLASSES) {
    const { words } = entry(name);
    if (!isWordList(words)) throw new Error(`${file}: class "${name}" needs a non-empty list of words`);
    classes[name] = words;
  }
  const tables = {} as Record<WordTableName, ReadonlyMap<string, string>>;
  for (const name of WORD_TABLES) {
    const { words } = entry(name);
    if (!isWordTable(words))
      throw new Error(`${file}: table "${name}" needs its words, each with the word it is read as`);
    // A Map, not the object: a word such as "constructor" must not find Object.prototype's.
    tables[name] = new Map(Object.entries(words));
  }
  const toolsets = ['namedToolsets', 'toolsetWords'].map((name) => {
    const { toolsets } = entry(name);
    if (!toolsets || typeof toolsets !== 'object' || !Object.keys(toolsets).length)
      throw new Error(`${file}: "${name}" needs its toolsets`);
    return toolsets;
  });
  return {
    classes,
    tables,
    namedToolsets: toolsets[0] as EnglishWords['namedToolsets'],
    toolsetWords: toolsets[1] as EnglishWords['toolsetWords'],
  };
}

/** English's word classes, read with this module: it is loaded on the first search only. */
export const ENGLISH = parseWords(readFileSync(new URL('en/words.json', LANGUAGE_DIR), 'utf8'));

/** The words of one class of words.json. */
export const wordClass = (name: WordClassName): string[] => ENGLISH.classes[name];

/** One table of words.json: each word, and the word it is read as. */
export const wordTable = (name: WordTableName): ReadonlyMap<string, string> => ENGLISH.tables[name];

/** Words as one regex alternation, matched as written: `a|b c|d`. */
export const alternation = (words: string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** English's vocabulary lines (lang/en/vocabulary.txt), in order; `<=>` is allowed in English's only. */
export const englishVocabulary = (): VocabularyLine[] =>
  parseVocabulary(readFileSync(new URL('en/vocabulary.txt', LANGUAGE_DIR), 'utf8'), VOCABULARY_FILE, true);
