// The resource catalog on its own: definitions against the catalog, URI parsing, paging, size
// bounds and which tools change resources, with a stub in place of the Brevo client.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrevoClient, BrevoRequest, BrevoResponse } from '../client/brevo-client.js';
import { BrevoApiError } from '../client/errors.js';
import { SOURCES } from '../completions/sources.js';
import { readManifest } from '../tools/manifest.js';
import { RESOURCES, ResourceCatalog, resourceCatalog } from './index.js';

const manifest = readManifest();
const catalog = resourceCatalog(manifest);

function stub(answer: (req: BrevoRequest) => BrevoResponse) {
  const requests: BrevoRequest[] = [];
  const client = {
    request: async (req: BrevoRequest) => {
      requests.push(req);
      return answer(req);
    },
  } as unknown as BrevoClient;
  return { client, requests };
}

const json = (data: unknown): BrevoResponse => ({ status: 200, kind: 'json', data });
const textOf = (result: { contents: Array<{ text?: unknown }> }) => result.contents[0]!.text as string;

describe('resource definitions', () => {
  it("each reads with a GET operation of the catalog, and its variables are that operation's path parameters", () => {
    const byName = new Map(manifest.map((t) => [t.name, t]));
    for (const def of RESOURCES) {
      const entry = byName.get(def.operation);
      expect(entry, def.uri).toBeDefined();
      expect(entry!.method, def.uri).toBe('GET');
      const vars = [...def.uri.matchAll(/\{([^}]+)\}/g)].map((m) => def.argNames?.[m[1]!] ?? m[1]!);
      const pathParams = [...entry!.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(vars.sort(), def.uri).toEqual(pathParams.sort());
      for (const source of Object.values(def.complete ?? {})) expect(SOURCES[source], def.uri).toBeDefined();
      for (const filter of def.filters ?? [])
        expect((entry!.inputSchema as { properties: object }).properties, def.uri).toHaveProperty(filter);
    }
  });

  it('has unique URIs and names', () => {
    const uris = RESOURCES.map((r) => r.uri);
    const names = RESOURCES.map((r) => r.name);
    expect(uris.filter((u, i) => uris.indexOf(u) !== i)).toEqual([]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('offers a completion for every template variable', () => {
    for (const def of RESOURCES)
      for (const [, name] of def.uri.matchAll(/\{([^}]+)\}/g))
        expect(def.complete?.[name!], `${def.uri} ${name}`).toBeDefined();
  });

  it('lists collections as resources and items as templates, paged templates with {?offset,limit}', () => {
    expect(catalog.list().every((r) => !r.uri.includes('{'))).toBe(true);
    expect(catalog.templates().map((t) => t.uriTemplate)).toContain(
      'brevo://contacts/lists/{listId}/contacts{?offset,limit}',
    );
    expect(catalog.templates().map((t) => t.uriTemplate)).toContain('brevo://contacts/lists/{listId}');
    const lists = catalog.list().find((r) => r.uri === 'brevo://contacts/lists')!;
    expect(lists.description).toMatch(/Paged: \?offset=0&limit=50 \(limit up to 50/);
    expect(catalog.templates().find((t) => t.name === 'email-template-html')?.mimeType).toBe('text/html');
  });

  it("are all in docs/resources.md's table, as listed", () => {
    const readme = readFileSync(new URL('../../docs/resources.md', import.meta.url), 'utf8');
    const rows = readme.split('\n').map((l) => l.replace(/ +\|/g, ' |'));
    for (const uri of [...catalog.list().map((r) => r.uri), ...catalog.templates().map((t) => t.uriTemplate)])
      expect(
        rows.some((row) => row.startsWith(`| \`${uri}\` |`)),
        uri,
      ).toBe(true);
  });

  it('refuses a definition whose operation is not in the catalog', () => {
    expect(
      () =>
        new ResourceCatalog(manifest, [
          { uri: 'brevo://x', name: 'x', title: 'X', description: 'x', operation: 'get_nothing' },
        ]),
    ).toThrow(/get_nothing/);
  });
});

describe('resolving a URI', () => {
  it("fills the operation's arguments from the path, typed by the catalog", () => {
    expect(catalog.resolve('brevo://contacts/lists/12').args).toEqual({ listId: 12 });
    expect(catalog.resolve('brevo://crm/pipelines/5ea675e3da0dd085acaea610').args).toEqual({
      pipelineID: '5ea675e3da0dd085acaea610',
    });
    expect(catalog.resolve('brevo://domains/mail.acme.test').args).toEqual({ domainName: 'mail.acme.test' });
    expect(catalog.resolve('brevo://ecommerce/products/SKU%2F12').args).toEqual({ id: 'SKU/12' });
    expect(catalog.resolve('brevo://templates/7/html').resource.def.name).toBe('email-template-html');
  });

  it('pages with a default, takes offset and limit, and keeps filters', () => {
    expect(catalog.resolve('brevo://contacts/lists').args).toEqual({ offset: 0, limit: 50 });
    expect(catalog.resolve('brevo://contacts/lists?limit=10&offset=20').args).toEqual({ offset: 20, limit: 10 });
    expect(catalog.resolve('brevo://contacts/lists/4/contacts?limit=500').args).toEqual({
      listId: 4,
      offset: 0,
      limit: 500,
    });
    expect(catalog.resolve('brevo://campaigns/email?status=sent').args).toEqual({
      excludeHtmlContent: true,
      status: 'sent',
      offset: 0,
      limit: 50,
    });
    expect(catalog.resolve('brevo://templates?templateStatus=true').args).toMatchObject({ templateStatus: true });
    expect(catalog.resolve('brevo://webhooks?type=marketing').args).toEqual({ type: 'marketing' });
  });

  it('refuses what it does not know, and wrong queries, as invalid params naming the problem', () => {
    const code = (uri: string) => {
      try {
        catalog.resolve(uri);
      } catch (error) {
        return `${(error as { code: number }).code} ${(error as Error).message}`;
      }
      return 'resolved';
    };
    expect(code('brevo://nothing')).toMatch(/-32602.*Resource not found: brevo:\/\/nothing/);
    expect(code('https://contacts/lists')).toMatch(/Resource not found/);
    expect(code('brevo://contacts/lists/1/2/3')).toMatch(/Resource not found/);
    expect(code('brevo://contacts/lists?limit=51')).toMatch(/limit must be a whole number from 1 to 50, got "51"/);
    expect(code('brevo://contacts/lists?limit=0')).toMatch(/limit must be/);
    expect(code('brevo://contacts/lists?offset=-1')).toMatch(/offset must be/);
    expect(code('brevo://contacts/lists?limit=5&limit=6')).toMatch(/given twice/);
    expect(code('brevo://contacts/lists?sort=asc')).toMatch(
      /unknown query parameter "sort"; this resource takes offset, limit/,
    );
    expect(code('brevo://account?offset=1')).toMatch(/takes no query parameters/);
    expect(code('brevo://domains/%E0%A4%A')).toMatch(/not a valid URI segment/);
  });
});

describe('reading', () => {
  it("sends the operation through the executor and returns Brevo's JSON", async () => {
    const { client, requests } = stub(() => json({ email: 'owner@acme.test' }));
    const result = await catalog.read('brevo://account', { client, maxResultChars: 40_000 });
    expect(result.contents).toEqual([
      { uri: 'brevo://account', mimeType: 'application/json', text: '{"email":"owner@acme.test"}' },
    ]);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/account', query: [] });
  });

  it("states the page and the next page's URI, keeping filters", async () => {
    const { client, requests } = stub((req) => {
      const offset = Number(req.query!.find(([k]) => k === 'offset')![1]);
      const campaigns = Array.from({ length: Math.min(20, 45 - offset) }, (_, i) => ({ id: offset + i + 1 }));
      return json({ count: 45, campaigns });
    });
    const first = JSON.parse(
      textOf(await catalog.read('brevo://campaigns/email?status=sent&limit=20', { client, maxResultChars: 40_000 })),
    );
    expect(first._page).toEqual({
      offset: 0,
      limit: 20,
      returned: 20,
      total: 45,
      next: 'brevo://campaigns/email?status=sent&offset=20&limit=20',
    });
    expect(requests[0]!.query).toEqual([
      ['status', 'sent'],
      ['limit', '20'],
      ['offset', '0'],
      ['excludeHtmlContent', 'true'],
    ]);
    // A count that promises more than comes back still ends: an empty page has no next.
    const empty = stub(() => json({ count: 45, campaigns: [] }));
    const stuck = JSON.parse(
      textOf(await catalog.read('brevo://campaigns/email?offset=20', { client: empty.client, maxResultChars: 40_000 })),
    );
    expect(stuck._page).toEqual({ offset: 20, limit: 50, returned: 0, total: 45 });
    const last = JSON.parse(
      textOf(
        await catalog.read('brevo://campaigns/email?status=sent&offset=40&limit=20', {
          client,
          maxResultChars: 40_000,
        }),
      ),
    );
    expect(last._page).toEqual({ offset: 40, limit: 20, returned: 5, total: 45 });
  });

  it('without a count, a full page has a next page and a short one does not', async () => {
    let size = 50;
    const { client } = stub(() => json({ contacts: Array.from({ length: size }, (_, i) => ({ id: i })) }));
    const full = JSON.parse(
      textOf(await catalog.read('brevo://contacts/lists/3/contacts', { client, maxResultChars: 40_000 })),
    );
    expect(full._page.next).toBe('brevo://contacts/lists/3/contacts?offset=50&limit=50');
    size = 7;
    const short = JSON.parse(
      textOf(await catalog.read('brevo://contacts/lists/3/contacts?offset=50', { client, maxResultChars: 40_000 })),
    );
    expect(short._page).toEqual({ offset: 50, limit: 50, returned: 7 });
    size = 0;
    const past = JSON.parse(
      textOf(await catalog.read('brevo://contacts/lists/3/contacts?offset=900', { client, maxResultChars: 40_000 })),
    );
    expect(past._page).toEqual({ offset: 900, limit: 50, returned: 0 });
  });

  it('cuts a page too big for one read and points the next page at the first item left out', async () => {
    const contacts = Array.from({ length: 200 }, (_, i) => ({
      id: i,
      email: `person${i}@example.com`,
      attributes: { FIRSTNAME: 'x'.repeat(40) },
    }));
    const { client } = stub(() => json({ contacts, count: 1000 }));
    const text = textOf(
      await catalog.read('brevo://contacts/lists/3/contacts?offset=100&limit=200', { client, maxResultChars: 5_000 }),
    );
    expect(text.length).toBeLessThanOrEqual(5_000);
    const body = JSON.parse(text);
    const kept = body.contacts.length;
    expect(kept).toBeGreaterThan(5);
    expect(kept).toBeLessThan(200);
    expect(body._page).toEqual({
      offset: 100,
      limit: 200,
      returned: kept,
      total: 1000,
      next: `brevo://contacts/lists/3/contacts?offset=${100 + kept}&limit=200`,
    });
    expect(body._truncated.hint).toBe(
      `read brevo://contacts/lists/3/contacts?offset=${100 + kept}&limit=200 for the rest`,
    );
  });

  it('cuts an unpaged collection too big with a note saying Brevo does not page it', async () => {
    const attributes = Array.from({ length: 300 }, (_, i) => ({
      name: `ATTRIBUTE_${i}`,
      category: 'normal',
      type: 'text',
    }));
    const { client } = stub(() => json({ attributes }));
    const text = textOf(await catalog.read('brevo://contacts/attributes', { client, maxResultChars: 3_000 }));
    expect(text.length).toBeLessThanOrEqual(3_000);
    expect(JSON.parse(text)._truncated.hint).toMatch(/does not page this collection.*--max-result-chars/);
  });

  it('keeps one big item valid JSON, pointing at the HTML resource for the HTML left out', async () => {
    const html = `<html>${'<p>Hello</p>'.repeat(2_000)}</html>`;
    const { client } = stub(() => json({ id: 7, name: 'Welcome', subject: 'Hi', htmlContent: html }));
    const text = textOf(await catalog.read('brevo://templates/7', { client, maxResultChars: 2_000 }));
    expect(text.length).toBeLessThanOrEqual(2_000);
    const item = JSON.parse(text);
    expect(item).toMatchObject({ id: 7, name: 'Welcome', subject: 'Hi' });
    // Shortened in place: its start kept, then a marker pointing at the resource with the whole HTML.
    const [start, marker] = item.htmlContent.split('\u2026');
    expect(html.startsWith(start)).toBe(true);
    expect(start.length).toBeGreaterThan(1_000);
    expect(marker).toBe(
      `[${html.length - start.length} characters left out; read brevo://templates/7/html for the whole text]`,
    );

    const whole = await catalog.read('brevo://templates/7/html', { client, maxResultChars: 100_000 });
    expect(whole.contents[0]).toEqual({ uri: 'brevo://templates/7/html', mimeType: 'text/html', text: html });
    const cut = textOf(await catalog.read('brevo://templates/7/html', { client, maxResultChars: 1_000 }));
    expect(cut).toMatch(/^<html><p>Hello<\/p>/);
    expect(cut).toMatch(
      /<!-- brevo-mcp: \d+ more characters were cut to fit one read \(--max-result-chars 1000\) -->$/,
    );
  });

  it('summarises long HTML in listings, as tools do', async () => {
    const { client } = stub(() =>
      json({
        count: 2,
        templates: [
          { id: 1, htmlContent: 'x'.repeat(5_000) },
          { id: 2, htmlContent: '<p>short</p>' },
        ],
      }),
    );
    const body = JSON.parse(textOf(await catalog.read('brevo://templates', { client, maxResultChars: 40_000 })));
    expect(body.templates[0].htmlContent).toMatch(/5000 characters of HTML omitted/);
    expect(body.templates[1].htmlContent).toBe('<p>short</p>');
  });

  it("turns Brevo errors into MCP errors with Brevo's message: 404 invalid params, others internal", async () => {
    let status = 404;
    const { client } = stub(() => {
      throw new BrevoApiError(
        status,
        status === 404 ? 'document_not_found' : 'internal_error',
        status === 404 ? 'List ID does not exist' : 'Something broke',
      );
    });
    await expect(catalog.read('brevo://contacts/lists/9', { client, maxResultChars: 1_000 })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining(
        'HTTP 404 (document_not_found) for brevo://contacts/lists/9: List ID does not exist',
      ),
      data: { uri: 'brevo://contacts/lists/9', status: 404, code: 'document_not_found' },
    });
    status = 500;
    await expect(catalog.read('brevo://contacts/lists/9', { client, maxResultChars: 1_000 })).rejects.toMatchObject({
      code: -32603,
      message: expect.stringContaining('Something broke'),
    });
  });

  it('refuses an id of the wrong type before anything is sent', async () => {
    const { client, requests } = stub(() => json({}));
    await expect(
      catalog.read('brevo://contacts/lists/twelve', { client, maxResultChars: 1_000 }),
    ).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/listId/) });
    expect(requests).toHaveLength(0);
  });
});

