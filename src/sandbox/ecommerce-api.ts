// E-commerce with real state: products and categories (create, update with updateEnabled,
// batches, filters, soft delete), orders (one or a batch, created or moved to a new status), and
// the attribution of orders to the campaigns that brought them, which the metrics and attributed
// products answers add up.
import {
  invalid,
  missing,
  notFound,
  SandboxError,
  type Handler,
  type SandboxRequest,
  routes,
  omitUndefined,
} from './http.js';
import type { Category, ConversionSource, Order, Product } from './shop-store.js';
import { DAY, type Store } from './store.js';
import {
  bodyOf,
  countedPage,
  optBool,
  optObject,
  optString,
  optStringArray,
  paging,
  reqString,
  since,
  sorted,
  type Body,
} from './validate.js';

/** How long after a campaign an order is still credited to it. */
const ATTRIBUTION_WINDOW = 7 * DAY;

// Products and categories.

function productFields(store: Store, body: Body, p: Product): void {
  const categories = optStringArray(body, 'categories');
  for (const id of categories ?? [])
    if (!store.shop.categories.has(id)) throw invalid(`categories: category ${id} does not exist`);
  const parentId = optString(body, 'parentId');
  if (parentId !== undefined && !store.shop.products.has(parentId))
    throw invalid(`parentId: product ${parentId} does not exist`);
  for (const key of ['name', 'url', 'imageUrl', 'sku', 'deletedAt'] as const) {
    const value = optString(body, key);
    if (value !== undefined) p[key] = value;
  }
  if (typeof body.price === 'number') p.price = body.price;
  if (categories) p.categories = [...categories];
  if (parentId !== undefined) p.parentId = parentId;
  const metaInfo = optObject(body, 'metaInfo');
  if (metaInfo) p.metaInfo = { ...metaInfo };
  const deleted = optBool(body, 'isDeleted');
  if (deleted !== undefined) p.isDeleted = deleted;
}

function categoryFields(body: Body, c: Category): void {
  for (const key of ['name', 'url', 'deletedAt'] as const) {
    const value = optString(body, key);
    if (value !== undefined) c[key] = value;
  }
  const deleted = optBool(body, 'isDeleted');
  if (deleted !== undefined) c.isDeleted = deleted;
}

/** Creates an item, or updates it when it exists and updateEnabled is true (else 400, as Brevo). */
function upsert<T extends { key: number; id: string; createdAt: string; modifiedAt: string }>(
  store: Store,
  items: Map<string, T>,
  body: Body,
  updateEnabled: boolean,
  make: (id: string, key: number, now: string) => T,
  apply: (item: T) => void,
  kind: string,
): 'created' | 'updated' {
  const id = reqString(body, 'id');
  const now = store.now();
  const existing = items.get(id);
  if (existing && !updateEnabled)
    throw new SandboxError(400, 'duplicate_parameter', `${kind} ${id} already exists; set updateEnabled to change it`);
  const item = existing ?? make(id, store.nextId(kind), now);
  apply(item);
  item.modifiedAt = now;
  items.set(id, item);
  return existing ? 'updated' : 'created';
}

const newProduct = (id: string, key: number, now: string): Product => ({
  key,
  id,
  name: '',
  categories: [],
  createdAt: now,
  modifiedAt: now,
});
const newCategory = (id: string, key: number, now: string): Category => ({
  key,
  id,
  name: '',
  createdAt: now,
  modifiedAt: now,
});

function saveProduct(store: Store, body: Body, updateEnabled: boolean) {
  return upsert(
    store,
    store.shop.products,
    body,
    updateEnabled,
    newProduct,
    (p) => productFields(store, body, p),
    'product',
  );
}

function saveCategory(store: Store, body: Body, updateEnabled: boolean) {
  if (!store.shop.categories.has(String(body.id)) && body.name === undefined) throw missing('name');
  return upsert(
    store,
    store.shop.categories,
    body,
    updateEnabled,
    newCategory,
    (c) => categoryFields(body, c),
    'category',
  );
}

