// Resources, completions, prompts and resources/list_changed through the SDK's Client, against
// the built server (stdio, and Streamable HTTP) and the fake Brevo.
import { ResourceListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROMPTS } from '../src/prompts/index.js';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectHttp, connectStdio, startHttpServer, textOf, type Connected } from './support/mcp.js';

interface ReadCase {
  /** As listed: a resource's URI, or a template's. */
  listed: string;
  /** A concrete URI to read. */
  uri: string;
  /** What Brevo must receive. */
  path: string;
  query?: string;
  reply: unknown;
  /** Paged reads add _page to Brevo's JSON. */
  page?: { offset: number; limit: number; returned: number; total?: number };
  /** text/html resources return this text. */
  html?: string;
}

const PAGE = 'limit=50&offset=0';
const first = (returned: number, total?: number) => ({
  offset: 0,
  limit: 50,
  returned,
  ...(total === undefined ? {} : { total }),
});

// Every collection and item of the issue, with what Brevo must be asked: the table is also the
// expected listing.
const CASES: ReadCase[] = [
  {
    listed: 'brevo://account',
    uri: 'brevo://account',
    path: '/account',
    reply: { email: 'owner@acme.test', companyName: 'Acme', plan: [{ type: 'subscription', credits: 20000 }] },
  },
  {
    listed: 'brevo://contacts/lists',
    uri: 'brevo://contacts/lists',
    path: '/contacts/lists',
    query: PAGE,
    reply: { lists: [{ id: 3, name: 'Newsletter', uniqueSubscribers: 120 }], count: 1 },
    page: first(1, 1),
  },
  {
    listed: 'brevo://contacts/lists/{listId}',
    uri: 'brevo://contacts/lists/3',
    path: '/contacts/lists/3',
    reply: { id: 3, name: 'Newsletter', totalBlacklisted: 4 },
  },
  {
    listed: 'brevo://contacts/lists/{listId}/contacts{?offset,limit}',
    uri: 'brevo://contacts/lists/3/contacts',
    path: '/contacts/lists/3/contacts',
    query: PAGE,
    reply: { contacts: [{ id: 41, email: 'ann.lee@example.com', emailBlacklisted: false }], count: 1 },
    page: first(1, 1),
  },
  {
    listed: 'brevo://contacts/folders',
    uri: 'brevo://contacts/folders',
    path: '/contacts/folders',
    query: PAGE,
    reply: { folders: [{ id: 1, name: 'Customers' }], count: 1 },
    page: first(1, 1),
  },
  {
    listed: 'brevo://contacts/folders/{folderId}',
    uri: 'brevo://contacts/folders/1',
    path: '/contacts/folders/1',
    reply: { id: 1, name: 'Customers', uniqueSubscribers: 900 },
  },
  {
    listed: 'brevo://contacts/folders/{folderId}/lists{?offset,limit}',
    uri: 'brevo://contacts/folders/1/lists',
    path: '/contacts/folders/1/lists',
    query: PAGE,
    reply: {
      lists: [
        { id: 3, name: 'Newsletter' },
        { id: 4, name: 'VIP' },
      ],
      count: 2,
    },
    page: first(2, 2),
  },
  {
    listed: 'brevo://contacts/attributes',
    uri: 'brevo://contacts/attributes',
    path: '/contacts/attributes',
    reply: { attributes: [{ name: 'FIRSTNAME', category: 'normal', type: 'text' }] },
  },
  {
    listed: 'brevo://contacts/segments',
    uri: 'brevo://contacts/segments',
    path: '/contacts/segments',
    query: PAGE,
    reply: { segments: [{ id: 5, segmentName: 'Buyers' }], count: 1 },
    page: first(1, 1),
  },
  {
    listed: 'brevo://templates',
    uri: 'brevo://templates',
    path: '/smtp/templates',
    query: PAGE,
    reply: { count: 1, templates: [{ id: 7, name: 'Order shipped', htmlContent: '<p>Shipped</p>' }] },
    page: first(1, 1),
  },
  {
    listed: 'brevo://templates/{templateId}',
    uri: 'brevo://templates/7',
    path: '/smtp/templates/7',
    reply: { id: 7, name: 'Order shipped', subject: 'On its way', htmlContent: '<p>Shipped</p>' },
  },
  {
    listed: 'brevo://templates/{templateId}/html',
    uri: 'brevo://templates/7/html',
    path: '/smtp/templates/7',
    reply: { id: 7, htmlContent: '<p>Your order {{params.ORDER}} shipped</p>' },
    html: '<p>Your order {{params.ORDER}} shipped</p>',
  },
  {
    listed: 'brevo://blocked-domains',
    uri: 'brevo://blocked-domains',
    path: '/smtp/blockedDomains',
    reply: { domains: ['spam.test'] },
  },
  {
    listed: 'brevo://campaigns/email',
    uri: 'brevo://campaigns/email',
    path: '/emailCampaigns',
    query: `${PAGE}&excludeHtmlContent=true`,
    reply: { count: 1, campaigns: [{ id: 12, name: 'November news', status: 'sent' }] },
    page: first(1, 1),
  },
  {
    listed: 'brevo://campaigns/email/{campaignId}',
    uri: 'brevo://campaigns/email/12',
    path: '/emailCampaigns/12',
    reply: { id: 12, name: 'November news', statistics: { globalStats: { delivered: 980 } } },
  },
  {
    listed: 'brevo://campaigns/sms',
    uri: 'brevo://campaigns/sms',
    path: '/smsCampaigns',
    query: PAGE,
    reply: { campaigns: [{ id: 2, name: 'Flash sale' }], count: 1 },
    page: first(1, 1),
  },
  {
    listed: 'brevo://campaigns/sms/{campaignId}',
    uri: 'brevo://campaigns/sms/2',
    path: '/smsCampaigns/2',
    reply: { id: 2, name: 'Flash sale', status: 'sent' },
  },
  {
    listed: 'brevo://campaigns/whatsapp',
    uri: 'brevo://campaigns/whatsapp',
    path: '/whatsappCampaigns',
    query: PAGE,
    reply: { count: 1, campaigns: [{ id: 1672035851100690, campaignName: 'Launch' }] },
    page: first(1, 1),
  },
  {
    listed: 'brevo://campaigns/whatsapp/{campaignId}',
    uri: 'brevo://campaigns/whatsapp/1672035851100690',
    path: '/whatsappCampaigns/1672035851100690',
    reply: { id: 1672035851100690, campaignName: 'Launch' },
  },
  {
    listed: 'brevo://whatsapp/templates',
    uri: 'brevo://whatsapp/templates',
    path: '/whatsappCampaigns/template-list',
    query: PAGE,
    reply: { count: 1, templates: [{ id: 235, name: 'launch', status: 'approved' }] },
    page: first(1, 1),
  },
  {
    listed: 'brevo://senders',
    uri: 'brevo://senders',
    path: '/senders',
    reply: { senders: [{ id: 1, name: 'Acme', email: 'hello@acme.test', active: true }] },
  },
  {
    listed: 'brevo://domains',
    uri: 'brevo://domains',
    path: '/senders/domains',
    reply: { domains: [{ id: 1, domain_name: 'acme.test', authenticated: true }] },
  },
  {
    listed: 'brevo://domains/{domainName}',
    uri: 'brevo://domains/mail.acme.test',
    path: '/senders/domains/mail.acme.test',
    reply: { domain: 'mail.acme.test', verified: true, authenticated: false },
  },
  {
    listed: 'brevo://dedicated-ips',
    uri: 'brevo://dedicated-ips',
    path: '/senders/ips',
    reply: { ips: [{ id: 3, ip: '192.0.2.7', active: true }] },
  },
  {
    listed: 'brevo://webhooks',
    uri: 'brevo://webhooks',
    path: '/webhooks',
    reply: { webhooks: [{ id: 9864, url: 'https://acme.test/hook', type: 'transactional' }] },
  },
  {
    listed: 'brevo://webhooks/{webhookId}',
    uri: 'brevo://webhooks/9864',
    path: '/webhooks/9864',
    reply: { id: 9864, url: 'https://acme.test/hook', events: ['delivered'] },
  },
  {
    listed: 'brevo://processes',
    uri: 'brevo://processes',
    path: '/processes',
    query: PAGE,
    reply: { processes: [{ id: 40, status: 'completed', name: 'IMPORT' }], count: 1 },
    page: first(1, 1),
  },
  {
    listed: 'brevo://processes/{processId}',
    uri: 'brevo://processes/40',
    path: '/processes/40',
    reply: { id: 40, status: 'completed', name: 'IMPORT' },
  },
  {
    listed: 'brevo://invited-users',
    uri: 'brevo://invited-users',
    path: '/organization/invited/users',
    reply: { users: [{ email: 'owner@acme.test', status: 'active' }] },
  },
  {
    listed: 'brevo://crm/pipelines',
    uri: 'brevo://crm/pipelines',
    path: '/crm/pipeline/details/all',
    reply: [{ pipeline: '5ea675e3da0dd085acaea610', pipeline_name: 'Sales', stages: [] }],
  },
  {
    listed: 'brevo://crm/pipelines/{pipelineId}',
    uri: 'brevo://crm/pipelines/5ea675e3da0dd085acaea610',
    path: '/crm/pipeline/details/5ea675e3da0dd085acaea610',
    reply: [{ pipeline: '5ea675e3da0dd085acaea610', pipeline_name: 'Sales' }],
  },
  {
    listed: 'brevo://crm/deal-attributes',
    uri: 'brevo://crm/deal-attributes',
    path: '/crm/attributes/deals',
    reply: [{ internalName: 'deal_name', label: 'Deal Name' }],
  },
  {
    listed: 'brevo://crm/company-attributes',
    uri: 'brevo://crm/company-attributes',
    path: '/crm/attributes/companies',
    reply: [{ internalName: 'name', label: 'Company Name' }],
  },
  {
    listed: 'brevo://crm/task-types',
    uri: 'brevo://crm/task-types',
    path: '/crm/tasktypes',
    reply: [{ id: '61a88a2eb7a574180261234', title: 'Email' }],
  },
  {
    listed: 'brevo://ecommerce/categories',
    uri: 'brevo://ecommerce/categories',
    path: '/categories',
    query: PAGE,
    reply: { categories: [{ id: 'C11', name: 'Food' }], count: 1 },
    page: first(1, 1),
  },
  {
    listed: 'brevo://ecommerce/categories/{categoryId}',
    uri: 'brevo://ecommerce/categories/C11',
    path: '/categories/C11',
    reply: { id: 'C11', name: 'Food' },
  },
  {
    listed: 'brevo://ecommerce/products',
    uri: 'brevo://ecommerce/products',
    path: '/products',
    query: PAGE,
    reply: { products: [{ id: 'P11', name: 'Scarf', price: 19.5 }], count: 1 },
    page: first(1, 1),
  },
  {
    listed: 'brevo://ecommerce/products/{productId}',
    uri: 'brevo://ecommerce/products/P11',
    path: '/products/P11',
    reply: { id: 'P11', name: 'Scarf', price: 19.5 },
  },
  {
    listed: 'brevo://coupon-collections',
    uri: 'brevo://coupon-collections',
    path: '/couponCollections',
    query: PAGE,
    reply: { count: 1, collections: [{ id: '23befbae-1505-47a8-bd27-e30ef739f32c', name: 'Summer' }] },
    page: first(1, 1),
  },
  {
    listed: 'brevo://coupon-collections/{collectionId}',
    uri: 'brevo://coupon-collections/23befbae-1505-47a8-bd27-e30ef739f32c',
    path: '/couponCollections/23befbae-1505-47a8-bd27-e30ef739f32c',
    reply: { id: '23befbae-1505-47a8-bd27-e30ef739f32c', name: 'Summer', remainingCoupons: 50 },
  },
  {
    listed: 'brevo://feeds',
    uri: 'brevo://feeds',
    path: '/feeds',
    query: PAGE,
    reply: { count: 1, feeds: [{ id: 'd955aaa4-f4d6-4557-aa14-24286542ed8d', name: 'Products' }] },
    page: first(1, 1),
  },
  {
    listed: 'brevo://feeds/{feedId}',
    uri: 'brevo://feeds/d955aaa4-f4d6-4557-aa14-24286542ed8d',
    path: '/feeds/d955aaa4-f4d6-4557-aa14-24286542ed8d',
    reply: { id: 'd955aaa4-f4d6-4557-aa14-24286542ed8d', name: 'Products' },
  },
];

