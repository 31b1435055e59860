import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from '../../test/support/fake-brevo.js';
import { connectStdio, TEST_KEY, textOf, type Connected } from '../../test/support/mcp.js';
import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const trackEventBody = {
  email: 'ann.lee@example.com',
  event: 'cart_updated',
  properties: { FIRSTNAME: 'Ann' },
  eventdata: {
    id: 'cart:8812',
    data: { total: 129.9, currency: 'EUR', items: [{ sku: 'SKU-SHOE-42', qty: 1 }] },
  },
};

const trackLinkBody = {
  email: 'ann.lee@example.com',
  link: 'https://shop.acme.test/p/trail-runner-42',
  properties: { campaign: 'winter-sale' },
};

const trackPageBody = {
  email: 'ann.lee@example.com',
  page: 'checkout',
  properties: { url: 'https://shop.acme.test/checkout', title: 'Checkout' },
};

describeRequests('tracker', [
  {
    tool: 'identify_user',
    args: { email: 'ann.lee@example.com', attributes: { FIRSTNAME: 'Ann', LASTNAME: 'Lee', PLAN: 'gold', AGE: 34 } },
    reply: { status: 204 },
    expect: {
      host: 'tracker',
      method: 'POST',
      path: '/api/v2/identify',
      body: { email: 'ann.lee@example.com', attributes: { FIRSTNAME: 'Ann', LASTNAME: 'Lee', PLAN: 'gold', AGE: 34 } },
    },
    check: ({ request, result }) => {
      expect(request.headers['api-key']).toBeUndefined();
      expect(JSON.stringify(result)).toContain('HTTP 204');
    },
  },
  {
    tool: 'track_event',
    args: trackEventBody,
    reply: { status: 204 },
    expect: {
      host: 'tracker',
      method: 'POST',
      path: '/api/v2/trackEvent',
      body: trackEventBody,
    },
  },
  {
    tool: 'track_event',
    label: 'event name only',
    args: { email: 'bo@example.com', event: 'newsletter_opened' },
    reply: { status: 204 },
    expect: {
      host: 'tracker',
      method: 'POST',
      path: '/api/v2/trackEvent',
      body: { email: 'bo@example.com', event: 'newsletter_opened' },
    },
  },
  {
    tool: 'track_link',
    args: trackLinkBody,
    reply: { status: 204 },
    expect: {
      host: 'tracker',
      method: 'POST',
      path: '/api/v2/trackLink',
      body: trackLinkBody,
    },
  },
  {
    tool: 'track_page',
    args: trackPageBody,
    reply: { status: 204 },
    expect: {
      host: 'tracker',
      method: 'POST',
      path: '/api/v2/trackPage',
      body: trackPageBody,
    },
  },
]);

describe('tracker: without BREVO_MA_KEY', () => {
  let fake: FakeBrevo;
  let server: Connected;
  beforeAll(async () => {
    fake = await FakeBrevo.start();
    server = await connectStdio({
      apiUrl: fake.url,
      args: ['--toolsets', 'tracker,account'],
      env: { BREVO_TRACKER_URL: fake.origin, BREVO_MA_KEY: '' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it('a tracker tool answers an error naming BREVO_MA_KEY and sends nothing', async () => {
    const result = await server.client.callTool({
      name: 'track_page',
      arguments: { email: 'ann.lee@example.com', page: 'checkout' },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('BREVO_MA_KEY');
    expect(fake.requests).toHaveLength(0);
  });

  it('a non-tracker tool still works', async () => {
    fake.replyOnce({ json: { email: 'owner@acme.test', companyName: 'Acme' } });
    const result = await server.client.callTool({ name: 'get_account', arguments: {} });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).toContain('owner@acme.test');
    expect(fake.requests).toHaveLength(1);
    expect(`${fake.last().method} ${fake.last().path}`).toBe('GET /account');
    expect(fake.last().headers['api-key']).toBe(TEST_KEY);
  });
});
