// Property-based fuzzing of every tool's arguments: schema-shaped values, mutated ones and
// arbitrary junk. Each call must end in an isError validation result or one well-formed request
// to Brevo; never an exception, never a request with a hole in its path.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrevoClient, defaultClientOptions } from '../src/client/brevo-client.js';
import { runOperation } from '../src/executor.js';
import { loadCatalog } from '../src/tools/index.js';
import { manifestEntry } from '../src/tools/manifest.js';
import { FakeBrevo } from './support/fake-brevo.js';
import { arbitraryFor } from './support/schema-arbitrary.js';

const RUNS_PER_TOOL = Number(process.env.FUZZ_RUNS ?? 24);

describe("fuzzing every tool's arguments", async () => {
  const ops = await loadCatalog();
  let fake: FakeBrevo;
  let client: BrevoClient;
  let calls = 0;
  let sent = 0;

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    client = new BrevoClient({
      ...defaultClientOptions,
      apiUrl: fake.url,
      trackerUrl: fake.origin,
      apiKey: 'fuzz-key',
      trackerKey: 'fuzz-ma-key',
      userAgent: 'fuzz',
      maxRetries: 0,
    });
  });
  afterAll(async () => {
    console.log(
      `fuzz: ${ops.length} tools x ${RUNS_PER_TOOL} cases = ${calls} calls, ${sent} of them reached the fake Brevo`,
    );
    await client?.close();
    await fake?.close();
  });

  it.each(ops.map((op) => [op.name, op] as const))('%s', async (_, op) => {
    const schema = manifestEntry(op).inputSchema;
    const shaped = arbitraryFor(schema);
    const mutated = fc
      .tuple(shaped, fc.string({ maxLength: 6 }), fc.anything())
      .map(([args, key, junk]) =>
        args && typeof args === 'object' ? { ...(args as object), [key || 'x']: junk } : args,
      );
    const args = fc.oneof(
      { weight: 6, arbitrary: shaped },
      { weight: 2, arbitrary: mutated },
      { weight: 1, arbitrary: fc.anything() },
    );
    await fc.assert(
      fc.asyncProperty(args, async (input) => {
        const before = fake.requests.length;
        calls++;
        const result = await runOperation(op, input, { client, maxResultChars: 40_000 });
        expect(Array.isArray(result.content) && result.content.length > 0).toBe(true);
        const requests = fake.requests.slice(before);
        if (result.isError) {
          expect(requests).toHaveLength(0);
          expect((result.content[0] as { text: string }).text).toMatch(/^Invalid arguments for /);
        } else {
          sent++;
          expect(requests).toHaveLength(1);
          const request = requests[0]!;
          expect(request.method).toBe(op.method);
          expect(request.path).not.toMatch(/[{}]|undefined|\[object|\/\/|\/$/);
          expect(request.path.split('/').length).toBe(op.path.split('/').length);
          if (request.json !== undefined) expect(typeof request.json).toBe('object');
        }
      }),
      { numRuns: RUNS_PER_TOOL },
    );
  });
});
