// --code: two tools, search and execute; multi-step tasks in one script against the sandbox, over
// stdio and Streamable HTTP (sessions and stateless), checked against the static tools of a
// second server with its own, identically seeded, sandbox.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { ResourceListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIN,
  connectHttp,
  connectStdio,
  startHttpServer,
  TEST_KEY,
  textOf,
  type Connected,
  type HttpServerProcess,
} from './support/mcp.js';

const json = (result: unknown) => JSON.parse(textOf(result));

/** Facts of the demo account, read with the static tools of a separate sandbox server. */
interface Expected {
  members: Record<string, string[]>;
  paris: string[];
  vip: string[];
}

async function expectedFacts(): Promise<Expected> {
  const conn = await connectStdio({ args: ['--sandbox', '--toolsets', 'contacts'] });
  try {
    const call = async (name: string, args: Record<string, unknown>) =>
      json(await conn.client.callTool({ name, arguments: args }));
    const { lists } = await call('get_lists', { limit: 50 });
    const members: Record<string, string[]> = {};
    for (const list of lists as Array<{ id: number; name: string }>) {
      const { contacts } = await call('get_contacts_from_list', { listId: list.id, limit: 500 });
      members[list.name] = (contacts as Array<{ email: string }>).map((c) => c.email).sort();
    }
    const paris = (await call('get_contacts', { filter: 'equals(CITY,"Paris")' })).contacts
      .map((c: { email: string }) => c.email)
      .sort();
    return { members, paris, vip: members['VIP customers']! };
  } finally {
    await conn.close();
  }
}

const COUNT_MEMBERS = `
const { lists } = await brevo.get_lists({ limit: 50 });
const counts: Record<string, number> = {};
for (const list of lists ?? []) {
  const { contacts } = await brevo.get_contacts_from_list({ listId: list.id, limit: 500 });
  counts[list.name] = contacts.length;
}
return counts;`;

const LIST_FROM_FILTER = (name: string) => `
const { contacts } = await brevo.get_contacts({ filter: 'equals(CITY,"Paris")' });
const { id } = await brevo.create_list({ name: ${JSON.stringify(name)}, folderId: 1 });
await brevo.add_contact_to_list({ listId: id, emails: contacts.map((c) => c.email!) });
const members = await brevo.get_contacts_from_list({ listId: id });
return { id, emails: members.contacts.map((c) => c.email).sort() };`;

const TEMPLATE_TO_LIST = `
const { templates } = await brevo.get_smtp_templates({ templateStatus: true });
const template = templates![0]!;
const { lists } = await brevo.get_lists({});
const vip = lists!.find((l) => l.name === 'VIP customers')!;
const { contacts } = await brevo.get_contacts_from_list({ listId: vip.id });
const sent: string[] = [];
for (const c of contacts) {
  const answer = await brevo.send_transac_email({ templateId: template.id, to: [{ email: c.email! }], params: { FIRSTNAME: c.attributes.FIRSTNAME, ORDER_ID: 'A-1', TOTAL: '10 EUR' } });
  sent.push(answer.messageId!);
}
const log = await brevo.get_transac_emails_list({ templateId: template.id, limit: 100 });
const logged = log.transactionalEmails!.filter((e) => sent.includes(e.messageId)).map((e) => e.email).sort();
console.log('sent', sent.length, 'with template', template.name);
return { template: template.id, sent: sent.length, logged };`;

const CATCH_404 = `
try {
  await brevo.get_contact_info({ identifier: 'nobody@example.com' });
  return 'found';
} catch (e: any) {
  return { status: e.status, code: e.code, tool: e.tool, isError: e instanceof Error };
}`;

type Transport = 'stdio' | 'http' | 'stateless';

