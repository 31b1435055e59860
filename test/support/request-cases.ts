// Table-driven request tests: each case calls one tool through the real server (stdio, spawned)
// against the fake Brevo and asserts exactly what Brevo received.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/tools/manifest.js';
import { FakeBrevo, type Reply } from './fake-brevo.js';
import { connectStdio, TEST_KEY, textOf, type Connected } from './mcp.js';

export interface RequestCase {
  tool: string;
  args: Record<string, unknown>;
  /** What Brevo must receive. `query` is the exact query string; `body` the parsed JSON body. */
  expect: { method: string; path: string; query?: string; body?: unknown; host?: 'tracker' };
  /** The fake's answer (default 200 {}). */
  reply?: Reply;
  /** Extra checks on what was received or returned. */
  check?: (ctx: { request: FakeBrevo['requests'][number]; result: unknown }) => void;
  /** A name when one tool has several cases. */
  label?: string;
}

/** Runs the cases of one toolset and checks that every tool of it has at least one case. */
export function describeRequests(toolset: string, cases: RequestCase[], options: { env?: (fake: FakeBrevo) => Record<string, string> } = {}): void {
  describe(`${toolset}: requests Brevo receives`, () => {
    let fake: FakeBrevo;
    let server: Connected;
    beforeAll(async () => {
      fake = await FakeBrevo.start();
      server = await connectStdio({
        apiUrl: fake.url,
        args: ['--toolsets', toolset],
        env: { BREVO_TRACKER_URL: fake.origin, BREVO_MA_KEY: 'ma-test-key-123', ...options.env?.(fake) },
      });
    });
    afterAll(async () => {
      await server?.close();
      await fake?.close();
    });
    beforeEach(() => fake.reset());

    it('has a case for every tool of the toolset', () => {
      const tools = readManifest().filter((t) => t.toolset === toolset).map((t) => t.name);
      const covered = new Set(cases.map((c) => c.tool));
      expect(tools.filter((t) => !covered.has(t))).toEqual([]);
      expect(cases.filter((c) => !tools.includes(c.tool)).map((c) => c.tool)).toEqual([]);
    });

    for (const c of cases) {
      it(`${c.tool}${c.label ? ` (${c.label})` : ''}`, async () => {
        if (c.reply) fake.replyOnce(c.reply);
        const result = await server.client.callTool({ name: c.tool, arguments: c.args });
        expect(result.isError, textOf(result)).toBeFalsy();
        expect(fake.requests).toHaveLength(1);
        const request = fake.last();
        expect(`${request.method} ${request.path}`).toBe(`${c.expect.method} ${c.expect.path}`);
        expect(decodeURIComponent(request.query)).toBe(c.expect.query ?? '');
        if (c.expect.host === 'tracker') expect(request.headers['ma-key']).toBe('ma-test-key-123');
        else expect(request.headers['api-key']).toBe(TEST_KEY);
        if (c.expect.body === undefined) expect(request.body.length).toBe(0);
        else expect(request.json).toEqual(c.expect.body);
        c.check?.({ request, result });
      });
    }
  });
}
