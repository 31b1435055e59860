// English as data (lang/en/): every word class there and non-empty, the vocabulary read without a malformed line, and
// a malformed file refused by its name and the line or class at fault.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../tools/manifest.js';
import { ENGLISH, englishVocabulary, parseWords } from './english.js';
import { parseVocabulary } from './languages.js';

const WORDS = readFileSync(new URL('./lang/en/words.json', import.meta.url), 'utf8');
const toolsets = new Set(readManifest().map((e) => e.toolset));

describe('English as data', () => {
  it('has every word class the engine reads, each described and non-empty', () => {
    const data = JSON.parse(WORDS) as Record<string, { description: string }>;
    for (const [name, words] of Object.entries(ENGLISH.classes)) {
      expect(words.length, name).toBeGreaterThan(0);
      expect(data[name]!.description.length, name).toBeGreaterThan(20);
    }
    // A when-clause is one of the clauses saying why, and is then not searched at all.
    for (const w of ENGLISH.classes.asides) expect(ENGLISH.classes.purposes).toContain(w);
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

  it('refuses a words file with a class missing, empty, undescribed or unknown, by its name', () => {
    const data = JSON.parse(WORDS) as Record<string, { description?: string; words?: string[] }>;
    const broken = (change: (d: typeof data) => void) => {
      const copy = structuredClone(data);
      change(copy);
      return () => parseWords(JSON.stringify(copy), 'lang/en/words.json');
    };
    expect(parseWords(WORDS).classes).toEqual(ENGLISH.classes);
    expect(
      broken((d) => {
        delete d.prepositions;
      }),
    ).toThrow(/^lang\/en\/words\.json: class "prepositions"/);
    expect(broken((d) => (d.particles!.words = []))).toThrow(/"particles" needs a non-empty list/);
    expect(broken((d) => (d.subjects!.description = ''))).toThrow(/"subjects" is missing or has no description/);
    expect(broken((d) => (d.adverbs = { description: 'x', words: ['x'] }))).toThrow(/unknown class\(es\) adverbs/);
  });
});
