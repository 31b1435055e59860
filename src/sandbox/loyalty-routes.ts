// The routes of loyalty, coupons, feeds and payment requests, gathered for sandboxRoutes().
import { couponRoutes } from './coupons-api.js';
import { feedRoutes } from './feeds-api.js';
import { bounded } from './bounds.js';
import type { Route } from './http.js';
import { loyaltyProgramRoutes } from './loyalty-api.js';
import { loyaltyBalanceRoutes } from './loyalty-balance-api.js';
import { loyaltyRewardRoutes } from './loyalty-rewards-api.js';
import { loyaltyTierRoutes } from './loyalty-tiers-api.js';
import { paymentRoutes } from './payments-api.js';

const routes: Route[][] = [
  loyaltyProgramRoutes,
  loyaltyTierRoutes,
  loyaltyBalanceRoutes,
  loyaltyRewardRoutes,
  couponRoutes,
  feedRoutes,
  paymentRoutes,
];

/** Every route of these areas, its body held to the size bounds of what it stores. */
export const loyaltyAndCommerceRoutes: Route[][] = routes.map((group) =>
  group.map(([method, template, handler]): Route => [method, template, bounded(template, handler)]),
);