/** Batches: every item is checked before any is saved; the counts say what happened. */
function batch(
  req: SandboxRequest,
  key: 'products' | 'categories',
  save: (store: Store, item: Body, update: boolean) => 'created' | 'updated',
  store: Store,
) {
  const body = bodyOf(req);
  const items = body[key] as Body[];
  const update = optBool(body, 'updateEnabled') ?? false;
  const counts = { createdCount: 0, updatedCount: 0 };
  const map = key === 'products' ? store.shop.products : store.shop.categories;
  for (const item of items)
    if (map.has(String(item.id)) && !update)
      throw new SandboxError(
        400,
        'duplicate_parameter',
        `${key === 'products' ? 'product' : 'category'} ${item.id} already exists; set updateEnabled to change it`,
      );
  for (const item of items) counts[save(store, item, update) === 'created' ? 'createdCount' : 'updatedCount']++;
  return { status: 201, body: counts };
}

/** POST of one product or category: 201 with Brevo's number for a new one, 204 for an update. */
function saveOne(
  save: (store: Store, body: Body, update: boolean) => 'created' | 'updated',
  items: (store: Store) => Map<string, { key: number }>,
): Handler {
  return (req, store) => {
    const body = bodyOf(req);
    const result = save(store, body, optBool(body, 'updateEnabled') ?? false);
    return result === 'created'
      ? { status: 201, body: { id: items(store).get(String(body.id))!.key } }
      : { status: 204 };
  };
}

function getOne<T>(
  items: (store: Store) => Map<string, T>,
  view: (store: Store, item: T) => unknown,
  kind: string,
): Handler {
  return (req, store) => {
    const item = items(store).get(req.params.id!);
    if (!item) throw notFound(`${kind} not found`);
    return { status: 200, body: view(store, item) };
  };
}

/** Common list filters: ids, name (part of it, any case), created/modified since. */
function filtered<T extends { id: string; name: string; createdAt: string; modifiedAt: string }>(
  req: SandboxRequest,
  items: T[],
): T[] {
  const ids = req.query
    .getAll('ids')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  const name = req.query.get('name')?.toLowerCase();
  return sorted(
    req,
    since(req, items, (i) => i.modifiedAt).filter(
      (i) => (!ids.length || ids.includes(i.id)) && (!name || i.name.toLowerCase().includes(name)),
    ),
  );
}

function getProducts(req: SandboxRequest, store: Store) {
  let products = filtered(req, [...store.shop.products.values()]);
  const price = (op: string, test: (p: number, v: number) => boolean) => {
    const raw = req.query.get(`price[${op}]`);
    if (raw !== null) products = products.filter((p) => p.price !== undefined && test(p.price, Number(raw)));
  };
  price('lte', (p, v) => p <= v);
  price('gte', (p, v) => p >= v);
  price('lt', (p, v) => p < v);
  price('gt', (p, v) => p > v);
  price('eq', (p, v) => p === v);
  price('ne', (p, v) => p !== v);
  const categories = req.query
    .getAll('categories')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  if (categories.length) products = products.filter((p) => p.categories.some((c) => categories.includes(c)));
  return countedPage('products', products, paging(req, 50, 1000), (p) => store.shop.productView(p));
}

// Orders.

/** The contact an order's identifiers name (email_id, ext_id, phone_id). */
function buyer(store: Store, identifiers: Record<string, string>) {
  if (identifiers.email_id) return store.contactByEmail(identifiers.email_id);
  if (identifiers.ext_id) return store.contactByExtId(identifiers.ext_id);
  if (identifiers.phone_id) return store.contactByAttribute('SMS', identifiers.phone_id.replace(/^\+/, ''));
  return undefined;
}

/**
 * Last touch in the 7 days before the order: an email campaign whose link the buyer clicked, or
 * an SMS campaign that reached them.
 */
export function attribution(store: Store, contactId: number | undefined, at: string): Order['attribution'] {
  if (contactId === undefined) return undefined;
  const t = Date.parse(at);
  const touches: { source: ConversionSource; id: string; time: number }[] = [];
  for (const c of store.campaigns.values()) {
    if (c.sentDate && c.engagement[contactId]?.clicks?.length)
      touches.push({ source: 'email_campaign', id: String(c.id), time: Date.parse(c.sentDate) });
  }
  for (const c of store.messaging.smsCampaigns.values()) {
    if (c.sentDate && c.fates.some((f) => f.contactId === contactId && f.result === 'delivered'))
      touches.push({ source: 'sms_campaign', id: String(c.id), time: Date.parse(c.sentDate) });
  }
  const last = touches
    .filter((x) => x.time <= t && t - x.time <= ATTRIBUTION_WINDOW)
    .sort((a, b) => b.time - a.time)[0];
  return last && { source: last.source, id: last.id };
}

