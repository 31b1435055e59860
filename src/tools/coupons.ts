// Coupon collections and the coupon codes in them.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { sortOrder } from './shapes.js';

export default defineToolset('coupons', [
  {
    name: 'get_coupon_collections',
    title: 'List coupon collections',
    description: 'List coupon collections with their total and remaining coupons.',
    keywords: ['discount code pools', 'promo code sets', 'all coupon collections'],
    method: 'GET',
    path: '/couponCollections',
    query: {
      limit: z.int().min(0).max(100).optional(),
      offset: z.int().min(0).optional(),
      sort: sortOrder.optional(),
      sortBy: z.enum(['createdAt', 'remainingCoupons', 'expirationDate']).optional(),
    },
  },
  {
    name: 'get_coupon_collection',
    title: 'Get coupon collection',
    description: 'One coupon collection by its id, with total and remaining coupons.',
    keywords: ['codes left', 'remaining coupons', 'coupon collection details'],
    method: 'GET',
    path: '/couponCollections/{id}',
    pathParams: { id: z.guid() },
  },
  {
    name: 'create_coupon_collection',
    title: 'Create coupon collection',
    description:
      'Create a coupon collection; defaultCoupon is given once codes run out. Alerts email you as ' +
      'expiry or stock nears.',
    keywords: ['new discount code pool', 'new promo code set'],
    method: 'POST',
    path: '/couponCollections',
    body: {
      name: z.string(),
      defaultCoupon: z.string(),
      expirationDate: z.iso.datetime({ offset: true }).optional(),
      remainingDaysAlert: z.int().optional(),
      remainingCouponsAlert: z.int().optional(),
    },
  },
  {
    name: 'update_coupon_collection',
    title: 'Update coupon collection',
    description:
      "Change a collection's default coupon, expiration or alert thresholds; null removes the expiration or an alert.",
    keywords: ['change expiry', 'change default code', 'stock alert'],
    method: 'PATCH',
    path: '/couponCollections/{id}',
    idempotent: true,
    pathParams: { id: z.guid() },
    body: {
      defaultCoupon: z.string().optional(),
      expirationDate: z.iso.datetime({ offset: true }).nullable().optional(),
      remainingDaysAlert: z.int().nullable().optional(),
      remainingCouponsAlert: z.int().nullable().optional(),
    },
  },
  {
    name: 'create_coupons',
    title: 'Add coupons',
    description: 'Add unique coupon codes to a collection; they are stored in the background.',
    keywords: ['add discount codes', 'upload promo codes', 'unique codes'],
    method: 'POST',
    path: '/coupons',
    body: { collectionId: z.guid(), coupons: z.array(z.string()).min(1).max(10000) },
  },
]);
