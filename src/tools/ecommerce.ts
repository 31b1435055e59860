// E-commerce: orders, products, categories, attribution of sales to campaigns, activation and
// display currency.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { sortOrder } from './shapes.js';

/** One order as Brevo records it; `id` is the shop's own order id. */
const order = {
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.string(),
  amount: z.number(),
  storeId: z.string().optional(),
  identifiers: z
    .strictObject({
      ext_id: z.string().optional(),
      loyalty_subscription_id: z.string().optional(),
      phone_id: z.string().optional(),
      email_id: z.string().optional(),
    })
    .optional(),
  products: z.array(
    z.strictObject({
      productId: z.string(),
      quantity: z.number(),
      variantId: z.string().optional(),
      price: z.number(),
    }),
  ),
  billing: z
    .strictObject({
      address: z.string().optional(),
      city: z.string().optional(),
      countryCode: z.string().optional(),
      country: z.string().optional(),
      phone: z.string().optional(),
      postCode: z.string().optional(),
      paymentMethod: z.string().optional(),
      region: z.string().optional(),
    })
    .optional(),
  coupons: z.array(z.string()).optional(),
  metaInfo: z.record(z.string(), z.union([z.string(), z.int(), z.boolean()])).optional(),
};

// The reference gives category ids `format: email`, but its own example is "CAT123": ids are
// the shop's own strings, so no format is enforced.
const category = {
  id: z.string(),
  name: z.string().optional(),
  url: z.string().optional(),
  deletedAt: z.string().optional(),
  isDeleted: z.boolean().optional(),
};

const product = {
  id: z.string(),
  name: z.string(),
  url: z.string().optional(),
  imageUrl: z.string().optional(),
  sku: z.string().optional(),
  price: z.number().optional(),
  categories: z.array(z.string()).optional(),
  parentId: z.string().optional(),
  metaInfo: z.record(z.string(), z.union([z.string(), z.int()])).optional(),
  deletedAt: z.string().optional(),
  isDeleted: z.boolean().optional(),
};

/** Date-time filters of the shop listings (UTC, YYYY-MM-DDTHH:mm:ss.SSSZ). */
const since = { modifiedSince: z.string().optional(), createdSince: z.string().optional() };

const conversionSource = {
  conversionSource: z.enum(['email_campaign', 'sms_campaign', 'automation_workflow_email', 'automation_workflow_sms']),
  conversionSourceId: z.string(),
};

