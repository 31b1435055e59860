// Every operation of Brevo's definition (the 292 of requests.json, which the repository generates
// from it) and the route that serves it: a route with real state for each; an operation without
// one would get the loud 501 that replaced the canned examples.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractOperations, unservedAnswer } from '../src/sandbox/core-routes.js';
import { sandboxRoutes } from '../src/sandbox/server.js';
import { startEmulator, responsesUrl } from './support/emulator.js';

/** Operations no route serves yet: none, now that every area of issue 21 keeps real state. */
const TEMPORARILY_UNSERVED: string[] = [];

/** A concrete path for a template: each parameter becomes a plain value. */
const concrete = (template: string) => template.replace(/\{[^}]+\}/g, 'p1');

describe('the route serving each contract operation', () => {
  const operations = contractOperations();
  const table = sandboxRoutes();
  const serving = operations.map((key) => {
    const [method, template] = key.split(' ') as [string, string];
    const match = table.match(method, concrete(template));
    return { key, template, match: match && 'value' in match ? match : undefined };
  });

  it('covers the whole definition: the same 292 operations as the stored examples (test data)', () => {
    const stored = Object.keys(JSON.parse(readFileSync(responsesUrl, 'utf8')) as Record<string, unknown>);
    expect(operations).toHaveLength(292);
    expect([...operations].sort()).toEqual([...stored].sort());
  });

  it('routes each operation to its own template (no other route shadows it)', () => {
    const wrong = serving
      .filter((s) => s.match?.template !== s.template)
      .map((s) => `${s.key} -> ${s.match?.template}`);
    expect(wrong).toEqual([]);
  });

  it('serves every operation with real state, except the temporary list of the other areas', () => {
    const unserved = serving.filter((s) => s.match?.value === unservedAnswer).map((s) => s.key);
    expect([...unserved].sort()).toEqual([...TEMPORARILY_UNSERVED].sort());
    const served = serving.filter((s) => s.match?.value !== unservedAnswer);
    expect(served.length + TEMPORARILY_UNSERVED.length).toBe(292);
  });

  it('answers an operation without a route with a loud 501, never an example body', async () => {
    const emulator = await startEmulator();
    try {
      const key = TEMPORARILY_UNSERVED[0];
      if (key) {
        const [method, template] = key.split(' ') as [string, string];
        const reply = await emulator.request(method, concrete(template));
        expect(reply.status, reply.text).toBe(501);
        expect(reply.json).toEqual({
          code: 'not_implemented',
          message: expect.stringMatching(/^The sandbox does not emulate /),
        });
      } else {
        // Every operation is served: the answer an unserved one would get is still a 501.
        const request = { method: 'GET', path: '/x', params: {}, query: new URLSearchParams(), body: undefined };
        expect(() => unservedAnswer(request, emulator.sandbox.store)).toThrow(/does not emulate GET \/x/);
      }
    } finally {
      await emulator.close();
    }
  });
});
