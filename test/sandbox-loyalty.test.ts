// `brevo-mcp --sandbox` driven through the SDK Client over stdio, as a model would: loyalty
// programs, balance definitions, tier groups, coupon collections, feeds and payment requests are
// written, read back, changed, read back, deleted and then 404; and a loyalty story with the
// program's rules applied: points credited move a member up a tier, a voucher redeemed costs points.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from './support/json.js';
import { DEMO_LOYALTY } from '../src/sandbox/seed-loyalty.js';
import { connectStdio, type Connected } from './support/mcp.js';
import { toolCalls } from './support/tool-calls.js';

describe('brevo-mcp --sandbox keeps loyalty, coupons, feeds and payment requests', () => {
  let conn: Connected;
  const { ok, json, fails } = toolCalls(() => conn);

  beforeAll(async () => {
    conn = await connectStdio({ args: ['--sandbox', '--toolsets', 'all'], env: { BREVO_API_KEY: '' } });
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('loyalty programs, balance definitions and tier groups: write, read, change, read, delete, 404', async () => {
    const program = await json('create_loyalty_program', { name: 'Coffee Club', description: 'A stamp a cup' });
    expect(program).toMatchObject({ name: 'Coffee Club', state: 'inactive' });
    const pid = program.id;
    expect(await json('get_loyalty_program_info', { pid })).toMatchObject({ id: pid, description: 'A stamp a cup' });
    await json('partially_update_loyalty_program', { pid, description: 'Ten stamps, one free cup' });
    expect(await json('get_loyalty_program_info', { pid })).toMatchObject({
      name: 'Coffee Club',
      description: 'Ten stamps, one free cup',
    });
    await fails('create_loyalty_program', { name: 'coffee club' }, /HTTP 409.*already exists/);

    const def = await json('create_balance_definition', { pid, name: 'Stamps', unit: 'POINTS', maxAmount: 10 });
    expect(await json('get_balance_definition', { pid, bdid: def.id })).toMatchObject({
      name: 'Stamps',
      maxAmount: 10,
    });
    await json('update_balance_definition', { pid, bdid: def.id, name: 'Stamps', unit: 'POINTS', maxAmount: 12 });
    expect((await json('get_balance_definition_list', { pid })).items).toEqual([
      expect.objectContaining({ id: def.id, maxAmount: 12 }),
    ]);
    await ok('delete_balance_definition', { pid, bdid: def.id });
    await fails('get_balance_definition', { pid, bdid: def.id }, /HTTP 404/);

    const group = await json('create_tier_group', { pid, name: 'Levels' });
    await json('update_tier_group', {
      pid,
      gid: group.id,
      name: 'Coffee levels',
      tierOrder: [],
      upgradeStrategy: 'real_time',
      downgradeStrategy: 'tier_anniversary',
    });
    expect(await json('get_tier_group', { pid, gid: group.id })).toMatchObject({
      name: 'Coffee levels',
      downgradeStrategy: 'tier_anniversary',
    });
    await ok('delete_tier_group', { pid, gid: group.id });
    await fails('get_tier_group', { pid, gid: group.id }, /HTTP 404/);

    expect(await ok('delete_loyalty_program', { pid })).toMatch(/HTTP 204/);
    await fails('get_loyalty_program_info', { pid }, /HTTP 404.*Loyalty program not found/);
    expect((await json('get_loyalty_programs')).items.map((p: Json) => p.id)).not.toContain(pid);
  });

  it('balance limits, tiers, rewards and vouchers: write, read, change, read, delete, 404', async () => {
    const { id: pid } = await json('create_loyalty_program', { name: 'Tea Club' });
    const { id: bdid } = await json('create_balance_definition', { pid, name: 'Leaves', unit: 'POINTS' });
    const limit = await json('create_balance_limit', {
      pid,
      bdid,
      constraintType: 'amount',
      durationUnit: 'month',
      durationValue: 1,
      transactionType: 'credit',
      value: 100,
    });
    expect(await json('get_balance_limit', { pid, bdid, blid: limit.id })).toMatchObject({ value: 100 });
    await json('update_balance_limit', {
      pid,
      bdid,
      blid: limit.id,
      constraintType: 'amount',
      durationUnit: 'month',
      durationValue: 1,
      transactionType: 'credit',
      value: 150,
    });
    expect(await json('get_balance_limit', { pid, bdid, blid: limit.id })).toMatchObject({ value: 150 });
    await ok('delete_balance_limit', { pid, bdid, blid: limit.id });
    await fails('get_balance_limit', { pid, bdid, blid: limit.id }, /HTTP 404/);

    const reward = await json('create_reward', { pid, name: 'Free pot', publicName: 'A pot on us' });
    expect((await json('get_loyalty_offers', { pid })).items).toEqual([
      expect.objectContaining({ id: reward.id, state: 'draft' }),
    ]);
    const group = await json('create_tier_group', { pid, name: 'Leaves' });
    const tier = await json('create_tier_for_tier_group', {
      pid,
      gid: group.id,
      name: 'Sprout',
      accessConditions: [{ balanceDefinitionId: bdid, minimumValue: 10 }],
    });
    await json('update_tier', {
      pid,
      tid: tier.tierId,
      name: 'Seedling',
      accessConditions: [{ balanceDefinitionId: bdid, minimumValue: 20 }],
      tierRewards: [{ rewardId: reward.id }],
    });
    expect((await json('get_tiers', { pid })).items).toEqual([
      expect.objectContaining({
        tierId: tier.tierId,
        name: 'Seedling',
        accessConditions: [expect.objectContaining({ minimumValue: 20 })],
        tierRewards: [expect.objectContaining({ rewardId: reward.id })],
      }),
    ]);
    await fails('delete_balance_definition', { pid, bdid }, /HTTP 422.*access condition of tier Seedling/);
    await ok('delete_tier', { pid, tid: tier.tierId });
    expect((await json('get_tiers', { pid })).items).toEqual([]);
    await fails('update_tier', { pid, tid: tier.tierId, name: 'X', accessConditions: [], tierRewards: [] }, /HTTP 404/);

    await json('subscribe_to_loyalty_program', { pid, contactId: 9 });
    await fails('create_voucher', { pid, rewardId: reward.id, contactId: 9 }, /HTTP 400.*publish the program/);
    await ok('publish_loyalty_program', { pid });
    expect((await json('get_loyalty_program_info', { pid })).state).toBe('active');
    const voucher = await json('create_voucher', { pid, rewardId: reward.id, contactId: 9, code: 'TEA-0001' });
    expect(await json('get_loyalty_vouchers', { pid, contactId: 9 })).toMatchObject({
      count: 1,
      contactRewards: [expect.objectContaining({ id: voucher.id, code: 'TEA-0001' })],
    });
    expect(await json('validate_reward', { pid, code: 'TEA-0001' })).toEqual({ authorize: true });
    await ok('revoke_vouchers', { pid, attributedRewardIds: voucher.id });
    expect((await json('get_loyalty_vouchers', { pid, contactId: 9 })).count).toBe(0);
    await fails('validate_reward', { pid, code: 'TEA-0001' }, /HTTP 404/);
    await ok('delete_loyalty_program', { pid });
  });

  it('a loyalty story: points lift a new member to Gold; a €10 voucher costs 200, back to Silver', async () => {
    const pid = DEMO_LOYALTY.program;
    const { id: contactId } = await json('create_contact', { email: 'nina.keller@example.com' });
    await fails('subscribe_to_loyalty_program', { pid, contactId: 99_999 }, /HTTP 404/);
    const sub = await json('subscribe_to_loyalty_program', { pid, contactId });
    expect(sub.loyaltySubscriptionId).toMatch(/^LS-/);
    const tierOf = async () =>
      (await json('get_loyalty_subscription_info', { pid, contactId: String(contactId) })).tier[0]?.tierId;
    expect(await tierOf()).toBe(DEMO_LOYALTY.bronze);

    const credit = await json('begin_transaction', {
      pid,
      contactId,
      balanceDefinitionId: DEMO_LOYALTY.points,
      amount: 520.8,
    });
    expect(credit).toMatchObject({ status: 'pending', amount: 520 });
    expect(await tierOf()).toBe(DEMO_LOYALTY.bronze);
    await json('complete_transaction', { pid, tid: credit.id });
    const balance = async () =>
      (await json('get_subscription_balances', { pid, cid: String(contactId) })).balance[0].value;
    expect(await balance()).toBe(520);
    expect(await tierOf()).toBe(DEMO_LOYALTY.gold);
    const gifts = await json('get_loyalty_vouchers', { pid, contactId, rewardId: DEMO_LOYALTY.goldGift });
    expect(gifts.count).toBe(1);

    const voucher = await json('create_voucher', { pid, rewardId: DEMO_LOYALTY.voucher10, contactId });
    expect(voucher).toMatchObject({ rewardId: DEMO_LOYALTY.voucher10, value: 10 });
    const redeem = await json('redeem_voucher', { pid, attributedRewardId: voucher.id, contactId });
    expect(redeem.status).toBe('pending');
    const done = await json('complete_redeem_transaction', { pid, tid: redeem.id });
    expect(done).toMatchObject({ status: 'completed', debitTransactionId: redeem.debitTransactionId });
    expect(await balance()).toBe(320);
    expect(await tierOf()).toBe(DEMO_LOYALTY.silver);
    await fails('redeem_voucher', { pid, attributedRewardId: voucher.id }, /HTTP 412.*already used/);

    const history = await json('get_transaction_history', {
      pid,
      contact_id: contactId,
      balance_definition_id: DEMO_LOYALTY.points,
      sort: 'asc',
    });
    expect(history.transactionHistory.map((t: Json) => [t.amount, t.status])).toEqual([
      [520, 'completed'],
      [-200, 'completed'],
    ]);
    await fails(
      'begin_transaction',
      { pid, contactId, balanceDefinitionId: DEMO_LOYALTY.points, amount: -400, autoComplete: true },
      /HTTP 422.*Insufficient balance/,
    );
  });

  it('coupon collections: create, add codes, read, change, read, and 404 for an unknown id', async () => {
    const { id } = await json('create_coupon_collection', { name: 'Black Friday', defaultCoupon: 'BF20' });
    await ok('create_coupons', { collectionId: id, coupons: ['BF20-AAAA', 'BF20-BBBB', 'BF20-CCCC'] });
    expect(await json('get_coupon_collection', { id })).toMatchObject({
      name: 'Black Friday',
      defaultCoupon: 'BF20',
      totalCoupons: 3,
      remainingCoupons: 3,
    });
    await json('update_coupon_collection', { id, defaultCoupon: 'BF25', remainingCouponsAlert: 1 });
    expect(await json('get_coupon_collection', { id })).toMatchObject({
      defaultCoupon: 'BF25',
      remainingCouponsAlert: 1,
    });
    const names = (await json('get_coupon_collections')).collections.map((c: Json) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Black Friday', 'Welcome offer']));
    await fails('create_coupon_collection', { name: 'black friday', defaultCoupon: 'X' }, /HTTP 400.*already exists/);
    await fails('get_coupon_collection', { id: '00000000-0000-4000-8000-000000000000' }, /HTTP 404/);
    await fails(
      'create_coupons',
      { collectionId: '00000000-0000-4000-8000-000000000000', coupons: ['X'] },
      /HTTP 404.*Coupon collection not found/,
    );
  });

  it('feeds: create, read, change, read, delete, 404', async () => {
    const { id: uuid } = await json('create_external_feed', {
      name: 'Stock levels',
      url: 'https://demoshop.example/feeds/stock.json',
      authType: 'basic',
      username: 'brevo',
      password: 'feed-secret',
    });
    expect(await json('get_external_feed_by_uuid', { uuid })).toMatchObject({
      name: 'Stock levels',
      authType: 'basic',
      maxRetries: 5,
    });
    await ok('update_external_feed', { uuid, authType: 'noAuth', maxRetries: 1 });
    const changed = await json('get_external_feed_by_uuid', { uuid });
    expect(changed).toMatchObject({ authType: 'noAuth', maxRetries: 1 });
    expect(changed.username).toBeUndefined();
    expect((await json('get_all_external_feeds', { search: 'stock' })).feeds.map((f: Json) => f.id)).toEqual([uuid]);
    await ok('delete_external_feed', { uuid });
    await fails('get_external_feed_by_uuid', { uuid }, /HTTP 404.*Feed not found/);
  });

  it('payment requests: create for a contact, read, delete, 404', async () => {
    await fails(
      'create_payment_request',
      { reference: 'INV-1', contactId: 99_999, cart: { currency: 'EUR', specificAmount: 500 } },
      /HTTP 400.*contact 99999 does not exist/,
    );
    const created = await json('create_payment_request', {
      reference: 'INV-2026-117',
      contactId: 2,
      cart: { currency: 'EUR', specificAmount: 4_500 },
      notification: { channel: 'email', text: 'Your made-to-measure shawl' },
    });
    expect(created.url).toMatch(/^https:\/\/pay\.brevo\.com\/payment\//);
    expect(await json('get_payment_request', { id: String(created.id) })).toMatchObject({
      reference: 'INV-2026-117',
      status: 'sent',
      contactId: 2,
      cart: { currency: 'EUR', specificAmount: 4_500 },
    });
    const emails = await json('get_transac_emails_list', { email: 'lucas.bernard@example.com' });
    expect(emails.transactionalEmails.map((e: Json) => e.subject)).toContain('Payment request INV-2026-117');
    await ok('delete_payment_request', { id: String(created.id) });
    await fails('get_payment_request', { id: String(created.id) }, /HTTP 404.*Payment request not found/);
  });
});
