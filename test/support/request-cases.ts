// Table-driven request tests: each case calls one tool through the real server (stdio, spawned)
// against the fake Brevo and asserts exactly what Brevo received.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RouteTable } from '../../src/sandbox/http.js';
import { multipartBoundary, parseMultipart } from '../../src/sandbox/multipart.js';
import { checkRequest, specFor } from '../../src/sandbox/request-check.js';
import { readManifest } from '../../src/tools/manifest.js';
import { FakeBrevo, type Reply } from './fake-brevo.js';
import { connectStdio, TEST_KEY, textOf, type Connected } from './mcp.js';

export interface RequestCase {
  tool: string;
  args: Record<string, unknown>;
  /** What Brevo must receive. `query` is the exact query string; `body` the parsed JSON body. */
  expect: {
    method: string;
    path: string;
    query?: string;
    body?: unknown;
    /** For multipart/form-data bodies: the text fields, and the one file. */
    form?: Record<string, string>;
    file?: { field: string; name: string; content: Buffer };
    host?: 'tracker';
  };
  /** The fake's answer (default 200 {}). */
  reply?: Reply;
  /** Extra checks on what was received or returned. */
  check?: (ctx: { request: FakeBrevo['requests'][number]; result: unknown }) => void;
  /** A name when one tool has several cases. */
  label?: string;
}

/** Runs the cases of one toolset and checks that every tool of it has at least one case. */
export function describeRequests(
  toolset: string,
  cases: RequestCase[],
  options: { env?: (fake: FakeBrevo) => Record<string, string> } = {},
): void {
  describe(`${toolset}: requests Brevo receives`, () => {
    let fake: FakeBrevo;
    let server: Connected;
    beforeAll(async () => {
      fake = await FakeBrevo.start();
      server = await connectStdio({
        apiUrl: fake.url,
        args: ['--toolsets', toolset],
        env: { BREVO_TRACKER_URL: fake.origin, BREVO_MA_KEY: 'ma-test-key-0123456789', ...options.env?.(fake) },
      });
    });
    afterAll(async () => {
      await server?.close();
      await fake?.close();
    });
    beforeEach(() => fake.reset());

    it('has a case for every tool of the toolset', () => {
      const tools = readManifest()
        .filter((t) => t.toolset === toolset)
        .map((t) => t.name);
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
        if (c.expect.host === 'tracker') expect(request.headers['ma-key']).toBe('ma-test-key-0123456789');
        else expect(request.headers['api-key']).toBe(TEST_KEY);
        if (c.expect.form || c.expect.file) await expectForm(request, c.expect);
        else if (c.expect.body === undefined) expect(request.body.length).toBe(0);
        else expect(request.json).toEqual(c.expect.body);
        c.check?.({ request, result });
        expectSandboxAccepts(c.tool, request);
      });
    }
  });
}

/** The sandbox's request check (exact to Brevo's definition) takes what the tool sent. */
function expectSandboxAccepts(tool: string, request: FakeBrevo['requests'][number]): void {
  const entry = readManifest().find((t) => t.name === tool)!;
  const match = new RouteTable<true>().add(entry.method, entry.path, true).match(request.method, request.path);
  expect(match && 'params' in match, `${request.path} fits ${entry.path}`).toBe(true);
  const boundary = multipartBoundary(String(request.headers['content-type'] ?? ''));
  const body = boundary ? parseMultipart(request.body, boundary) : request.json;
  const received = {
    params: (match as { params: Record<string, string> }).params,
    query: new URLSearchParams(request.query),
    body,
  };
  expect(() => checkRequest(specFor(`${entry.method} ${entry.path}`), received)).not.toThrow();
}

/** Parses a recorded multipart/form-data body and compares its fields and file. */
async function expectForm(request: FakeBrevo['requests'][number], want: RequestCase['expect']): Promise<void> {
  expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
  const form = await new Response(request.body, {
    headers: { 'content-type': String(request.headers['content-type']) },
  }).formData();
  const fields: Record<string, string> = {};
  let file: { field: string; name: string; content: Buffer } | undefined;
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else file = { field: key, name: value.name, content: Buffer.from(await value.arrayBuffer()) };
  }
  expect(fields).toEqual(want.form ?? {});
  expect(file).toEqual(want.file);
}