export default defineToolset('ecommerce', [
  {
    name: 'create_order',
    title: 'Record order',
    description:
      "Create or update an order by the shop's id; dates in UTC (YYYY-MM-DDTHH:mm:ssZ). May trigger automations.",
    keywords: ['purchase', 'sale', 'checkout', 'track order', 'order status'],
    method: 'POST',
    path: '/orders/status',
    body: order,
  },
  {
    name: 'create_batch_order',
    title: 'Record orders in bulk',
    description:
      'Record many orders in the background; historical (default true) keeps them from triggering workflows.',
    keywords: ['many orders', 'historical orders', 'bulk orders', 'order history import'],
    method: 'POST',
    path: '/orders/status/batch',
    body: {
      orders: z.array(z.strictObject(order)),
      notifyUrl: z.string().optional(),
      historical: z.boolean().optional(),
    },
  },
  {
    name: 'get_orders',
    title: 'List orders',
    description: 'List orders, optionally only those created or modified since an ISO date-time.',
    keywords: ['purchases', 'sales', 'all orders', 'recent orders'],
    method: 'GET',
    path: '/orders',
    query: { limit: z.int().max(100).optional(), offset: z.int().optional(), sort: sortOrder.optional(), ...since },
  },
  {
    name: 'get_categories',
    title: 'List categories',
    description: 'List shop categories, filterable by ids, name and created/modified since an ISO date-time.',
    keywords: ['product categories', 'all categories'],
    method: 'GET',
    path: '/categories',
    query: {
      limit: z.int().max(100).optional(),
      offset: z.int().optional(),
      sort: sortOrder.optional(),
      ids: z.array(z.string()).optional(),
      name: z.string().optional(),
      ...since,
    },
  },
  {
    name: 'create_update_category',
    title: 'Create or update category',
    description: "Create a category by the shop's id (name required); updateEnabled updates an existing one.",
    keywords: ['new category', 'edit category'],
    method: 'POST',
    path: '/categories',
    idempotent: true,
    body: { ...category, updateEnabled: z.boolean().optional() },
  },
  {
    name: 'create_update_batch_category',
    title: 'Create categories in bulk',
    description: 'Create many categories at once; updateEnabled also updates existing ones.',
    keywords: ['many categories', 'bulk categories'],
    method: 'POST',
    path: '/categories/batch',
    idempotent: true,
    body: { categories: z.array(z.strictObject(category)), updateEnabled: z.boolean().optional() },
  },
  {
    name: 'get_category_info',
    title: 'Get category',
    description: 'One shop category by its id.',
    keywords: ['category details'],
    method: 'GET',
    path: '/categories/{id}',
    pathParams: { id: z.string() },
  },
  {
    name: 'get_products',
    title: 'List products',
    description:
      'List products, filterable by ids, name (3+ characters), categories, price bounds and created/modified ' +
      'date-time.',
    keywords: ['catalog', 'inventory', 'all products', 'search products'],
    method: 'GET',
    path: '/products',
    query: {
      limit: z.int().max(1000).optional(),
      offset: z.int().optional(),
      sort: sortOrder.optional(),
      ids: z.array(z.string()).optional(),
      name: z.string().optional(),
      price_lte: z.number().optional(),
      price_gte: z.number().optional(),
      price_lt: z.number().optional(),
      price_gt: z.number().optional(),
      price_eq: z.number().optional(),
      price_ne: z.number().optional(),
      categories: z.array(z.string()).optional(),
      ...since,
    },
    wireNames: {
      price_lte: 'price[lte]',
      price_gte: 'price[gte]',
      price_lt: 'price[lt]',
      price_gt: 'price[gt]',
      price_eq: 'price[eq]',
      price_ne: 'price[ne]',
    },
  },
  {
    name: 'create_update_product',
    title: 'Create or update product',
    description:
      "Create a product by the shop's id, or update it with updateEnabled; metaInfo holds up to 20 custom fields.",
    keywords: ['new product', 'edit product', 'change price', 'catalog item'],
    method: 'POST',
    path: '/products',
    idempotent: true,
    body: { ...product, updateEnabled: z.boolean().optional() },
  },
  {
    name: 'create_update_batch_products',
    title: 'Create products in bulk',
    description: 'Create many products at once; updateEnabled also updates existing ones.',
    keywords: ['sync catalog', 'bulk products', 'many products', 'import products'],
    method: 'POST',
    path: '/products/batch',
    idempotent: true,
    body: { products: z.array(z.strictObject(product)), updateEnabled: z.boolean().optional() },
  },
  {
    name: 'get_product_info',
    title: 'Get product',
    description: 'One shop product by its id.',
    keywords: ['product details', 'sku'],
    method: 'GET',
    path: '/products/{id}',
    pathParams: { id: z.string() },
  },
  {
    name: 'activate_ecommerce',
    title: 'Activate eCommerce',
    description: 'Turn on eCommerce for the account (ready in about 5 minutes); other eCommerce tools need it.',
    keywords: ['enable ecommerce', 'turn on shop features'],
    method: 'POST',
    path: '/ecommerce/activate',
    idempotent: true,
  },
  {
    name: 'get_display_currency',
    title: 'Get display currency',
    description: "The account's eCommerce display currency (ISO 4217 code).",
    keywords: ['store currency', 'shop currency'],
    method: 'GET',
    path: '/ecommerce/config/displayCurrency',
  },
  {
    name: 'set_config_display_currency',
    title: 'Set display currency',
    description: "Set the account's eCommerce display currency (ISO 4217 code, e.g. EUR).",
    keywords: ['change currency', 'switch currency'],
    method: 'POST',
    path: '/ecommerce/config/displayCurrency',
    idempotent: true,
    body: { code: z.string() },
  },
  {
    name: 'get_attribution_metrics',
    title: 'Sales attribution metrics',
    description: 'Orders, revenue and average basket attributed to the given campaigns or workflows, with totals.',
    keywords: ['revenue from campaigns', 'roi', 'sales generated', 'conversions', 'campaign revenue'],
    method: 'GET',
    path: '/ecommerce/attribution/metrics',
    query: {
      periodFrom: z.iso.datetime({ offset: true }).optional(),
      periodTo: z.iso.datetime({ offset: true }).optional(),
      emailCampaignId: z.array(z.string()).optional(),
      smsCampaignId: z.array(z.string()).optional(),
      automationWorkflowEmailId: z.array(z.string()).optional(),
      automationWorkflowSmsId: z.array(z.string()).optional(),
    },
    wireNames: {
      emailCampaignId: 'emailCampaignId[]',
      smsCampaignId: 'smsCampaignId[]',
      automationWorkflowEmailId: 'automationWorkflowEmailId[]',
      automationWorkflowSmsId: 'automationWorkflowSmsId[]',
    },
  },
  {
    name: 'get_attribution_metrics_detail',
    title: 'Sales attribution of one source',
    description: 'Attributed orders, revenue, average basket and new customers for one campaign or workflow.',
    keywords: ['revenue of one campaign', 'orders from a campaign', 'workflow revenue'],
    method: 'GET',
    path: '/ecommerce/attribution/metrics/{conversionSource}/{conversionSourceId}',
    pathParams: conversionSource,
  },
  {
    name: 'get_attributed_products',
    title: 'Products sold by one source',
    description: 'Products sold thanks to one campaign or workflow, with their order counts and revenue.',
    keywords: ['products sold by campaign', 'best sellers of a campaign'],
    method: 'GET',
    path: '/ecommerce/attribution/products/{conversionSource}/{conversionSourceId}',
    pathParams: conversionSource,
  },
]);
