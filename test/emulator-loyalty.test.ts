// The emulator's loyalty over HTTP: the seeded program consistent with the shop's orders; a new
// program's balance rules (rounding, per-transaction caps, strict and partial bounds, period
// limits, expiry, ttl, scheduled orders), tiers that follow balances and give their rewards, and
// vouchers that are given, validated, redeemed (debiting their cost) and revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOYALTY } from '../src/sandbox/seed-loyalty.js';
import { startEmulator, testClock, type Emulator, type Json } from './support/emulator.js';

const P = DEMO_LOYALTY.program;
const HOUR = 3_600_000;

describe("the emulator's loyalty", () => {
  let emu: Emulator;
  const clock = testClock('2026-06-15T10:00:00Z');
  beforeAll(async () => {
    emu = await startEmulator({ clock: clock.clock });
  });
  afterAll(() => emu?.close());

  it('is seeded from the shop: members are customers who ordered, with a point per euro', async () => {
    const balances = await emu.ok('GET', `/loyalty/balance/programs/${P}/contact-balances`);
    expect(balances.count).toBeGreaterThan(10);
    const orders: Json[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await emu.ok('GET', `/orders?limit=100&offset=${offset}`)).orders as Json[];
      orders.push(...page);
      if (page.length < 100) break;
    }
    const member = balances.balances[0];
    const contact = await emu.ok('GET', `/contacts/${member.contactId}`);
    expect(contact.id).toBe(member.contactId);
    const history = await emu.ok(
      'GET',
      `/loyalty/balance/programs/${P}/transaction-history?contact_id=${member.contactId}` +
        `&balance_definition_id=${DEMO_LOYALTY.points}&limit=500`,
    );
    const net = history.transactionHistory.reduce((sum: number, t: Json) => sum + t.amount, 0);
    expect(net).toBe(member.value);
    for (const t of history.transactionHistory.filter((x: Json) => x.amount > 0)) {
      const order = orders.find((o) => o.id === t.meta.orderId)!;
      expect(order.contact_id).toBe(member.contactId);
      expect(t.amount).toBe(Math.floor(order.amount));
    }
    const info = await emu.ok('GET', `/loyalty/config/programs/${P}/account-info?contactId=${member.contactId}`);
    const tierId = info.tier[0].tierId;
    const expected =
      member.value >= 500 ? DEMO_LOYALTY.gold : member.value >= 200 ? DEMO_LOYALTY.silver : DEMO_LOYALTY.bronze;
    expect(tierId).toBe(expected);
  });

  let pid: string;
  let points: string;
  const contactId = 5;

  it('applies a balance definition: rounding, caps, strict maximum, period limits', async () => {
    pid = (await emu.ok('POST', '/loyalty/config/programs', { name: 'Rules test' })).id;
    expect(await emu.request('POST', '/loyalty/config/programs', { name: 'rules TEST' })).toMatchObject({
      status: 409,
      json: { message: expect.stringMatching(/already exists/) },
    });
    points = (
      await emu.ok('POST', `/loyalty/balance/programs/${pid}/balance-definitions`, {
        name: 'Points',
        unit: 'POINTS',
        minAmount: 0,
        maxAmount: 1000,
        maxCreditAmountLimit: 600,
        balanceOptionCreditRounding: 'lower',
        balanceOptionAmountOvertakingStrategy: 'strict',
      })
    ).id;
    await emu.ok('POST', `/loyalty/config/programs/${pid}/subscriptions`, { contactId });
    const tx = (amount: number, extra: Json = {}) =>
      emu.request('POST', `/loyalty/balance/programs/${pid}/transactions`, {
        contactId,
        balanceDefinitionId: points,
        amount,
        autoComplete: true,
        ...extra,
      });
    expect((await tx(99.9)).json).toMatchObject({ amount: 99, status: 'completed' });
    expect(await tx(700)).toMatchObject({
      status: 422,
      json: { message: expect.stringMatching(/maxCreditAmountLimit/) },
    });
    expect((await tx(500)).status).toBe(200);
    expect(await tx(500)).toMatchObject({ status: 422, json: { message: expect.stringMatching(/maxAmount 1000/) } });
    expect(await tx(-700)).toMatchObject({
      status: 422,
      json: { message: expect.stringMatching(/Insufficient balance/) },
    });

    const limit = await emu.ok('POST', `/loyalty/balance/programs/${pid}/balance-definitions/${points}/limits`, {
      constraintType: 'transaction',
      durationUnit: 'day',
      durationValue: 1,
      transactionType: 'debit',
      value: 1,
      slidingSchedule: true,
    });
    expect((await tx(-10)).status).toBe(200);
    expect(await tx(-10)).toMatchObject({ status: 422, json: { message: expect.stringMatching(/limit .* reached/i) } });
    clock.advance(25 * HOUR);
    expect((await tx(-10)).status).toBe(200);
    await emu.ok('DELETE', `/loyalty/balance/programs/${pid}/balance-definitions/${points}/limits/${limit.id}`);
    expect(
      (await emu.request('GET', `/loyalty/balance/programs/${pid}/balance-definitions/${points}/limits/${limit.id}`))
        .status,
    ).toBe(404);
    const balance = await emu.ok('GET', `/loyalty/balance/programs/${pid}/subscriptions/${contactId}/balances`);
    expect(balance.balance).toEqual([{ balanceDefinitionId: points, value: 99 + 500 - 20 }]);
  });

  it('trims with the partial strategy, expires points, and cancels pending transactions past their ttl', async () => {
    const def = await emu.ok('POST', `/loyalty/balance/programs/${pid}/balance-definitions`, {
      name: 'Cashback',
      unit: 'EUR',
      maxAmount: 50,
      balanceOptionAmountOvertakingStrategy: 'partial',
      balanceAvailabilityDurationValue: 1,
      balanceAvailabilityDurationUnit: 'week',
    });
    const begin = (body: Json) =>
      emu.ok('POST', `/loyalty/balance/programs/${pid}/transactions`, {
        contactId,
        balanceDefinitionId: def.id,
        ...body,
      });
    expect(await begin({ amount: 80, autoComplete: true })).toMatchObject({ amount: 50, status: 'completed' });
    const pending = await begin({ amount: -20, ttl: 60 });
    expect(pending.status).toBe('pending');
    const active =
      `/loyalty/balance/programs/${pid}/active-balance?contact_id=${contactId}` + `&balance_definition_id=${def.id}`;
    expect((await emu.ok('GET', active)).activeBalances).toMatchObject([{ amount: 50 }]);
    clock.advance(2 * 60_000);
    expect(
      await emu.request('POST', `/loyalty/balance/programs/${pid}/transactions/${pending.id}/complete`),
    ).toMatchObject({ status: 422, json: { message: expect.stringMatching(/cancelled/) } });
    clock.advance(8 * 24 * HOUR);
    expect((await emu.ok('GET', active)).count).toBe(0);
    const info = await emu.ok(
      'GET',
      `/loyalty/config/programs/${pid}/account-info?contactId=${contactId}&params=balance`,
    );
    expect(info.balance.balances.find((b: Json) => b.balanceDefinitionId === def.id).value).toBe(0);
    expect(info.tier).toBeUndefined();
  });

  it('carries out a scheduled balance order when its time comes', async () => {
    const order = await emu.ok('POST', `/loyalty/balance/programs/${pid}/create-order`, {
      contactId,
      balanceDefinitionId: points,
      amount: 40,
      source: 'engine',
      dueAt: new Date(clock.clock().getTime() + HOUR).toISOString(),
    });
    expect(order.processedAt).toBeUndefined();
    const value = async () =>
      (await emu.ok('GET', `/loyalty/balance/programs/${pid}/subscriptions/${contactId}/balances`)).balance.find(
        (b: Json) => b.balanceDefinitionId === points,
      ).value;
    const before = await value();
    clock.advance(2 * HOUR);
    expect(await value()).toBe(before + 40);

    // An order the rules refuse is still processed, and kept as a rejected transaction saying why.
    const refused = await emu.ok('POST', `/loyalty/balance/programs/${pid}/create-order`, {
      contactId,
      balanceDefinitionId: points,
      amount: 700,
      source: 'user',
      dueAt: clock.clock().toISOString(),
    });
    expect(refused.processedAt).toEqual(expect.any(String));
    const history = await emu.ok(
      'GET',
      `/loyalty/balance/programs/${pid}/transaction-history?contact_id=${contactId}` +
        `&balance_definition_id=${points}&filters=status:rejected`,
    );
    expect(history.transactionHistory).toEqual([
      expect.objectContaining({
        id: refused.transactionid,
        amount: 700,
        rejectReason: expect.stringMatching(/maxCreditAmountLimit/),
      }),
    ]);
    expect(await value()).toBe(before + 40);
  });

  it('moves members through tiers as balances change, and gives a tier reward', async () => {
    const gift = await emu.ok('POST', `/loyalty/offer/programs/${pid}/offers`, { name: 'Gold gift' });
    const group = await emu.ok('POST', `/loyalty/tier/programs/${pid}/tier-groups`, { name: 'Status' });
    const tier = (name: string, minimumValue: number, rewards: string[] = []) =>
      emu.ok('POST', `/loyalty/tier/programs/${pid}/tier-groups/${group.id}/tiers`, {
        name,
        accessConditions: [{ balanceDefinitionId: points, minimumValue }],
        tierRewards: rewards.map((rewardId) => ({ rewardId })),
      });
    const silver = await tier('Silver', 0);
    const gold = await tier('Gold', 700, [gift.id]);
    expect((await emu.ok('GET', `/loyalty/tier/programs/${pid}/tier-groups/${group.id}`)).tierOrder).toEqual([
      silver.tierId,
      gold.tierId,
    ]);
    const tierOf = async () =>
      (await emu.ok('GET', `/loyalty/config/programs/${pid}/account-info?contactId=${contactId}`)).tier[0]?.tierId;
    expect(await tierOf()).toBe(silver.tierId);
    await emu.ok('POST', `/loyalty/config/programs/${pid}/publish`);
    await emu.ok('POST', `/loyalty/balance/programs/${pid}/transactions`, {
      contactId,
      balanceDefinitionId: points,
      amount: 200,
      autoComplete: true,
    });
    expect(await tierOf()).toBe(gold.tierId);
    const vouchers = await emu.ok('GET', `/loyalty/offer/programs/${pid}/vouchers?contactId=${contactId}`);
    expect(vouchers.contactRewards.map((v: Json) => v.rewardId)).toContain(gift.id);
    await emu.ok('POST', `/loyalty/balance/programs/${pid}/transactions`, {
      contactId,
      balanceDefinitionId: points,
      amount: -300,
      autoComplete: true,
    });
    expect(await tierOf()).toBe(silver.tierId);
    expect(
      await emu.request('POST', `/loyalty/tier/programs/${pid}/contacts/${contactId}/tiers/${silver.tierId}`),
    ).toMatchObject({ status: 409 });
    expect(await emu.request('DELETE', `/loyalty/tier/programs/${pid}/tier-groups/${group.id}`)).toMatchObject({
      status: 409,
    });
  });

  it('redeems the seeded €10 voucher: its cost held, then taken on completion; used once only', async () => {
    const balances = (await emu.ok('GET', `/loyalty/balance/programs/${P}/contact-balances`)).balances as Json[];
    const rich = balances.find((b) => b.value >= 200 && b.value < 400)!;
    const poor = balances.find((b) => b.value < 200)!;
    const voucher = await emu.ok('POST', `/loyalty/offer/programs/${P}/rewards/attribute`, {
      rewardId: DEMO_LOYALTY.voucher10,
      contactId: rich.contactId,
    });
    expect(voucher.code).toMatch(/^DS10-/);
    expect(
      await emu.ok('POST', `/loyalty/offer/programs/${P}/rewards/validate`, { attributedRewardId: voucher.id }),
    ).toEqual({ authorize: true });
    const redeem = await emu.ok('POST', `/loyalty/offer/programs/${P}/rewards/redeem`, {
      code: voucher.code,
      contactId: rich.contactId,
    });
    expect(redeem).toMatchObject({ status: 'pending', rewardAttributionId: voucher.id });
    const value = async (contact: number) =>
      (await emu.ok('GET', `/loyalty/balance/programs/${P}/subscriptions/${contact}/balances`)).balance[0].value;
    expect(await value(rich.contactId)).toBe(rich.value);
    const done = await emu.ok('POST', `/loyalty/offer/programs/${P}/rewards/redeem/${redeem.id}/complete`);
    expect(done.status).toBe('completed');
    expect(await value(rich.contactId)).toBe(rich.value - 200);
    expect(
      await emu.request('POST', `/loyalty/offer/programs/${P}/rewards/redeem`, { attributedRewardId: voucher.id }),
    ).toMatchObject({ status: 412, json: { message: expect.stringMatching(/already used/) } });

    const cheap = await emu.ok('POST', `/loyalty/offer/programs/${P}/rewards/attribute`, {
      rewardId: DEMO_LOYALTY.voucher10,
      contactId: poor.contactId,
    });
    expect(
      await emu.ok('POST', `/loyalty/offer/programs/${P}/rewards/validate`, { attributedRewardId: cheap.id }),
    ).toEqual({ authorize: false });
    expect(
      await emu.request('POST', `/loyalty/offer/programs/${P}/rewards/redeem`, { attributedRewardId: cheap.id }),
    ).toMatchObject({ status: 417, json: { message: expect.stringMatching(/Insufficient balance/) } });
    expect(
      (await emu.request('DELETE', `/loyalty/offer/programs/${P}/rewards/revoke?attributedRewardIds=${cheap.id}`))
        .status,
    ).toBe(204);
    expect(
      (await emu.request('POST', `/loyalty/offer/programs/${P}/rewards/validate`, { attributedRewardId: cheap.id }))
        .status,
    ).toBe(404);
  });

  it('keeps members of a subscription and refuses unknown contacts and owners', async () => {
    expect(
      await emu.request('POST', `/loyalty/config/programs/${pid}/subscriptions`, { contactId: 99_999 }),
    ).toMatchObject({ status: 404 });
    const added = await emu.ok('POST', `/loyalty/config/programs/${pid}/subscription-members`, {
      contactId,
      memberContactIds: [6, 7],
    });
    expect(added).toMatchObject({ ownerContactId: contactId, memberContactIds: [6, 7] });
    expect(
      await emu.request('POST', `/loyalty/config/programs/${pid}/subscription-members`, {
        contactId,
        memberContactIds: [contactId],
      }),
    ).toMatchObject({ status: 409 });
    expect(
      (await emu.ok('GET', `/loyalty/config/programs/${pid}/account-info?contactId=6&params=members`)).members.map(
        (m: Json) => m.memberContactId,
      ),
    ).toEqual([6, 7]);
    await emu.ok('DELETE', `/loyalty/config/programs/${pid}/subscription-members?memberContactIds=6`);
    expect(
      await emu.request('DELETE', `/loyalty/config/programs/${pid}/subscription-members?memberContactIds=6`),
    ).toMatchObject({ status: 404 });
    await emu.ok('DELETE', `/loyalty/config/programs/${pid}`);
    expect((await emu.request('GET', `/loyalty/balance/programs/${pid}/balance-definitions`)).status).toBe(404);
  });

  it('keeps a bounded store: sizes and a cap on programs, refused with 400 naming them', async () => {
    expect(
      await emu.request('POST', '/loyalty/config/programs', { name: 'Big', meta: { notes: 'x'.repeat(5_000) } }),
    ).toMatchObject({
      status: 400,
      json: { code: 'invalid_parameter', message: expect.stringMatching(/^meta should be at most 4096/) },
    });
    expect(
      await emu.request('POST', '/feeds', { name: 'y'.repeat(3_000), url: 'https://demoshop.example/f.json' }),
    ).toMatchObject({ status: 400, json: { message: expect.stringMatching(/^name should be at most 2048/) } });
    const existing = (await emu.ok('GET', '/loyalty/config/programs')).items.length;
    for (let i = existing; i < 20; i++) await emu.ok('POST', '/loyalty/config/programs', { name: `Program ${i}` });
    expect(await emu.request('POST', '/loyalty/config/programs', { name: 'One too many' })).toMatchObject({
      status: 400,
      json: { code: 'out_of_range', message: expect.stringMatching(/at most 20 loyalty programs/) },
    });
  });
});
