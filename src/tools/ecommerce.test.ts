import { expect } from 'vitest';
import { describeRequests } from '../../test/support/request-cases.js';

const order = {
  id: 'ORD-1042',
  createdAt: '2026-11-20T09:15:00Z',
  updatedAt: '2026-11-20T09:40:00Z',
  status: 'completed',
  amount: 129.9,
  storeId: 'ST-PARIS',
  identifiers: { email_id: 'ann.lee@example.com', ext_id: 'cust-881' },
  products: [
    { productId: 'SKU-SHOE-42', quantity: 1, variantId: 'SKU-SHOE-42-RED', price: 99.9 },
    { productId: 'SKU-SOCK-3', quantity: 2, price: 15 },
  ],
  billing: { address: '12 rue de Rivoli', city: 'Paris', countryCode: 'FR', postCode: '75004', paymentMethod: 'card' },
  coupons: ['WINTER10'],
  metaInfo: { order_source: 'Website', gift_wrap: true, loyalty_points: 130 },
};

// What Brevo must receive as the body, where the arguments give it as it is.
const createBatchOrderBody = {
  orders: [
    order,
    {
      id: 'ORD-1043',
      createdAt: '2026-11-21T10:00:00Z',
      updatedAt: '2026-11-21T10:00:00Z',
      status: 'pending',
      amount: 15,
      products: [{ productId: 'SKU-SOCK-3', quantity: 1, price: 15 }],
    },
  ],
  notifyUrl: 'https://hooks.acme.test/orders-batch',
  historical: false,
};

const createUpdateBatchCategoryBody = {
  categories: [
    { id: 'CAT-SHOES', name: 'Shoes', url: 'https://shop.acme.test/c/shoes' },
    { id: 'CAT-SOCKS', name: 'Socks' },
  ],
  updateEnabled: true,
};

const createUpdateProductBody = {
  id: 'SKU-SHOE-42',
  name: 'Trail runner 42',
  url: 'https://shop.acme.test/p/trail-runner-42',
  imageUrl: 'https://cdn.acme.test/img/trail-runner-42.jpg',
  sku: 'TR-42',
  price: 99.9,
  categories: ['CAT-SHOES'],
  metaInfo: { brand: 'Acme', stock: 14 },
  updateEnabled: true,
};

const createUpdateBatchProductsBody = {
  products: [
    { id: 'SKU-SHOE-42', name: 'Trail runner 42', price: 99.9 },
    { id: 'SKU-SHOE-42-RED', name: 'Trail runner 42 red', parentId: 'SKU-SHOE-42', price: 104.9 },
  ],
  updateEnabled: false,
};

