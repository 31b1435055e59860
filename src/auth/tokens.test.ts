// Subjects: users and machine clients in separate namespaces.
import { describe, expect, it } from 'vitest';
import { subjectOf } from './tokens.js';

describe('subjectOf', () => {
  it('keeps a user sub as it is; a client_id-only token is the client, never the user of that name', () => {
    expect(subjectOf({ sub: 'alice', client_id: 'app' })).toBe('alice');
    expect(subjectOf({ client_id: 'alice' })).toBe('client_id:alice');
    expect(subjectOf({ sub: 'client_id:alice' })).toBe('sub:client_id:alice');
    expect(subjectOf({ sub: 'sub:x' })).toBe('sub:sub:x');
    expect(() => subjectOf({})).toThrow(/names no subject/);
  });
});
