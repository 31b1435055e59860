// The emulator's e-commerce over HTTP: products and categories (create, read, list with filters
// and counts, update with updateEnabled, batches, soft delete), orders one by one and in batches,
// visible in the order listing and credited to the campaign that brought them in the
// attribution metrics and attributed products.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Json } from './support/emulator.js';

describe("the emulator's e-commerce", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu?.close());

  it('is seeded with a catalogue and two months of orders, each confirmed by email', async () => {
    const { products, count } = await emu.ok('GET', '/products');
    expect(count).toBe(8);
    expect(products[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      price: expect.any(Number),
      s3ThumbAnalytics: expect.any(String),
      s3ThumbEditor: expect.any(String),
    });
    expect((await emu.ok('GET', '/categories')).categories.map((c: Json) => c.name).sort()).toEqual([
      'Bags & totes',
      'Home & kitchen',
      'Scarves & shawls',
    ]);
    const orders = await emu.ok('GET', '/orders?limit=100');
    expect(orders.count).toBeGreaterThan(40);
    const [latest] = orders.orders;
    expect(latest).toMatchObject({
      id: expect.stringMatching(/^DS-\d+$/),
      status: expect.any(String),
      amount: expect.any(Number),
      contact_id: expect.any(Number),
      email: expect.any(String),
      products: expect.any(Array),
    });
    const confirmation = await emu.ok('GET', `/smtp/emails?email=${encodeURIComponent(latest.email)}&limit=1000`);
    expect(confirmation.transactionalEmails.map((e: Json) => e.subject)).toContain(`Your Demo Shop order ${latest.id}`);
  });

  it('keeps products: create, read, update only with updateEnabled, filter, batch, soft delete', async () => {
    const created = await emu.request('POST', '/products', {
      id: 'BAG-CRS-TAN',
      name: 'Tan crossbody bag',
      price: 59,
      categories: ['bags'],
      sku: 'BAG-CRS-TAN',
    });
    expect(created).toMatchObject({ status: 201, json: { id: 9 } });
    expect(await emu.ok('GET', '/products/BAG-CRS-TAN')).toMatchObject({
      id: 'BAG-CRS-TAN',
      name: 'Tan crossbody bag',
      price: 59,
      categories: ['bags'],
    });
    expect(await emu.request('POST', '/products', { id: 'BAG-CRS-TAN', name: 'Again' })).toMatchObject({
      status: 400,
      json: { code: 'duplicate_parameter' },
    });
    expect(
      (
        await emu.request('POST', '/products', {
          id: 'BAG-CRS-TAN',
          name: 'Tan crossbody bag',
          price: 55,
          updateEnabled: true,
        })
      ).status,
    ).toBe(204);
    expect((await emu.ok('GET', '/products/BAG-CRS-TAN')).price).toBe(55);
    expect(await emu.request('POST', '/products', { id: 'X', name: 'X', categories: ['shoes'] })).toMatchObject({
      status: 400,
      json: { message: 'categories: category shoes does not exist' },
    });

    const bags = await emu.ok('GET', '/products?categories=bags&price%5Blte%5D=50');
    expect(bags.products.every((p: Json) => p.categories.includes('bags') && p.price <= 50)).toBe(true);
    expect(bags.count).toBe(bags.products.length);
    expect((await emu.ok('GET', '/products?name=crossbody')).products.map((p: Json) => p.id)).toEqual(['BAG-CRS-TAN']);
    expect((await emu.ok('GET', '/products?ids=BAG-CRS-TAN,HOM-MUG-SND')).count).toBe(2);
    const paged = await emu.ok('GET', '/products?limit=3&offset=3');
    expect([paged.products.length, paged.count]).toEqual([3, 9]);

    expect(
      await emu.ok('POST', '/products/batch', {
        products: [
          { id: 'BAG-CRS-TAN', name: 'Tan crossbody bag', price: 52 },
          { id: 'HOM-CDL-FIG', name: 'Fig candle', price: 24 },
        ],
        updateEnabled: true,
      }),
    ).toEqual({ createdCount: 1, updatedCount: 1 });
    expect(
      await emu.request('POST', '/products/batch', { products: [{ id: 'HOM-CDL-FIG', name: 'Fig candle' }] }),
    ).toMatchObject({ status: 400, json: { code: 'duplicate_parameter' } });
    expect(
      (
        await emu.request('POST', '/products', {
          id: 'HOM-CDL-FIG',
          name: 'Fig candle',
          isDeleted: true,
          updateEnabled: true,
        })
      ).status,
    ).toBe(204);
    expect((await emu.ok('GET', '/products/HOM-CDL-FIG')).isDeleted).toBe(true);
    expect(await emu.request('GET', '/products/NOPE')).toMatchObject({
      status: 404,
      json: { code: 'document_not_found' },
    });
  });

  it('keeps categories the same way', async () => {
    expect(await emu.request('POST', '/categories', { id: 'gifts' })).toMatchObject({
      status: 400,
      json: { message: 'name is missing' },
    });
    expect(await emu.request('POST', '/categories', { id: 'gifts', name: 'Gift sets' })).toMatchObject({
      status: 201,
      json: { id: 4 },
    });
    expect(await emu.ok('GET', '/categories/gifts')).toMatchObject({ id: 'gifts', name: 'Gift sets' });
    expect(
      await emu.ok('POST', '/categories/batch', {
        categories: [
          { id: 'gifts', name: 'Gifts' },
          { id: 'sale', name: 'Sale' },
        ],
        updateEnabled: true,
      }),
    ).toEqual({ createdCount: 1, updatedCount: 1 });
    expect((await emu.ok('GET', '/categories?name=gift')).categories).toEqual([
      expect.objectContaining({ id: 'gifts', name: 'Gifts' }),
    ]);
    expect((await emu.ok('GET', '/categories')).count).toBe(5);
    expect((await emu.request('GET', '/categories/none')).status).toBe(404);
  });

  it('takes orders one by one and in batches, updates their status, and lists them newest first', async () => {
    const now = new Date().toISOString();
    const order = {
      id: 'DS-30001',
      createdAt: now,
      updatedAt: now,
      status: 'processing',
      amount: 59.9,
      products: [
        { productId: 'SCF-LIN-IND', quantity: 1, price: 39 },
        { productId: 'HOM-MUG-SND', quantity: 1, price: 18 },
      ],
      identifiers: { email_id: 'noah.johnson@example.net' },
      billing: { city: 'Boston', countryCode: 'US' },
    };
    expect((await emu.request('POST', '/orders/status', order)).status).toBe(204);
    const { orders, count } = await emu.ok('GET', '/orders?limit=1');
    expect(orders[0]).toMatchObject({
      id: 'DS-30001',
      status: 'processing',
      amount: 59.9,
      contact_id: 4,
      email: 'noah.johnson@example.net',
    });
    expect(
      (
        await emu.request('POST', '/orders/status', {
          ...order,
          status: 'shipped',
          updatedAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(204);
    const after = await emu.ok('GET', '/orders?limit=1');
    expect([after.orders[0].status, after.count]).toEqual(['shipped', count]);

    const batch = await emu.request('POST', '/orders/status/batch', {
      orders: [
        { ...order, id: 'DS-30002', identifiers: { email_id: 'mia.garcia@example.org' } },
        { ...order, id: 'DS-30003', identifiers: { ext_id: 'no-such-customer' } },
      ],
      historical: false,
    });
    expect(batch).toMatchObject({ status: 202, json: { batchId: expect.any(Number), count: 2 } });
    expect((await emu.ok('GET', '/orders?limit=100')).count).toBe(count + 2);
    expect(
      (await emu.ok('GET', `/orders?createdSince=${encodeURIComponent(now)}`)).orders.map((o: Json) => o.id).sort(),
    ).toEqual(['DS-30001', 'DS-30002', 'DS-30003']);
  });

  it('credits orders to the campaign whose link the buyer clicked within a week, in metrics and products', async () => {
    const { results, totals } = await emu.ok('GET', '/ecommerce/attribution/metrics');
    expect(results.length).toBeGreaterThan(0);
    expect(totals.ordersCount).toBe(results.reduce((n: number, r: Json) => n + r.ordersCount, 0));
    const spring = await emu.ok('GET', '/ecommerce/attribution/metrics/email_campaign/1');
    expect(spring.averageBasket).toBeCloseTo(spring.ordersCount ? spring.revenue / spring.ordersCount : 0, 1);

    // A customer who clicked the VIP campaign orders now: the order is credited to it.
    const vip = await emu.ok('GET', '/emailCampaigns/4');
    const clicker = await emu.ok('GET', '/contacts/lists/2/contacts?limit=500');
    const stats = vip.statistics;
    expect(stats.globalStats.clickers).toBeGreaterThan(0);
    const before = await emu.ok('GET', '/ecommerce/attribution/metrics?emailCampaignId%5B%5D=4');
    const buyers = (clicker.contacts as Json[]).map((c) => c.email);
    let credited = false;
    for (const email of buyers) {
      const now = new Date().toISOString();
      await emu.ok('POST', '/orders/status', {
        id: `VIP-${email}`,
        createdAt: now,
        updatedAt: now,
        status: 'completed',
        amount: 120,
        products: [{ productId: 'BAG-BCH-STR', quantity: 2, price: 49 }],
        identifiers: { email_id: email },
      });
      const after = await emu.ok('GET', '/ecommerce/attribution/metrics?emailCampaignId%5B%5D=4');
      if (after.results[0].ordersCount > before.results[0].ordersCount) {
        credited = true;
        expect(after.results[0].revenue).toBeCloseTo(before.results[0].revenue + 120, 2);
        break;
      }
    }
    expect(credited).toBe(true);
    const { products } = await emu.ok('GET', '/ecommerce/attribution/products/email_campaign/4');
    expect(products).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'BAG-BCH-STR',
          name: 'Striped beach tote',
          ordersCount: expect.any(Number),
          revenue: expect.any(Number),
        }),
      ]),
    );
    expect(await emu.request('GET', '/ecommerce/attribution/metrics/sms_campaign/99')).toMatchObject({ status: 404 });
    expect((await emu.ok('GET', '/ecommerce/attribution/metrics/sms_campaign/1')).conversionSource).toBe(
      'sms_campaign',
    );
  });

  it('keeps the display currency', async () => {
    expect(await emu.ok('GET', '/ecommerce/config/displayCurrency')).toEqual({ code: 'EUR' });
    expect(await emu.ok('POST', '/ecommerce/config/displayCurrency', { code: 'gbp' })).toEqual({ code: 'GBP' });
    expect(await emu.ok('GET', '/ecommerce/config/displayCurrency')).toEqual({ code: 'GBP' });
  });
});
