// English as data (lang/en/): every word class and table there and non-empty, the tokenizer's lists doing what they
// say, the vocabulary read without a malformed line, and a malformed file refused by its name and the line or class at
// fault.
import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../tools/manifest.js';
import { ENGLISH, englishVocabulary, parseWords } from './english.js';
import { languages, parseVocabulary } from './languages.js';
import { isPastForm, isStopWord, term, terms } from './text.js';
import { toEnglish } from './translate.js';

const WORDS = readFileSync(new URL('./lang/en/words.json', import.meta.url), 'utf8');
const toolsets = new Set(readManifest().map((e) => e.toolset));

describe('English as data', () => {
  it('has every word class and table the engine reads, each described and non-empty', () => {
    const data = JSON.parse(WORDS) as Record<string, { description: string }>;
    for (const [name, words] of [...Object.entries(ENGLISH.classes), ...Object.entries(ENGLISH.tables)]) {
      expect(words instanceof Map ? words.size : words.length, name).toBeGreaterThan(0);
      expect(data[name]!.description.length, name).toBeGreaterThan(20);
    }
    // A when-clause is one of the clauses saying why, and is then not searched at all.
    for (const w of ENGLISH.classes.asides) expect(ENGLISH.classes.purposes).toContain(w);
  });

  it('drops its stop words, once each, and keeps the words that say something', () => {
    const { stopWords } = ENGLISH.classes;
    expect(new Set(stopWords).size).toBe(stopWords.length);
    for (const w of stopWords) expect(w, w).toMatch(/^[a-z]+$/);
    for (const w of ['all', 'one', 'new', 'not', 'send', 'contact', 'list']) expect(isStopWord(w), w).toBe(false);
    expect(terms('please can you show me all the lists')).toEqual(['show', 'all', 'list']);
  });

  it('reads shorthand as its word, an irregular past as its verb, and keeps the past forms it keeps', () => {
    for (const [short, word] of ENGLISH.tables.shorthand) expect(term(short), short).toBe(term(word));
    for (const [past, verb] of ENGLISH.tables.irregularPast) {
      expect(term(past, true), past).toBe(term(verb, true));
      expect(isPastForm(past), past).toBe(true);
    }
    for (const w of ENGLISH.classes.keptPast) {
      expect(isPastForm(w), w).toBe(true);
      expect(term(w), w).toBe(stemmer(w));
    }
    expect(terms('ppl who paid thru sms')).toEqual(['peopl', 'pai', 'through', 'sm']);
  });

  it('reads British spellings as American ones, whole words and the two rules over word lists', () => {
    for (const [british, american] of ENGLISH.tables.spellings)
      expect(term(british, true), british).toBe(term(american, true));
    for (const stem of ENGLISH.classes.britishIse) {
      expect(stem).toMatch(/^[a-z]+$/);
      for (const ending of ['e', 'es', 'ed', 'ing', 'ation', 'ations', 'er', 'ers'])
        expect(term(`${stem}s${ending}`), `${stem}s${ending}`).toBe(term(`${stem}z${ending}`));
    }
    for (const verb of ENGLISH.classes.britishDoubledL) {
      expect(verb).toMatch(/^[a-z]+$/);
      expect(term(`${verb}led`), verb).toBe(term(`${verb}ed`));
      expect(term(`${verb}ling`), verb).toBe(term(`${verb}ing`));
    }
    // A rule reads only the words of its list: "fuelled" and "advertise" stay as written.
    expect(term('fuelled')).toBe(stemmer('fuelled'));
    expect(term('advertise')).toBe(stemmer('advertise'));
  });

  it('keeps apart the words the stemmer would merge with others', () => {
    for (const [word, kept] of ENGLISH.tables.unstemmed) {
      expect(term(word), word).toBe(kept);
      expect(stemmer(word), word).not.toBe(kept);
    }
    expect(term('attributed')).not.toBe(term('attributes'));
  });

  it("keeps another language's adjectives as English ones, not made plural", () => {
    const { adjectives } = ENGLISH.classes;
    // A word an adjective's ending tells needs no listing.
    for (const a of adjectives) expect(a, a).toMatch(/^[a-z]+$/);
    expect(adjectives.filter((a) => /(al|ic|ive|ous|ful|able|ible|less|ed|ing)$/.test(a))).toEqual([]);
    const [fr, es] = ['fr', 'es'].map((code) => languages().find((l) => l.code === code)!);
    expect(toEnglish('les nouveaux contacts', fr!)).toBe('new contacts');
    expect(toEnglish('las campañas diarias', es!)).toBe('campaigns daily');
  });

  it('reads first the verbs a verb-last clause ends with', () => {
    const { verbLastVerbs } = ENGLISH.classes;
    const de = languages().find((l) => l.code === 'de')!;
    for (const verb of verbLastVerbs) {
      const german = [...de.exact].find(([word, means]) => means === verb && !word.includes(' '))?.[0];
      expect(german, verb).toBeDefined();
      expect(toEnglish(`Kontakt 5 ${german}`, de), verb).toBe(`${verb} contact 5`);
    }
  });

  it('names only toolsets the catalog has', () => {
    expect(Object.keys(ENGLISH.namedToolsets).filter((t) => !toolsets.has(t))).toEqual([]);
    expect(Object.keys(ENGLISH.toolsetWords).filter((t) => !toolsets.has(t))).toEqual([]);
    for (const { words, weight } of Object.values(ENGLISH.namedToolsets)) {
      expect(words.length).toBeGreaterThan(0);
      expect(weight).toBeGreaterThan(0);
      expect(weight).toBeLessThanOrEqual(1);
    }
  });

  it('reads the vocabulary with no malformed line: phrases on the left, catalog phrases on the right', () => {
    const lines = englishVocabulary();
    expect(lines.length).toBeGreaterThan(100);
    for (const { says, means } of lines) {
      expect(says.length, says.join(', ')).toBeGreaterThan(0);
      expect(means.split(',').filter((m) => m.trim()).length, says.join(', ')).toBeGreaterThan(0);
    }
    expect(lines.filter((l) => l.both).length).toBeGreaterThan(0);
  });

  it('refuses a malformed vocabulary line by its file and line', () => {
    const text = '# a comment\nremove, erase <=> delete\nscrap it\n';
    expect(() => parseVocabulary(text, 'lang/en/vocabulary.txt', true)).toThrow(/^lang\/en\/vocabulary\.txt:3: /);
    expect(() => parseVocabulary('scrap => delete => remove', 'en', true)).toThrow(/^en:1: /);
    expect(() => parseVocabulary(' , => delete', 'en', true)).toThrow(/^en:1: no phrase/);
  });

  it('refuses a words file with a class or table missing, empty, undescribed or unknown, by its name', () => {
    const data = JSON.parse(WORDS) as Record<string, { description?: string; words?: unknown }>;
    const broken = (change: (d: typeof data) => void) => {
      const copy = structuredClone(data);
      change(copy);
      return () => parseWords(JSON.stringify(copy), 'lang/en/words.json');
    };
    expect(parseWords(WORDS).classes).toEqual(ENGLISH.classes);
    expect(parseWords(WORDS).tables).toEqual(ENGLISH.tables);
    expect(
      broken((d) => {
        delete d.prepositions;
      }),
    ).toThrow(/^lang\/en\/words\.json: class "prepositions"/);
    expect(broken((d) => (d.particles!.words = []))).toThrow(/"particles" needs a non-empty list/);
    expect(broken((d) => (d.subjects!.description = ''))).toThrow(/"subjects" is missing or has no description/);
    expect(broken((d) => (d.adverbs = { description: 'x', words: ['x'] }))).toThrow(/unknown class\(es\) adverbs/);
    expect(
      broken((d) => {
        delete d.spellings;
      }),
    ).toThrow(/^lang\/en\/words\.json: class "spellings" is missing/);
    const needsWords = /table "shorthand" needs its words, each with the word it is read as/;
    expect(broken((d) => (d.shorthand!.words = {}))).toThrow(needsWords);
    expect(broken((d) => (d.shorthand!.words = ['ppl', 'people']))).toThrow(needsWords);
    expect(broken((d) => (d.shorthand!.words = { ppl: '' }))).toThrow(needsWords);
    expect(broken((d) => (d.irregularPast!.description = ''))).toThrow(
      /"irregularPast" is missing or has no description/,
    );
    expect(broken((d) => (d.keptPast!.words = { left: 'leave' }))).toThrow(/"keptPast" needs a non-empty list/);
  });

  it("reads a word named like an object's own property as any other word", () => {
    for (const word of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      expect(typeof term(word.toLowerCase()), word).toBe('string');
      expect(isPastForm(word.toLowerCase()), word).toBe(false);
    }
  });
});
