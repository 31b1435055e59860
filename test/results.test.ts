// Lean results: compact JSON, a cap on size with a note saying how to get the rest, HTML bodies
// summarised in listings, and errors with a hint a person or model can act on.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectStdio, textOf, type Connected } from './support/mcp.js';

const contacts = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: from + i + 1, email: `customer${from + i + 1}@example.com`, attributes: { FIRSTNAME: `Name${i}`, LASTNAME: 'Example' }, listIds: [3, 7] }));

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
    expect(textOf(await conn.client.callTool({ name: 'get_lists', arguments: {} }))).toBe('{"count":1,"lists":[{"id":3,"name":"VIP"}]}');
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
    fake.route('GET', '/smtp/templates', { json: { count: 2, templates: [{ id: 1, name: 'Welcome', htmlContent: html }, { id: 2, name: 'Short', htmlContent: '<p>Hi</p>' }] } });
    const listed = JSON.parse(textOf(await conn.client.callTool({ name: 'get_smtp_templates', arguments: {} })));
    expect(listed.templates[0].htmlContent).toMatch(/^\[\d+ characters of HTML omitted/);
    expect(listed.templates[1].htmlContent).toBe('<p>Hi</p>');
    fake.route('GET', '/smtp/templates/1', { json: { id: 1, name: 'Welcome', htmlContent: html.slice(0, 2500) } });
    const one = JSON.parse(textOf(await conn.client.callTool({ name: 'get_smtp_template', arguments: { templateId: 1 } })));
    expect(one.htmlContent).toBe(html.slice(0, 2500));
  });

  it('cuts an answer that is not a list with a note', async () => {
    fake.route('GET', '/account', { json: { description: 'x'.repeat(5000) } });
    const text = textOf(await conn.client.callTool({ name: 'get_account', arguments: {} }));
    expect(text).toMatch(/\[cut: \d+ more characters/);
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