describeRequests('ecommerce', [
  {
    tool: 'create_order',
    args: order,
    reply: { status: 204 },
    expect: { method: 'POST', path: '/orders/status', body: order },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('HTTP 204'),
  },
  {
    tool: 'create_batch_order',
    args: createBatchOrderBody,
    reply: { status: 202, json: { batchId: 815 } },
    expect: {
      method: 'POST',
      path: '/orders/status/batch',
      body: createBatchOrderBody,
    },
  },
  {
    tool: 'get_orders',
    args: { limit: 100, offset: 100, sort: 'asc', modifiedSince: '2026-11-01T00:00:00.000+01:00' },
    reply: { json: { orders: [{ id: 'ORD-1042', status: 'completed', amount: 129.9 }], count: 1 } },
    expect: {
      method: 'GET',
      path: '/orders',
      query: 'limit=100&offset=100&sort=asc&modifiedSince=2026-11-01T00:00:00.000+01:00',
    },
  },
  {
    tool: 'get_categories',
    args: { ids: ['CAT-SHOES', 'CAT-SOCKS'], name: 'Shoes', createdSince: '2026-01-01T00:00:00.000Z', limit: 20 },
    expect: {
      method: 'GET',
      path: '/categories',
      query: 'limit=20&ids=CAT-SHOES&ids=CAT-SOCKS&name=Shoes&createdSince=2026-01-01T00:00:00.000Z',
    },
  },
  {
    tool: 'create_update_category',
    args: { id: 'CAT-SHOES', name: 'Shoes', url: 'https://shop.acme.test/c/shoes', updateEnabled: true },
    reply: { status: 201, json: { id: 'CAT-SHOES' } },
    expect: {
      method: 'POST',
      path: '/categories',
      body: { id: 'CAT-SHOES', name: 'Shoes', url: 'https://shop.acme.test/c/shoes', updateEnabled: true },
    },
  },
  {
    tool: 'create_update_category',
    label: 'mark as deleted',
    args: { id: 'CAT-SALE-2025', isDeleted: true, deletedAt: '2026-01-05T08:00:00.000Z', updateEnabled: true },
    reply: { status: 204 },
    expect: {
      method: 'POST',
      path: '/categories',
      body: { id: 'CAT-SALE-2025', isDeleted: true, deletedAt: '2026-01-05T08:00:00.000Z', updateEnabled: true },
    },
  },
  {
    tool: 'create_update_batch_category',
    args: createUpdateBatchCategoryBody,
    reply: { status: 201, json: { createdCount: 1, updatedCount: 1 } },
    expect: {
      method: 'POST',
      path: '/categories/batch',
      body: createUpdateBatchCategoryBody,
    },
  },
  {
    tool: 'get_category_info',
    args: { id: 'CAT SHOES/42' },
    expect: { method: 'GET', path: '/categories/CAT%20SHOES%2F42' },
  },
  {
    tool: 'get_products',
    args: { ids: ['SKU-SHOE-42', 'SKU-SOCK-3'], categories: ['CAT-SHOES'], limit: 500, sort: 'desc' },
    expect: {
      method: 'GET',
      path: '/products',
      query: 'limit=500&sort=desc&ids=SKU-SHOE-42&ids=SKU-SOCK-3&categories=CAT-SHOES',
    },
  },
  {
    tool: 'get_products',
    label: 'price bounds by wire name',
    args: {
      name: 'sneaker',
      price_gte: 50,
      price_lt: 120.5,
      price_ne: 99.9,
      modifiedSince: '2026-11-01T00:00:00.000Z',
    },
    expect: {
      method: 'GET',
      path: '/products',
      query: 'name=sneaker&price[gte]=50&price[lt]=120.5&price[ne]=99.9&modifiedSince=2026-11-01T00:00:00.000Z',
    },
  },
  {
    tool: 'create_update_product',
    args: createUpdateProductBody,
    reply: { status: 201, json: { id: 'SKU-SHOE-42' } },
    expect: {
      method: 'POST',
      path: '/products',
      body: createUpdateProductBody,
    },
  },
  {
    tool: 'create_update_batch_products',
    args: createUpdateBatchProductsBody,
    reply: { status: 201, json: { createdCount: 2, updatedCount: 0 } },
    expect: {
      method: 'POST',
      path: '/products/batch',
      body: createUpdateBatchProductsBody,
    },
  },
  { tool: 'get_product_info', args: { id: 'SKU-SHOE-42' }, expect: { method: 'GET', path: '/products/SKU-SHOE-42' } },
  {
    tool: 'activate_ecommerce',
    args: {},
    reply: { status: 200, body: '' },
    expect: { method: 'POST', path: '/ecommerce/activate' },
  },
  {
    tool: 'get_display_currency',
    args: {},
    reply: { json: { code: 'EUR' } },
    expect: { method: 'GET', path: '/ecommerce/config/displayCurrency' },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('EUR'),
  },
  {
    tool: 'set_config_display_currency',
    args: { code: 'GBP' },
    reply: { json: { code: 'GBP' } },
    expect: { method: 'POST', path: '/ecommerce/config/displayCurrency', body: { code: 'GBP' } },
  },
  {
    tool: 'get_attribution_metrics',
    args: {
      periodFrom: '2026-11-01T00:00:00Z',
      periodTo: '2026-11-30T23:59:59Z',
      emailCampaignId: ['212', '215'],
      automationWorkflowEmailId: ['48'],
    },
    reply: {
      json: {
        results: [
          { id: '212', conversionSource: 'email_campaign', ordersCount: 30, revenue: 2990, averageBasket: 99.67 },
        ],
        totals: { ordersCount: 30, revenue: 2990, averageBasket: 99.67 },
      },
    },
    expect: {
      method: 'GET',
      path: '/ecommerce/attribution/metrics',
      query:
        'periodFrom=2026-11-01T00:00:00Z&periodTo=2026-11-30T23:59:59Z&emailCampaignId[]=212&emailCampaignId[]=215&automationWorkflowEmailId[]=48',
    },
  },
  {
    tool: 'get_attribution_metrics',
    label: 'SMS campaigns and workflows',
    args: { smsCampaignId: ['77'], automationWorkflowSmsId: ['51', '52'] },
    expect: {
      method: 'GET',
      path: '/ecommerce/attribution/metrics',
      query: 'smsCampaignId[]=77&automationWorkflowSmsId[]=51&automationWorkflowSmsId[]=52',
    },
  },
  {
    tool: 'get_attribution_metrics_detail',
    args: { conversionSource: 'email_campaign', conversionSourceId: '212' },
    reply: {
      json: {
        id: '212',
        conversionSource: 'email_campaign',
        ordersCount: 30,
        revenue: 2990,
        averageBasket: 99.67,
        newCustomersCount: 6,
      },
    },
    expect: { method: 'GET', path: '/ecommerce/attribution/metrics/email_campaign/212' },
  },
  {
    tool: 'get_attributed_products',
    args: { conversionSource: 'automation_workflow_sms', conversionSourceId: '51' },
    reply: { json: { products: [{ id: 'SKU-SHOE-42', name: 'Trail runner 42', ordersCount: 4, revenue: 399.6 }] } },
    expect: { method: 'GET', path: '/ecommerce/attribution/products/automation_workflow_sms/51' },
  },
]);