/** Arguments for every prompt. */
const PROMPT_ARGS: Record<string, Record<string, string>> = {
  email_campaign_report: { campaignId: '12' },
  contact_list_health: { listId: '3' },
  draft_transactional_template: { purpose: 'order shipped', testEmail: 'qa@acme.test', sender: 'hello@acme.test' },
  investigate_undelivered_email: { email: 'ann.lee@example.com', date: '2026-11-20' },
  plan_reengagement_segment: { listId: '3', inactiveDays: '60' },
  crm_pipeline_review: { pipelineId: '5ea675e3da0dd085acaea610' },
};

const LISTS = [
  { id: 3, name: 'Newsletter FR' },
  { id: 12, name: 'VIP customers' },
  { id: 120, name: 'Weekly news digest' },
  { id: 31, name: 'Old leads' },
];

type Conn = Connected & { stop?: () => Promise<unknown> };

const transports: Array<{ name: string; connect: (fake: FakeBrevo, args: string[]) => Promise<Conn> }> = [
  { name: 'stdio', connect: (fake, args) => connectStdio({ apiUrl: fake.url, args }) },
  {
    name: 'streamable http',
    connect: async (fake, args) => {
      const server = await startHttpServer({ apiUrl: fake.url, args });
      const conn = await connectHttp(server.url);
      return { ...conn, stderr: server.stderr, stop: server.stop };
    },
  },
];

