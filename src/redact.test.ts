// The redactor: whole keys only, cuts that never leave a prefix of a key, values redacted without copying what is
// clean.
import { describe, expect, it } from 'vitest';
import { NO_SECRETS, REDACTED, Redactor } from './redact.js';

const KEY = 'xkeysib-0123456789abcdef0123456789abcdef-ABCDEFGHIJ';
const OTHER = 'xkeysib-ffffffffffffffffffffffffffffffff-ZZZZZZZZZZ';

describe('Redactor', () => {
  const redactor = new Redactor([KEY, undefined, '', 'short']);

  it('replaces whole occurrences of its secrets, and nothing else', () => {
    expect(redactor.text(`a ${KEY} b ${KEY}`)).toBe(`a ${REDACTED} b ${REDACTED}`);
    // Too short to be a secret worth hiding everywhere: ordinary words stay.
    expect(redactor.text('short answers')).toBe('short answers');
    expect(redactor.text(OTHER)).toBe(OTHER);
    expect(redactor.text(KEY.slice(0, 20))).toBe(KEY.slice(0, 20));
  });

  it('holds one session at a time: with() adds a key for one output, the original is unchanged', () => {
    const session = redactor.with(OTHER);
    expect(session.text(`${KEY} ${OTHER}`)).toBe(`${REDACTED} ${REDACTED}`);
    expect(redactor.text(OTHER)).toBe(OTHER);
  });

  it('cuts before a key the cut would split, so no prefix survives', () => {
    const text = `${'a'.repeat(50)}${KEY}${'b'.repeat(50)}`;
    for (let max = 45; max <= 50 + KEY.length + 5; max++) {
      const cut = redactor.cut(text, max);
      expect(cut.length, `max ${max}`).toBeLessThanOrEqual(max);
      expect(cut, `max ${max}`).not.toContain(KEY.slice(0, 9));
    }
    expect(redactor.cut(text, 60)).toBe('a'.repeat(50));
    expect(redactor.cut(text, 50 + KEY.length + 1)).toBe(`${'a'.repeat(50)}${REDACTED}b`);
    expect(redactor.cut('short text', 100)).toBe('short text');
  });

  it('redacts every string of a value, sharing what did not change', () => {
    const clean = { list: [1, 'x', { y: 'z' }] };
    const value = { clean, dirty: [{ name: `is ${KEY}` }, 'ok'], n: 3 };
    const out = redactor.value(value);
    expect(out).toEqual({ clean, dirty: [{ name: `is ${REDACTED}` }, 'ok'], n: 3 });
    expect(out.clean).toBe(clean);
    expect(value.dirty[0]).toEqual({ name: `is ${KEY}` });
    expect(redactor.value(clean)).toBe(clean);
    expect(NO_SECRETS.value(value)).toBe(value);
  });

  it('finds a secret that JSON escapes, and one in a value JSON cannot write', () => {
    const quoted = new Redactor(['secret"with\\quote']);
    expect(quoted.value({ a: ['x', 'is secret"with\\quote'] })).toEqual({ a: ['x', `is ${REDACTED}`] });
    const big = { n: 10n, text: `key ${KEY}` };
    expect(redactor.value(big).text).toBe(`key ${REDACTED}`);
  });
});

describe('Redactor.bytes', () => {
  it('replaces each whole secret in a file, and returns the same buffer when there is none', () => {
    const redactor = new Redactor(['xkeysib-abcdef0123456789']);
    const file = Buffer.from('a=xkeysib-abcdef0123456789;b=xkeysib-abcdef0123456789');
    expect(redactor.bytes(file).toString()).toBe('a=[redacted];b=[redacted]');
    const clean = Buffer.from('nothing here');
    expect(redactor.bytes(clean)).toBe(clean);
  });
});
