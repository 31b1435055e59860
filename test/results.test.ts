// Lean results: compact JSON, a cap on size with a note saying how to get the rest, HTML bodies
// summarised in listings, and errors with a hint a person or model can act on.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectStdio, textOf, type Connected } from './support/mcp.js';

const contacts = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: from + i + 1,
    email: `customer${from + i + 1}@example.com`,
    attributes: { FIRSTNAME: `Name${i}`, LASTNAME: 'Example' },
    listIds: [3, 7],
  }));

describe('result shaping', () => {
  let fake: FakeBrevo;
  let conn: Connected;

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    conn = await connectStdio({ apiUrl: fake.url, args: ['--max-result-chars', '3000', '--toolsets', 'all'] });
  });
  afterAll(async () => {
    await conn?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it('returns compact JSON', async () => {
    fake.route('GET', '/contacts/lists', { json: { count: 1, lists: [{ id: 3, name: 'VIP' }] } });
    expect(textOf(await conn.client.callTool({ name: 'get_lists', arguments: {} }))).toBe(
      '{"count":1,"lists":[{"id":3,"name":"VIP"}]}',
    );
  });

  it('cuts a long list to fit, saying what was shown and which offset continues it', async () => {
    fake.route('GET', '/contacts', { json: { contacts: contacts(100, 200), count: 5000 } });
    const text = textOf(await conn.client.callTool({ name: 'get_contacts', arguments: { limit: 100, offset: 200 } }));
    expect(text.length).toBeLessThanOrEqual(3000);
    const data = JSON.parse(text);
    expect(data.count).toBe(5000);
    expect(data.contacts.length).toBeGreaterThan(5);
    expect(data.contacts.length).toBeLessThan(100);
    expect(data.contacts[0]).toEqual(contacts(1, 200)[0]);
    expect(data._truncated).toMatchObject({ list: 'contacts', shown: data.contacts.length, returned: 100 });
    expect(data._truncated.hint).toContain(`offset=${200 + data.contacts.length}`);
  });

  it('summarises long HTML in listings but returns it in full for one item', async () => {
    const html = `<html><body>${'<p>Hello {{params.name}}</p>'.repeat(100)}</body></html>`;
    fake.route('GET', '/smtp/templates', {
      json: {
        count: 2,
        templates: [
          { id: 1, name: 'Welcome', htmlContent: html },
          { id: 2, name: 'Short', htmlContent: '<p>Hi</p>' },
        ],
      },
    });
    const listed = JSON.parse(textOf(await conn.client.callTool({ name: 'get_smtp_templates', arguments: {} })));
    expect(listed.templates[0].htmlContent).toMatch(/^\[\d+ characters of HTML omitted/);
    expect(listed.templates[1].htmlContent).toBe('<p>Hi</p>');
    fake.route('GET', '/smtp/templates/1', { json: { id: 1, name: 'Welcome', htmlContent: html.slice(0, 2500) } });
    const one = JSON.parse(
      textOf(await conn.client.callTool({ name: 'get_smtp_template', arguments: { templateId: 1 } })),
    );
    expect(one.htmlContent).toBe(html.slice(0, 2500));
  });

  it(
    'keeps one item larger than the limit valid JSON: its longest string shortened in place, pointing ' +
      'at the resource with the whole HTML',
    async () => {
      const html = `<html><body>${'<p>Hello {{params.name}}, "welcome"</p>'.repeat(2000)}</body></html>`;
      fake.route('GET', '/smtp/templates/7', {
        json: {
          id: 7,
          name: 'Welcome',
          subject: 'Hi',
          sender: { name: 'Acme', email: 'hi@acme.test' },
          htmlContent: html,
        },
      });
      const text = textOf(await conn.client.callTool({ name: 'get_smtp_template', arguments: { templateId: 7 } }));
      expect(text.length).toBeLessThanOrEqual(3000);
      const item = JSON.parse(text);
      expect(item).toMatchObject({
        id: 7,
        name: 'Welcome',
        subject: 'Hi',
        sender: { name: 'Acme', email: 'hi@acme.test' },
      });
      const [start, marker] = item.htmlContent.split('\u2026');
      expect(html.startsWith(start)).toBe(true);
      expect(start.length).toBeGreaterThan(1500);
      expect(marker).toBe(
        `[${html.length - start.length} characters left out; read brevo://templates/7/html for the whole text]`,
      );
      // No paging advice on a tool that has neither filters nor paging.
      expect(text).not.toMatch(/narrow|offset|smaller limit/);
    },
  );

  it('says the limit, not a resource, where none serves the whole text', async () => {
    fake.route('GET', '/account', {
      json: { companyName: 'Acme', description: 'x'.repeat(5000), plan: [{ type: 'free' }] },
    });
    const item = JSON.parse(textOf(await conn.client.callTool({ name: 'get_account', arguments: {} })));
    expect(item.companyName).toBe('Acme');
    expect(item.plan).toEqual([{ type: 'free' }]);
    expect(item.description).toMatch(
      /^x+\u2026\[\d+ characters left out; results are limited to 3000 characters \(--max-result-chars\)\]$/,
    );
  });

  it('cuts a long inner list of one item, keeping the JSON valid', async () => {
    const messagesSent = Array.from({ length: 400 }, (_, i) => ({ campaignId: i, eventTime: '2024-01-01T00:00:00Z' }));
    fake.route('GET', '/contacts/ann%40acme.test', {
      json: { email: 'ann@acme.test', id: 1, statistics: { messagesSent } },
    });
    const text = textOf(
      await conn.client.callTool({ name: 'get_contact_info', arguments: { identifier: 'ann@acme.test' } }),
    );
    expect(text.length).toBeLessThanOrEqual(3000);
    const item = JSON.parse(text);
    expect(item.email).toBe('ann@acme.test');
    const sent = item.statistics.messagesSent as unknown[];
    expect(sent.slice(0, -1)).toEqual(messagesSent.slice(0, sent.length - 1));
    expect(sent.at(-1)).toBe(
      `[${400 - (sent.length - 1)} more items left out; results are limited to 3000 characters (--max-result-chars)]`,
    );
  });

  it('gives paging advice only to tools that page', async () => {
    const attributes = Array.from({ length: 300 }, (_, i) => ({
      name: `ATTRIBUTE_${i}`,
      category: 'normal',
      type: 'text',
    }));
    fake.route('GET', '/contacts/attributes', { json: { attributes } });
    const listed = JSON.parse(textOf(await conn.client.callTool({ name: 'get_attributes', arguments: {} })));
    expect(listed._truncated).toMatchObject({ list: 'attributes', returned: 300 });
    expect(listed._truncated.hint).toBe(
      'get_attributes does not page; results are limited to 3000 characters (--max-result-chars)',
    );
    const hooks = Array.from({ length: 300 }, (_, i) => ({
      id: i,
      url: `https://acme.test/hook/${i}`,
      type: 'transactional',
    }));
    fake.route('GET', '/webhooks', { json: { webhooks: hooks } });
    const filtered = JSON.parse(textOf(await conn.client.callTool({ name: 'get_webhooks', arguments: {} })));
    expect(filtered._truncated.hint).toBe(
      'get_webhooks does not page: narrow it with type, sort; results are limited to 3000 characters ' +
        '(--max-result-chars)',
    );
  });

  it.each([
    [401, 'unauthorized', 'Key not found', /BREVO_API_KEY/],
    [402, 'not_enough_credits', 'Not enough credits', /credits/],
    [403, 'permission_denied', 'Unauthorized IP address', /Authorised IPs/],
  ])('adds a hint to HTTP %i', async (status, code, message, hint) => {
    fake.replyOnce({ status, json: { code, message } });
    const result = await conn.client.callTool({ name: 'get_account', arguments: {} });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`HTTP ${status} (${code})`);
    expect(textOf(result)).toContain(message);
    expect(textOf(result)).toMatch(hint);
    expect(textOf(result)).not.toMatch(/\bat .*\.js:\d+/);
  });
});
