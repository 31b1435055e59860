// Errors that lead on: against the sandbox, through the SDK Client, a model that gets an error from
// one of the most-used tools reads what to call next (where an id comes from, which addresses a
// test send refused and why), and following that advice makes the call succeed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../src/tools/manifest.js';
import { connectStdio, textOf, type Connected } from './support/mcp.js';

/** The tools a marketer's assistant calls most: sending, contacts and lists, campaigns, account. */
const MOST_USED = [
  'send_transac_email',
  'get_transac_emails_list',
  'get_smtp_templates',
  'get_smtp_template',
  'create_smtp_template',
  'send_test_template',
  'get_email_event_report',
  'get_smtp_report',
  'get_contacts',
  'get_contact_info',
  'create_contact',
  'update_contact',
  'delete_contact',
  'get_contact_stats',
  'get_lists',
  'get_list',
  'create_list',
  'update_list',
  'get_contacts_from_list',
  'add_contact_to_list',
  'remove_contact_from_list',
  'get_folders',
  'create_folder',
  'get_folder_lists',
  'get_attributes',
  'import_contacts',
  'request_contact_export',
  'get_process',
  'get_segments',
  'get_email_campaigns',
  'get_email_campaign',
  'create_email_campaign',
  'update_email_campaign',
  'send_email_campaign_now',
  'send_email_campaign_test',
  'update_campaign_status',
  'get_senders',
  'create_sender',
  'get_webhooks',
  'get_account',
];
const ID_FIELD = /(^id$|Id$|Ids$|^identifier$)/;
const tools = new Map(readManifest().map((t) => [t.name, t]));

describe('errors that lead to the next step (sandbox, stdio)', () => {
  let conn: Connected;
  const call = (name: string, args: Record<string, unknown>) => conn.client.callTool({ name, arguments: args });

  beforeAll(async () => {
    conn = await connectStdio({ args: ['--sandbox', '--toolsets', 'all'], env: { BREVO_API_KEY: '' } });
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('name every required field of the 40 most-used tools, and where each id comes from', async () => {
    expect(MOST_USED).toHaveLength(40);
    for (const name of MOST_USED) {
      const required = (tools.get(name)!.inputSchema.required as string[] | undefined) ?? [];
      if (!required.length) continue;
      const result = await call(name, {});
      const text = textOf(result);
      expect(result.isError, name).toBe(true);
      for (const field of required) {
        expect(text, name).toContain(`${field} is required`);
        if (!ID_FIELD.test(field)) continue;
        const advice = new RegExp(`${field} is required \\((\\w+) (lists them|makes one)`).exec(text);
        expect(advice, `${name}: ${text}`).not.toBeNull();
        expect(tools.has(advice![1]!), `${name} names ${advice![1]}`).toBe(true);
      }
    }
  });

  it('say which operation lists an id that was not found', async () => {
    for (const [name, args, lister] of [
      ['get_email_campaign', { campaignId: 987_654 }, 'get_email_campaigns'],
      ['get_list', { listId: 987_654 }, 'get_lists'],
      ['get_smtp_template', { templateId: 987_654 }, 'get_smtp_templates'],
      ['get_folder_lists', { folderId: 987_654 }, 'get_folders'],
    ] as const) {
      const result = await call(name, args);
      expect(result.isError, name).toBe(true);
      expect(textOf(result), name).toMatch(/HTTP 404/);
      expect(textOf(result), name).toContain(`${lister} lists them`);
    }
  });

  it('create_list without a folder: the error names get_folders, and a folder from it works', async () => {
    const refused = await call('create_list', { name: 'Spring launch' });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('folderId is required (get_folders lists them; create_folder makes one)');
    const folders = JSON.parse(textOf(await call('get_folders', {}))) as { folders: { id: number }[] };
    const created = await call('create_list', { name: 'Spring launch', folderId: folders.folders[0]!.id });
    expect(created.isError).toBeFalsy();
    expect(JSON.parse(textOf(created))).toHaveProperty('id');
  });

  it('a test send to a non-contact says which address and what to do, and doing it works', async () => {
    const campaigns = JSON.parse(textOf(await call('get_email_campaigns', { status: 'draft' }))) as {
      campaigns: { id: number }[];
    };
    const campaignId = campaigns.campaigns[0]!.id;
    const address = 'first.hour@example.com';
    const refused = await call('send_email_campaign_test', { campaignId, emailTo: [address] });
    const text = textOf(refused);
    expect(refused.isError).toBe(true);
    expect(text).toContain(`unexistingEmails: ["${address}"]`);
    expect(text).toContain('create_contact');
    expect(text).not.toContain('fields named');
    expect((await call('create_contact', { email: address })).isError).toBeFalsy();
    const sent = await call('send_email_campaign_test', { campaignId, emailTo: [address] });
    expect(sent.isError, textOf(sent)).toBeFalsy();
  });
});
