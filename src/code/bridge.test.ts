// The bridge's nesting count: JSON depth without parsing, strings and escapes skipped.
import { describe, expect, it } from 'vitest';
import { jsonDepth } from './bridge.js';

describe('jsonDepth', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonDepth('{"a":1}', 32)).toBe(1);
    expect(jsonDepth('{"a":[{"b":[]}]}', 32)).toBe(4);
    expect(jsonDepth('{"a":"[[[{{{\\"[[["}', 32)).toBe(1);
    expect(jsonDepth('"plain"', 32)).toBe(0);
  });

  it('stops counting past the limit', () => {
    expect(jsonDepth('['.repeat(100_000), 32)).toBe(33);
  });
});
