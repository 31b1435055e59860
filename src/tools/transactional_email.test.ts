import { expect } from 'vitest';
import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const sendTransacEmailBody = {
  sender: { name: 'Acme Billing', email: 'billing@acme.test' },
  to: [{ email: 'ann.lee@example.com', name: 'Ann Lee' }],
  cc: [{ email: 'accounts@example.com' }],
  subject: 'Your invoice INV-1042',
  htmlContent: '<p>Hello {{params.firstName}}, your invoice is attached.</p>',
  params: { firstName: 'Ann' },
  attachment: [{ url: 'https://files.acme.test/inv-1042.pdf', name: 'inv-1042.pdf' }],
  headers: { 'X-Sib-Sandbox': 'drop' },
  tags: ['invoice'],
  scheduledAt: '2026-12-01T09:00:00+01:00',
};

const templateEmailBody = {
  templateId: 12,
  messageVersions: [
    { to: [{ email: 'bo@example.com' }], params: { code: 'A1' } },
    { to: [{ email: 'cy@example.com' }], params: { code: 'B2' }, subject: 'Your code' },
  ],
};

const createSmtpTemplateBody = {
  sender: { name: 'Acme', email: 'hello@acme.test' },
  templateName: 'Order confirmation',
  subject: 'Order {{params.orderId}} confirmed',
  htmlContent: '<h1>Thanks!</h1>',
  replyTo: 'support@acme.test',
  isActive: true,
  tag: 'orders',
};

