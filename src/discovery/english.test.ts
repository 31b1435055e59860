// English as data (lang/en/): the vocabulary read without a malformed line, and a malformed line refused by its file
// and line.
import { describe, expect, it } from 'vitest';
import { englishVocabulary } from './english.js';
import { parseVocabulary } from './languages.js';

describe('English as data', () => {
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
});