describe.each<Transport>(['stdio', 'http', 'stateless'])('code mode over %s', (transport) => {
  let conn: Connected;
  let server: HttpServerProcess | undefined;
  let expected: Expected;
  let resourcesChanged = 0;

  beforeAll(async () => {
    expected = await expectedFacts();
    // A short time limit, so the limit test is quick; every task takes well under a second.
    const args = ['--sandbox', '--code', '--code-timeout-ms', '5000'];
    if (transport === 'stdio') conn = await connectStdio({ args });
    else {
      server = await startHttpServer({ args: [...args, ...(transport === 'stateless' ? ['--stateless'] : [])] });
      conn = await connectHttp(server.url);
    }
    conn.client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void resourcesChanged++);
  });
  afterAll(async () => {
    await conn?.close();
    await server?.stop();
  });

  const execute = (code: string) => conn.client.callTool({ name: 'execute', arguments: { code } });

  it('lists exactly search and execute, in at most 1,000 tokens, and says how to use them', async () => {
    const listed = await conn.client.listTools();
    expect(listed.tools.map((t) => t.name)).toEqual(['search', 'execute']);
    expect(encode(JSON.stringify(listed)).length).toBeLessThanOrEqual(1000);
    expect(listed.tools[1]!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    if (transport === 'stdio') expect(conn.client.getInstructions()).toMatch(/search.*execute.*brevo\.<operation>/s);
  });

  it('search answers with TypeScript declarations; an exact name comes first and in full', async () => {
    const found = textOf(
      await conn.client.callTool({ name: 'search', arguments: { query: 'add contacts to a list' } }),
    );
    expect(found).toMatch(/add_contact_to_list\(args: \{/);
    const exact = textOf(
      await conn.client.callTool({ name: 'search', arguments: { query: 'get_contacts_from_list', limit: 2 } }),
    );
    const first = exact.split('\n').find((l) => /^\w+\(/.test(l));
    expect(first).toBe('get_contacts_from_list(args: {');
    expect(exact).toMatch(/listId: number;/);
    expect(exact).toMatch(/sort\?: "asc" \| "desc";/);
    expect(exact).toMatch(/\): Promise<\{ contacts: \{ email\?: string; id: number;/);
    expect(exact).toMatch(/\(read-only\)/);
  });

  it('counts the members of every list in one call', async () => {
    const result = await execute(COUNT_MEMBERS);
    expect(result.isError).toBeFalsy();
    const counts = json(result);
    expect(counts).toEqual(
      Object.fromEntries(Object.entries(expected.members).map(([name, emails]) => [name, emails.length])),
    );
  });

  it('builds a list from a contact filter', async () => {
    const before = resourcesChanged;
    const result = await execute(LIST_FROM_FILTER(`Paris (${transport})`));
    expect(result.isError, textOf(result)).toBeFalsy();
    // The run wrote lists: what the resources show changed, and the client is told (once).
    expect(resourcesChanged).toBe(before + 1);
    const built = json(result);
    expect(built.emails).toEqual(expected.paris);
    expect(expected.paris.length).toBeGreaterThan(0);
    // Read back in a second run: the list is really there.
    const again = json(
      await execute(
        `return (await brevo.get_contacts_from_list({ listId: ${built.id} })).contacts.map((c) => c.email).sort()`,
      ),
    );
    expect(again).toEqual(expected.paris);
  });

  it('sends a template to a list and reads the log back', async () => {
    const result = await execute(TEMPLATE_TO_LIST);
    expect(result.isError, textOf(result)).toBeFalsy();
    const text = textOf(result);
    const [value, logs] = text.split('\n--- console ---\n');
    const sent = JSON.parse(value!);
    expect(sent.sent).toBe(expected.vip.length);
    expect(sent.logged).toEqual(expected.vip);
    expect(logs).toMatch(new RegExp(`^sent ${expected.vip.length} with template `));
  });

  it("runs docs/code-mode.md's example script", async () => {
    const readme = readFileSync(new URL('../docs/code-mode.md', import.meta.url), 'utf8');
    const example = /\*\*`execute`\*\*[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)![1]!;
    const result = await execute(example);
    expect(result.isError, textOf(result)).toBeFalsy();
    const [value, logs] = textOf(result).split('\n--- console ---\n');
    const both = expected.vip.filter((email) => expected.members['Newsletter subscribers']!.includes(email));
    expect(JSON.parse(value!)).toEqual({ listId: expect.any(Number), both: expect.arrayContaining(both) });
    expect(JSON.parse(value!).both).toHaveLength(both.length);
    expect(logs).toBe(`${both.length} of ${expected.vip.length} VIP customers subscribe`);
  });

  it('catches a 404 as an Error with status, code and tool', async () => {
    const result = await execute(CATCH_404);
    expect(result.isError).toBeFalsy();
    expect(json(result)).toEqual({ status: 404, code: 'document_not_found', tool: 'get_contact_info', isError: true });
  });

  it('an uncaught Brevo error ends the run as an isError naming it and the calls made', async () => {
    const result = await execute(`await brevo.get_account(); await brevo.get_list({ listId: 987654 });`);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /^The script threw BrevoError: .* \(status 404, code document_not_found, tool get_list\)/,
    );
    expect(textOf(result)).toMatch(
      /Brevo calls made: 2 \(get_account ok 200; get_list failed 404 document_not_found\)/,
    );
  });

  it('a limit ends the run and the server keeps serving', async () => {
    const stopped = await execute('console.log("looping"); for (;;) {}');
    expect(stopped.isError).toBe(true);
    expect(textOf(stopped)).toMatch(
      /^Stopped: the run hit the time limit \(5000 ms, --code-timeout-ms\)\. No Brevo call was made\.\n--- console ---\nlooping$/,
    );
    expect(json(await execute('return (await brevo.get_account()).companyName'))).toBe('Demo Shop');
  });
});

describe('code mode on the command line', () => {
  const run = promisify(execFile);
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', BREVO_API_KEY: TEST_KEY, ...env },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('--code with --dynamic is a clear configuration error', async () => {
    for (const [args, env] of [
      [['--code', '--dynamic'], {}],
      [['--dynamic'], { BREVO_CODE: '1' }],
      [[], { BREVO_CODE: '1', BREVO_DYNAMIC: 'true' }],
    ] as const) {
      const { code, stdout, stderr } = await cli([...args], { ...env });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^brevo-mcp: --code and --dynamic cannot be used together: .* choose one/);
    }
  });

  it('checks the limits it is given', async () => {
    expect((await cli(['--code', '--code-timeout-ms', '0'])).stderr).toMatch(
      /--code-timeout-ms must be at least 1, got "0"/,
    );
    expect((await cli(['--code', '--code-max-calls', 'many'])).stderr).toMatch(
      /--code-max-calls must be a whole number, got "many"/,
    );
    expect((await cli(['--code'], { BREVO_CODE_MEMORY_MB: '8' })).stderr).toMatch(
      /--code-memory-mb must be at least 16, got "8"/,
    );
  });

  it('BREVO_CODE=1 and the limit variables configure code mode', async () => {
    const conn = await connectStdio({
      args: ['--sandbox'],
      env: { BREVO_CODE: '1', BREVO_CODE_TIMEOUT_MS: '7000', BREVO_CODE_MEMORY_MB: '32', BREVO_CODE_MAX_CALLS: '9' },
    });
    try {
      const { tools } = await conn.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['search', 'execute']);
      expect(tools[1]!.description).toContain('Per run: 7 s, 32 MB, 9 calls.');
    } finally {
      await conn.close();
    }
  });
});