/** Creates an order or, for a known id, changes it (a new status, say). */
export function saveOrder(store: Store, body: Body): void {
  const id = reqString(body, 'id');
  const identifiers = (optObject(body, 'identifiers') ?? {}) as Record<string, string>;
  const contact = buyer(store, identifiers);
  const existing = store.shop.orders.get(id);
  const createdAt = reqString(body, 'createdAt');
  const order: Order = {
    id,
    createdAt: existing?.createdAt ?? createdAt,
    updatedAt: reqString(body, 'updatedAt'),
    status: reqString(body, 'status'),
    amount: body.amount as number,
    ...(optString(body, 'storeId') !== undefined ? { storeId: optString(body, 'storeId') } : {}),
    identifiers,
    ...(contact
      ? { contactId: contact.id, ...(contact.email ? { email: contact.email } : {}) }
      : identifiers.email_id
        ? { email: identifiers.email_id.toLowerCase() }
        : {}),
    products: (body.products as Order['products']).map((l) => ({ ...l })),
    ...(optObject(body, 'billing') ? { billing: { ...optObject(body, 'billing') } } : {}),
    ...(optStringArray(body, 'coupons') ? { coupons: optStringArray(body, 'coupons') } : {}),
    ...(optObject(body, 'metaInfo') ? { metaInfo: { ...optObject(body, 'metaInfo') } } : {}),
  };
  order.attribution = existing?.attribution ?? attribution(store, order.contactId, order.createdAt);
  store.shop.orders.set(id, order);
}

function getOrders(req: SandboxRequest, store: Store) {
  const orders = since(req, [...store.shop.orders.values()], (o) => o.updatedAt);
  // Oldest first as stored; newest first by default.
  const ordered = sorted(
    req,
    orders.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  );
  return countedPage('orders', ordered, paging(req, 50, 100), (o) => store.shop.orderView(o));
}

// Attribution.

const SOURCES: Record<string, ConversionSource> = {
  'emailCampaignId[]': 'email_campaign',
  'smsCampaignId[]': 'sms_campaign',
  'automationWorkflowEmailId[]': 'automation_workflow_email',
  'automationWorkflowSmsId[]': 'automation_workflow_sms',
};

const money = (n: number) => Math.round(n * 100) / 100;

function metrics(orders: Order[]) {
  const revenue = orders.reduce((n, o) => n + o.amount, 0);
  return {
    ordersCount: orders.length,
    revenue: money(revenue),
    averageBasket: orders.length ? money(revenue / orders.length) : 0,
  };
}

function attributedTo(store: Store, source: string, id: string, range?: [number, number]): Order[] {
  return [...store.shop.orders.values()].filter(
    (o) =>
      o.attribution?.source === source &&
      o.attribution.id === id &&
      (!range || (Date.parse(o.createdAt) >= range[0] && Date.parse(o.createdAt) <= range[1])),
  );
}

function campaignExists(store: Store, source: string, id: string): void {
  const n = /^\d+$/.test(id) ? Number(id) : NaN;
  const exists =
    source === 'email_campaign'
      ? store.campaigns.has(n)
      : source === 'sms_campaign'
        ? store.messaging.smsCampaigns.has(n)
        : false;
  if (!exists) throw notFound(`No ${source.replace(/_/g, ' ')} with id ${id}`);
}

function attributionMetrics(req: SandboxRequest, store: Store) {
  const from = req.query.get('periodFrom');
  const to = req.query.get('periodTo');
  const range: [number, number] = [from ? Date.parse(from) : 0, to ? Date.parse(to) : Number.MAX_SAFE_INTEGER];
  let wanted = Object.entries(SOURCES).flatMap(([param, source]) =>
    req.query
      .getAll(param)
      .flatMap((v) => v.split(','))
      .filter(Boolean)
      .map((id) => ({ source, id })),
  );
  // Without ids: every campaign orders were attributed to in the period.
  if (!wanted.length) {
    const seen = new Map<string, { source: ConversionSource; id: string }>();
    for (const o of store.shop.orders.values())
      if (o.attribution && Date.parse(o.createdAt) >= range[0] && Date.parse(o.createdAt) <= range[1])
        seen.set(`${o.attribution.source}:${o.attribution.id}`, o.attribution);
    wanted = [...seen.values()];
  }
  const results = wanted.map(({ source, id }) => ({
    id,
    conversionSource: source,
    ...metrics(attributedTo(store, source, id, range)),
  }));
  const all = wanted.flatMap(({ source, id }) => attributedTo(store, source, id, range));
  return { status: 200, body: { results, totals: metrics(all) } };
}

