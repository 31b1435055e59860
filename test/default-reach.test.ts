// A marketer's first hour on the default profile: no selection flag, the sandbox, the SDK Client.
// The listed tools cover sending and contacts; everything else is found with search_tools and run
// with call_tool, using only what the server said. Read-only refuses the writes with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from './support/json.js';
import { connectStdio, textOf, type Connected } from './support/mcp.js';

describe('the default profile reaches every operation (sandbox, stdio)', () => {
  let conn: Connected;
  let readOnly: Connected;
  const callIn = async (c: Connected, name: string, args: Json = {}) =>
    c.client.callTool({ name: 'call_tool', arguments: { name, arguments: args } });
  const json = async (name: string, args: Json = {}) => {
    const result = await callIn(conn, name, args);
    expect(result.isError, `${name}: ${textOf(result)}`).toBeFalsy();
    return JSON.parse(textOf(result)) as Json;
  };
  /** What search_tools names first for a request, as a model would read it. */
  const firstFound = async (query: string) =>
    JSON.parse(textOf(await conn.client.callTool({ name: 'search_tools', arguments: { query } }))).tools[0].name;

  beforeAll(async () => {
    const env = { BREVO_API_KEY: '' };
    [conn, readOnly] = await Promise.all([
      connectStdio({ args: ['--sandbox'], env }),
      connectStdio({ args: ['--sandbox', '--read-only'], env }),
    ]);
  });
  afterAll(async () => {
    await conn?.close();
    await readOnly?.close();
  });

  it('lists the common tools and the meta-tools, within the token budget, and says how to reach the rest', async () => {
    const names = (await conn.client.listTools()).tools.map((t) => t.name);
    expect(names.slice(0, 4)).toEqual(['search_tools', 'describe_tool', 'call_tool', 'enable_toolset']);
    expect(names).toContain('send_transac_email');
    expect(names).not.toContain('get_email_campaigns');
    expect(conn.client.getInstructions()).toMatch(/every other Brevo operation .*search_tools.*call_tool/);
    // A prompt whose tools are reachable is offered, though they are not listed.
    const prompts = (await conn.client.listPrompts()).prompts.map((p) => p.name);
    expect(prompts).toContain('email_campaign_report');
  });

  it('lists campaigns, reads campaign 1, finds who clicked and exports them, all through call_tool', async () => {
    expect(await firstFound('list my email campaigns')).toBe('get_email_campaigns');
    const { campaigns } = await json('get_email_campaigns');
    expect(campaigns.length).toBeGreaterThan(0);
    const report = await json('get_email_campaign', { campaignId: 1 });
    const { clickers } = report.statistics.globalStats;
    expect(clickers).toBeGreaterThan(0);

    const found = JSON.parse(
      textOf(
        await conn.client.callTool({
          name: 'search_tools',
          arguments: { query: 'export the recipients who clicked in campaign 1', limit: 3 },
        }),
      ),
    ).tools.map((t: Json) => t.name);
    expect(found).toContain('export_email_campaign_recipients');
    const { processId } = await json('export_email_campaign_recipients', { campaignId: 1, recipientsType: 'clickers' });
    const process = await json('get_process', { processId });
    expect(process.status).toBe('completed');
    const csv = await (await fetch(process.export_url)).text();
    expect(csv.trim().split('\n')).toHaveLength(clickers + 1);
  });

  it('creates a list: the missing folder id names get_folders, and a folder from it works', async () => {
    const refused = await callIn(conn, 'create_list', { name: 'First hour' });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('folderId is required (get_folders lists them; create_folder makes one)');
    const { folders } = await json('get_folders');
    const created = await json('create_list', { name: 'First hour', folderId: folders[0].id });
    expect(created.id).toEqual(expect.any(Number));
    // The same operation by its own name, though it is not listed: it runs.
    const direct = await conn.client.callTool({ name: 'get_list', arguments: { listId: created.id } });
    expect(JSON.parse(textOf(direct))).toMatchObject({ name: 'First hour' });
  });

  it('sends a test email of a campaign to a contact', async () => {
    const { contacts } = await json('get_contacts', { limit: 1 });
    const sent = await callIn(conn, 'send_email_campaign_test', {
      campaignId: 1,
      emailTo: [contacts[0].email],
    });
    expect(sent.isError, textOf(sent)).toBeFalsy();
  });

  it('with --read-only, reads everywhere and refuses the writes with a result that says why', async () => {
    const read = await callIn(readOnly, 'get_email_campaigns');
    expect(read.isError).toBeFalsy();
    for (const [name, args] of [
      ['create_list', { name: 'Nope', folderId: 1 }],
      ['send_email_campaign_test', { campaignId: 1, emailTo: ['a@example.com'] }],
    ] as const) {
      const viaMeta = await callIn(readOnly, name, args);
      const direct = await readOnly.client.callTool({ name, arguments: args });
      for (const refused of [viaMeta, direct]) {
        expect(refused.isError, name).toBe(true);
        expect(textOf(refused), name).toMatch(new RegExp(`${name} is a Brevo operation .*read-only`));
      }
    }
  });

  it('an explicit --toolsets stays a hard limit: nothing outside it is reached', async () => {
    const narrow = await connectStdio({ args: ['--sandbox', '--toolsets', 'contacts'], env: { BREVO_API_KEY: '' } });
    try {
      const names = (await narrow.client.listTools()).tools.map((t) => t.name);
      expect(names).not.toContain('call_tool');
      const refused = await narrow.client.callTool({ name: 'get_email_campaigns', arguments: {} });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(
        /toolset email_campaigns is not enabled.*Only the server's operator can change that/,
      );
    } finally {
      await narrow.close();
    }
  });
});