describe('which tools change resources', () => {
  const changing = catalog.changingTools;

  it('counts writes to a collection, its items and their parts', () => {
    for (const tool of [
      'create_list',
      'update_list',
      'delete_list',
      'add_contact_to_list',
      'create_folder',
      'delete_folder',
      'create_contact',
      'import_contacts',
      'update_batch_contacts',
      'create_smtp_template',
      'update_smtp_template',
      'delete_smtp_template',
      'create_email_campaign',
      'update_campaign_status',
      'create_sms_campaign',
      'delete_whatsapp_campaign',
      'create_whatsapp_template',
      'create_webhook',
      'delete_webhook',
      'create_sender',
      'create_domain',
      'authenticate_domain',
      'block_new_domain',
      'invite_user',
      'create_crm_attribute',
      'create_update_product',
      'create_coupon_collection',
      'create_coupons',
      'create_external_feed',
    ]) {
      expect(changing.has(tool), tool).toBe(true);
    }
  });

  it('leaves out reads and writes to things no resource shows', () => {
    for (const tool of [
      'get_lists',
      'get_list',
      'send_transac_email',
      'send_transac_sms',
      'create_deal',
      'create_company',
      'create_task',
      'create_order',
      'create_event',
      'track_event',
      'create_loyalty_program',
      'create_sub_account',
      'unblock_transac_contact',
    ]) {
      expect(changing.has(tool), tool).toBe(false);
    }
    expect([...changing].every((name) => manifest.find((t) => t.name === name)!.method !== 'GET')).toBe(true);
  });
});