describeRequests('transactional_email', [
  {
    tool: 'send_transac_email',
    args: sendTransacEmailBody,
    reply: { status: 201, json: { messageId: '<202612010900.123@smtp-relay.mailin.fr>' } },
    expect: {
      method: 'POST',
      path: '/smtp/email',
      body: sendTransacEmailBody,
    },
    check: ({ request, result }) => {
      expect(request.headers['content-type']).toBe('application/json');
      expect(JSON.stringify(result)).toContain('202612010900.123@smtp-relay.mailin.fr');
    },
  },
  {
    tool: 'send_transac_email',
    label: 'template with message versions',
    args: templateEmailBody,
    expect: {
      method: 'POST',
      path: '/smtp/email',
      body: templateEmailBody,
    },
  },
  {
    tool: 'get_transac_emails_list',
    args: {
      email: 'ann.lee@example.com',
      startDate: '2026-11-01',
      endDate: '2026-11-20',
      sort: 'desc',
      limit: 50,
      offset: 0,
    },
    expect: {
      method: 'GET',
      path: '/smtp/emails',
      query: 'email=ann.lee@example.com&startDate=2026-11-01&endDate=2026-11-20&sort=desc&limit=50&offset=0',
    },
  },
  {
    tool: 'delete_scheduled_email_by_id',
    args: { identifier: '<202612010900.123@smtp-relay.mailin.fr>' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/smtp/email/%3C202612010900.123%40smtp-relay.mailin.fr%3E' },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('HTTP 204'),
  },
  {
    tool: 'get_transac_email_content',
    args: { uuid: '4f1a7c2e-9b3d-4e8a-a1b2-c3d4e5f60718' },
    expect: { method: 'GET', path: '/smtp/emails/4f1a7c2e-9b3d-4e8a-a1b2-c3d4e5f60718' },
  },
  {
    tool: 'get_scheduled_email_by_id',
    args: {
      identifier: 'b3f1c0de-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      status: 'queued',
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      limit: 100,
    },
    expect: {
      method: 'GET',
      path: '/smtp/emailStatus/b3f1c0de-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      query: 'startDate=2026-11-01&endDate=2026-11-30&status=queued&limit=100',
    },
  },
  {
    tool: 'get_smtp_templates',
    args: { templateStatus: true, limit: 25, offset: 25, sort: 'asc' },
    expect: { method: 'GET', path: '/smtp/templates', query: 'templateStatus=true&limit=25&offset=25&sort=asc' },
  },
  {
    tool: 'create_smtp_template',
    args: createSmtpTemplateBody,
    reply: { status: 201, json: { id: 31 } },
    expect: {
      method: 'POST',
      path: '/smtp/templates',
      body: createSmtpTemplateBody,
    },
  },
  { tool: 'get_smtp_template', args: { templateId: 31 }, expect: { method: 'GET', path: '/smtp/templates/31' } },
  {
    tool: 'update_smtp_template',
    args: { templateId: 31, subject: 'Order {{params.orderId}} is confirmed', isActive: false },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/smtp/templates/31',
      body: { subject: 'Order {{params.orderId}} is confirmed', isActive: false },
    },
  },
  {
    tool: 'delete_smtp_template',
    args: { templateId: 31 },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/smtp/templates/31' },
  },
  {
    tool: 'send_test_template',
    args: { templateId: 31, emailTo: ['qa@acme.test'] },
    reply: { status: 204 },
    expect: { method: 'POST', path: '/smtp/templates/31/sendTest', body: { emailTo: ['qa@acme.test'] } },
  },
  {
    tool: 'get_aggregated_smtp_report',
    args: { startDate: '2026-11-01', endDate: '2026-11-25', tag: 'invoice' },
    expect: {
      method: 'GET',
      path: '/smtp/statistics/aggregatedReport',
      query: 'startDate=2026-11-01&endDate=2026-11-25&tag=invoice',
    },
  },
  {
    tool: 'get_smtp_report',
    args: { days: 7, limit: 7, sort: 'desc' },
    expect: { method: 'GET', path: '/smtp/statistics/reports', query: 'limit=7&days=7&sort=desc' },
  },
  {
    tool: 'get_email_event_report',
    args: { email: 'ann.lee@example.com', event: 'hardBounces', days: 30, limit: 100 },
    expect: {
      method: 'GET',
      path: '/smtp/statistics/events',
      query: 'limit=100&days=30&email=ann.lee@example.com&event=hardBounces',
    },
  },
  {
    tool: 'get_transac_blocked_contacts',
    args: {
      senders: ['billing@acme.test', 'hello@acme.test'],
      limit: 50,
      startDate: '2026-10-01',
      endDate: '2026-11-01',
    },
    expect: {
      method: 'GET',
      path: '/smtp/blockedContacts',
      query: 'startDate=2026-10-01&endDate=2026-11-01&limit=50&senders=billing@acme.test,hello@acme.test',
    },
  },
  {
    tool: 'unblock_transac_contact',
    args: { email: 'ann+promo@example.com' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/smtp/blockedContacts/ann%2Bpromo%40example.com' },
  },
  { tool: 'get_blocked_domains', args: {}, expect: { method: 'GET', path: '/smtp/blockedDomains' } },
  {
    tool: 'block_new_domain',
    args: { domain: 'spam-trap.test' },
    reply: { status: 204 },
    expect: { method: 'POST', path: '/smtp/blockedDomains', body: { domain: 'spam-trap.test' } },
  },
  {
    tool: 'delete_blocked_domain',
    args: { domain: 'spam-trap.test' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/smtp/blockedDomains/spam-trap.test' },
  },
  {
    tool: 'delete_hardbounces',
    args: { contactEmail: 'ann.lee@example.com', startDate: '2026-01-01', endDate: '2026-11-01' },
    reply: { status: 204 },
    expect: {
      method: 'POST',
      path: '/smtp/deleteHardbounces',
      body: { contactEmail: 'ann.lee@example.com', startDate: '2026-01-01', endDate: '2026-11-01' },
    },
  },
  {
    tool: 'delete_smtp_log',
    args: { identifier: 'ann.lee@example.com' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/smtp/log/ann.lee%40example.com' },
  },
  {
    tool: 'get_inbound_email_events',
    args: {
      sender: 'client@example.com',
      startDate: '2026-11-01T00:00:00Z',
      endDate: '2026-11-25T23:59:59Z',
      limit: 20,
      sort: 'desc',
    },
    expect: {
      method: 'GET',
      path: '/inbound/events',
      query: 'sender=client@example.com&startDate=2026-11-01T00:00:00Z&endDate=2026-11-25T23:59:59Z&limit=20&sort=desc',
    },
  },
  {
    tool: 'get_inbound_email_events_by_uuid',
    args: { uuid: '7e5a1b9c-2d3f-4a6b-8c7d-9e0f1a2b3c4d' },
    expect: { method: 'GET', path: '/inbound/events/7e5a1b9c-2d3f-4a6b-8c7d-9e0f1a2b3c4d' },
  },
  {
    tool: 'get_inbound_email_attachment',
    args: { downloadToken: 'dl_9f8e7d6c5b4a' },
    reply: {
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]),
      headers: { 'content-type': 'image/png', 'content-disposition': 'attachment; filename="receipt.png"' },
    },
    expect: { method: 'GET', path: '/inbound/attachments/dl_9f8e7d6c5b4a' },
    check: ({ result }) => {
      const content = (result as { content: Array<{ type: string; resource?: { mimeType: string; blob: string } }> })
        .content;
      const file = content.find((c) => c.type === 'resource')!.resource!;
      expect(file.mimeType).toBe('image/png');
      expect(Buffer.from(file.blob, 'base64')).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]),
      );
    },
  },
]);
