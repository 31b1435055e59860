// The sandbox's answers with real state against Brevo's official definition in ../shared/reference:
// each answer's status is one of the operation's success statuses, and its body uses only the
// field names the definition gives, with the required ones present and the types right. Skips
// with a printed reason where ../shared is absent (a user's machine).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkAgainst, successResponses } from '../scripts/lib/response-schemas.mjs';
import { contractRows, sharedAvailable, sharedDir } from '../scripts/lib/reference.mjs';
import { responsesUrl } from './support/emulator.js';
import { startSandbox, type Sandbox } from '../src/sandbox/server.js';
import type { Json } from './support/json.js';

const available = sharedAvailable();
if (!available)
  console.warn(
    `sandbox contract test skipped: ${sharedDir} (Brevo's reference definitions) is not present on this machine`,
  );

type Call = [method: string, template: string, path: string, body?: unknown];

describe.skipIf(!available)('sandbox answers against the official definition', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  /**
   * Where the definition leaves out what the answer needs, the sandbox gives it and says why:
   * these differences are expected; any other is a defect.
   */
  const BEYOND_DEFINITION: [RegExp, string][] = [
    [
      /crm\/files.*\.id: not in the definition/,
      'file data has no id, which download_file, get_file_details and delete_file need',
    ],
    [
      /crm\/notes.*\.companyIds: not in the definition/,
      "a note's answer leaves out companyIds, which create_note and update_note take",
    ],
    [
      /^GET \/processes.*\.info: not in the definition/,
      "an import's info (URLs of its reports of invalid and duplicate rows) is Brevo's, newer than the definition",
    ],
    [
      /^GET \/crm\/tasktypes: not an object$/,
      '"Returns all the Task types", with the schema of one: the sandbox answers the list',
    ],
  ];
  const unexpected = (problems: string[]) =>
    problems.filter((p) => !BEYOND_DEFINITION.some(([pattern]) => pattern.test(p)));

  async function check(calls: Call[]): Promise<string[]> {
    const problems: string[] = [];
    for (const [method, template, path, body] of calls) {
      const res = await fetch(sandbox.url + path, {
        method,
        headers: { 'api-key': sandbox.apiKey, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      const where = `${method} ${path}`;
      const success = successResponses('openapi-v3', method, template).find(
        (r: { status: number }) => r.status === res.status,
      );
      if (!success) {
        problems.push(`${where}: status ${res.status} is not a success status of ${template} (${text.slice(0, 200)})`);
        continue;
      }
      if (!success.contentType) {
        if (text)
          problems.push(
            `${where}: the definition gives no content for ${res.status}, the sandbox sent ${text.slice(0, 100)}`,
          );
        continue;
      }
      if (!text) {
        if (success.schema) problems.push(`${where}: no body, the definition gives one`);
        continue;
      }
      if (success.schema) problems.push(...checkAgainst(success.doc, success.schema, JSON.parse(text), where));
    }
    return unexpected(problems);
  }

  it('has a stored answer for every contract operation, fitting its success response', () => {
    const stored = JSON.parse(readFileSync(responsesUrl, 'utf8')) as Record<string, [number, unknown?, string?]>;
    const rows = contractRows();
    expect(Object.keys(stored).sort()).toEqual(
      rows.map((r: { method: string; path: string }) => `${r.method} ${r.path}`).sort(),
    );
    const problems: string[] = [];
    for (const row of rows) {
      if (row.spec === 'tracker-docs') continue;
      const [status, body, contentType] = stored[`${row.method} ${row.path}`]!;
      const success = successResponses(row.spec, row.method, row.path).find(
        (r: { status: number }) => r.status === status,
      );
      if (!success) problems.push(`${row.method} ${row.path}: ${status} is not a success status`);
      else if (!contentType && success.schema && body !== undefined)
        problems.push(...checkAgainst(success.doc, success.schema, body, `${row.method} ${row.path}`));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it("reads (GET) in the definition's shapes", async () => {
    const emails = (await (
      await fetch(`${sandbox.url}/smtp/emails?email=emma.martin%40example.com`, {
        headers: { 'api-key': sandbox.apiKey },
      })
    ).json()) as {
      transactionalEmails: { uuid: string }[];
    };
    const problems = await check([
      ['GET', '/account', '/account'],
      ['GET', '/contacts', '/contacts?limit=5'],
      ['GET', '/contacts/{identifier}', '/contacts/emma.martin%40example.com'],
      ['GET', '/contacts/{identifier}', '/contacts/5'],
      ['GET', '/contacts/{identifier}/campaignStats', '/contacts/5/campaignStats'],
      ['GET', '/contacts/folders', '/contacts/folders'],
      ['GET', '/contacts/folders/{folderId}', '/contacts/folders/1'],
      ['GET', '/contacts/folders/{folderId}/lists', '/contacts/folders/1/lists'],
      ['GET', '/contacts/lists', '/contacts/lists'],
      ['GET', '/contacts/lists/{listId}', '/contacts/lists/3'],
      ['GET', '/contacts/lists/{listId}/contacts', '/contacts/lists/1/contacts'],
      ['GET', '/contacts/attributes', '/contacts/attributes'],
      ['GET', '/smtp/templates', '/smtp/templates'],
      ['GET', '/smtp/templates/{templateId}', '/smtp/templates/1'],
      ['GET', '/smtp/emails', '/smtp/emails?email=emma.martin%40example.com'],
      ['GET', '/smtp/emails/{uuid}', `/smtp/emails/${emails.transactionalEmails[0]!.uuid}`],
      ['GET', '/smtp/statistics/events', '/smtp/statistics/events'],
      ['GET', '/smtp/statistics/aggregatedReport', '/smtp/statistics/aggregatedReport'],
      ['GET', '/emailCampaigns', '/emailCampaigns'],
      ['GET', '/emailCampaigns/{campaignId}', '/emailCampaigns/1'],
      ['GET', '/emailCampaigns/{campaignId}', '/emailCampaigns/2'],
      ['GET', '/senders', '/senders'],
      ['GET', '/webhooks', '/webhooks'],
      ['GET', '/webhooks/{webhookId}', '/webhooks/1'],
    ]);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it("writes answer with the definition's statuses and shapes", async () => {
    const problems = await check([
      ['POST', '/contacts/folders', '/contacts/folders', { name: 'Partners' }],
      ['POST', '/contacts/lists', '/contacts/lists', { name: 'Partners EU', folderId: 1 }],
      ['PUT', '/contacts/lists/{listId}', '/contacts/lists/4', { name: 'Partners Europe' }],
      [
        'POST',
        '/contacts',
        '/contacts',
        { email: 'partner@example.org', attributes: { FIRSTNAME: 'Pat' }, listIds: [4] },
      ],
      [
        'POST',
        '/contacts',
        '/contacts',
        { email: 'partner@example.org', attributes: { LASTNAME: 'Lee' }, updateEnabled: true },
      ],
      ['PUT', '/contacts/{identifier}', '/contacts/partner%40example.org', { attributes: { CITY: 'Ghent' } }],
      ['POST', '/contacts/batch', '/contacts/batch', { contacts: [{ email: 'partner@example.org', listIds: [1] }] }],
      ['POST', '/contacts/lists/{listId}/contacts/add', '/contacts/lists/4/contacts/add', { ids: [1, 2] }],
      ['POST', '/contacts/lists/{listId}/contacts/remove', '/contacts/lists/4/contacts/remove', { ids: [2] }],
      ['POST', '/contacts/lists/{listId}/contacts/remove', '/contacts/lists/4/contacts/remove', { all: true }],
      [
        'POST',
        '/contacts/attributes/{attributeCategory}/{attributeName}',
        '/contacts/attributes/normal/COMPANY',
        { type: 'text' },
      ],
      [
        'PUT',
        '/contacts/attributes/{attributeCategory}/{attributeName}',
        '/contacts/attributes/category/DOUBLE_OPT-IN',
        { enumeration: [{ value: 1, label: 'Yes' }] },
      ],
      ['DELETE', '/contacts/attributes/{attributeCategory}/{attributeName}', '/contacts/attributes/normal/COMPANY'],
      [
        'POST',
        '/smtp/templates',
        '/smtp/templates',
        { templateName: 'Invoice', subject: 'Your invoice', htmlContent: '<p>Invoice</p>', sender: { id: 1 } },
      ],
      ['PUT', '/smtp/templates/{templateId}', '/smtp/templates/3', { isActive: true }],
      [
        'POST',
        '/smtp/templates/{templateId}/sendTest',
        '/smtp/templates/3/sendTest',
        { emailTo: ['owner@demoshop.example'] },
      ],
      [
        'POST',
        '/smtp/email',
        '/smtp/email',
        { sender: { id: 1 }, to: [{ email: 'emma.martin@example.com' }], templateId: 1, params: { ORDER_ID: 'DS-1' } },
      ],
      [
        'POST',
        '/smtp/email',
        '/smtp/email',
        {
          sender: { id: 1 },
          subject: 'Hi',
          textContent: 'Hi',
          messageVersions: [{ to: [{ email: 'a@example.com' }] }, { to: [{ email: 'b@example.com' }] }],
        },
      ],
      [
        'POST',
        '/smtp/email',
        '/smtp/email',
        {
          sender: { id: 1 },
          to: [{ email: 'c@example.com' }],
          subject: 'Later',
          textContent: 'Later',
          scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
      ],
      [
        'POST',
        '/emailCampaigns',
        '/emailCampaigns',
        {
          name: 'Partners update',
          sender: { id: 1 },
          subject: 'News',
          htmlContent: '<p>News</p>',
          recipients: { listIds: [4] },
        },
      ],
      ['PUT', '/emailCampaigns/{campaignId}', '/emailCampaigns/5', { previewText: 'What is new' }],
      [
        'POST',
        '/emailCampaigns/{campaignId}/sendTest',
        '/emailCampaigns/5/sendTest',
        { emailTo: ['emma.martin@example.com'] },
      ],
      ['POST', '/emailCampaigns/{campaignId}/sendNow', '/emailCampaigns/5/sendNow'],
      ['PUT', '/emailCampaigns/{campaignId}/status', '/emailCampaigns/5/status', { status: 'archive' }],
      ['DELETE', '/emailCampaigns/{campaignId}', '/emailCampaigns/5'],
      ['POST', '/senders', '/senders', { name: 'Support', email: 'support@demoshop.example' }],
      ['POST', '/senders', '/senders', { name: 'Agency', email: 'hi@agency.example' }],
      ['PUT', '/senders/{senderId}/validate', '/senders/3/validate', { otp: 123456 }],
      ['PUT', '/senders/{senderId}', '/senders/2', { name: 'Customer support' }],
      ['DELETE', '/senders/{senderId}', '/senders/3'],
      [
        'POST',
        '/webhooks',
        '/webhooks',
        {
          url: 'https://hooks.demoshop.example/marketing',
          events: ['unsubscribed'],
          type: 'marketing',
          description: 'Unsubscribes',
        },
      ],
      ['PUT', '/webhooks/{webhookId}', '/webhooks/2', { events: ['unsubscribed', 'spam'] }],
      ['DELETE', '/webhooks/{webhookId}', '/webhooks/2'],
      ['PUT', '/contacts/folders/{folderId}', '/contacts/folders/3', { name: 'Partner folder' }],
      ['DELETE', '/contacts/{identifier}', '/contacts/partner%40example.org'],
      ['DELETE', '/contacts/lists/{listId}', '/contacts/lists/4'],
      ['DELETE', '/contacts/folders/{folderId}', '/contacts/folders/3'],
      ['PUT', '/smtp/templates/{templateId}', '/smtp/templates/3', { isActive: false }],
      ['DELETE', '/smtp/templates/{templateId}', '/smtp/templates/3'],
    ]);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  const company = '65f1c0000000000000000001';
  const deal = '65f1d0000000000000000001';

  it("reads the CRM, SMS, WhatsApp and e-commerce in the definition's shapes", async () => {
    const problems = await check([
      ['GET', '/companies', '/companies?limit=3'],
      ['GET', '/companies/{id}', `/companies/${company}`],
      ['GET', '/crm/deals', '/crm/deals?limit=20'],
      ['GET', '/crm/deals/{id}', `/crm/deals/${deal}`],
      ['GET', '/crm/pipeline/details', '/crm/pipeline/details'],
      ['GET', '/crm/pipeline/details/all', '/crm/pipeline/details/all'],
      ['GET', '/crm/pipeline/details/{pipelineID}', '/crm/pipeline/details/65f1b0000000000000000001'],
      ['GET', '/crm/attributes/deals', '/crm/attributes/deals'],
      ['GET', '/crm/attributes/companies', '/crm/attributes/companies'],
      ['GET', '/crm/tasks', '/crm/tasks'],
      ['GET', '/crm/tasks/{id}', '/crm/tasks/65f1a0000000000000000001'],
      ['GET', '/crm/tasktypes', '/crm/tasktypes'],
      ['GET', '/crm/notes', '/crm/notes'],
      ['GET', '/crm/notes/{id}', '/crm/notes/65f1e0000000000000000001'],
      ['GET', '/crm/files', '/crm/files'],
      ['GET', '/crm/files/{id}', '/crm/files/65f1f0000000000000000001'],
      ['GET', '/crm/files/{id}/data', '/crm/files/65f1f0000000000000000001/data'],
      ['GET', '/smsCampaigns', '/smsCampaigns'],
      ['GET', '/smsCampaigns/{campaignId}', '/smsCampaigns/1'],
      ['GET', '/transactionalSMS/statistics/events', '/transactionalSMS/statistics/events'],
      ['GET', '/transactionalSMS/statistics/aggregatedReport', '/transactionalSMS/statistics/aggregatedReport'],
      ['GET', '/transactionalSMS/statistics/reports', '/transactionalSMS/statistics/reports?days=7'],
      ['GET', '/whatsappCampaigns', '/whatsappCampaigns'],
      ['GET', '/whatsappCampaigns/{campaignId}', '/whatsappCampaigns/1672035851100001'],
      ['GET', '/whatsappCampaigns/template-list', '/whatsappCampaigns/template-list'],
      ['GET', '/whatsappCampaigns/config', '/whatsappCampaigns/config'],
      ['GET', '/whatsapp/statistics/events', '/whatsapp/statistics/events'],
      ['GET', '/products', '/products'],
      ['GET', '/products/{id}', '/products/SCF-LIN-IND'],
      ['GET', '/categories', '/categories'],
      ['GET', '/categories/{id}', '/categories/scarves'],
      ['GET', '/orders', '/orders?limit=5'],
      ['GET', '/ecommerce/attribution/metrics', '/ecommerce/attribution/metrics'],
      [
        'GET',
        '/ecommerce/attribution/metrics/{conversionSource}/{conversionSourceId}',
        '/ecommerce/attribution/metrics/email_campaign/1',
      ],
      [
        'GET',
        '/ecommerce/attribution/products/{conversionSource}/{conversionSourceId}',
        '/ecommerce/attribution/products/email_campaign/1',
      ],
      ['GET', '/ecommerce/config/displayCurrency', '/ecommerce/config/displayCurrency'],
      ['GET', '/contacts/segments', '/contacts/segments'],
      ['GET', '/senders/domains', '/senders/domains'],
      ['GET', '/senders/domains/{domainName}', '/senders/domains/demoshop.example'],
      ['GET', '/senders/ips', '/senders/ips'],
      ['GET', '/senders/{senderId}/ips', '/senders/1/ips'],
      ['GET', '/smtp/statistics/reports', '/smtp/statistics/reports?days=30&limit=30'],
    ]);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it("writes to the CRM, SMS, WhatsApp and e-commerce with the definition's statuses and shapes", async () => {
    const problems = await check([
      [
        'POST',
        '/companies',
        '/companies',
        { name: 'Linen & Co', attributes: { domain: 'linenco.example' }, linkedContactsIds: [3] },
      ],
      ['PATCH', '/companies/{id}', `/companies/${company}`, { attributes: { number_of_employees: 7 } }],
      ['PATCH', '/companies/link-unlink/{id}', `/companies/link-unlink/${company}`, { linkContactIds: [2] }],
      [
        'POST',
        '/crm/deals',
        '/crm/deals',
        { name: 'Linen & Co – first order', attributes: { amount: 900 }, linkedContactsIds: [3] },
      ],
      [
        'PATCH',
        '/crm/deals/{id}',
        `/crm/deals/${deal}`,
        { attributes: { deal_stage: '4c6f1e2a-0004-4d1b-9a3e-6b2f0c8d1e04' } },
      ],
      ['PATCH', '/crm/deals/link-unlink/{id}', `/crm/deals/link-unlink/${deal}`, { linkContactIds: [2] }],
      [
        'POST',
        '/crm/tasks',
        '/crm/tasks',
        {
          name: 'Call Linen & Co',
          taskTypeId: '65f170000000000000000001',
          date: new Date(Date.now() + 86_400_000).toISOString(),
          dealsIds: [deal],
        },
      ],
      ['PATCH', '/crm/tasks/{id}', '/crm/tasks/65f1a0000000000000000001', { done: true }],
      ['POST', '/crm/notes', '/crm/notes', { text: 'Wants samples first.', dealIds: [deal] }],
      ['PATCH', '/crm/notes/{id}', '/crm/notes/65f1e0000000000000000001', { text: 'Samples sent.' }],
      [
        'POST',
        '/crm/attributes',
        '/crm/attributes',
        { label: 'Delivery region', attributeType: 'text', objectType: 'deals' },
      ],
      ['DELETE', '/crm/tasks/{id}', '/crm/tasks/65f1a0000000000000000001'],
      ['DELETE', '/crm/notes/{id}', '/crm/notes/65f1e0000000000000000001'],
      ['DELETE', '/crm/files/{id}', '/crm/files/65f1f0000000000000000002'],
      [
        'POST',
        '/smsCampaigns',
        '/smsCampaigns',
        { name: 'Weekend', sender: 'DemoShop', content: 'Weekend sale at Demo Shop', recipients: { listIds: [2] } },
      ],
      ['PUT', '/smsCampaigns/{campaignId}', '/smsCampaigns/3', { content: 'Weekend sale: 15% off at Demo Shop' }],
      ['POST', '/smsCampaigns/{campaignId}/sendNow', '/smsCampaigns/3/sendNow'],
      ['PUT', '/smsCampaigns/{campaignId}/status', '/smsCampaigns/3/status', { status: 'archive' }],
      [
        'POST',
        '/transactionalSMS/sms',
        '/transactionalSMS/sms',
        { sender: 'DemoShop', recipient: '33612345678', content: 'Your order has shipped' },
      ],
      [
        'POST',
        '/whatsappCampaigns/template',
        '/whatsappCampaigns/template',
        { name: 'restock_alert', language: 'en', category: 'UTILITY', bodyText: 'Back in stock' },
      ],
      ['POST', '/whatsappCampaigns/template/approval/{templateId}', '/whatsappCampaigns/template/approval/5'],
      [
        'POST',
        '/whatsappCampaigns',
        '/whatsappCampaigns',
        {
          name: 'Restock',
          templateId: 5,
          scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
          recipients: { listIds: [2] },
        },
      ],
      [
        'PUT',
        '/whatsappCampaigns/{campaignId}',
        '/whatsappCampaigns/1672035851100003',
        { campaignName: 'Restock alert' },
      ],
      [
        'POST',
        '/whatsapp/sendMessage',
        '/whatsapp/sendMessage',
        { senderNumber: '33639980000', contactNumbers: ['33612345678'], templateId: 1 },
      ],
      [
        'POST',
        '/products',
        '/products',
        { id: 'BAG-CRS-TAN', name: 'Tan crossbody bag', price: 59, categories: ['bags'] },
      ],
      [
        'POST',
        '/products/batch',
        '/products/batch',
        { products: [{ id: 'BAG-CRS-TAN', name: 'Tan crossbody bag', price: 55 }], updateEnabled: true },
      ],
      ['POST', '/categories', '/categories', { id: 'gifts', name: 'Gift sets' }],
      ['POST', '/categories/batch', '/categories/batch', { categories: [{ id: 'sale', name: 'Sale' }] }],
      [
        'POST',
        '/orders/status',
        '/orders/status',
        {
          id: 'DS-20001',
          createdAt: '2025-03-01T10:00:00Z',
          updatedAt: '2025-03-01T10:00:00Z',
          status: 'completed',
          amount: 59,
          products: [{ productId: 'BAG-CRS-TAN', quantity: 1, price: 59 }],
          identifiers: { email_id: 'olivia.smith@example.com' },
        },
      ],
      [
        'POST',
        '/orders/status/batch',
        '/orders/status/batch',
        {
          orders: [
            {
              id: 'DS-20002',
              createdAt: '2025-03-02T10:00:00Z',
              updatedAt: '2025-03-02T10:00:00Z',
              status: 'completed',
              amount: 18,
              products: [{ productId: 'HOM-MUG-SND', quantity: 1, price: 18 }],
            },
          ],
        },
      ],
      ['POST', '/ecommerce/config/displayCurrency', '/ecommerce/config/displayCurrency', { code: 'EUR' }],
      ['POST', '/senders/domains', '/senders/domains', { name: 'news.demoshop.example' }],
      ['PUT', '/senders/domains/{domainName}/authenticate', '/senders/domains/news.demoshop.example/authenticate'],
      ['DELETE', '/senders/domains/{domainName}', '/senders/domains/news.demoshop.example'],
      ['DELETE', '/crm/deals/{id}', `/crm/deals/${deal}`],
      ['DELETE', '/companies/{id}', `/companies/${company}`],
    ]);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it(
    "answers processes, activity, blocklists, inbound email and campaign extras in the definition's " + 'shapes',
    async () => {
      const api = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(sandbox.url + path, {
          method,
          headers: { 'api-key': sandbox.apiKey, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        return (text ? JSON.parse(text) : undefined) as Json;
      };
      const { processId } = await api('POST', '/contacts/import', {
        jsonBody: [{ email: 'imported@example.org' }, { email: 'broken' }],
        listIds: [1],
      });
      const { events } = await api('GET', '/inbound/events');
      const { contacts: blocked } = await api('GET', '/smtp/blockedContacts');
      const { id: abId } = await api('POST', '/emailCampaigns', {
        name: 'A/B',
        sender: { id: 1 },
        htmlContent: '<p>Hi</p>',
        recipients: { listIds: [2] },
        abTesting: true,
        subjectA: 'One',
        subjectB: 'Two',
      });
      await api('POST', '/contacts/attributes/normal/INTERESTS', {
        type: 'multiple-choice',
        multiCategoryOptions: ['a', 'b'],
      });
      const problems = await check([
        ['GET', '/processes', '/processes'],
        ['GET', '/processes/{processId}', `/processes/${processId}`],
        ['POST', '/contacts/export', '/contacts/export', { customContactFilter: { actionForContacts: 'allContacts' } }],
        [
          'POST',
          '/emailCampaigns/{campaignId}/exportRecipients',
          '/emailCampaigns/1/exportRecipients',
          { recipientsType: 'clickers' },
        ],
        [
          'POST',
          '/webhooks/export',
          '/webhooks/export',
          { type: 'marketing', event: 'click', notifyURL: 'https://hooks.demoshop.example/x' },
        ],
        ['GET', '/contacts/{identifier}/campaignStats', '/contacts/7/campaignStats'],
        ['GET', '/contacts/{identifier}/campaignStats', '/contacts/10/campaignStats'],
        ['GET', '/contacts/{identifier}', '/contacts/7'],
        ['GET', '/emailCampaigns/{campaignId}/sharedUrl', '/emailCampaigns/1/sharedUrl'],
        [
          'POST',
          '/emailCampaigns/{campaignId}/sendReport',
          '/emailCampaigns/1/sendReport',
          { email: { to: ['owner@demoshop.example'], body: 'Results' } },
        ],
        ['GET', '/emailCampaigns/{campaignId}/abTestCampaignResult', `/emailCampaigns/${abId}/abTestCampaignResult`],
        ['POST', '/emailCampaigns/images', '/emailCampaigns/images', { imageUrl: 'https://cdn.example.com/a.png' }],
        ['GET', '/smtp/blockedContacts', '/smtp/blockedContacts'],
        ['DELETE', '/smtp/blockedContacts/{email}', `/smtp/blockedContacts/${encodeURIComponent(blocked[0].email)}`],
        ['POST', '/smtp/deleteHardbounces', '/smtp/deleteHardbounces', {}],
        ['GET', '/smtp/blockedDomains', '/smtp/blockedDomains'],
        ['POST', '/smtp/blockedDomains', '/smtp/blockedDomains', { domain: 'bad.example' }],
        ['DELETE', '/smtp/blockedDomains/{domain}', '/smtp/blockedDomains/bad.example'],
        ['GET', '/inbound/events', '/inbound/events'],
        ['GET', '/inbound/events/{uuid}', `/inbound/events/${events[0].uuid}`],
        ['POST', '/events', '/events', { event_name: 'viewed', identifiers: { email_id: 'emma.martin@example.com' } }],
        [
          'POST',
          '/contacts/doubleOptinConfirmation',
          '/contacts/doubleOptinConfirmation',
          {
            email: 'doi@example.org',
            includeListIds: [3],
            templateId: 2,
            redirectionUrl: 'https://demoshop.example/t',
          },
        ],
        [
          'DELETE',
          '/contacts/attributes/{attributeType}/{multipleChoiceAttribute}/{multipleChoiceAttributeOption}',
          '/contacts/attributes/multiple-choice/INTERESTS/a',
        ],
      ]);
      expect(problems, problems.join('\n')).toEqual([]);
    },
  );

  it("uploads a CRM file (multipart) with the definition's status and shape", async () => {
    const form = new FormData();
    form.append('file', new Blob(['quote']), 'quote.txt');
    form.append('contactId', '3');
    const res = await fetch(`${sandbox.url}/crm/files`, {
      method: 'POST',
      headers: { 'api-key': sandbox.apiKey },
      body: form,
    });
    const [created] = successResponses('openapi-v3', 'POST', '/crm/files');
    expect(res.status).toBe(created.status);
    expect(unexpected(checkAgainst(created.doc, created.schema, await res.json(), 'POST /crm/files'))).toEqual([]);
  });
});
