// The demo shop's loyalty program, coupons, feed and payment requests, consistent with the rest of
// the account: every customer who ordered is a member who earned a point per euro of each order
// (refunded ones excepted) at the time of the order; members past 600 points have spent 200 on a
// €10 voucher; tiers follow the points. Orders that used WELCOME10 draw on the seeded collection;
// the seeded payment request's email and reminder are in the transactional log.
import type { PaymentRequest } from './commerce-store.js';
import { evaluateTiers } from './loyalty-rules.js';
import {
  balanceKey,
  type Balance,
  type Program,
  type Reward,
  type Subscription,
  type Tier,
  type Transaction,
} from './loyalty-store.js';
import { sendPaymentEmail } from './payments-api.js';
import { random, SHOP_DOMAIN, type Ago } from './seed-people.js';
import type { Store } from './store.js';

/** Fixed ids of the seeded loyalty objects, so the documentation and tests can name them. */
export const DEMO_LOYALTY = {
  program: '5e0c1a7f-0001-4c2b-8d3e-000000000001',
  points: '5e0c1a7f-0002-4c2b-8d3e-000000000001',
  dailyCreditLimit: '5e0c1a7f-0003-4c2b-8d3e-000000000001',
  statusGroup: '5e0c1a7f-0004-4c2b-8d3e-000000000001',
  bronze: '5e0c1a7f-0005-4c2b-8d3e-000000000001',
  silver: '5e0c1a7f-0005-4c2b-8d3e-000000000002',
  gold: '5e0c1a7f-0005-4c2b-8d3e-000000000003',
  voucher10: '5e0c1a7f-0006-4c2b-8d3e-000000000001',
  goldGift: '5e0c1a7f-0006-4c2b-8d3e-000000000002',
  voucherPool: '5e0c1a7f-0007-4c2b-8d3e-000000000001',
};

const POINTS_VALID_MONTHS = 12;
const VOUCHER_COST = 200;

const seededId = (kind: number, n: number) =>
  `5e0c1a7f-${String(kind).padStart(4, '0')}-4c2b-8d3e-${String(n).padStart(12, '0')}`;

