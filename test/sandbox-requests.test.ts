// The sandbox's request check is never stricter than the tools: for every tool, arguments its own
// schema accepts (generated with fast-check) are built into the request the executor would send,
// and the emulator's check of that request against the official definition must pass. The
// catalog is exact to the definition, so a failure here is the check refusing what Brevo takes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../src/executor.js';
import { UploadedFile } from '../src/sandbox/multipart.js';
import { checkRequest, specFor } from '../src/sandbox/request-check.js';
import { RouteTable, SandboxError } from '../src/sandbox/http.js';
import { loadCatalog } from '../src/tools/index.js';
import { manifestEntry } from '../src/tools/manifest.js';
import { arbitraryFor } from './support/schema-arbitrary.js';

const RUNS = Number(process.env.SANDBOX_REQUEST_RUNS ?? 40);

/** Where the tool's schema is looser than the definition, the refusal the sandbox may give (as Brevo does). */
const STRICTER_DEFINITION: Record<string, RegExp> = {
  // uniqueItems: zod cannot say it in the JSON Schema a model sees; the tool lets repeats through.
  create_coupons: /^invalid_parameter: coupons should not repeat an item$/,
};

/** What the emulator's server hands to checkRequest for a request the executor built. */
async function asReceived(op: Awaited<ReturnType<typeof loadCatalog>>[number], args: Record<string, unknown>) {
  const request = buildRequest(op, args);
  const path = request.path.split('?')[0]!;
  const match = new RouteTable<true>().add(op.method, op.path, true).match(op.method, path);
  if (!match || !('params' in match)) throw new Error(`${op.name}: ${path} does not fit ${op.path}`);
  let body: unknown;
  if (request.form) {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of request.form.entries()) {
      fields[name] =
        typeof value === 'string'
          ? value
          : new UploadedFile(value.name, value.type, Buffer.from(await value.arrayBuffer()));
    }
    body = fields;
  } else if (request.json !== undefined) body = JSON.parse(JSON.stringify(request.json));
  return { params: match.params, query: new URLSearchParams(request.query ?? []), body };
}

describe('the sandbox accepts every request the tools send', async () => {
  const ops = await loadCatalog();

  it('has a definition for every tool', () => {
    expect(ops.filter((op) => !specFor(`${op.method} ${op.path}`)).map((op) => op.name)).toEqual([]);
  });

  it.each(ops.map((op) => [op.name, op] as const))('%s', async (_, op) => {
    const spec = specFor(`${op.method} ${op.path}`);
    await fc.assert(
      fc.asyncProperty(arbitraryFor(manifestEntry(op).inputSchema), async (raw) => {
        const parsed = op.input.safeParse(raw);
        fc.pre(parsed.success);
        const received = await asReceived(op, parsed.data as Record<string, unknown>);
        try {
          checkRequest(spec, received);
        } catch (error) {
          const message = error instanceof SandboxError ? `${error.code}: ${error.message}` : String(error);
          if (STRICTER_DEFINITION[op.name]?.test(message)) return;
          throw new Error(
            `${message}\nrequest: ${JSON.stringify({ ...received, query: received.query.toString() }).slice(0, 600)}`,
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
});
