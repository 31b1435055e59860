// Webhooks: URLs Brevo calls on email, SMS and inbound events, and their event history.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { freeRecord, sortOrder } from './shapes.js';

const events = z.array(
  z.enum([
    'sent',
    'hardBounce',
    'softBounce',
    'blocked',
    'spam',
    'delivered',
    'request',
    'click',
    'invalid',
    'deferred',
    'opened',
    'uniqueOpened',
    'unsubscribed',
    'listAddition',
    'contactUpdated',
    'contactDeleted',
    'inboundEmailProcessed',
  ]),
);

/** How Brevo calls the URL: inbound domain, batching, auth and extra headers. */
const delivery = {
  domain: z.string().optional(),
  batched: z.boolean().optional(),
  auth: freeRecord.optional().describe('e.g. {"type":"bearer","token":"..."}'),
  headers: z.array(freeRecord).optional().describe('e.g. [{"key":"x-secret","value":"..."}]'),
};

const webhookId = { webhookId: z.int() };

export default defineToolset('webhooks', [
  {
    name: 'get_webhooks',
    title: 'List webhooks',
    description: 'List webhooks of one type: transactional (default), marketing or inbound.',
    keywords: ['all webhooks', 'callbacks', 'notification urls'],
    method: 'GET',
    path: '/webhooks',
    query: { type: z.enum(['marketing', 'transactional', 'inbound']).optional(), sort: sortOrder.optional() },
  },
  {
    name: 'create_webhook',
    title: 'Create webhook',
    description:
      'Have Brevo POST events to a URL; type defaults to transactional, inbound needs domain. Returns its id.',
    keywords: ['notify my server', 'callback url', 'event notifications', 'push events to url', 'subscribe to events'],
    method: 'POST',
    path: '/webhooks',
    body: {
      url: z.url(),
      description: z.string().optional(),
      events,
      type: z.enum(['transactional', 'marketing', 'inbound']).optional(),
      channel: z.enum(['sms', 'email']).optional(),
      ...delivery,
    },
  },
  {
    name: 'get_webhook',
    title: 'Get webhook',
    description: 'One webhook with its URL, events, type and auth settings.',
    keywords: ['webhook details', 'webhook events', 'webhook url'],
    method: 'GET',
    path: '/webhooks/{webhookId}',
    pathParams: webhookId,
  },
  {
    name: 'update_webhook',
    title: 'Update webhook',
    description: 'Change a webhook; only the fields given change.',
    keywords: ['change webhook url', 'edit webhook events'],
    method: 'PUT',
    path: '/webhooks/{webhookId}',
    pathParams: webhookId,
    body: { url: z.url().optional(), description: z.string().optional(), events: events.optional(), ...delivery },
  },
  {
    name: 'delete_webhook',
    title: 'Delete webhook',
    description: 'Delete a webhook; its URL stops receiving events.',
    keywords: ['remove webhook', 'stop notifications'],
    method: 'DELETE',
    path: '/webhooks/{webhookId}',
    pathParams: webhookId,
  },
  {
    name: 'export_webhooks_history',
    title: 'Export webhook history',
    description:
      'Export past webhook calls as CSV, link sent to notifyURL. Period: days, or startDate+endDate (YYYY-MM-DD).',
    keywords: ['webhook logs', 'past webhook calls', 'webhook deliveries', 'download webhook history'],
    method: 'POST',
    path: '/webhooks/export',
    body: {
      days: z.int().optional(),
      startDate: z.string().optional(),
      endDate: z.string().optional(),
      sort: z.string().optional().describe('asc or desc'),
      type: z.enum(['transactional', 'marketing']),
      event: z.enum([
        'invalid_parameter',
        'missing_parameter',
        'hardBounce',
        'softBounce',
        'delivered',
        'spam',
        'request',
        'opened',
        'click',
        'invalid',
        'deferred',
        'blocked',
        'unsubscribed',
        'error',
        'uniqueOpened',
        'loadedByProxy',
        'allEvents',
      ]),
      notifyURL: z.string(),
      webhookId: z.int().optional(),
      email: z.string().optional(),
      messageId: z.int().optional().describe('Transactional only'),
    },
  },
]);
