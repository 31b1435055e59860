// The sandbox's answers with real state against Brevo's official definition in ../shared/reference:
// each answer's status is one of the operation's success statuses, and its body uses only the
// field names the definition gives, with the required ones present and the types right. Skips
// with a printed reason where ../shared is absent (a user's machine).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkAgainst, successResponses } from '../scripts/lib/response-schemas.mjs';
import { contractRows, sharedAvailable, sharedDir } from '../scripts/lib/reference.mjs';
import { responsesUrl } from '../src/sandbox/fallback.js';
import { startSandbox, type Sandbox } from '../src/sandbox/server.js';

const available = sharedAvailable();
if (!available) console.warn(`sandbox contract test skipped: ${sharedDir} (Brevo's reference definitions) is not present on this machine`);

type Call = [method: string, template: string, path: string, body?: unknown];

describe.skipIf(!available)('sandbox answers against the official definition', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

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
      const success = successResponses('openapi-v3', method, template).find((r: { status: number }) => r.status === res.status);
      if (!success) {
        problems.push(`${where}: status ${res.status} is not a success status of ${template} (${text.slice(0, 200)})`);
        continue;
      }
      if (!success.contentType) {
        if (text) problems.push(`${where}: the definition gives no content for ${res.status}, the sandbox sent ${text.slice(0, 100)}`);
        continue;
      }
      if (!text) {
        if (success.schema) problems.push(`${where}: no body, the definition gives one`);
        continue;
      }
      if (success.schema) problems.push(...checkAgainst(success.doc, success.schema, JSON.parse(text), where));
    }
    return problems;
  }

  it('has a stored answer for every contract operation, fitting its success response', () => {
    const stored = JSON.parse(readFileSync(responsesUrl, 'utf8')) as Record<string, [number, unknown?, string?]>;
    const rows = contractRows();
    expect(Object.keys(stored).sort()).toEqual(rows.map((r: { method: string; path: string }) => `${r.method} ${r.path}`).sort());
    const problems: string[] = [];
    for (const row of rows) {
      if (row.spec === 'tracker-docs') continue;
      const [status, body, contentType] = stored[`${row.method} ${row.path}`]!;
      const success = successResponses(row.spec, row.method, row.path).find((r: { status: number }) => r.status === status);
      if (!success) problems.push(`${row.method} ${row.path}: ${status} is not a success status`);
      else if (!contentType && success.schema && body !== undefined) problems.push(...checkAgainst(success.doc, success.schema, body, `${row.method} ${row.path}`));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('reads (GET) in the definition\'s shapes', async () => {
    const emails = (await (await fetch(`${sandbox.url}/smtp/emails?email=emma.martin%40example.com`, { headers: { 'api-key': sandbox.apiKey } })).json()) as {
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

  it('writes answer with the definition\'s statuses and shapes', async () => {
    const problems = await check([
      ['POST', '/contacts/folders', '/contacts/folders', { name: 'Partners' }],
      ['POST', '/contacts/lists', '/contacts/lists', { name: 'Partners EU', folderId: 1 }],
      ['PUT', '/contacts/lists/{listId}', '/contacts/lists/4', { name: 'Partners Europe' }],
      ['POST', '/contacts', '/contacts', { email: 'partner@example.org', attributes: { FIRSTNAME: 'Pat' }, listIds: [4] }],
      ['POST', '/contacts', '/contacts', { email: 'partner@example.org', attributes: { LASTNAME: 'Lee' }, updateEnabled: true }],
      ['PUT', '/contacts/{identifier}', '/contacts/partner%40example.org', { attributes: { CITY: 'Ghent' } }],
      ['POST', '/contacts/batch', '/contacts/batch', { contacts: [{ email: 'partner@example.org', listIds: [1] }] }],
      ['POST', '/contacts/lists/{listId}/contacts/add', '/contacts/lists/4/contacts/add', { ids: [1, 2] }],
      ['POST', '/contacts/lists/{listId}/contacts/remove', '/contacts/lists/4/contacts/remove', { ids: [2] }],
      ['POST', '/contacts/lists/{listId}/contacts/remove', '/contacts/lists/4/contacts/remove', { all: true }],
      ['POST', '/contacts/attributes/{attributeCategory}/{attributeName}', '/contacts/attributes/normal/COMPANY', { type: 'text' }],
      ['PUT', '/contacts/attributes/{attributeCategory}/{attributeName}', '/contacts/attributes/category/DOUBLE_OPT-IN', { enumeration: [{ value: 1, label: 'Yes' }] }],
      ['DELETE', '/contacts/attributes/{attributeCategory}/{attributeName}', '/contacts/attributes/normal/COMPANY'],
      ['POST', '/smtp/templates', '/smtp/templates', { templateName: 'Invoice', subject: 'Your invoice', htmlContent: '<p>Invoice</p>', sender: { id: 1 } }],
      ['PUT', '/smtp/templates/{templateId}', '/smtp/templates/3', { isActive: true }],
      ['POST', '/smtp/templates/{templateId}/sendTest', '/smtp/templates/3/sendTest', { emailTo: ['owner@demoshop.example'] }],
      ['POST', '/smtp/email', '/smtp/email', { sender: { id: 1 }, to: [{ email: 'emma.martin@example.com' }], templateId: 1, params: { ORDER_ID: 'DS-1' } }],
      ['POST', '/smtp/email', '/smtp/email', { sender: { id: 1 }, subject: 'Hi', textContent: 'Hi', messageVersions: [{ to: [{ email: 'a@example.com' }] }, { to: [{ email: 'b@example.com' }] }] }],
      ['POST', '/smtp/email', '/smtp/email', { sender: { id: 1 }, to: [{ email: 'c@example.com' }], subject: 'Later', textContent: 'Later', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() }],
      ['POST', '/emailCampaigns', '/emailCampaigns', { name: 'Partners update', sender: { id: 1 }, subject: 'News', htmlContent: '<p>News</p>', recipients: { listIds: [4] } }],
      ['PUT', '/emailCampaigns/{campaignId}', '/emailCampaigns/5', { previewText: 'What is new' }],
      ['POST', '/emailCampaigns/{campaignId}/sendTest', '/emailCampaigns/5/sendTest', { emailTo: ['emma.martin@example.com'] }],
      ['POST', '/emailCampaigns/{campaignId}/sendNow', '/emailCampaigns/5/sendNow'],
      ['PUT', '/emailCampaigns/{campaignId}/status', '/emailCampaigns/5/status', { status: 'archive' }],
      ['DELETE', '/emailCampaigns/{campaignId}', '/emailCampaigns/5'],
      ['POST', '/senders', '/senders', { name: 'Support', email: 'support@demoshop.example' }],
      ['POST', '/senders', '/senders', { name: 'Agency', email: 'hi@agency.example' }],
      ['PUT', '/senders/{senderId}/validate', '/senders/3/validate', { otp: 123456 }],
      ['PUT', '/senders/{senderId}', '/senders/2', { name: 'Customer support' }],
      ['DELETE', '/senders/{senderId}', '/senders/3'],
      ['POST', '/webhooks', '/webhooks', { url: 'https://hooks.demoshop.example/marketing', events: ['unsubscribed'], type: 'marketing', description: 'Unsubscribes' }],
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
});
