import { expect } from 'vitest';
import { describeRequests } from '../../test/support/request-cases.js';

const pid = '27a1dd7a-af67-4020-ba65-19d60000a26e';
const base = `/loyalty/config/programs/${pid}`;
const offer = `/loyalty/offer/programs/${pid}`;
const balance = `/loyalty/balance/programs/${pid}`;
const tier = `/loyalty/tier/programs/${pid}`;
const rewardId = '5b0e8a2c-3f41-4d7e-9c6a-1e2f3a4b5c6d';
const voucherId = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const bdid = 'a74c201d-4a96-4f03-804e-dc3b1d9a0eeb';
const blid = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
const gid = '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7';
const silver = '6f7e8d9c-0b1a-4c2d-9e3f-4a5b6c7d8e9f';
const gold = '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d';
const txId = 'e5d4c3b2-a1f0-4e9d-8c7b-6a5f4e3d2c1b';

const balanceRules = {
  name: 'Purchase points',
  unit: 'POINTS',
  description: 'One point per euro spent',
  balanceAvailabilityDurationValue: 12,
  balanceAvailabilityDurationUnit: 'month',
  balanceAvailabilityDurationModifier: 'endOfPeriod',
  balanceOptionCreditRounding: 'lower',
  balanceOptionDebitRounding: 'upper',
  balanceOptionAmountOvertakingStrategy: 'partial',
  minAmount: 0,
  maxAmount: 100000,
  maxCreditAmountLimit: 5000,
  meta: { channel: 'web' },
};

const monthlyCreditCap = {
  constraintType: 'transaction',
  durationUnit: 'month',
  durationValue: 1,
  slidingSchedule: true,
  transactionType: 'credit',
  value: 10,
};

// What Brevo must receive as the body, where the arguments give it as it is.
const createLoyaltyProgramBody = {
  name: 'VIP Club',
  description: 'Earn points on every purchase.',
  documentId: 'vip-2026',
  meta: { region: 'EU' },
};

const updateLoyaltyProgramBody = {
  name: 'VIP Club 2026',
  description: 'Points on every purchase, double on Fridays.',
  meta: { region: 'EU' },
};

const createRewardBody = {
  name: '10 EUR off',
  publicName: '€10 voucher',
  publicDescription: '€10 off your next order over €50',
  publicImage: 'https://cdn.shop.test/rewards/10eur.png',
};

const createVoucherBody = {
  rewardId,
  contactId: 12345,
  code: 'SPRING-10-XK3F',
  value: 10,
  expirationDate: '2026-06-30T23:59:59Z',
  meta: { campaign: 'spring' },
};

const redeemVoucherBody = {
  attributedRewardId: voucherId,
  loyaltySubscriptionId: 'cust_abc123',
  meta: { till: 'paris-04' },
  order: {
    id: 'ORD-88121',
    amount: 74.9,
    status: 'completed',
    storeId: 'paris-04',
    email: 'ann.lee@example.com',
    contact_id: 12345,
    coupons: ['SPRING-10-XK3F'],
    createdAt: '2026-04-02T14:05:00+02:00',
    updatedAt: '2026-04-02T14:06:10+02:00',
    identifiers: { ext_id: 'shop-ann-lee', loyalty_subscription_id: 'cust_abc123' },
    billing: {
      address: '12 rue des Lilas',
      city: 'Paris',
      countryCode: 'FR',
      postCode: 75011,
      phone: 33612345678,
      paymentMethod: 'card',
      region: 'Île-de-France',
    },
    products: [{ productId: 'SKU-1001', variantId: 'SKU-1001-M', quantity: 2, price: 29.95, category: ['shirts'] }],
  },
};

const createBalanceDefinitionBody = {
  name: 'Cashback',
  unit: 'EUR',
  balanceExpirationDate: '31/12',
  maxDebitAmountLimit: 50,
  imageRef: 'https://cdn.shop.test/cashback.png',
};