for (const transport of transports) {
  describe(`resources, completions and prompts over ${transport.name}`, () => {
    let fake: FakeBrevo;
    let conn: Conn;
    const changes: string[] = [];

    beforeAll(async () => {
      fake = await FakeBrevo.start();
      conn = await transport.connect(fake, ['--toolsets', 'all']);
      conn.client.setNotificationHandler(ResourceListChangedNotificationSchema, (n) => void changes.push(n.method));
    });
    afterAll(async () => {
      await conn?.close();
      await conn?.stop?.();
      await fake?.close();
    });
    beforeEach(() => {
      fake.reset();
      changes.length = 0;
    });

    it('declares resources with listChanged, prompts and completions', () => {
      const caps = conn.client.getServerCapabilities();
      expect(caps?.resources).toEqual({ listChanged: true });
      expect(caps?.prompts).toBeDefined();
      expect(caps?.completions).toBeDefined();
    });

    it('lists every collection as a resource and every item as a template', async () => {
      const { resources } = await conn.client.listResources();
      const { resourceTemplates } = await conn.client.listResourceTemplates();
      const listed = [...resources.map((r) => r.uri), ...resourceTemplates.map((t) => t.uriTemplate)];
      expect(listed.sort()).toEqual(CASES.map((c) => c.listed).sort());
      for (const r of [...resources, ...resourceTemplates]) {
        expect(r.name, JSON.stringify(r)).toMatch(/^[a-z-]+$/);
        expect(r.title).toBeTruthy();
        expect(r.description).toBeTruthy();
        expect(r.mimeType).toBe(r.name === 'email-template-html' ? 'text/html' : 'application/json');
      }
    });

    for (const c of CASES) {
      it(`reads ${c.uri} from ${c.path}${c.query ? `?${c.query}` : ''}`, async () => {
        fake.route('GET', c.path, { json: c.reply });
        const { contents } = await conn.client.readResource({ uri: c.uri });
        expect(fake.requests).toHaveLength(1);
        expect(fake.last()).toMatchObject({ method: 'GET', path: c.path, query: c.query ?? '' });
        expect(contents).toHaveLength(1);
        const content = contents[0] as { uri: string; mimeType: string; text: string };
        expect(content.uri).toBe(c.uri);
        if (c.html !== undefined) {
          expect(content).toEqual({ uri: c.uri, mimeType: 'text/html', text: c.html });
          return;
        }
        expect(content.mimeType).toBe('application/json');
        expect(JSON.parse(content.text)).toEqual(c.page ? { ...(c.reply as object), _page: c.page } : c.reply);
      });
    }

    it("pages a collection through the next page's URI, to the end", async () => {
      const all = Array.from({ length: 120 }, (_, i) => ({ id: 1000 + i, email: `person${i}@example.com` }));
      fake.route('GET', '/contacts/lists/3/contacts', (req) => {
        const q = new URLSearchParams(req.query);
        const offset = Number(q.get('offset'));
        return { json: { contacts: all.slice(offset, offset + Number(q.get('limit'))), count: all.length } };
      });
      const seen: number[] = [];
      const queries: string[] = [];
      let uri: string | undefined = 'brevo://contacts/lists/3/contacts?limit=50';
      while (uri) {
        const body = JSON.parse((await conn.client.readResource({ uri })).contents[0]!.text as string);
        queries.push(fake.last().query);
        seen.push(...body.contacts.map((c: { id: number }) => c.id));
        uri = body._page.next;
        if (uri) expect(body._page).toMatchObject({ returned: 50, total: 120 });
      }
      expect(queries).toEqual(['limit=50&offset=0', 'limit=50&offset=50', 'limit=50&offset=100']);
      expect(seen).toEqual(all.map((c) => c.id));
    });

    it("keeps filters in the next page's URI", async () => {
      fake.route('GET', '/emailCampaigns', {
        json: { count: 30, campaigns: Array.from({ length: 10 }, (_, i) => ({ id: i })) },
      });
      const body = JSON.parse(
        (await conn.client.readResource({ uri: 'brevo://campaigns/email?status=sent&limit=10' })).contents[0]!
          .text as string,
      );
      expect(fake.last().query).toBe('status=sent&limit=10&offset=0&excludeHtmlContent=true');
      expect(body._page.next).toBe('brevo://campaigns/email?status=sent&offset=10&limit=10');
    });

    it("turns a Brevo error on a read into an MCP error with Brevo's message", async () => {
      fake.replyOnce({ status: 404, json: { code: 'document_not_found', message: 'List ID does not exist' } });
      await expect(conn.client.readResource({ uri: 'brevo://contacts/lists/999' })).rejects.toMatchObject({
        code: -32602,
        message: expect.stringContaining('List ID does not exist'),
      });
      fake.replyOnce({
        status: 403,
        json: { code: 'permission_denied', message: 'Your plan does not include WhatsApp' },
      });
      await expect(conn.client.readResource({ uri: 'brevo://campaigns/whatsapp' })).rejects.toMatchObject({
        code: -32603,
        message: expect.stringMatching(/HTTP 403 \(permission_denied\).*Your plan does not include WhatsApp/),
      });
    });

    it('refuses a URI it does not serve, and a bad page, without calling Brevo', async () => {
      await expect(conn.client.readResource({ uri: 'brevo://contacts/everything' })).rejects.toMatchObject({
        code: -32602,
        message: expect.stringContaining('Resource not found'),
      });
      await expect(conn.client.readResource({ uri: 'brevo://contacts/lists?limit=500' })).rejects.toThrow(
        /limit must be a whole number from 1 to 50/,
      );
      expect(fake.requests).toHaveLength(0);
    });

    it('completes a list id from the account by typed prefix and by name, fetching once', async () => {
      fake.route('GET', '/contacts/lists', { json: { lists: LISTS, count: LISTS.length } });
      const ref = { type: 'ref/resource' as const, uri: 'brevo://contacts/lists/{listId}' };
      const byId = await conn.client.complete({ ref, argument: { name: 'listId', value: '1' } });
      expect(byId.completion).toEqual({ values: ['12', '120'], total: 2, hasMore: false });
      const byName = await conn.client.complete({ ref, argument: { name: 'listId', value: 'news' } });
      expect(byName.completion.values).toEqual(['3', '120']);
      const paged = await conn.client.complete({
        ref: { type: 'ref/resource', uri: 'brevo://contacts/lists/{listId}/contacts{?offset,limit}' },
        argument: { name: 'listId', value: '3' },
      });
      expect(paged.completion.values).toEqual(['3', '31']);
      // A prompt argument naming a list completes the same way, from the same fetch.
      const prompt = await conn.client.complete({
        ref: { type: 'ref/prompt', name: 'contact_list_health' },
        argument: { name: 'listId', value: 'vip' },
      });
      expect(prompt.completion.values).toEqual(['12']);
      expect(fake.requests.map((r) => `${r.path}?${r.query}`)).toEqual(['/contacts/lists?limit=50&offset=0']);
    });

    it('completes other kinds through their list operations', async () => {
      fake.route('GET', '/smtp/templates', {
        json: {
          count: 2,
          templates: [
            { id: 7, name: 'Order shipped' },
            { id: 8, name: 'Welcome' },
          ],
        },
      });
      fake.route('GET', '/senders/domains', {
        json: {
          domains: [
            { id: 1, domain_name: 'acme.test' },
            { id: 2, domain_name: 'mail.acme.test' },
          ],
        },
      });
      fake.route('GET', '/crm/pipeline/details/all', {
        json: [{ pipeline: '5ea675e3da0dd085acaea610', pipeline_name: 'Sales' }],
      });
      const complete = async (uri: string, name: string, value: string) =>
        (await conn.client.complete({ ref: { type: 'ref/resource', uri }, argument: { name, value } })).completion
          .values;
      expect(await complete('brevo://templates/{templateId}/html', 'templateId', 'wel')).toEqual(['8']);
      expect(await complete('brevo://domains/{domainName}', 'domainName', 'mail')).toEqual(['mail.acme.test']);
      expect(await complete('brevo://crm/pipelines/{pipelineId}', 'pipelineId', 'sal')).toEqual([
        '5ea675e3da0dd085acaea610',
      ]);
      // Not a variable that names anything: no values, and nothing asked of Brevo.
      const before = fake.requests.length;
      expect(await complete('brevo://contacts/lists/{listId}/contacts{?offset,limit}', 'offset', '')).toEqual([]);
      expect(fake.requests).toHaveLength(before);
      await expect(
        conn.client.complete({
          ref: { type: 'ref/resource', uri: 'brevo://nothing/{id}' },
          argument: { name: 'id', value: '' },
        }),
      ).rejects.toThrow(/No resource template/);
    });

    it('lists every prompt with its arguments, and gets each with arguments', async () => {
      const { prompts } = await conn.client.listPrompts();
      expect(prompts.map((p) => p.name).sort()).toEqual(PROMPTS.map((p) => p.name).sort());
      for (const prompt of prompts) {
        expect(prompt.description).toBeTruthy();
        const args = PROMPT_ARGS[prompt.name]!;
        for (const name of prompt.arguments?.filter((a) => a.required).map((a) => a.name) ?? [])
          expect(args, prompt.name).toHaveProperty(name);
        const got = await conn.client.getPrompt({ name: prompt.name, arguments: args });
        expect(got.messages).toHaveLength(1);
        expect(got.messages[0]!.role).toBe('user');
        const text = (got.messages[0]!.content as { type: string; text: string }).text;
        for (const value of Object.values(args)) expect(text, prompt.name).toContain(value);
        expect(text).toMatch(/`[a-z_]+`/);
      }
      await expect(conn.client.getPrompt({ name: 'contact_list_health', arguments: {} })).rejects.toMatchObject({
        code: -32602,
        message: expect.stringContaining('listId is required'),
      });
      await expect(conn.client.getPrompt({ name: 'no_such_prompt' })).rejects.toMatchObject({ code: -32602 });
    });

    it('announces resources/list_changed after create_list succeeds, not after a read or a failure', async () => {
      fake.route('POST', '/contacts/lists', { status: 201, json: { id: 77 } });
      const created = await conn.client.callTool({
        name: 'create_list',
        arguments: { name: 'Black Friday', folderId: 1 },
      });
      expect(created.isError, textOf(created)).toBeFalsy();
      await vi.waitFor(() => expect(changes).toEqual(['notifications/resources/list_changed']), { timeout: 2_000 });

      changes.length = 0;
      fake.route('GET', '/contacts/lists', { json: { lists: [...LISTS, { id: 77, name: 'Black Friday' }], count: 5 } });
      expect((await conn.client.callTool({ name: 'get_lists', arguments: {} })).isError).toBeFalsy();
      await conn.client.readResource({ uri: 'brevo://contacts/lists' });
      fake.replyOnce({ status: 400, json: { code: 'invalid_parameter', message: 'folderId is not valid' } });
      expect(
        (await conn.client.callTool({ name: 'create_list', arguments: { name: 'x', folderId: 999 } })).isError,
      ).toBe(true);
      await conn.client.ping();
      expect(changes).toEqual([]);
    });

    it('offers the new list in completions after the change (the cache is dropped)', async () => {
      fake.route('GET', '/contacts/lists', { json: { lists: [...LISTS, { id: 77, name: 'Black Friday' }], count: 5 } });
      const { completion } = await conn.client.complete({
        ref: { type: 'ref/resource', uri: 'brevo://contacts/lists/{listId}' },
        argument: { name: 'listId', value: 'black' },
      });
      expect(completion.values).toEqual(['77']);
    });
  });
}

