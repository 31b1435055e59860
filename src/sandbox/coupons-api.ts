// Coupon collections with real state: create (names unique), read, list sorted by creation,
// remaining coupons or expiration, change the default coupon, expiry and alerts, and add codes.
import { randomUUID } from 'node:crypto';
import { COMMERCE_CAPS, type CouponCollection } from './commerce-store.js';
import { invalid, SandboxError, type SandboxRequest, routes } from './http.js';
import type { Store } from './store.js';
import { bodyOf, optInt, optString, paging, reqString, type Body } from './validate.js';
import { checkCap } from './limits.js';

const MAX_COUPON_LENGTH = 100;

/** A date-time field as Brevo keeps it (UTC), or undefined; null (PATCH) is handled by the caller. */
function dateTime(body: Body, key: string): string | undefined {
  const raw = optString(body, key);
  if (raw === undefined) return undefined;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw invalid(`${key} is not a valid date-time (RFC 3339)`);
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function alert(body: Body, key: string): number | undefined {
  const value = optInt(body, key);
  if (value !== undefined && value < 0) throw invalid(`${key} should be 0 or more`);
  return value;
}

function createCollection(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const c = store.commerce;
  const name = reqString(body, 'name');
  for (const other of c.collections.values())
    if (other.name.toLowerCase() === name.toLowerCase())
      throw new SandboxError(400, 'duplicate_parameter', `A coupon collection named ${name} already exists`);
  checkCap(c.collections.size, COMMERCE_CAPS.collections, 'coupon collections');
  const collection: CouponCollection = {
    id: randomUUID(),
    name,
    defaultCoupon: reqString(body, 'defaultCoupon'),
    createdAt: store.now(),
    coupons: new Set(),
    sent: 0,
  };
  const expirationDate = dateTime(body, 'expirationDate');
  if (expirationDate !== undefined) collection.expirationDate = expirationDate;
  const days = alert(body, 'remainingDaysAlert');
  if (days !== undefined) collection.remainingDaysAlert = days;
  const coupons = alert(body, 'remainingCouponsAlert');
  if (coupons !== undefined) collection.remainingCouponsAlert = coupons;
  c.collections.set(collection.id, collection);
  return { status: 201, body: { id: collection.id } };
}

const SORT_KEYS: Record<string, (c: ReturnType<Store['commerce']['collectionView']>) => string | number> = {
  createdAt: (c) => c.createdAt,
  remainingCoupons: (c) => c.remainingCoupons,
  expirationDate: (c) => c.expirationDate ?? '',
};

function listCollections(req: SandboxRequest, store: Store) {
  const c = store.commerce;
  const sortBy = req.query.get('sortBy') || 'createdAt';
  const key = SORT_KEYS[sortBy];
  if (!key) throw invalid('sortBy should be createdAt, remainingCoupons or expirationDate');
  const order = req.query.get('sort') || 'desc';
  if (order !== 'asc' && order !== 'desc') throw invalid('sort should be asc or desc');
  const views = [...c.collections.values()].map((x) => c.collectionView(x));
  views.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return (x < y ? -1 : x > y ? 1 : 0) * (order === 'asc' ? 1 : -1);
  });
  const { limit, offset } = paging(req, 50, 100);
  return { status: 200, body: { collections: views.slice(offset, offset + limit), count: views.length } };
}

/** Only the fields given change; null removes the expiration date or an alert. */
function updateCollection(req: SandboxRequest, store: Store) {
  const collection = store.commerce.collection(req.params.id ?? '');
  const body = bodyOf(req);
  const defaultCoupon = optString(body, 'defaultCoupon');
  if (defaultCoupon !== undefined) {
    if (!defaultCoupon.trim()) throw invalid('defaultCoupon should not be empty');
    collection.defaultCoupon = defaultCoupon;
  }
  if (body.expirationDate === null) delete collection.expirationDate;
  else {
    const expirationDate = dateTime(body, 'expirationDate');
    if (expirationDate !== undefined) collection.expirationDate = expirationDate;
  }
  for (const key of ['remainingDaysAlert', 'remainingCouponsAlert'] as const) {
    if (body[key] === null) delete collection[key];
    else {
      const value = alert(body, key);
      if (value !== undefined) collection[key] = value;
    }
  }
  return { status: 200, body: { id: collection.id, name: collection.name, defaultCoupon: collection.defaultCoupon } };
}

/** Adds codes to a collection; codes it already holds are kept once. */
function addCoupons(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const c = store.commerce;
  const collection = c.collection(reqString(body, 'collectionId'));
  const coupons = body.coupons as string[];
  for (const [i, code] of coupons.entries()) {
    if (!code.trim()) throw invalid(`coupons[${i}] should not be empty`);
    if (code.length > MAX_COUPON_LENGTH)
      throw invalid(`coupons[${i}] should be at most ${MAX_COUPON_LENGTH} characters`);
  }
  const fresh = coupons.filter((code) => !collection.coupons.has(code));
  checkCap(collection.coupons.size, COMMERCE_CAPS.couponsPerCollection, 'coupons per collection', fresh.length);
  checkCap(c.couponCount(), COMMERCE_CAPS.coupons, 'coupons in all', fresh.length);
  for (const code of fresh) collection.coupons.add(code);
  return { status: 204 };
}

export const couponRoutes = routes({
  'GET /couponCollections': listCollections,
  'POST /couponCollections': createCollection,
  'GET /couponCollections/{id}': (req, store) => ({
    status: 200,
    body: store.commerce.collectionView(store.commerce.collection(req.params.id ?? '')),
  }),
  'PATCH /couponCollections/{id}': updateCollection,
  'POST /coupons': addCoupons,
});