export const ecommerceRoutes = routes({
  'POST /ecommerce/activate': (_req, store) => {
    store.shop.active = true;
    return { status: 200 };
  },
  'GET /ecommerce/config/displayCurrency': (_req, store) => ({ status: 200, body: { code: store.shop.currency } }),
  'POST /ecommerce/config/displayCurrency': (req, store) => {
    const code = reqString(bodyOf(req), 'code').toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) throw invalid('code should be an ISO 4217 currency code such as EUR');
    store.shop.currency = code;
    return { status: 200, body: { code } };
  },
  'GET /products': getProducts,
  'POST /products': saveOne(saveProduct, (store) => store.shop.products),
  'POST /products/batch': (req, store) => batch(req, 'products', saveProduct, store),
  'GET /products/{id}': getOne(
    (store) => store.shop.products,
    (store, p) => store.shop.productView(p),
    'Product',
  ),
  'GET /categories': (req, store) => {
    const categories = filtered(req, [...store.shop.categories.values()]);
    return countedPage('categories', categories, paging(req, 50, 100), (c) => store.shop.categoryView(c));
  },
  'POST /categories': saveOne(saveCategory, (store) => store.shop.categories),
  'POST /categories/batch': (req, store) => batch(req, 'categories', saveCategory, store),
  'GET /categories/{id}': getOne(
    (store) => store.shop.categories,
    (store, c) => store.shop.categoryView(c),
    'Category',
  ),
  'GET /orders': getOrders,
  'POST /orders/status': (req, store) => {
    saveOrder(store, bodyOf(req));
    return { status: 204 };
  },
  'POST /orders/status/batch': (req, store) => {
    const orders = bodyOf(req).orders as Body[];
    for (const order of orders) saveOrder(store, order);
    return { status: 202, body: { batchId: store.nextId('order-batch'), count: orders.length } };
  },
  'GET /ecommerce/attribution/metrics': attributionMetrics,
  'GET /ecommerce/attribution/metrics/{conversionSource}/{conversionSourceId}': (req, store) => {
    const { conversionSource: source, conversionSourceId: id } = req.params as {
      conversionSource: string;
      conversionSourceId: string;
    };
    campaignExists(store, source, id);
    const orders = attributedTo(store, source, id);
    // A new customer placed their first order through this campaign.
    const firstOrders = new Map<number, string>();
    for (const o of [...store.shop.orders.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)))
      if (o.contactId !== undefined && !firstOrders.has(o.contactId)) firstOrders.set(o.contactId, o.id);
    const newCustomersCount = new Set(
      orders.filter((o) => o.contactId !== undefined && firstOrders.get(o.contactId) === o.id).map((o) => o.contactId),
    ).size;
    return { status: 200, body: { id, conversionSource: source, ...metrics(orders), newCustomersCount } };
  },
  'GET /ecommerce/attribution/products/{conversionSource}/{conversionSourceId}': (req, store) => {
    const { conversionSource: source, conversionSourceId: id } = req.params as {
      conversionSource: string;
      conversionSourceId: string;
    };
    campaignExists(store, source, id);
    const byProduct = new Map<string, { orders: Set<string>; revenue: number }>();
    for (const o of attributedTo(store, source, id)) {
      for (const line of o.products) {
        const entry = byProduct.get(line.productId) ?? { orders: new Set<string>(), revenue: 0 };
        entry.orders.add(o.id);
        entry.revenue += line.price * line.quantity;
        byProduct.set(line.productId, entry);
      }
    }
    const products = [...byProduct].map(([productId, { orders, revenue }]) => {
      const p = store.shop.products.get(productId);
      return {
        id: productId,
        ...(p
          ? {
              name: p.name,
              ...(p.sku ? { sku: p.sku } : {}),
              ...omitUndefined({ price: p.price }),
              ...(p.url ? { url: p.url } : {}),
              ...(p.imageUrl ? { imageUrl: p.imageUrl } : {}),
            }
          : {}),
        ordersCount: orders.size,
        revenue: money(revenue),
      };
    });
    return { status: 200, body: { products: products.sort((a, b) => b.revenue - a.revenue) } };
  },
});