describe('a narrower session (read-only, default toolsets, --max-result-chars 3000)', () => {
  let fake: FakeBrevo;
  let conn: Connected;
  beforeAll(async () => {
    fake = await FakeBrevo.start();
    conn = await connectStdio({
      apiUrl: fake.url,
      args: ['--toolsets', 'transactional_email,contacts,account', '--read-only', '--max-result-chars', '3000'],
    });
  });
  afterAll(async () => {
    await conn?.close();
    await fake?.close();
  });

  it('lists only the prompts whose tools the session has (default toolsets, read-only)', async () => {
    const { prompts } = await conn.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual([
      'contact_list_health',
      'investigate_undelivered_email',
      'plan_reengagement_segment',
    ]);
    await expect(
      conn.client.getPrompt({ name: 'email_campaign_report', arguments: { campaignId: '12' } }),
    ).rejects.toThrow(/needs the tools get_email_campaign/);
    const health = await conn.client.getPrompt({ name: 'contact_list_health', arguments: { listId: '3' } });
    expect((health.messages[0]!.content as { text: string }).text).not.toMatch(
      /remove_contact_from_list|update_contact/,
    );
  });

  it('bounds a read by --max-result-chars, the next page starting at the first contact left out', async () => {
    const contacts = Array.from({ length: 200 }, (_, i) => ({
      id: i,
      email: `person${i}@example.com`,
      attributes: { FIRSTNAME: 'Alexandra', LASTNAME: 'Montgomery' },
    }));
    fake.route('GET', '/contacts/lists/3/contacts', { json: { contacts, count: 200 } });
    const text = (await conn.client.readResource({ uri: 'brevo://contacts/lists/3/contacts?limit=200' })).contents[0]!
      .text as string;
    expect(text.length).toBeLessThanOrEqual(3000);
    const body = JSON.parse(text);
    expect(body._page.next).toBe(`brevo://contacts/lists/3/contacts?offset=${body.contacts.length}&limit=200`);
    expect(body._truncated.hint).toContain(body._page.next);
  });

  it('still serves every resource: they are read-only', async () => {
    const { resources } = await conn.client.listResources();
    expect(resources.map((r) => r.uri)).toContain('brevo://campaigns/email');
    fake.route('GET', '/emailCampaigns/12', { json: { id: 12 } });
    expect(
      JSON.parse((await conn.client.readResource({ uri: 'brevo://campaigns/email/12' })).contents[0]!.text as string),
    ).toEqual({ id: 12 });
  });
});

describe('a stateless HTTP server', () => {
  it("still sends resources/list_changed, on the tool call's own response stream", async () => {
    const fake = await FakeBrevo.start();
    const server = await startHttpServer({ apiUrl: fake.url, args: ['--stateless'] });
    const conn = await connectHttp(server.url);
    try {
      const changes: string[] = [];
      conn.client.setNotificationHandler(ResourceListChangedNotificationSchema, (n) => void changes.push(n.method));
      fake.route('DELETE', '/contacts/folders/4', { status: 204 });
      expect((await conn.client.callTool({ name: 'delete_folder', arguments: { folderId: 4 } })).isError).toBeFalsy();
      await vi.waitFor(() => expect(changes).toEqual(['notifications/resources/list_changed']), { timeout: 2_000 });
    } finally {
      await conn.close();
      await server.stop();
      await fake.close();
    }
  });
});