function addMonths(at: string, months: number): string {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function seedLoyalty(store: Store, ago: Ago): void {
  const l = store.loyalty;
  const start = ago(90);
  const program: Program = {
    id: DEMO_LOYALTY.program,
    name: 'Demo Shop Rewards',
    description: 'A point per euro spent; 200 points buy a €10 voucher; Silver from 200 points, Gold from 500.',
    meta: { website: `https://${SHOP_DOMAIN}/rewards` },
    state: 'active',
    subscriptionGeneratorId: seededId(8, 1),
    subscriptionPoolId: seededId(8, 2),
    createdAt: ago(100),
    updatedAt: start,
  };
  l.programs.set(program.id, program);
  l.definitions.set(DEMO_LOYALTY.points, {
    id: DEMO_LOYALTY.points,
    programId: program.id,
    name: 'Points',
    unit: 'POINTS',
    description: 'Earned on orders, one per euro; valid 12 months.',
    minAmount: 0,
    maxCreditAmountLimit: 5_000,
    availabilityValue: POINTS_VALID_MONTHS,
    availabilityUnit: 'month',
    availabilityModifier: 'noModification',
    overtaking: 'strict',
    creditRounding: 'lower',
    debitRounding: 'upper',
    createdAt: ago(100),
    updatedAt: ago(100),
  });
  l.limits.set(DEMO_LOYALTY.dailyCreditLimit, {
    id: DEMO_LOYALTY.dailyCreditLimit,
    definitionId: DEMO_LOYALTY.points,
    constraintType: 'transaction',
    durationUnit: 'day',
    durationValue: 1,
    transactionType: 'credit',
    value: 20,
    slidingSchedule: true,
    createdAt: ago(100),
    updatedAt: ago(100),
  });

  const next = random(7);
  const codes = new Set<string>();
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  while (codes.size < 40) {
    let code = 'DS10-';
    for (let i = 0; i < 6; i++) code += chars[Math.floor(next() * chars.length)];
    codes.add(code);
  }
  const reward = (id: string, fields: Partial<Reward> & { name: string }): Reward => ({
    id,
    programId: program.id,
    state: 'active',
    codeGeneratorId: seededId(9, Number(id.slice(-1))),
    codePattern: 'DS-XXXX-XXXX',
    codePool: [],
    totalAttribution: 0,
    totalRedeem: 0,
    createdAt: ago(100),
    updatedAt: ago(100),
    ...fields,
  });
  l.rewards.set(
    DEMO_LOYALTY.voucher10,
    reward(DEMO_LOYALTY.voucher10, {
      name: '€10 voucher',
      publicName: '€10 off your next order',
      publicDescription: 'Costs 200 points.',
      codePoolId: DEMO_LOYALTY.voucherPool,
      codePool: [...codes],
      subtractBalanceDefinitionId: DEMO_LOYALTY.points,
      subtractBalanceValue: VOUCHER_COST,
      value: 10,
      unit: 'EUR',
      valueType: 'amount',
      expirationValue: 3,
      expirationUnit: 'month',
    }),
  );
  l.rewards.set(
    DEMO_LOYALTY.goldGift,
    reward(DEMO_LOYALTY.goldGift, {
      name: 'Gold welcome gift',
      publicName: 'A linen tote bag',
      publicDescription: 'Given on reaching Gold.',
      value: 0,
      valueType: 'product',
      expirationValue: 6,
      expirationUnit: 'month',
    }),
  );

  l.tierGroups.set(DEMO_LOYALTY.statusGroup, {
    id: DEMO_LOYALTY.statusGroup,
    programId: program.id,
    name: 'Status',
    tierOrder: [DEMO_LOYALTY.bronze, DEMO_LOYALTY.silver, DEMO_LOYALTY.gold],
    upgradeStrategy: 'real_time',
    downgradeStrategy: 'real_time',
    createdAt: ago(100),
    updatedAt: ago(100),
  });
  const tier = (id: string, name: string, minimumValue: number, rewardId?: string): Tier => ({
    id,
    programId: program.id,
    groupId: DEMO_LOYALTY.statusGroup,
    name,
    accessConditions: [
      { balanceDefinitionId: DEMO_LOYALTY.points, minimumValue, createdAt: ago(100), updatedAt: ago(100) },
    ],
    tierRewards: rewardId ? [{ rewardId, createdAt: ago(100), updatedAt: ago(100) }] : [],
    createdAt: ago(100),
    updatedAt: ago(100),
  });
  for (const t of [
    tier(DEMO_LOYALTY.bronze, 'Bronze', 0),
    tier(DEMO_LOYALTY.silver, 'Silver', 200),
    tier(DEMO_LOYALTY.gold, 'Gold', 500, DEMO_LOYALTY.goldGift),
  ])
    l.tiers.set(t.id, t);

  // Members: each customer at their first order since the program started; a point per euro.
  const orders = [...store.shop.orders.values()]
    .filter((o) => o.contactId !== undefined && o.createdAt >= start && o.status !== 'refunded')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const subs = new Map<number, Subscription>();
  const balances = new Map<number, Balance>();
  let n = 0;
  for (const o of orders) {
    const contactId = o.contactId!;
    let sub = subs.get(contactId);
    if (!sub) {
      n++;
      sub = {
        id: `LS-DEMO${String(n).padStart(4, '0')}`,
        programId: program.id,
        contactId,
        members: new Map(),
        versionId: 1,
        createdAt: o.createdAt,
        updatedAt: o.createdAt,
      };
      subs.set(contactId, sub);
      l.subscriptions.set(sub.id, sub);
      const balance: Balance = {
        id: seededId(10, n),
        programId: program.id,
        subscriptionId: sub.id,
        definitionId: DEMO_LOYALTY.points,
        createdAt: o.createdAt,
        updatedAt: o.createdAt,
        lots: [],
      };
      balances.set(contactId, balance);
      l.balances.set(balanceKey(sub.id, DEMO_LOYALTY.points), balance);
    }
    const points = Math.floor(o.amount);
    const tx: Transaction = {
      id: seededId(11, l.transactions.size + 1),
      programId: program.id,
      definitionId: DEMO_LOYALTY.points,
      subscriptionId: sub.id,
      contactId,
      amount: points,
      status: 'completed',
      eventTime: o.createdAt,
      balanceExpiresAt: addMonths(o.createdAt, POINTS_VALID_MONTHS),
      meta: { orderId: o.id },
      createdAt: o.createdAt,
      updatedAt: o.createdAt,
      completedAt: o.createdAt,
    };
    l.transactions.set(tx.id, tx);
    const balance = balances.get(contactId)!;
    balance.lots.push({
      transactionId: tx.id,
      remaining: points,
      createdAt: o.createdAt,
      expiresAt: tx.balanceExpiresAt,
    });
    balance.updatedAt = o.createdAt;
  }

  // Members past 600 points bought a €10 voucher a day after their last order, and used it.
  const voucherReward = l.rewards.get(DEMO_LOYALTY.voucher10)!;
  for (const [contactId, balance] of balances) {
    const total = balance.lots.reduce((sum, lot) => sum + lot.remaining, 0);
    if (total < 600) continue;
    const sub = subs.get(contactId)!;
    const spentAt = new Date(Date.parse(balance.updatedAt) + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (spentAt > ago(0)) continue;
    const debit: Transaction = {
      id: seededId(11, l.transactions.size + 1),
      programId: program.id,
      definitionId: DEMO_LOYALTY.points,
      subscriptionId: sub.id,
      contactId,
      amount: -VOUCHER_COST,
      status: 'completed',
      eventTime: spentAt,
      meta: { rewardId: voucherReward.id },
      createdAt: spentAt,
      updatedAt: spentAt,
      completedAt: spentAt,
    };
    l.transactions.set(debit.id, debit);
    let due = VOUCHER_COST;
    for (const lot of balance.lots) {
      const take = Math.min(lot.remaining, due);
      lot.remaining -= take;
      due -= take;
    }
    balance.lots = balance.lots.filter((lot) => lot.remaining > 0);
    balance.consumedAt = spentAt;
    balance.updatedAt = spentAt;
    const voucherId = seededId(12, l.vouchers.size + 1);
    l.vouchers.set(voucherId, {
      id: voucherId,
      programId: program.id,
      rewardId: voucherReward.id,
      subscriptionId: sub.id,
      contactId,
      code: voucherReward.codePool.shift()!,
      value: 10,
      expirationDate: addMonths(spentAt, 3),
      createdAt: spentAt,
      updatedAt: spentAt,
      consumedAt: spentAt,
    });
    const redeemId = seededId(13, l.redeems.size + 1);
    l.redeems.set(redeemId, {
      id: redeemId,
      programId: program.id,
      voucherId,
      contactId,
      status: 'completed',
      debitTransactionId: debit.id,
      createdAt: spentAt,
      updatedAt: spentAt,
      completedAt: spentAt,
    });
    voucherReward.totalAttribution++;
    voucherReward.totalRedeem++;
  }
  // Tiers from the points each member holds now (Gold members get their gift as a voucher).
  for (const sub of subs.values()) evaluateTiers(store, sub);
}

/** WELCOME10, the code some seeded orders used, and a spring collection; the shop's product feed. */
export function seedCommerceTools(store: Store, ago: Ago): void {
  const c = store.commerce;
  const next = random(11);
  const codes = (prefix: string, count: number) => {
    const out = new Set<string>();
    while (out.size < count)
      out.add(
        `${prefix}-${Math.floor(next() * 1e6)
          .toString(36)
          .toUpperCase()
          .padStart(4, '0')}`,
      );
    return out;
  };
  const welcome = {
    id: '5e0c1a7f-0020-4c2b-8d3e-000000000001',
    name: 'Welcome offer',
    defaultCoupon: 'WELCOME10',
    createdAt: ago(120),
    remainingCouponsAlert: 20,
    coupons: codes('WELCOME10', 150),
    sent: 0,
  };
  const spring = {
    id: '5e0c1a7f-0020-4c2b-8d3e-000000000002',
    name: 'Spring sale',
    defaultCoupon: 'SPRING15',
    createdAt: ago(45),
    expirationDate: ago(-30),
    remainingDaysAlert: 7,
    coupons: codes('SPRING15', 60),
    sent: 0,
  };
  c.collections.set(welcome.id, welcome);
  c.collections.set(spring.id, spring);
  c.feeds.set('5e0c1a7f-0021-4c2b-8d3e-000000000001', {
    id: '5e0c1a7f-0021-4c2b-8d3e-000000000001',
    name: 'Demo Shop products',
    url: `https://${SHOP_DOMAIN}/feeds/products.json`,
    authType: 'noAuth',
    headers: [],
    maxRetries: 3,
    cache: true,
    createdAt: ago(20),
    modifiedAt: ago(20),
  });
  const customer = [...store.contacts.values()].find((x) => x.email === 'olivia.smith@example.com');
  if (customer) {
    const payment: PaymentRequest = {
      id: 1,
      token: '5e0c1a7f00214c2b8d3e0001',
      reference: 'Invoice DS-INV-0042',
      contactId: customer.id,
      description: 'Custom embroidered scarf',
      cart: { currency: 'EUR', specificAmount: 8_900 },
      notification: { channel: 'email', text: 'Your custom scarf is ready: pay here to have it shipped.' },
      configuration: { customSuccessUrl: `https://${SHOP_DOMAIN}/thank-you` },
      status: 'sent',
      numberOfRemindersSent: 1,
      createdAt: ago(4),
    };
    c.payments.set(payment.id, payment);
    store.reserveId('paymentRequest', 1);
    sendPaymentEmail(store, payment, customer.email!, ago(4));
    sendPaymentEmail(store, payment, customer.email!, ago(1), true);
  }
}
