import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const createWebhookBody = {
  url: 'https://hooks.acme.test/brevo/transactional',
  description: 'Bounces and spam reports for the CRM',
  events: ['hardBounce', 'softBounce', 'spam'],
  type: 'transactional',
  channel: 'email',
  batched: true,
  auth: { type: 'bearer', token: 'whk_3f9a2c7e' },
  headers: [{ key: 'x-acme-secret', value: 'b1c2d3' }],
};

const inboundWebhookBody = {
  url: 'https://hooks.acme.test/brevo/inbound',
  events: ['inboundEmailProcessed'],
  type: 'inbound',
  domain: 'reply.acme.test',
};

const exportWebhooksHistoryBody = {
  type: 'transactional',
  event: 'hardBounce',
  notifyURL: 'https://hooks.acme.test/brevo/export-ready',
  startDate: '2026-10-01',
  endDate: '2026-10-31',
  sort: 'desc',
  webhookId: 9864,
};

describeRequests('webhooks', [
  {
    tool: 'get_webhooks',
    args: { type: 'marketing', sort: 'asc' },
    reply: {
      json: {
        webhooks: [
          { id: 22770, url: 'https://hooks.acme.test/brevo/marketing', events: ['hardBounce'], type: 'marketing' },
        ],
      },
    },
    expect: { method: 'GET', path: '/webhooks', query: 'type=marketing&sort=asc' },
  },
  {
    tool: 'create_webhook',
    args: createWebhookBody,
    reply: { status: 201, json: { id: 9864 } },
    expect: {
      method: 'POST',
      path: '/webhooks',
      body: createWebhookBody,
    },
  },
  {
    tool: 'create_webhook',
    label: 'inbound with domain',
    args: inboundWebhookBody,
    reply: { status: 201, json: { id: 9865 } },
    expect: {
      method: 'POST',
      path: '/webhooks',
      body: inboundWebhookBody,
    },
  },
  {
    tool: 'get_webhook',
    args: { webhookId: 9864 },
    reply: { json: { id: 9864, url: 'https://hooks.acme.test/brevo/transactional', events: ['hardBounce'] } },
    expect: { method: 'GET', path: '/webhooks/9864' },
  },
  {
    tool: 'update_webhook',
    args: { webhookId: 9864, events: ['hardBounce', 'softBounce', 'spam', 'blocked'], batched: false },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/webhooks/9864',
      body: { events: ['hardBounce', 'softBounce', 'spam', 'blocked'], batched: false },
    },
  },
  {
    tool: 'delete_webhook',
    args: { webhookId: 9864 },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/webhooks/9864' },
  },
  {
    tool: 'export_webhooks_history',
    args: exportWebhooksHistoryBody,
    reply: { status: 202, json: { processId: 78 } },
    expect: {
      method: 'POST',
      path: '/webhooks/export',
      body: exportWebhooksHistoryBody,
    },
  },
  {
    tool: 'export_webhooks_history',
    label: 'last days, one recipient',
    args: {
      type: 'marketing',
      event: 'allEvents',
      notifyURL: 'https://hooks.acme.test/brevo/export-ready',
      days: 7,
      email: 'ann.lee@example.com',
    },
    reply: { status: 202, json: { processId: 79 } },
    expect: {
      method: 'POST',
      path: '/webhooks/export',
      body: {
        days: 7,
        type: 'marketing',
        event: 'allEvents',
        notifyURL: 'https://hooks.acme.test/brevo/export-ready',
        email: 'ann.lee@example.com',
      },
    },
  },
]);
