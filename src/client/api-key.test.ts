// One check of what a Brevo key looks like, for configured keys and clients' keys alike.
import { describe, expect, it } from 'vitest';
import { keyProblem } from './api-key.js';

describe('keyProblem', () => {
  it('accepts what Brevo issues', () => {
    expect(keyProblem(`xkeysib-${'0a'.repeat(32)}-AbCdEfGh12345678`)).toBeUndefined();
    expect(keyProblem('xx44x0iexxxjlk5xx44jrx8o')).toBeUndefined();
  });

  it('refuses what cannot be a key, saying why without quoting it', () => {
    expect(keyProblem('Alice')).toBe('it is 5 characters long, and a Brevo key has at least 16');
    expect(keyProblem('true')).toMatch(/4 characters long/);
    expect(keyProblem(`xkeysib-${'0'.repeat(64)}\r`)).toBe('it has a carriage return (\\r) at the end');
    expect(keyProblem(`xkeysib-${'0'.repeat(20)} ${'1'.repeat(20)}`)).toBe('it has a space at character 29');
    expect(keyProblem(`\txkeysib-${'0'.repeat(20)}`)).toBe('it has a tab at the start');
    expect(keyProblem(`xkeysib-${'0'.repeat(10)}\u0000${'0'.repeat(10)}`)).toBe(
      'it has a control character at character 19',
    );
    expect(keyProblem(`xkeysib-${'0'.repeat(10)}\u00a0${'0'.repeat(10)}`)).toBe('it has whitespace at character 19');
    expect(keyProblem(`xkeysib-${'0'.repeat(10)}"${'0'.repeat(10)}`)).toBe(
      'it has a character a Brevo key never has ("\\"") at character 19',
    );
    expect(keyProblem('x'.repeat(600))).toMatch(/more than any Brevo key/);
  });
});
