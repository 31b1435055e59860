// Loyalty rewards and vouchers: offers, codes, redemption.
import { z } from 'zod';
import type { OperationSpec } from '../define.js';
import { email, freeRecord, sortOrder } from '../shapes.js';
import { pid, program, rid, version } from './shapes.js';

export const rewards: OperationSpec[] = [
  {
    name: 'get_code_count',
    title: 'Count pool codes',
    description: "How many codes a reward's code pool (cpid) holds.",
    keywords: ['codes left in pool', 'reward codes remaining'],
    method: 'GET',
    path: '/loyalty/offer/programs/{pid}/code-pools/{cpid}/codes-count',
    pathParams: { pid, cpid: z.guid().describe('Code pool id') },
  },
  {
    name: 'get_loyalty_vouchers',
    title: 'List contact vouchers',
    description: 'Vouchers attributed to a contact, optionally for one rewardId.',
    keywords: ['vouchers of a member', 'member rewards'],
    method: 'GET',
    path: '/loyalty/offer/programs/{pid}/vouchers',
    pathParams: program,
    query: {
      limit: z.int().min(1).max(100).optional(),
      offset: z.int().optional(),
      sort: sortOrder.optional(),
      sortField: z.enum(['updatedAt', 'createdAt']).optional(),
      contactId: z.int().min(1),
      metadata_key_value: z.string().optional(),
      rewardId: z.string().optional(),
    },
  },
  {
    name: 'get_loyalty_offers',
    title: 'List rewards',
    description: "List a program's rewards (ids and settings); state filters them, default all.",
    keywords: ['all rewards', 'loyalty offers', 'perks'],
    method: 'GET',
    path: '/loyalty/offer/programs/{pid}/offers',
    pathParams: program,
    query: {
      limit: z.int().min(1).max(100).optional(),
      offset: z.int().optional(),
      state: z.string().optional(),
      version: version.optional(),
    },
  },
  {
    name: 'create_reward',
    title: 'Create reward',
    description: 'Create a reward with its internal and public name; live after publishing.',
    keywords: ['new reward', 'new perk', 'new offer'],
    method: 'POST',
    path: '/loyalty/offer/programs/{pid}/offers',
    pathParams: program,
    body: {
      name: z.string().max(128),
      publicDescription: z.string().max(128).optional(),
      publicImage: z.url().optional(),
      publicName: z.string().max(128).optional(),
    },
  },
  {
    name: 'get_loyalty_reward',
    title: 'Get reward',
    description: "One reward's configuration.",
    keywords: ['reward details'],
    method: 'GET',
    path: '/loyalty/offer/programs/{pid}/rewards/{rid}',
    pathParams: { pid, rid },
    query: { version: version.optional() },
  },
  {
    name: 'create_voucher',
    title: 'Give voucher',
    description:
      'Attribute a reward as a voucher to a member, by contactId or loyaltySubscriptionId, with optional ' +
      'code, value and expiry.',
    keywords: ['give voucher', 'give reward to member', 'issue voucher'],
    method: 'POST',
    path: '/loyalty/offer/programs/{pid}/rewards/attribute',
    pathParams: program,
    body: {
      value: z.number().optional(),
      code: z.string().max(128).optional(),
      contactId: z.int().min(1).optional(),
      expirationDate: z.string().optional(),
      loyaltySubscriptionId: z.string().optional(),
      meta: freeRecord.optional(),
      rewardId: z.guid(),
    },
  },
  {
    name: 'redeem_voucher',
    title: 'Redeem voucher',
    description:
      "Start redeeming a member's voucher (attributedRewardId, code or rewardId); confirm with complete_redeem_transaction " +
      'before ttl seconds.',
    keywords: ['use voucher', 'claim reward', 'spend voucher'],
    method: 'POST',
    path: '/loyalty/offer/programs/{pid}/rewards/redeem',
    destructive: true,
    pathParams: program,
    body: {
      attributedRewardId: z.guid().optional(),
      code: z.string().optional(),
      contactId: z.int().min(1).optional(),
      loyaltySubscriptionId: z.string().optional(),
      meta: freeRecord.optional(),
      order: z
        .strictObject({
          amount: z.number().optional(),
          billing: z
            .strictObject({
              address: z.string().optional(),
              city: z.string().optional(),
              countryCode: z.string().optional(),
              paymentMethod: z.string().optional(),
              phone: z.int().optional(),
              postCode: z.int().optional(),
              region: z.string().optional(),
            })
            .optional(),
          contact_id: z.int().optional(),
          coupons: z.array(z.string()).optional(),
          createdAt: z.iso.datetime({ offset: true }).optional(),
          email: email.optional(),
          id: z.string().optional(),
          identifiers: z
            .strictObject({ ext_id: z.string().optional(), loyalty_subscription_id: z.string().optional() })
            .optional(),
          products: z
            .array(
              z.strictObject({
                category: z.array(z.string()).optional(),
                price: z.number().optional(),
                productId: z.string().optional(),
                quantity: z.number().optional(),
                variantId: z.string().optional(),
              }),
            )
            .optional(),
          status: z.string().optional(),
          storeId: z.string().optional(),
          updatedAt: z.iso.datetime({ offset: true }).optional(),
        })
        .optional(),
      rewardId: z.guid().optional(),
      ttl: z.int().min(0).optional(),
    },
  },
  {
    name: 'complete_redeem_transaction',
    title: 'Complete voucher redeem',
    description: 'Confirm a redeem started by redeem_voucher, using the voucher up.',
    keywords: ['finish redemption', 'confirm redemption'],
    method: 'POST',
    path: '/loyalty/offer/programs/{pid}/rewards/redeem/{tid}/complete',
    destructive: true,
    idempotent: true,
    pathParams: { pid, tid: z.string().describe('Redeem id from redeem_voucher') },
  },
  {
    name: 'revoke_vouchers',
    title: 'Revoke vouchers',
    description: 'Take back attributed vouchers; attributedRewardIds is comma-separated.',
    keywords: ['take back vouchers', 'cancel vouchers'],
    method: 'DELETE',
    path: '/loyalty/offer/programs/{pid}/rewards/revoke',
    pathParams: program,
    query: { attributedRewardIds: z.string().optional() },
  },
  {
    name: 'validate_reward',
    title: 'Check reward',
    description: 'Ask whether a member may use a reward or voucher code, e.g. at a point of sale; answers authorize.',
    keywords: ['can member use reward', 'check voucher code', 'is code valid'],
    method: 'POST',
    path: '/loyalty/offer/programs/{pid}/rewards/validate',
    idempotent: true,
    pathParams: program,
    body: {
      attributedRewardId: z.guid().optional(),
      code: z.string().optional(),
      contactId: z.int().min(1).optional(),
      loyaltySubscriptionId: z.string().optional(),
      pointOfSellId: z.string().optional(),
      rewardId: z.guid().optional(),
    },
  },
];