const beginTransactionBody = {
  contactId: 12345,
  balanceDefinitionId: bdid,
  amount: 50,
  meta: { reason: 'signup_bonus' },
  ttl: 3600,
  balanceExpiryInMinutes: 525600,
};

const debitBySubscriptionBody = {
  LoyaltySubscriptionId: 'cust_abc123',
  balanceDefinitionId: bdid,
  amount: -120,
  autoComplete: true,
  eventTime: '2026-04-02T14:06:10Z',
};

const createBalanceOrderBody = {
  contactId: 12345,
  balanceDefinitionId: bdid,
  amount: 75,
  dueAt: '2026-05-02T00:00:00Z',
  expiresAt: '2027-05-02T00:00:00Z',
  source: 'user',
  meta: { orderId: 'ORD-88121' },
};

const updateTierGroupBody = {
  name: 'Status levels',
  tierOrder: [silver, gold],
  upgradeStrategy: 'real_time',
  downgradeStrategy: 'tier_anniversary',
};

const createTierForTierGroupBody = {
  name: 'Gold',
  imageRef: 'https://cdn.shop.test/tiers/gold.png',
  accessConditions: [{ balanceDefinitionId: bdid, minimumValue: 1000 }],
  tierRewards: [{ rewardId }],
};

describeRequests('loyalty', [
  // Programs and members
  {
    tool: 'get_loyalty_programs',
    args: { limit: 10, offset: 0, sort_field: 'created_at', sort: 'desc' },
    expect: {
      method: 'GET',
      path: '/loyalty/config/programs',
      query: 'limit=10&offset=0&sort_field=created_at&sort=desc',
    },
  },
  {
    tool: 'create_loyalty_program',
    args: createLoyaltyProgramBody,
    reply: { json: { id: pid, name: 'VIP Club', state: 'inactive' } },
    expect: {
      method: 'POST',
      path: '/loyalty/config/programs',
      body: createLoyaltyProgramBody,
    },
    check: ({ result }) => expect(JSON.stringify(result)).toContain(pid),
  },
  { tool: 'get_loyalty_program_info', args: { pid }, expect: { method: 'GET', path: base } },
  {
    tool: 'update_loyalty_program',
    args: { pid, ...updateLoyaltyProgramBody },
    expect: {
      method: 'PUT',
      path: base,
      body: updateLoyaltyProgramBody,
    },
  },
  {
    tool: 'partially_update_loyalty_program',
    args: { pid, description: 'Double points on Fridays.' },
    expect: { method: 'PATCH', path: base, body: { description: 'Double points on Fridays.' } },
  },
  {
    tool: 'delete_loyalty_program',
    args: { pid },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: base },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('HTTP 204'),
  },
  { tool: 'publish_loyalty_program', args: { pid }, expect: { method: 'POST', path: `${base}/publish` } },
  {
    tool: 'subscribe_to_loyalty_program',
    args: { pid, contactId: 12345, loyaltySubscriptionId: 'cust_abc123', creationDate: '2026-03-01T10:00:00.000Z' },
    expect: {
      method: 'POST',
      path: `${base}/subscriptions`,
      body: { contactId: 12345, loyaltySubscriptionId: 'cust_abc123', creationDate: '2026-03-01T10:00:00.000Z' },
    },
  },
  {
    tool: 'add_loyalty_subscription_members',
    args: { pid, loyaltySubscriptionId: 'cust_abc123', memberContactIds: [12346, 12347] },
    expect: {
      method: 'POST',
      path: `${base}/subscription-members`,
      body: { loyaltySubscriptionId: 'cust_abc123', memberContactIds: [12346, 12347] },
    },
  },
  {
    tool: 'delete_loyalty_subscription_members',
    args: { pid, memberContactIds: '12346,12347' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: `${base}/subscription-members`, query: 'memberContactIds=12346,12347' },
  },
  {
    tool: 'get_loyalty_subscription_info',
    args: { pid, contactId: '12345' },
    expect: { method: 'GET', path: `${base}/account-info`, query: 'contactId=12345' },
  },
  {
    tool: 'get_loyalty_subscription_info',
    label: 'by loyalty subscription id',
    args: { pid, loyaltySubscriptionId: 'cust_abc123', params: 'balance' },
    expect: { method: 'GET', path: `${base}/account-info`, query: 'params=balance&loyaltySubscriptionId=cust_abc123' },
  },

  // Rewards and vouchers
  {
    tool: 'get_code_count',
    args: { pid, cpid: 'b7c6d5e4-f3a2-4b1c-9d0e-8f7a6b5c4d3e' },
    reply: { json: { count: 250 } },
    expect: { method: 'GET', path: `${offer}/code-pools/b7c6d5e4-f3a2-4b1c-9d0e-8f7a6b5c4d3e/codes-count` },
  },
  {
    tool: 'get_loyalty_vouchers',
    args: {
      pid,
      contactId: 12345,
      rewardId,
      limit: 25,
      offset: 0,
      sort: 'asc',
      sortField: 'createdAt',
      metadata_key_value: 'campaign:spring',
    },
    expect: {
      method: 'GET',
      path: `${offer}/vouchers`,
      query: `limit=25&offset=0&sort=asc&sortField=createdAt&contactId=12345&metadata_key_value=campaign:spring&rewardId=${rewardId}`,
    },
  },
  {
    tool: 'get_loyalty_offers',
    args: { pid, limit: 50, offset: 50, state: 'active', version: 'active' },
    expect: { method: 'GET', path: `${offer}/offers`, query: 'limit=50&offset=50&state=active&version=active' },
  },
  {
    tool: 'create_reward',
    args: { pid, ...createRewardBody },
    reply: { json: { id: rewardId } },
    expect: {
      method: 'POST',
      path: `${offer}/offers`,
      body: createRewardBody,
    },
  },
  {
    tool: 'get_loyalty_reward',
    args: { pid, rid: rewardId, version: 'draft' },
    expect: { method: 'GET', path: `${offer}/rewards/${rewardId}`, query: 'version=draft' },
  },
  {
    tool: 'create_voucher',
    args: { pid, ...createVoucherBody },
    expect: {
      method: 'POST',
      path: `${offer}/rewards/attribute`,
      body: createVoucherBody,
    },
  },
  {
    tool: 'redeem_voucher',
    args: { pid, contactId: 12345, code: 'SPRING-10-XK3F', ttl: 300 },
    reply: { json: { id: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5', status: 'pending' } },
    expect: {
      method: 'POST',
      path: `${offer}/rewards/redeem`,
      body: { contactId: 12345, code: 'SPRING-10-XK3F', ttl: 300 },
    },
  },
  {
    tool: 'redeem_voucher',
    label: 'with the order it pays for',
    args: { pid, ...redeemVoucherBody },
    expect: {
      method: 'POST',
      path: `${offer}/rewards/redeem`,
      body: redeemVoucherBody,
    },
  },
  {
    tool: 'complete_redeem_transaction',
    args: { pid, tid: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5' },
    expect: { method: 'POST', path: `${offer}/rewards/redeem/1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5/complete` },
  },
  {
    tool: 'revoke_vouchers',
    args: { pid, attributedRewardIds: `${voucherId},0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0` },
    reply: { status: 204 },
    expect: {
      method: 'DELETE',
      path: `${offer}/rewards/revoke`,
      query: `attributedRewardIds=${voucherId},0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0`,
    },
  },
  {
    tool: 'validate_reward',
    args: { pid, contactId: 12345, code: 'SPRING-10-XK3F', pointOfSellId: 'paris-04' },
    reply: { json: { authorize: true } },
    expect: {
      method: 'POST',
      path: `${offer}/rewards/validate`,
      body: { contactId: 12345, code: 'SPRING-10-XK3F', pointOfSellId: 'paris-04' },
    },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('authorize'),
  },

  // Balances and transactions
  {
    tool: 'get_balance_definition_list',
    args: { pid, limit: 100, offset: 0, sortField: 'name', sort: 'asc', version: 'active' },
    expect: {
      method: 'GET',
      path: `${balance}/balance-definitions`,
      query: 'limit=100&offset=0&sortField=name&sort=asc&version=active',
    },
  },
  {
    tool: 'create_balance_definition',
    args: { pid, ...balanceRules },
    reply: { json: { id: bdid } },
    expect: { method: 'POST', path: `${balance}/balance-definitions`, body: balanceRules },
  },
  {
    tool: 'create_balance_definition',
    label: 'cashback expiring on a fixed day',
    args: { pid, ...createBalanceDefinitionBody },
    expect: {
      method: 'POST',
      path: `${balance}/balance-definitions`,
      body: createBalanceDefinitionBody,
    },
  },
  {
    tool: 'get_balance_definition',
    args: { pid, bdid, version: 'draft' },
    expect: { method: 'GET', path: `${balance}/balance-definitions/${bdid}`, query: 'version=draft' },
  },
  {
    tool: 'update_balance_definition',
    args: { pid, bdid, ...balanceRules, maxAmount: 200000 },
    expect: {
      method: 'PUT',
      path: `${balance}/balance-definitions/${bdid}`,
      body: { ...balanceRules, maxAmount: 200000 },
    },
  },
  {
    tool: 'delete_balance_definition',
    args: { pid, bdid },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: `${balance}/balance-definitions/${bdid}` },
  },
  {
    tool: 'create_balance_limit',
    args: { pid, bdid, ...monthlyCreditCap },
    reply: { json: { id: blid } },
    expect: { method: 'POST', path: `${balance}/balance-definitions/${bdid}/limits`, body: monthlyCreditCap },
  },
  {
    tool: 'get_balance_limit',
    args: { pid, bdid, blid, version: 'active' },
    expect: { method: 'GET', path: `${balance}/balance-definitions/${bdid}/limits/${blid}`, query: 'version=active' },
  },
  {
    tool: 'delete_balance_limit',
    args: { pid, bdid, blid },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: `${balance}/balance-definitions/${bdid}/limits/${blid}` },
  },
  {
    tool: 'update_balance_limit',
    args: {
      pid,
      bdid,
      blid,
      constraintType: 'amount',
      durationUnit: 'week',
      durationValue: 1,
      transactionType: 'debit',
      value: 500,
    },
    expect: {
      method: 'PUT',
      path: `${balance}/balance-definitions/${bdid}/limits/${blid}`,
      body: { constraintType: 'amount', durationUnit: 'week', durationValue: 1, transactionType: 'debit', value: 500 },
    },
  },
  {
    tool: 'get_subscription_balances',
    args: { pid, cid: '12345' },
    expect: { method: 'GET', path: `${balance}/subscriptions/12345/balances` },
  },
  {
    tool: 'create_subscription_balances',
    args: { pid, cid: '12345', balanceDefinitionId: bdid },
    expect: { method: 'POST', path: `${balance}/subscriptions/12345/balances`, body: { balanceDefinitionId: bdid } },
  },
  { tool: 'get_contact_balances', args: { pid }, expect: { method: 'GET', path: `${balance}/contact-balances` } },
  {
    tool: 'begin_transaction',
    args: { pid, ...beginTransactionBody },
    reply: { json: { id: txId, status: 'draft' } },
    expect: {
      method: 'POST',
      path: `${balance}/transactions`,
      body: beginTransactionBody,
    },
  },
  {
    tool: 'begin_transaction',
    label: 'debit by subscription id, completed at once',
    args: { pid, ...debitBySubscriptionBody },
    expect: {
      method: 'POST',
      path: `${balance}/transactions`,
      body: debitBySubscriptionBody,
    },
  },
  {
    tool: 'complete_transaction',
    args: { pid, tid: txId },
    expect: { method: 'POST', path: `${balance}/transactions/${txId}/complete` },
  },
  {
    tool: 'cancel_transaction',
    args: { pid, tid: txId },
    expect: { method: 'POST', path: `${balance}/transactions/${txId}/cancel` },
  },
  {
    tool: 'create_balance_order',
    args: { pid, ...createBalanceOrderBody },
    expect: {
      method: 'POST',
      path: `${balance}/create-order`,
      body: createBalanceOrderBody,
    },
  },
  {
    tool: 'get_active_balances',
    args: {
      pid,
      contact_id: 12345,
      balance_definition_id: bdid,
      limit: 20,
      offset: 0,
      sort_field: 'expiresAt',
      sort: 'asc',
    },
    expect: {
      method: 'GET',
      path: `${balance}/active-balance`,
      query: `limit=20&offset=0&sort_field=expiresAt&sort=asc&contact_id=12345&balance_definition_id=${bdid}`,
    },
  },
  {
    tool: 'get_transaction_history',
    args: { pid, contact_id: 12345, balance_definition_id: bdid },
    expect: {
      method: 'GET',
      path: `${balance}/transaction-history`,
      query: `contact_id=12345&balance_definition_id=${bdid}`,
    },
  },
  {
    tool: 'get_transaction_history',
    label: 'filters repeated in the query',
    args: {
      pid,
      contact_id: 12345,
      balance_definition_id: bdid,
      limit: 50,
      offset: 50,
      sort_field: 'created_at',
      sort: 'asc',
      filters: ['status:completed', 'type:credit'],
    },
    expect: {
      method: 'GET',
      path: `${balance}/transaction-history`,
      query: `limit=50&offset=50&sort_field=created_at&sort=asc&contact_id=12345&balance_definition_id=${bdid}&filters=status:completed&filters=type:credit`,
    },
  },

  // Tiers
  {
    tool: 'create_tier_group',
    args: { pid, name: 'Status', upgradeStrategy: 'real_time', downgradeStrategy: 'membership_anniversary' },
    reply: { json: { id: gid } },
    expect: {
      method: 'POST',
      path: `${tier}/tier-groups`,
      body: { name: 'Status', upgradeStrategy: 'real_time', downgradeStrategy: 'membership_anniversary' },
    },
  },
  {
    tool: 'get_tier_groups',
    args: { pid, version: 'active' },
    expect: { method: 'GET', path: `${tier}/tier-groups`, query: 'version=active' },
  },
  {
    tool: 'update_tier_group',
    args: { pid, gid, ...updateTierGroupBody },
    expect: {
      method: 'PUT',
      path: `${tier}/tier-groups/${gid}`,
      body: updateTierGroupBody,
    },
  },
  {
    tool: 'delete_tier_group',
    args: { pid, gid },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: `${tier}/tier-groups/${gid}` },
  },
  { tool: 'get_tier_group', args: { pid, gid }, expect: { method: 'GET', path: `${tier}/tier-groups/${gid}` } },
  {
    tool: 'get_tiers',
    args: { pid, version: 'draft' },
    expect: { method: 'GET', path: `${tier}/tiers`, query: 'version=draft' },
  },
  {
    tool: 'create_tier_for_tier_group',
    args: { pid, gid, ...createTierForTierGroupBody },
    reply: { json: { id: gold } },
    expect: {
      method: 'POST',
      path: `${tier}/tier-groups/${gid}/tiers`,
      body: createTierForTierGroupBody,
    },
  },
  {
    tool: 'delete_tier',
    args: { pid, tid: silver },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: `${tier}/tiers/${silver}` },
  },
  {
    tool: 'update_tier',
    args: {
      pid,
      tid: gold,
      name: 'Gold',
      accessConditions: [{ balanceDefinitionId: bdid, minimumValue: 1500 }],
      tierRewards: [],
    },
    expect: {
      method: 'PUT',
      path: `${tier}/tiers/${gold}`,
      body: { name: 'Gold', accessConditions: [{ balanceDefinitionId: bdid, minimumValue: 1500 }], tierRewards: [] },
    },
  },
  {
    tool: 'add_subscription_to_tier',
    args: { pid, cid: '12345', tid: gold },
    expect: { method: 'POST', path: `${tier}/contacts/12345/tiers/${gold}` },
  },
]);
