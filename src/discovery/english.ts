// English as data (src/discovery/lang/en/): its vocabulary (vocabulary.txt), read on the first search, never at
// start-up.
import { readFileSync } from 'node:fs';
import { LANGUAGE_DIR, parseVocabulary, type VocabularyLine } from './languages.js';

const VOCABULARY_FILE = 'src/discovery/lang/en/vocabulary.txt';

/** English's vocabulary lines (lang/en/vocabulary.txt), in order; `<=>` is allowed in English's only. */
export const englishVocabulary = (): VocabularyLine[] =>
  parseVocabulary(readFileSync(new URL('en/vocabulary.txt', LANGUAGE_DIR), 'utf8'), VOCABULARY_FILE, true);
