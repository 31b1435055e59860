import { describeRequests } from '../../test/support/request-cases.js';

const uuid = 'd955aaa4-f4d6-4557-aa14-24286542ed8d';

// What Brevo must receive as the body, where the arguments give it as it is.
const createExternalFeedBody = {
  name: 'Product catalogue',
  url: 'https://shop.acme.test/feeds/products.json',
  authType: 'token',
  token: 'feed-token-5f2c9a',
  headers: [{ name: 'X-Store', value: 'paris' }],
  maxRetries: 3,
  cache: true,
};

const basicAuthFeedBody = {
  name: 'Events',
  url: 'https://api.acme.test/events',
  authType: 'basic',
  username: 'brevo',
  password: 's3cret-pass',
};

describeRequests('feeds', [
  {
    tool: 'get_all_external_feeds',
    args: {
      search: 'products',
      startDate: '2026-11-01',
      endDate: '2026-11-20',
      authType: 'token',
      sort: 'asc',
      limit: 100,
      offset: 0,
    },
    expect: {
      method: 'GET',
      path: '/feeds',
      query: 'search=products&startDate=2026-11-01&endDate=2026-11-20&sort=asc&authType=token&limit=100&offset=0',
    },
  },
  {
    tool: 'create_external_feed',
    args: createExternalFeedBody,
    reply: { status: 201, json: { id: uuid } },
    expect: {
      method: 'POST',
      path: '/feeds',
      body: createExternalFeedBody,
    },
  },
  {
    tool: 'create_external_feed',
    label: 'basic auth',
    args: basicAuthFeedBody,
    reply: { status: 201, json: { id: uuid } },
    expect: {
      method: 'POST',
      path: '/feeds',
      body: basicAuthFeedBody,
    },
  },
  { tool: 'get_external_feed_by_uuid', args: { uuid }, expect: { method: 'GET', path: `/feeds/${uuid}` } },
  {
    tool: 'update_external_feed',
    args: { uuid, url: 'https://shop.acme.test/feeds/products-v2.json', cache: false, maxRetries: 5 },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: `/feeds/${uuid}`,
      body: { url: 'https://shop.acme.test/feeds/products-v2.json', cache: false, maxRetries: 5 },
    },
  },
  {
    tool: 'delete_external_feed',
    args: { uuid },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: `/feeds/${uuid}` },
  },
]);
