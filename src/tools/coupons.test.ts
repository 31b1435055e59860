import { expect } from 'vitest';
import { describeRequests } from '../../test/support/request-cases.js';

const collectionId = '23befbae-1505-47a8-bd27-e30ef739f32c';

// What Brevo must receive as the body, where the arguments give it as it is.
const createCouponCollectionBody = {
  name: 'Winter sale',
  defaultCoupon: 'WINTER-FALLBACK',
  expirationDate: '2027-02-28T23:59:59+01:00',
  remainingDaysAlert: 7,
  remainingCouponsAlert: 100,
};

describeRequests('coupons', [
  {
    tool: 'get_coupon_collections',
    args: { limit: 25, offset: 0, sort: 'asc', sortBy: 'remainingCoupons' },
    reply: {
      json: {
        collections: [
          {
            id: collectionId,
            name: 'Winter sale',
            defaultCoupon: 'WINTER-FALLBACK',
            totalCoupons: 5000,
            remainingCoupons: 1200,
          },
        ],
        count: 1,
      },
    },
    expect: { method: 'GET', path: '/couponCollections', query: 'limit=25&offset=0&sort=asc&sortBy=remainingCoupons' },
  },
  {
    tool: 'get_coupon_collection',
    args: { id: collectionId },
    expect: { method: 'GET', path: `/couponCollections/${collectionId}` },
  },
  {
    tool: 'create_coupon_collection',
    args: createCouponCollectionBody,
    reply: { status: 201, json: { id: collectionId } },
    expect: {
      method: 'POST',
      path: '/couponCollections',
      body: createCouponCollectionBody,
    },
    check: ({ result }) => expect(JSON.stringify(result)).toContain(collectionId),
  },
  {
    tool: 'update_coupon_collection',
    args: { id: collectionId, defaultCoupon: 'WINTER5', remainingCouponsAlert: 50 },
    reply: { json: { id: collectionId, name: 'Winter sale', defaultCoupon: 'WINTER5' } },
    expect: {
      method: 'PATCH',
      path: `/couponCollections/${collectionId}`,
      body: { defaultCoupon: 'WINTER5', remainingCouponsAlert: 50 },
    },
  },
  {
    tool: 'update_coupon_collection',
    label: 'null removes expiration and alert',
    args: { id: collectionId, expirationDate: null, remainingDaysAlert: null },
    reply: { json: { id: collectionId, name: 'Winter sale', defaultCoupon: 'WINTER5' } },
    expect: {
      method: 'PATCH',
      path: `/couponCollections/${collectionId}`,
      body: { expirationDate: null, remainingDaysAlert: null },
    },
  },
  {
    tool: 'create_coupons',
    args: { collectionId, coupons: ['WNT-7F3K9Q', 'WNT-2M8D4X', 'WNT-9P1L6B'] },
    reply: { status: 204 },
    expect: {
      method: 'POST',
      path: '/coupons',
      body: { collectionId, coupons: ['WNT-7F3K9Q', 'WNT-2M8D4X', 'WNT-9P1L6B'] },
    },
  },
]);
